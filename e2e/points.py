"""The points bank in a real browser: a resident on a 390×844 phone sees what she may spend,
redeems an item (the page asks first), and is shown a pickup QR code; staff's phone camera
reads the code (the walk decodes it from a screenshot with zxing-cpp) and opens the pickup
page, where staff confirm; the resident then finds it picked up and her points posted."""
import io

import zxingcpp
from PIL import Image
from selenium.webdriver.common.by import By

from volunteers import PHONE, submit


def walk_resident_redeems_on_a_phone_and_staff_scan_the_pickup_code(base, work, browser, login, logout):
    phone = browser(*PHONE)
    staff = browser(*PHONE)
    try:
        login(phone, base, "jm.resident")
        phone.get(base + "/points")
        before = float(phone.find_element(By.ID, "points-available").text)
        assert before >= 5, f"the demo resident has {before} points"
        assert phone.execute_script("return document.documentElement.scrollWidth") <= PHONE[0] + 2, "my points scrolls sideways"
        umbrella = next(li for li in phone.find_elements(By.CSS_SELECTOR, "#shop li") if "爱心雨伞" in li.text)
        submit(phone, umbrella.find_element(By.CSS_SELECTOR, "button"), accept=True)
        assert "已兑换「爱心雨伞」" in phone.page_source, "no word that the redemption is held"
        assert float(phone.find_element(By.ID, "points-available").text) == before - 5
        held = next(d for d in phone.find_elements(By.CSS_SELECTOR, "#held .due-item") if "爱心雨伞" in d.text)
        shown = held.find_element(By.CSS_SELECTOR, "code").text.replace("-", "")
        png = held.find_element(By.CSS_SELECTOR, "figure svg").screenshot_as_png
        found = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
        assert found, "the pickup QR code cannot be read"
        url = found[0].text
        assert url.endswith(f"/points/pickup?code={shown}"), (url, shown)

        login(staff, base, "sq.staff")
        staff.get(base + url[url.index("/points/pickup"):])
        assert "郑秀英" in staff.find_element(By.ID, "redemption").text
        assert staff.execute_script("return document.documentElement.scrollWidth") <= PHONE[0] + 2, "the pickup page scrolls sideways"
        submit(staff, staff.find_element(By.ID, "pickup-confirm"))
        assert "已核销：郑秀英 领取「爱心雨伞」" in staff.page_source

        phone.get(base + "/points")
        done = phone.find_element(By.ID, "done").text
        assert "爱心雨伞" in done and "已领取" in done, done
        assert "爱心雨伞" not in phone.find_element(By.ID, "held").text if phone.find_elements(By.ID, "held") else True
    finally:
        phone.quit()
        staff.quit()
