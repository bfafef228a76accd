"""五社资源 in a real browser: a resident's request for 独居老人探访; the community worker opens
the matching from the request's dispatch box, sees the candidates ranked with their reasons,
and gives it to 东关社工服务中心; the centre's 接单人 signs for it and reports on a 390 px phone;
the organisation's page then shows the request, the centre uploads its 年报 as a PDF which the
community worker downloads, and a donation's receipt lists its uses."""
import os

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from serving import signed_in
from volunteers import PHONE, submit


def no_sideways_scroll(driver, what):
    assert driver.execute_script("return document.documentElement.scrollWidth") <= PHONE[0] + 2, f"{what} scrolls sideways"


def resident_asks_for_a_visit(base):
    session, csrf = signed_in(base, "jm.resident")
    items = session.get(base + "/api/v1/catalog").json()
    item = next(i for i in items["items"] if i["code"] == "YL05")
    reply = session.post(base + "/api/v1/requests", headers={"X-CSRF-Token": csrf},
                         json={"itemId": item["id"], "description": "母亲独居，想请人每周来看看她"})
    assert reply.status_code == 201, reply.text[:300]
    return reply.json()["request"]["id"]


def walk_dispatcher_matches_a_request_to_an_organisation_and_its_worker_handles_it_on_a_phone(base, work, browser, login, logout):
    request_id = resident_asks_for_a_visit(base)
    desk = browser(1280, 900)
    phone = browser(*PHONE)
    try:
        login(desk, base, "sq.staff")
        desk.get(f"{base}/requests/{request_id}")
        submit(desk, desk.find_element(By.CSS_SELECTOR, "#action-register button"))
        match_link = desk.find_element(By.LINK_TEXT, "按五社资源匹配承接方")
        match_link.click()
        assert "匹配承接方：独居老人探访" in desk.find_element(By.TAG_NAME, "h1").text
        candidates = desk.find_elements(By.CSS_SELECTOR, "#candidates > li")
        assert len(candidates) >= 3, [c.text for c in candidates]
        names = [c.find_element(By.TAG_NAME, "strong").text for c in candidates]
        scores = [float(c.find_element(By.CSS_SELECTOR, ".score").text.split()[0]) for c in candidates]
        assert scores == sorted(scores, reverse=True), scores
        centre = candidates[names.index("东关社工服务中心")]
        reasons = centre.text
        assert "提供「独居老人探访」" in reasons and "服务范围包含" in reasons and "在办" in reasons, reasons
        submit(desk, centre.find_element(By.CSS_SELECTOR, "button"))
        assert "已派给东关社工服务中心" in desk.page_source
        assert "承接单位：东关社工服务中心" in desk.find_element(By.TAG_NAME, "main").text

        # The centre's 接单人 on a phone: the request is on their home, they sign and report.
        login(phone, base, "zz.org")
        no_sideways_scroll(phone, "the organisation's home")
        phone.get(f"{base}/requests/{request_id}")
        no_sideways_scroll(phone, "the request on a phone")
        submit(phone, phone.find_element(By.CSS_SELECTOR, "#action-claim button"))
        phone.find_element(By.CSS_SELECTOR, "#action-report textarea").send_keys("已上门探访，约定每周三下午再来")
        submit(phone, phone.find_element(By.CSS_SELECTOR, "#action-report button"))
        assert "待核查" in phone.find_element(By.TAG_NAME, "main").text
        phone.get(base + "/my/organisation")
        no_sideways_scroll(phone, "本组织")
        assert "东关社工服务中心" in phone.find_element(By.TAG_NAME, "h1").text
        assert "独居老人探访" in phone.find_element(By.ID, "organisation-requests").text
        assert phone.find_elements(By.CSS_SELECTOR, "#organisation-requests a"), "the intake cannot open the request it handles"
        # The centre sends its 年报 itself: a PDF chosen on the phone, then listed on its page.
        report = os.path.join(str(work), "nianbao-2025.pdf")
        with open(report, "wb") as out:
            out.write(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
        phone.find_element(By.CSS_SELECTOR, "#organisation-documents summary").click()
        form = phone.find_element(By.ID, "document-form")
        Select(form.find_element(By.NAME, "kind")).select_by_visible_text("年度报告")
        form.find_element(By.NAME, "title").send_keys("2025 年度工作报告")
        form.find_element(By.NAME, "file").send_keys(report)
        submit(phone, form.find_element(By.CSS_SELECTOR, "button"))
        assert "已上传：2025 年度工作报告" in phone.page_source
        no_sideways_scroll(phone, "本组织 with its documents")
        link = phone.find_element(By.PARTIAL_LINK_TEXT, "2025 年度工作报告").get_attribute("href")
        # The community worker who reads the centre downloads the same file.
        staff, _ = signed_in(base, "sq.staff")
        download = staff.get(link)
        assert download.status_code == 200 and download.headers["Content-Type"] == "application/pdf", download.status_code
        assert download.content.startswith(b"%PDF-1.4") and "attachment" in download.headers["Content-Disposition"]
        # Another organisation's record is not the account's to read.
        phone.get(base + "/resources/organisations/2")
        assert "建设社区老年协会" not in phone.page_source and "没有" in phone.find_element(By.TAG_NAME, "main").text, phone.page_source[:400]

        # The community worker verifies; the receipt of the street's rice lists where it went.
        desk.get(f"{base}/requests/{request_id}")
        submit(desk, desk.find_element(By.CSS_SELECTOR, "#action-verify_pass button"))
        desk.get(base + "/resources/charity")
        desk.find_element(By.PARTIAL_LINK_TEXT, "大米").click()
        uses = desk.find_element(By.ID, "uses").text
        assert "独居老人 20 户" in uses and "积分超市 大米" in uses, uses
        assert desk.find_element(By.ID, "donation-remainder").text == "10 袋"
    finally:
        desk.quit()
        phone.quit()
