"""A grid worker's day in a real browser on a 390×844 phone: the day lists the overdue visit
first; the worker records a visit with a photo (the form keeps what was typed across a
reload), raises a request from it (the intake knows the household and the visit), and does a
patrol — a building passed, a problem handled on the spot, the round ended."""
import os

from PIL import Image
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from volunteers import PHONE, submit


def no_sideways_scroll(driver, what):
    assert driver.execute_script("return document.documentElement.scrollWidth") <= PHONE[0] + 2, f"{what} scrolls sideways"


def walk_grid_worker_records_a_visit_raises_a_request_and_patrols_on_a_phone(base, work, browser, login, logout):
    photo = os.path.join(work, "visit.jpg")
    Image.new("RGB", (64, 48), (200, 120, 40)).save(photo, "JPEG")
    phone = browser(*PHONE)
    try:
        login(phone, base, "wg.worker")
        phone.get(base + "/grid")
        no_sideways_scroll(phone, "the day")
        groups = phone.find_elements(By.CSS_SELECTOR, "#visits h3")
        assert groups and groups[0].text.startswith("已超期"), [g.text for g in groups]
        first = phone.find_element(By.CSS_SELECTOR, "#visits .due-item.is-overdue")
        name = first.find_element(By.TAG_NAME, "strong").text
        first.find_element(By.CSS_SELECTOR, "a.btn-primary").click()
        assert name in phone.find_element(By.TAG_NAME, "h1").text
        no_sideways_scroll(phone, "the visit form")

        # What was typed survives a reload (a submit lost to a weak signal comes back the same way).
        phone.find_element(By.NAME, "notes").send_keys("精神好，屋里暖和")
        phone.refresh()
        assert phone.find_element(By.NAME, "notes").get_attribute("value") == "精神好，屋里暖和", "the form lost its contents"

        phone.find_elements(By.CSS_SELECTOR, "input[name=method]")[0].click()
        phone.find_element(By.CSS_SELECTOR, "input[name=contact][value=resident]").click()
        phone.find_element(By.CSS_SELECTOR, "input[name='findings.health'][value=ok]").click()
        phone.find_element(By.CSS_SELECTOR, "input[name='findings.needs'][value=concern]").click()
        phone.find_element(By.NAME, "findings.needs.note").send_keys("家中扶手松动，需要维修")
        phone.find_element(By.NAME, "photos").send_keys(photo)
        submit(phone, phone.find_element(By.ID, "visit-submit"))
        assert "已登记走访" in phone.page_source, phone.find_element(By.TAG_NAME, "main").text[:300]
        assert phone.find_elements(By.CSS_SELECTOR, "#visit-findings img"), "the photo is not on the record"
        visit_url = phone.current_url
        drafts = phone.execute_script("return Object.keys(window.localStorage).filter(function (k) { return k.indexOf('linli.visit-') === 0; })")
        assert drafts == [], f"the draft was not cleared after saving: {drafts}"

        phone.find_element(By.ID, "raise-request").click()
        assert "origin=visit" in phone.current_url
        assert phone.find_element(By.ID, "place-chosen").text, "the intake does not know the household"
        Select(phone.find_element(By.CSS_SELECTOR, "#item-picker select")).select_by_index(1)
        submit(phone, phone.find_element(By.CSS_SELECTOR, "#item-picker button"))
        form = phone.find_element(By.ID, "intake-form")
        form.find_element(By.NAME, "description").send_keys("走访发现：家中扶手松动，需要上门维修")
        for question in form.find_elements(By.CSS_SELECTOR, "select[required]"):
            Select(question).select_by_index(1)
        for question in form.find_elements(By.CSS_SELECTOR, "input[required][type=text], textarea[required]"):
            if not question.get_attribute("value"):
                question.send_keys("见描述")
        submit(phone, form.find_element(By.CSS_SELECTOR, "button[type=submit], button.btn-primary"))
        assert "已登记" in phone.page_source, phone.find_element(By.TAG_NAME, "main").text[:300]
        phone.get(visit_url)
        raised = phone.find_element(By.ID, "visit-requests").text
        assert "没有。" not in raised, raised

        phone.get(base + "/grid")
        start = phone.find_elements(By.CSS_SELECTOR, "#patrols button")
        assert start, phone.find_element(By.ID, "patrols").text if phone.find_elements(By.ID, "patrols") else "no patrol section"
        submit(phone, start[0])
        assert "巡查已开始" in phone.page_source
        no_sideways_scroll(phone, "the patrol")
        submit(phone, phone.find_element(By.CSS_SELECTOR, "#patrol-buildings button[id^=pass-]"))
        assert "已打卡" in phone.page_source
        phone.find_element(By.CSS_SELECTOR, "#patrol-problems summary").click()
        phone.find_element(By.CSS_SELECTOR, "#problem-form textarea[name=description]").send_keys("2号楼门口电动车充电线私拉")
        phone.find_element(By.CSS_SELECTOR, "#problem-form input[name=handledNote]").send_keys("已劝导住户收回")
        submit(phone, phone.find_element(By.ID, "problem-submit"))
        assert "电动车充电线" in phone.find_element(By.ID, "patrol-problems").text
        submit(phone, phone.find_element(By.ID, "end-patrol"))
        assert "巡查已结束" in phone.page_source
    finally:
        phone.quit()


