"""Accessibility in the browser: axe-core on every role's key pages, on a phone and a desktop, in
the standard mode and in 关怀模式; the computed sizes of 关怀模式 on a 390×844 phone; and the
estimated time of a resident's request from the home page.

axe-core comes from PyPI's `axe-core-python` (it bundles axe-core 4.4.3); a serious or critical
violation anywhere fails the walk.
"""
import re

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from axe_core_python.selenium import Axe

PHONE = (390, 844)
DESKTOP = (1280, 900)

# Standard times per step of the resident's journey, for people over 60 on a phone. Based on
# the keystroke-level model (Card, Moran & Newell 1980: pointing 1.1 s, a tap 0.2 s, mental
# preparation 1.35 s), doubled for older users, whose pointing times run about twice those of
# young adults (Hawthorn 2000, "Possible implications of aging for user interface design").
SECONDS_PER_PAGE = 5.0    # to read a new page and find what to do on it
SECONDS_PER_TAP = 2.6     # (1.1 + 0.2) × 2
SECONDS_PER_CHARACTER = 1.5  # a Chinese character by pinyin or handwriting input
GOAL_SECONDS = 60
GOAL_TAPS = 6


def estimated_seconds(pages, taps, characters):
    return pages * SECONDS_PER_PAGE + taps * SECONDS_PER_TAP + characters * SECONDS_PER_CHARACTER


def serious_violations(driver):
    """axe-core's serious and critical findings on the page shown, as readable lines."""
    result = Axe().run(driver)
    assert result.get("testEngine", {}).get("version", "").startswith("4."), result.get("testEngine")
    found = []
    for violation in result["violations"]:
        if violation.get("impact") in ("serious", "critical"):
            targets = [", ".join(node["target"]) for node in violation["nodes"][:3]]
            found.append(f"{violation['id']} ({violation['impact']}): {violation['help']} — {targets}")
    return found


def set_care(driver, base, on):
    """关怀模式 for this browser, by its cookie (the switch itself is walked separately)."""
    driver.get(base + "/healthz")
    driver.add_cookie({"name": "linli_care", "value": "1" if on else "0", "path": "/"})


def path_of(href):
    return "/" + href.split("/", 3)[3]


def key_pages(base, browser_factory, login, code):
    """Every role's key pages: the paths to check after signing in as each demo user."""
    desk = browser_factory(*DESKTOP)
    try:
        login(desk, base, "jm.resident")
        desk.get(base + "/ask")
        item = desk.find_element(By.PARTIAL_LINK_TEXT, "楼道照明").get_attribute("href").split("/")[-1]
        desk.get(base + "/my/requests")
        own = [a.get_attribute("href") for a in desk.find_elements(By.CSS_SELECTOR, "#my-requests a")]
        assert own, "the demo resident has no requests"
        own_path = path_of(own[0])
    finally:
        desk.quit()
    staff = browser_factory(*DESKTOP)
    try:
        login(staff, base, "sq.staff")
        staff.get(base + "/requests")
        first = staff.find_element(By.CSS_SELECTOR, "#requests a[href^='/requests/']").get_attribute("href")
        request_path = path_of(first)
        staff.get(base + "/activities")
        activity = path_of(staff.find_element(By.CSS_SELECTOR, "#activities a[href^='/activities/']").get_attribute("href"))
        staff.get(base + "/volunteers")
        volunteer = path_of(staff.find_element(By.CSS_SELECTOR, "#volunteer-list a[href^='/volunteers/']").get_attribute("href"))
        staff.get(base + volunteer)
        certificates = staff.find_elements(By.CSS_SELECTOR, "a[href^='/volunteer-certificates/']")
        certificate = path_of(certificates[0].get_attribute("href")) if certificates else None
        verify = None
        if certificate:
            staff.get(base + certificate)
            verify = "/v/" + staff.find_element(By.CSS_SELECTOR, "#certificate figcaption").text.split("/v/")[-1].strip()
        staff.get(base + "/volunteer-teams")
        team = path_of(staff.find_element(By.CSS_SELECTOR, "#team-list a[href^='/volunteer-teams/']").get_attribute("href"))
    finally:
        staff.quit()
    volunteering = ["/activities", activity, f"{activity}/signups", "/activities/new", "/volunteers", volunteer, "/volunteer-teams", team,
                    "/service-records/import"] + ([certificate] if certificate else [])
    resident = ["/", "/ask", f"/ask/{item}", "/my/requests", own_path, "/activities", "/volunteer", "/points"]
    points = ["/points/manage?name=%E9%83%91%E7%A7%80%E8%8B%B1", "/points/items", "/points/items/1", "/points/pickup", "/points/rules", "/points/monthly",
              "/points/accounts/1"]
    grid = ["/grid", "/grid/plans", "/grid/plates?gridId=4"]
    five = ["/resources", "/resources/map", "/resources/charity", "/resources/organisations/1", "/resources/organisations/new",
            "/resources/donations/1", "/resources/donors/1", "/resources/social-workers/new", f"{request_path}/match"]
    desk_pages = ["/", "/requests", request_path, "/stats", "/residents", "/requests/new", "/duty"] + volunteering + points + grid + five
    return {
        None: ["/login", "/track", f"/track/{code}"] + ([verify] if verify else []),
        "jm.resident": resident,
        "sq.staff": desk_pages,
        "wg.worker": ["/", "/requests?queue=mine", request_path, "/grid", "/grid/rules", "/grid/plans"],
        "wg.leader": ["/", "/requests", "/stats"],
        "jd.admin": ["/", "/stats", "/resources/incubations", "/resources/incubations/3", "/resources/organisations/2"],
        "qu.admin": ["/", "/stats", "/residents", "/audit", "/catalog", "/catalog/items/new", "/points/verify?run=1"],
        "sg.worker": ["/"],
        "zz.org": ["/", "/requests?queue=mine", "/my/organisation"],
        "zyz.volunteer": ["/", "/requests?queue=mine", "/volunteer", "/activities", activity],
        "bm.dept": ["/", "/requests?queue=mine"],
        "dy.member": ["/", "/ask"],
    }


