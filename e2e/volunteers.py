"""The volunteer's day in a real browser: staff publish an activity that is under way, a
volunteer on a 390×844 phone signs up, checks in by scanning the code on the organiser's
screen (the walk decodes the QR code from a screenshot with zxing-cpp, as a phone camera
would), checks out a minute later with a fresh code, and after staff certify sees the hours
and the progress to the next star."""
import io
import time
from datetime import datetime, timedelta, timezone
from urllib.parse import urlparse

import zxingcpp
from PIL import Image
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select, WebDriverWait

SHANGHAI = timezone(timedelta(hours=8))
PHONE = (390, 844)


def submit(driver, element, accept=False):
    """Clicks a form's button and waits for the next page."""
    page = driver.find_element(By.TAG_NAME, "html")
    element.click()
    if accept:
        WebDriverWait(driver, 10).until(expected_conditions.alert_is_present()).accept()

    def replaced(_):
        # The old page's root is gone: Chrome says so as a stale element, or — when the check
        # lands mid-navigation — as a node that "does not belong to the document".
        try:
            page.is_enabled()
            return False
        except StaleElementReferenceException:
            return True
        except WebDriverException as e:
            if "does not belong to the document" in str(e):
                return True
            raise
    WebDriverWait(driver, 15).until(replaced)


def local(dt):
    return dt.strftime("%Y-%m-%dT%H:%M")


def scanned_code(staff, base, activity):
    """What a phone's camera reads off the organiser's screen: the check-in address."""
    staff.get(f"{base}/activities/{activity}/screen")
    shown = staff.find_element(By.ID, "check-in-code").text.strip()
    png = staff.find_element(By.CSS_SELECTOR, "#check-in-screen figure svg").screenshot_as_png
    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    assert found, "the QR code on the screen cannot be read"
    url = found[0].text
    assert url.endswith(f"/activities/{activity}/check-in?code={shown}"), (url, shown)
    return urlparse(url)._replace(scheme="", netloc="").geturl(), shown


def walk_volunteer_on_a_phone_signs_up_checks_in_and_sees_the_hours(base, work, browser, login, logout):
    now = datetime.now(SHANGHAI)
    staff = browser(1280, 900)
    phone = browser(*PHONE)
    try:
        login(staff, base, "sq.staff")
        staff.get(base + "/activities/new")
        staff.find_element(By.NAME, "title").send_keys("楼道清理（走查）")
        Select(staff.find_element(By.NAME, "regionId")).select_by_visible_text("社区：建设社区")
        for name, value in [("startsAt", local(now - timedelta(minutes=5))), ("endsAt", local(now + timedelta(hours=2))),
                            ("signUpCloses", local(now + timedelta(hours=1)))]:
            field = staff.find_element(By.NAME, name)
            staff.execute_script("arguments[0].value = arguments[1]", field, value)
        staff.find_element(By.NAME, "roles.0.name").clear()
        staff.find_element(By.NAME, "roles.0.name").send_keys("清理")
        submit(staff, staff.find_element(By.ID, "activity-save"))
        assert "已保存为草稿" in staff.page_source, staff.page_source[:2000]
        activity = staff.current_url.rstrip("/").split("/")[-1]
        submit(staff, staff.find_element(By.ID, "action-publish"))
        assert "报名中" in staff.find_element(By.CSS_SELECTOR, ".page-head").text

        login(phone, base, "zyz.volunteer")
        phone.get(f"{base}/activities/{activity}")
        assert phone.execute_script("return document.documentElement.scrollWidth") <= PHONE[0], "the activity page scrolls sideways"
        submit(phone, phone.find_element(By.CSS_SELECTOR, "#roles form button"))
        assert phone.find_element(By.ID, "my-status").text == "已报名"
        assert phone.find_element(By.CSS_SELECTOR, "#personal-code svg"), "no personal code to show the organiser"

        # 活动变更: the organiser gives it half an hour more; the volunteer is told why.
        staff.get(f"{base}/activities/{activity}")
        staff.find_element(By.CSS_SELECTOR, "#activity-change summary").click()
        staff.execute_script("arguments[0].value = arguments[1]", staff.find_element(By.CSS_SELECTOR, "#activity-change [name=endsAt]"),
                             local(now + timedelta(hours=2, minutes=30)))
        staff.find_element(By.CSS_SELECTOR, "#activity-change [name=reason]").send_keys("垃圾较多，延长半小时")
        submit(staff, staff.find_element(By.ID, "change-activity"))
        assert "活动已修改" in staff.page_source, staff.page_source[:1500]
        assert local(now + timedelta(hours=2, minutes=30))[-5:] in staff.find_element(By.TAG_NAME, "main").text
        phone.get(base + "/inbox")
        assert "活动变更：楼道清理（走查）" in phone.page_source and "垃圾较多，延长半小时" in phone.page_source

        path, _ = scanned_code(staff, base, activity)
        phone.get(base + path)
        submit(phone, phone.find_element(By.ID, "punch"))
        assert "签到成功" in phone.page_source
        # A second scan of the same code changes nothing: the page says it is done.
        phone.get(base + path)
        assert "已于" in phone.find_element(By.ID, "check-in-status").text
        assert phone.find_element(By.ID, "punch").text == "签退"

        time.sleep(65)
        path, _ = scanned_code(staff, base, activity)
        phone.get(base + path)
        submit(phone, phone.find_element(By.ID, "punch"))
        assert "签退成功" in phone.page_source

        staff.get(f"{base}/activities/{activity}/signups")
        assert "—" not in staff.find_element(By.CSS_SELECTOR, "table.cards tbody tr").text.split("已报名")[-1][:12]
        staff.get(f"{base}/activities/{activity}")
        submit(staff, staff.find_element(By.ID, "action-finish"))
        submit(staff, staff.find_element(By.ID, "action-certify"), accept=True)
        assert "已认证 1 条服务记录" in staff.page_source, staff.page_source[:1500]

        phone.get(base + "/volunteer")
        # 孙伟's 338 hours (rounded to a tenth) barely move with one minute: the record shows it.
        assert "小时" in phone.find_element(By.ID, "certified-hours").text
        records = phone.find_element(By.ID, "my-records").text
        assert "楼道清理（走查）" in records and "1 分钟" in records, records[:300]
        progress = phone.find_element(By.ID, "star-progress")
        assert progress.get_attribute("max") == "100" and phone.find_element(By.ID, "star-count").text.count("★") == 2
        assert phone.execute_script("return document.documentElement.scrollWidth") <= PHONE[0], "my volunteering scrolls sideways"
    finally:
        staff.quit()
        phone.quit()