def walk_street_places_a_waiting_request_and_the_community_sees_its_map_and_scores(base, work, browser, login, logout):
    """On a 390×844 phone the street's admin opens 待定位 from the home page, picks 建设社区 and
    第一网格 for the hotline call that named only a crossing, and places it; then the community
    worker, on a desktop, sees the community's boundaries drawn and the month's 考核定分 with
    every point's reason, with the link to the score sheet."""
    phone = browser(*PHONE)
    try:
        login(phone, base, "jd.admin")
        waiting = phone.find_element(By.CSS_SELECTOR, "#due-requests-unplaced a")
        submit(phone, waiting)
        assert "待定位" in phone.page_source
        submit(phone, phone.find_element(By.PARTIAL_LINK_TEXT, "道路安全隐患"))
        section = phone.find_element(By.ID, "placing")
        assert "确定地点后才能派遣" in section.text, section.text
        no_sideways_scroll(phone, "the request waiting for a place")
        Select(phone.find_element(By.CSS_SELECTOR, "#placing-down select")).select_by_visible_text("建设社区")
        submit(phone, phone.find_element(By.CSS_SELECTOR, "#placing-down button"))
        Select(phone.find_element(By.CSS_SELECTOR, "#placing-down select")).select_by_visible_text("第一网格")
        submit(phone, phone.find_element(By.CSS_SELECTOR, "#placing-down button"))
        submit(phone, phone.find_element(By.CSS_SELECTOR, "#placing-form button"))
        assert "已确定地点" in phone.page_source, phone.find_element(By.TAG_NAME, "main").text[:500]
        assert not phone.find_elements(By.ID, "placing"), "the request still waits for a place"
        assert "第一网格" in phone.find_element(By.TAG_NAME, "main").text
    finally:
        phone.quit()
    desk = browser(1280, 900)
    try:
        login(desk, base, "sq.staff")
        desk.get(base + "/regions")
        shapes = desk.find_elements(By.CSS_SELECTOR, "#map svg path")
        assert len(shapes) == 6, f"建设社区 and its five grids should be drawn: {len(shapes)}"
        desk.get(base + "/grid/scores")
        table = desk.find_element(By.ID, "grid-scores").text
        assert "第一网格" in table and "走访按时率" in table, table[:300]
        assert desk.find_element(By.ID, "worker-scores").text.count("网格员") >= 1
        # The sheet itself is opened by check_grid_ledgers_open_in_excel_readers.
        assert "/grid/scores.xlsx" in desk.find_element(By.ID, "score-sheet").get_attribute("href")
        desk.save_screenshot(os.path.join(work, "e2e-scores.png"))
    finally:
        desk.quit()