def check_axe_on_every_roles_key_pages(base, work, browser_factory, login, logout, code):
    pages = key_pages(base, browser_factory, login, code)
    failures = []
    checked = 0
    for size in (PHONE, DESKTOP):
        for care in (False, True):
            driver = browser_factory(*size)
            try:
                for username, paths in pages.items():
                    set_care(driver, base, care)
                    if username:
                        login(driver, base, username)
                    for path in paths:
                        driver.get(base + path)
                        assert ("class=\"care\"" in driver.page_source) == care, (path, care)
                        for line in serious_violations(driver):
                            failures.append(f"{size[0]}px {'关怀' if care else '标准'} {username or '访客'} {path}: {line}")
                        checked += 1
                    if username:
                        logout(driver)
            finally:
                driver.quit()
    assert checked >= 100, checked
    assert not failures, "\n".join(failures)


CONTROLS_TOO_SMALL = """
const minimum = arguments[0];
const small = [];
const controls = document.querySelectorAll(
  'button, input:not([type=hidden]), select, textarea, a.btn, nav a, summary, .choices a, .due-item a, .links a');
for (const el of controls) {
  const box = el.getBoundingClientRect();
  if (box.width === 0 && box.height === 0) continue;  // not shown (a closed <details>)
  if (getComputedStyle(el).visibility === 'hidden' || el.closest('.sr')) continue;
  // A checkbox or radio is hit through its label, which is the row the finger taps.
  const target = (el.type === 'checkbox' || el.type === 'radio') && el.closest('label') ? el.closest('label') : el;
  const height = target.getBoundingClientRect().height;
  if (height < minimum) small.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} "${(el.textContent || el.name || '').trim().slice(0, 20)}" ${height.toFixed(1)}px`);
}
return small;
"""


def body_font_px(driver):
    return float(driver.execute_script("return parseFloat(getComputedStyle(document.body).fontSize)"))


def walk_care_mode_on_a_phone(base, work, browser_factory, login):
    """A resident turns on 关怀模式 on the login page of a 390×844 phone; text is 18 px or more,
    every control 48 px high or more; the request from the home page takes at most 6 taps and an
    estimated minute. Returns the tracking code of the request it submitted."""
    phone = browser_factory(*PHONE)
    try:
        phone.get(base + "/login")
        standard = body_font_px(phone)
        phone.find_element(By.ID, "care-switch").click()
        WebDriverWait(phone, 15).until(lambda d: d.execute_script("return document.documentElement.classList.contains('care')"))
        assert phone.find_element(By.ID, "care-switch").get_attribute("aria-pressed") == "true"
        assert body_font_px(phone) >= 18, body_font_px(phone)
        assert body_font_px(phone) > standard, (standard, body_font_px(phone))
        login(phone, base, "jm.resident")
        for path in ["/", "/ask", "/my/requests"]:
            phone.get(base + path)
            assert body_font_px(phone) >= 18, (path, body_font_px(phone))
            small = phone.execute_script(CONTROLS_TOO_SMALL, 48)
            assert not small, (path, small)
            assert phone.execute_script("return document.documentElement.scrollWidth") <= 392, f"{path} wider than the phone"

        # The journey: home → a top item → describe it → submit.
        phone.get(base + "/")
        pages = taps = characters = 0
        pages += 1  # the home page
        phone.find_element(By.CSS_SELECTOR, "#ask .choices a[href^='/ask/']").click()
        taps += 1
        pages += 1  # the form
        form = phone.find_element(By.ID, "ask-form")
        small = phone.execute_script(CONTROLS_TOO_SMALL, 48)
        assert not small, ("form", small)
        description = form.find_element(By.NAME, "description")
        description.click()
        taps += 1
        words = "楼道灯坏了"
        description.send_keys(words)
        characters += len(words)
        for required in form.find_elements(By.CSS_SELECTOR, "[required]"):
            assert required.get_attribute("name") == "description" or required.get_attribute("value"), \
                f"a top item asks for more than a description: {required.get_attribute('name')}"
        phone.find_element(By.ID, "ask-submit").click()
        taps += 1
        pages += 1  # the answer with the 查询码
        code = phone.find_element(By.ID, "tracking-code").text.strip()
        seconds = estimated_seconds(pages, taps, characters)
        print(f"  关怀模式 journey: {taps} taps, {characters} characters, {pages} pages ≈ {seconds:.1f} s")
        assert taps <= GOAL_TAPS, taps
        assert seconds <= GOAL_SECONDS, seconds
        assert "class=\"care\"" in phone.page_source
        small = phone.execute_script(CONTROLS_TOO_SMALL, 48)
        assert not small, ("request page", small)
    finally:
        phone.quit()

    # The browser's own font setting reaches the text: a default of 24 px instead of 16.
    large = browser_factory(*PHONE, default_font_size=24)
    try:
        set_care(large, base, True)
        large.get(base + "/login")
        assert abs(body_font_px(large) - 27) < 0.5, body_font_px(large)  # 24 × 1.125
        set_care(large, base, False)
        large.get(base + "/login")
        assert abs(body_font_px(large) - 24) < 0.5, body_font_px(large)
    finally:
        large.quit()
    return code
