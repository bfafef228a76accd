#!/usr/bin/env python3
"""Browser walks of Linli's main flows in a real headless Chromium.

Starts `linli serve --demo` on a free loopback port with a fresh data directory, walks the
flows as the demo users would, and stops the server. Prints `e2e: N passed, N failed`.
"""
import argparse
import os
import subprocess
import sys
import time
import traceback

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.support.ui import WebDriverWait

from serving import PASSWORD, free_port, signed_in, wait_healthy
import accessibility
import gridwork
import points
import resources
import volunteers


def check_character(first17):
    """GB 11643 check character of the first 17 digits of an ID number."""
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return "10X98765432"[sum(int(d) * w for d, w in zip(first17, weights)) % 11]


def start_server(binary, work, extra_env=None):
    port = free_port()
    data = os.path.join(work, "e2e-data")
    log = open(os.path.join(work, "e2e-server.log"), "w")
    env = dict(os.environ, LINLI_BCRYPT_COST="6", **(extra_env or {}))
    proc = subprocess.Popen([binary, "serve", "--demo", "--port", str(port), "--data-dir", data],
                            stdout=log, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    wait_healthy(base, proc, log.name)
    return proc, base


def browser(width, height, default_font_size=None):
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for arg in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                f"--window-size={width},{height}", "--lang=zh-CN"]:
        options.add_argument(arg)
    if width < 500:
        options.add_experimental_option("mobileEmulation", {
            "deviceMetrics": {"width": width, "height": height, "pixelRatio": 3.0}})
    if default_font_size:
        # The reader's own setting (Chromium: Settings › Appearance › Font size).
        options.add_experimental_option("prefs", {"webkit.webprefs.default_font_size": default_font_size})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.implicitly_wait(5)
    return driver


def login(driver, base, username):
    driver.get(base + "/login")
    assert "登录邻里" in driver.page_source, "login page is not in Chinese"
    driver.find_element(By.NAME, "username").send_keys(username)
    driver.find_element(By.NAME, "password").send_keys(PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "#login-form button[type=submit]").click()
    wait_for_text(driver, "h1", "您好")


def phone_menu(driver, label):
    """Opens a menu entry on a phone: one of the first ones, or one under 更多."""
    links = [a for a in driver.find_elements(By.CSS_SELECTOR, "#phonenav a") if a.text.strip() == label]
    assert links, f"no menu entry {label!r} on the phone"
    if not links[0].is_displayed():
        driver.find_element(By.CSS_SELECTOR, "#phonenav summary").click()
    links[0].click()


def logout(driver):
    driver.find_element(By.ID, "logout").click()
    wait_for_text(driver, "h1", "登录邻里")


def wait_until(driver, condition, what, timeout=15):
    """Waits for `condition`, treating a document replaced mid-read as "not yet"."""
    def check(d):
        try:
            return condition(d)
        except WebDriverException:
            return False
    try:
        WebDriverWait(driver, timeout).until(check)
    except Exception:
        raise AssertionError(f"never saw {what} at {driver.current_url}")


def wait_for_text(driver, css, text, timeout=15):
    """Waits until the element shows the text (a click's navigation finishes asynchronously)."""
    def shows(d):
        # A click's navigation can replace the document between finding the element and
        # reading it; ChromeDriver then reports a generic error. Look again until the timeout.
        try:
            return text in d.find_element(By.CSS_SELECTOR, css).text
        except WebDriverException:
            return False
    try:
        WebDriverWait(driver, timeout).until(shows)
    except Exception:
        main = driver.find_elements(By.TAG_NAME, "main")
        shown = main[0].text if main else driver.page_source
        raise AssertionError(f"{css} never showed {text!r} at {driver.current_url}: {shown[:800]}")


def walk_community_worker_opens_region_tree(base, work):
    """A community worker signs in on a desktop, opens the region tree, a grid, and adds a building."""
    driver = browser(1280, 900)
    try:
        login(driver, base, "sq.staff")
        driver.find_element(By.LINK_TEXT, "区域与网格").click()
        wait_for_text(driver, "h1", "建设社区")
        rows = driver.find_elements(By.CSS_SELECTOR, "#children tbody tr")
        assert len(rows) == 5, f"expected 5 grids, saw {len(rows)}"
        driver.find_element(By.LINK_TEXT, "第一网格").click()
        wait_for_text(driver, "h1", "第一网格")
        code = driver.find_element(By.ID, "node-code").text
        assert len(code) == 15, f"grid code should have 15 digits: {code}"
        team = driver.find_element(By.ID, "team").text
        assert "网格长" in team and "赵强" in team, team
        form = driver.find_element(By.ID, "create-child")
        form.find_element(By.NAME, "name").send_keys("3号楼")
        form.find_element(By.CSS_SELECTOR, "button").click()
        wait_for_text(driver, "#flash", "已新增楼栋「3号楼」")
        assert "3号楼" in driver.find_element(By.ID, "children").text
        driver.save_screenshot(os.path.join(work, "e2e-community-worker.png"))
        driver.find_element(By.ID, "logout").click()
        wait_for_text(driver, "h1", "登录邻里")
    finally:
        driver.quit()


def walk_grid_worker_on_a_phone_sees_only_their_grid(base, work):
    """A grid worker on a 390 px phone sees their grid's subtree and nothing above it."""
    driver = browser(390, 844)
    try:
        login(driver, base, "wg.worker")
        driver.find_element(By.ID, "scope-link").click()
        wait_for_text(driver, "h1", "第一网格")
        width = driver.execute_script("return document.documentElement.scrollWidth")
        assert width <= 390, f"page is wider than the phone: {width}px"
        driver.save_screenshot(os.path.join(work, "e2e-grid-worker-phone.png"))
        # The community above the grid is outside the grid worker's scope.
        crumbs = driver.find_element(By.CSS_SELECTOR, "nav.crumbs").text
        assert "建设社区" not in crumbs, crumbs
        community_id = driver.execute_script(
            "return fetch('/api/v1/me').then(r => r.json()).then(j => j.regionPath.split('/').filter(Boolean).slice(-2)[0])")
        driver.get(f"{base}/regions/{community_id}")
        wait_for_text(driver, "#error h1", "不存在或不在您的管辖范围内")
    finally:
        driver.quit()


def walk_community_worker_finds_a_resident_and_reveals_a_phone(base, work):
    """A community worker searches the registry by a two-character name, opens a resident,
    sees the numbers masked, and reveals the phone (which the audit trail records)."""
    driver = browser(1280, 900)
    try:
        login(driver, base, "sq.staff")
        driver.find_element(By.LINK_TEXT, "居民信息").click()
        wait_for_text(driver, "h1", "居民信息")
        first = driver.find_element(By.CSS_SELECTOR, "#residents tbody tr td a").text
        form = driver.find_element(By.ID, "resident-filter")
        form.find_element(By.NAME, "name").send_keys(first[:2])
        form.find_element(By.CSS_SELECTOR, "button").click()
        wait_for_text(driver, "#residents", first[:2])
        names = [a.text for a in driver.find_elements(By.CSS_SELECTOR, "#residents tbody tr td a")]
        assert names and all(first[:2] in n for n in names), names
        driver.find_element(By.LINK_TEXT, names[0]).click()
        wait_for_text(driver, "h1", names[0])
        reveal = driver.find_elements(By.ID, "reveal-phone")
        if reveal:
            masked = driver.find_element(By.ID, "phone").text
            assert "****" in masked, masked
            reveal[0].click()
            wait_until(driver, lambda d: "****" not in d.find_element(By.ID, "phone").text, "the full phone number")
            full = driver.find_element(By.ID, "phone").text
            assert len(full) == 11 and full.isdigit(), full
        driver.save_screenshot(os.path.join(work, "e2e-resident.png"))
    finally:
        driver.quit()


def walk_community_worker_imports_and_exports_a_ledger(base, work):
    """Uploads an Excel file written by openpyxl through the import form, then downloads the
    XLSX export and reads it back with openpyxl."""
    import io
    import json
    import openpyxl
    import requests
    driver = browser(1280, 900)
    try:
        login(driver, base, "sq.staff")
        driver.get(base + "/api/v1/regions?level=household&q=202")
        codes = [item["code"] for item in json.loads(driver.find_element(By.TAG_NAME, "body").text)["items"]]
        assert codes, "no household in scope"
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(["姓名", "性别", "出生日期", "身份证号码", "手机号", "居住地编码", "标签"])
        sheet.append(["导入秀英", "女", "1941-02-03", "61010319410203002" + check_character("61010319410203002"), "13811112222", codes[0], "独居老人"])
        sheet.append(["导入建国", "男", None, None, 13811113333, codes[0], None])
        path = os.path.join(work, "import.xlsx")
        book.save(path)
        driver.get(base + "/residents/import")
        driver.find_element(By.NAME, "file").send_keys(path)
        driver.find_element(By.CSS_SELECTOR, "#import-form button").click()
        wait_for_text(driver, "#import-result", "新增 2 人")
        # The export, as a browser download would fetch it with the same session.
        session = requests.Session()
        for cookie in driver.get_cookies():
            session.cookies.set(cookie["name"], cookie["value"])
        reply = session.get(base + "/residents/export?name=%E5%AF%BC%E5%85%A5&format=xlsx")
        assert reply.status_code == 200, reply.status_code
        assert reply.headers["content-type"].startswith("application/vnd.openxmlformats"), reply.headers["content-type"]
        rows = list(openpyxl.load_workbook(io.BytesIO(reply.content)).active.iter_rows(values_only=True))
        assert rows[0][:5] == ("姓名", "性别", "出生日期", "身份证号", "联系电话"), rows[0]
        names = sorted(r[0] for r in rows[1:])
        assert names == ["导入建国", "导入秀英"], names
        xiuying = next(r for r in rows[1:] if r[0] == "导入秀英")
        assert xiuying[3] == "610103********002" + check_character("61010319410203002") and xiuying[4] == "138****2222", xiuying
        export_path = os.path.join(work, "export.xlsx")
        with open(export_path, "wb") as out:
            out.write(reply.content)
        check_libreoffice_opens(export_path, work, names)
    finally:
        driver.quit()


def libreoffice_rows(path, work):
    """The cells LibreOffice (headless) reads from our XLSX, or None where it is not installed."""
    import csv
    import shutil
    soffice = shutil.which("soffice")
    if not soffice:
        if os.environ.get("CI") == "true":
            raise AssertionError("LibreOffice (soffice) is missing")
        print("  (LibreOffice not installed: skipped opening the export in it)")
        return None
    out = os.path.join(work, "libreoffice")
    result = subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{work}/lo-profile",
                             "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", out, path],
                            capture_output=True, text=True, timeout=180)
    converted = os.path.join(out, os.path.basename(path)[:-5] + ".csv")
    assert os.path.exists(converted), result.stdout + result.stderr
    with open(converted, encoding="utf-8") as handle:
        return list(csv.reader(handle))


def check_libreoffice_opens(path, work, names):
    """LibreOffice opens the ledger export and sees the same names."""
    rows = libreoffice_rows(path, work)
    if rows is None:
        return
    assert rows[0][0] == "姓名", rows[0]
    assert sorted(r[0] for r in rows[1:]) == names, rows


def check_metrics_export_opens_in_excel_readers(base, work):
    """The district admin's 办理统计 export is a real XLSX: openpyxl and LibreOffice both read the
    district row and one row per street, with the same figures as the page."""
    import re
    import openpyxl
    s = http_session(base, "qu.admin")
    page = s.get(base + "/stats").text
    submitted = re.search(r'<span class="stat-value">(\d+)</span><span class="stat-label">受理量</span>', page).group(1)
    link = re.search(r'href="(/stats/export\.xlsx\?[^"]+)"', page).group(1).replace("&amp;", "&")
    answer = s.get(base + link)
    assert answer.status_code == 200 and answer.content[:2] == b"PK", answer.status_code
    path = os.path.join(work, "metrics.xlsx")
    with open(path, "wb") as f:
        f.write(answer.content)
    sheet = openpyxl.load_workbook(path).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0][:3] == ["区域", "编码", "受理量"], rows[0]
    assert rows[1][0] == "邻里示范区" and rows[1][2] == int(submitted), rows[1]
    assert [r[0] for r in rows[2:]] == ["东关街道", "西华街道"], rows
    # Figures are numbers Excel can sum and rates are percentages (issue 17: all were text).
    assert all(isinstance(r[2], (int, float)) for r in rows[1:]), rows
    assert sum(r[2] for r in rows[2:]) == rows[1][2], rows
    rate = sheet.cell(row=2, column=rows[0].index("结案率") + 1)
    assert rate.value is None or (isinstance(rate.value, float) and rate.number_format == "0.0%"), (rate.value, rate.number_format)
    assert sheet.cell(row=2, column=2).data_type == "s", "the region code stays text"
    office = libreoffice_rows(path, work)
    if office is not None:
        assert office[1][0] == "邻里示范区" and office[1][2] == submitted, office[:2]


def check_grid_ledgers_open_in_excel_readers(base, work):
    """建设社区's 走访台账, 巡查台账 and 考核得分表 for this month are real XLSX files: openpyxl and
    LibreOffice read one row per visit, per patrol, per grid and team member, as the API counts."""
    import openpyxl
    s = http_session(base, "sq.staff")
    coverage = s.get(base + "/api/v1/grid/coverage").json()
    import datetime
    month = datetime.datetime.fromtimestamp(coverage["from"] / 1000 + 8 * 3600, datetime.timezone.utc).strftime("%Y-%m")
    # This morning's patrol is always this month's; the visits may all be last month's on the 1st.
    for name, expected_header, count in [("visits", "走访时间", coverage["total"]["visits"]), ("patrols", "开始时间", None)]:
        answer = s.get(base + f"/grid/{name}.xlsx?month={month}")
        assert answer.status_code == 200 and answer.content[:2] == b"PK", (name, answer.status_code)
        path = os.path.join(work, f"grid-{name}.xlsx")
        with open(path, "wb") as f:
            f.write(answer.content)
        rows = [[c.value for c in row] for row in openpyxl.load_workbook(path).active.iter_rows()]
        assert rows[0][0] == expected_header, rows[0]
        if count is None:
            assert len(rows) > 1, f"the {name} ledger is empty"
        else:
            assert len(rows) - 1 == count, (name, len(rows) - 1, count)
        office = libreoffice_rows(path, work)
        if office is not None:
            assert office[0][0] == expected_header and len(office) == len(rows), (name, office[:2])
    # 考核得分表: a row per grid and per team member, the totals as the API gives them.
    scores = s.get(base + f"/api/v1/grid/scores?month={month}").json()
    answer = s.get(base + f"/grid/scores.xlsx?month={month}")
    assert answer.status_code == 200 and answer.content[:2] == b"PK", answer.status_code
    path = os.path.join(work, "grid-scores.xlsx")
    with open(path, "wb") as f:
        f.write(answer.content)
    rows = [[c.value for c in row] for row in openpyxl.load_workbook(path).active.iter_rows()]
    assert rows[0][:4] == ["类型", "名称", "所属", "总分"], rows[0]
    assert len(rows) - 1 == len(scores["grids"]) + len(scores["workers"]), (len(rows), len(scores["grids"]), len(scores["workers"]))
    assert [r[3] for r in rows[1:len(scores["grids"]) + 1]] == [g["total"] for g in scores["grids"]], (rows[1:3], scores["grids"][:2])
    office = libreoffice_rows(path, work)
    if office is not None:
        assert office[0][0] == "类型" and len(office) == len(rows), office[:2]


def walk_wrong_password_is_explained(base, work):
    driver = browser(390, 844)
    try:
        driver.get(base + "/login")
        driver.find_element(By.NAME, "username").send_keys("sq.staff")
        driver.find_element(By.NAME, "password").send_keys("wrong-password-1")
        driver.find_element(By.CSS_SELECTOR, "#login-form button[type=submit]").click()
        wait_for_text(driver, "#login-error", "登录名或密码不正确")
    finally:
        driver.quit()


def check_audit_verify_and_backup_commands(binary, work):
    """`linli audit verify` says OK on the demo, names a row edited behind its back,
    `linli backup` writes a consistent copy while the server runs, `linli recount-metrics`
    sums the dashboard's summary again from the requests, `linli ledger verify` passes the
    demo's points and exits 2 naming an account edited in a copy, and `linli resources check`
    does the same for the donations; a checkpoint exported for a witness catches a chain rewritten
    from the start in a copy."""
    import sqlite3
    data = os.path.join(work, "e2e-data")
    ok = subprocess.run([binary, "audit", "verify", "--data-dir", data], capture_output=True, text=True)
    assert ok.returncode == 0 and ok.stdout.startswith("OK"), ok.stdout + ok.stderr
    backup = os.path.join(work, "e2e-backup.sqlite")
    made = subprocess.run([binary, "backup", backup, "--data-dir", data], capture_output=True, text=True)
    assert made.returncode == 0, made.stdout + made.stderr
    again = subprocess.run([binary, "backup", backup, "--data-dir", data], capture_output=True, text=True)
    assert again.returncode != 0 and "已存在" in again.stdout + again.stderr, "backup overwrote an existing file"
    with sqlite3.connect(backup) as copy:
        rows = copy.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
    assert rows > 400, f"backup holds {rows} audit rows"
    # The dashboard's daily summary, emptied behind its back in a copy, is summed again from the requests.
    import shutil
    recount = os.path.join(work, "e2e-recount")
    os.makedirs(recount, exist_ok=True)
    shutil.copy(backup, os.path.join(recount, "linli.sqlite"))
    shutil.copy(os.path.join(data, "linli.key"), recount)
    # The checkpoints kept in the copy were signed with the server's key: it goes with the copy.
    shutil.copy(os.path.join(data, "audit-signing.key"), recount)
    with sqlite3.connect(os.path.join(recount, "linli.sqlite")) as db:
        summed = db.execute("SELECT SUM(submitted), SUM(closed), SUM(ratings) FROM request_daily_counts").fetchone()
        db.execute("DELETE FROM request_daily_counts")
    done = subprocess.run([binary, "recount-metrics", "--data-dir", recount], capture_output=True, text=True)
    assert done.returncode == 0 and "重新汇总" in done.stdout, done.stdout + done.stderr
    with sqlite3.connect(os.path.join(recount, "linli.sqlite")) as db:
        again = db.execute("SELECT SUM(submitted), SUM(closed), SUM(ratings) FROM request_daily_counts").fetchone()
    assert again == summed and summed[0] >= 10, (summed, again)
    # `linli ledger verify` agrees with the demo's points, and names an account whose stored
    # balance was edited in a copy (the journal itself refuses UPDATE).
    ledger = subprocess.run([binary, "ledger", "verify", "--data-dir", data], capture_output=True, text=True)
    assert ledger.returncode == 0 and ledger.stdout.startswith("积分总账一致"), ledger.stdout + ledger.stderr
    with sqlite3.connect(os.path.join(recount, "linli.sqlite")) as db:
        account = db.execute("SELECT id FROM point_accounts WHERE kind = 'person' ORDER BY id LIMIT 1").fetchone()[0]
        db.execute("UPDATE point_accounts SET credits_posted = credits_posted + 100 WHERE id = ?", (account,))
        try:
            db.execute("UPDATE point_transfers SET amount = 1")
            raise AssertionError("the journal took an UPDATE")
        except sqlite3.DatabaseError as refused:
            assert "append-only" in str(refused), refused
    forged = subprocess.run([binary, "ledger", "verify", "--data-dir", recount], capture_output=True, text=True)
    assert forged.returncode == 2 and f"point_accounts#{account}" in forged.stdout, forged.stdout + forged.stderr
    # `linli resources check` agrees with the demo's donations, and names one whose use was
    # edited by plain SQL in the copy.
    charity = subprocess.run([binary, "resources", "check", "--data-dir", data], capture_output=True, text=True)
    assert charity.returncode == 0 and charity.stdout.startswith("慈善捐赠账目一致"), charity.stdout + charity.stderr
    with sqlite3.connect(os.path.join(recount, "linli.sqlite")) as db:
        db.execute("UPDATE donation_allocations SET amount = amount + 1 WHERE id = (SELECT MIN(id) FROM donation_allocations)")
    edited = subprocess.run([binary, "resources", "check", "--data-dir", recount], capture_output=True, text=True)
    assert edited.returncode == 2 and "慈善捐赠账目不一致" in edited.stdout, edited.stdout + edited.stderr
    # A checkpoint exported for a witness catches the copy's chain rewritten from the start,
    # which passes `audit verify` on its own.
    witness = os.path.join(work, "e2e-witness.jsonl")
    exported = subprocess.run([binary, "audit", "checkpoints", "--export", "--output", witness, "--data-dir", recount],
                              capture_output=True, text=True)
    assert exported.returncode == 0 and "已导出" in exported.stdout, exported.stdout + exported.stderr
    held = subprocess.run([binary, "audit", "verify", "--against", witness, "--data-dir", recount], capture_output=True, text=True)
    assert held.returncode == 0 and held.stdout.startswith("OK"), held.stdout + held.stderr
    with sqlite3.connect(os.path.join(recount, "linli.sqlite")) as db:
        db.execute("UPDATE audit_log SET actor_name = 'mallory' WHERE seq = 3")
        db.execute("DELETE FROM audit_checkpoints")
        rechain_audit_log(db)
    alone = subprocess.run([binary, "audit", "verify", "--data-dir", recount], capture_output=True, text=True)
    assert alone.returncode == 0, "the rewritten chain should be whole in itself: " + alone.stdout + alone.stderr
    caught = subprocess.run([binary, "audit", "verify", "--against", witness, "--data-dir", recount], capture_output=True, text=True)
    assert caught.returncode == 2 and "审计链被重写" in caught.stdout, caught.stdout + caught.stderr
    with sqlite3.connect(os.path.join(data, "linli.sqlite")) as db:
        db.execute("UPDATE audit_log SET actor_name = 'mallory' WHERE seq = 42")
    broken = subprocess.run([binary, "audit", "verify", "--data-dir", data], capture_output=True, text=True)
    assert broken.returncode == 2, broken.returncode
    assert "第 42 条记录被修改" in broken.stdout, broken.stdout


def rechain_audit_log(db):
    """What someone with the database can do: every hash recomputed from the first entry on
    (the same fields and separator as `AuditRecord.computeHash`), and the head moved to match."""
    import hashlib
    previous, last = "0" * 64, 0
    rows = db.execute("SELECT id, seq, at, actor_id, actor_name, ip, action, entity_type, entity_id, region_path, before_json, "
                      "after_json FROM audit_log WHERE seq IS NOT NULL ORDER BY seq").fetchall()
    for (row_id, seq, at, actor_id, actor_name, ip, action, entity_type, entity_id, region_path, before, after) in rows:
        fields = [str(seq), str(at), "" if actor_id is None else str(actor_id), actor_name, ip or "", action, entity_type,
                  entity_id, region_path or "", "\0" if before is None else before, "\0" if after is None else after, previous]
        digest = hashlib.sha256("\x1f".join(fields).encode()).hexdigest()
        db.execute("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?", (previous, digest, row_id))
        previous, last = digest, seq
    db.execute("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", (last, previous))


def tiny_png(path):
    """A real 8×8 PNG (zlib-compressed red pixels), made without extra libraries."""
    import struct, zlib
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
    rows = b"".join(b"\x00" + b"\xc0\x39\x2b" * 8 for _ in range(8))
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
    with open(path, "wb") as f:
        f.write(png)
    return path


def walk_a_request_goes_round_the_closed_loop(base, work):
    """A resident on a phone asks for a broken stair light with a photo; community staff register
    and dispatch it (with an internal note); the grid worker signs for it and reports with a photo
    on a phone; the grid leader verifies it; the resident rates it. The public tracking page shows
    the steps but neither the internal note nor any staff name."""
    photo = tiny_png(os.path.join(work, "light.png"))
    phone = browser(390, 844)
    try:
        login(phone, base, "jm.resident")
        phone_menu(phone, "我要办事")
        phone.find_element(By.PARTIAL_LINK_TEXT, "楼道照明").click()
        phone.find_element(By.NAME, "description").send_keys("3楼楼道灯不亮，老人晚上下楼看不见台阶 <b>急</b>")
        phone.find_element(By.NAME, "answers.floor").send_keys("3")
        phone.find_element(By.NAME, "photos").send_keys(photo)
        phone.find_element(By.ID, "ask-submit").click()
        wait_for_text(phone, "#flash", "查询码")
        code = phone.find_element(By.ID, "tracking-code").text.strip()
        assert len(code) == 12, code
        request_url = phone.current_url
        request_id = request_url.rstrip("/").split("/")[-1]
        assert "<b>急</b>" in phone.find_element(By.CSS_SELECTOR, "main").text, "HTML in the description was not shown as text"
        assert phone.execute_script("return document.documentElement.scrollWidth") <= 392, "page wider than the phone"
    finally:
        phone.quit()

    desk = browser(1280, 900)
    try:
        login(desk, base, "sq.staff")
        desk.get(base + "/requests?queue=dispatch")
        desk.find_element(By.CSS_SELECTOR, f"a[href='/requests/{request_id}']").click()
        wait_for_text(desk, "#state", "待受理")
        desk.find_element(By.CSS_SELECTOR, "#action-comment textarea").send_keys("住户为独居老人，请优先处理")
        desk.find_element(By.CSS_SELECTOR, "#action-comment button").click()
        wait_for_text(desk, "#flash", "已内部备注")
        desk.find_element(By.CSS_SELECTOR, "#action-register button").click()
        wait_for_text(desk, "#state", "待派遣")
        handler = desk.find_element(By.CSS_SELECTOR, "#action-dispatch select[name=handlerId]")
        assert "★ 网格员 刘芳" in handler.text, handler.text  # the grid's own worker is suggested first
        desk.find_element(By.CSS_SELECTOR, "#action-dispatch button").click()
        wait_for_text(desk, "#state", "待签收")
        wait_for_text(desk, "#handler", "刘芳")
    finally:
        desk.quit()

    phone = browser(390, 844)
    try:
        login(phone, base, "wg.worker")
        phone.get(base + "/requests?queue=mine")
        phone.find_element(By.CSS_SELECTOR, f"a[href='/requests/{request_id}']").click()
        phone.find_element(By.CSS_SELECTOR, "#action-claim button").click()
        wait_for_text(phone, "#state", "处置中")
        assert not phone.find_elements(By.ID, "action-verify_pass"), "the handler was offered to verify their own work"
        phone.find_element(By.CSS_SELECTOR, "#action-report textarea").send_keys("已更换楼道灯泡，现场试亮正常")
        phone.find_element(By.CSS_SELECTOR, "#action-report input[type=file]").send_keys(photo)
        phone.find_element(By.CSS_SELECTOR, "#action-report button").click()
        wait_for_text(phone, "#state", "待核查")
        assert phone.execute_script("return document.documentElement.scrollWidth") <= 392, "request page wider than the phone"
    finally:
        phone.quit()

    desk = browser(1280, 900)
    try:
        login(desk, base, "wg.leader")
        desk.get(base + "/requests?queue=verify")
        desk.find_element(By.CSS_SELECTOR, f"a[href='/requests/{request_id}']").click()
        desk.find_element(By.CSS_SELECTOR, "#action-verify_pass button").click()
        wait_for_text(desk, "#state", "待回访")
    finally:
        desk.quit()

    phone = browser(390, 844)
    try:
        login(phone, base, "jm.resident")
        phone.get(request_url)
        wait_for_text(phone, "#track-state", "已办好，请评价")
        phone.find_element(By.CSS_SELECTOR, "#rate-form input[value='5']").click()
        phone.find_element(By.CSS_SELECTOR, "#rate-form textarea").send_keys("修得很快，谢谢")
        phone.find_element(By.ID, "rate-submit").click()
        wait_for_text(phone, "#track-state", "已办好，已评价")
        phone_menu(phone, "消息")
        wait_for_text(phone, "#inbox", "复查通过，已办好")
    finally:
        phone.quit()

    anyone = browser(390, 844)
    try:
        anyone.get(base + "/track")
        anyone.find_element(By.NAME, "code").send_keys(code.lower())
        anyone.find_element(By.CSS_SELECTOR, "#track-lookup button").click()
        wait_for_text(anyone, "#track-state", "已办好，已评价")
        steps = anyone.find_element(By.ID, "track-steps").text
        # In plain words (issue 17): never the desk's 立案, 派遣, 核查.
        for label in ["已提交", "已受理", "已送达处理人", "处理人已接手", "已处理，等待复查", "复查通过，已办好", "已评价"]:
            assert label in steps, (label, steps)
        for term in ["立案", "派遣", "核查", "回访"]:
            assert term not in steps, (term, steps)
        assert "已更换楼道灯泡" in steps, steps
        for secret in ["独居老人", "刘芳", "张丽", "赵强", "内部备注"]:
            assert secret not in anyone.page_source, f"the public tracking page shows {secret}"
        images = anyone.find_elements(By.CSS_SELECTOR, "#track-steps img")
        assert len(images) == 2, len(images)
        assert anyone.execute_script("return arguments[0].naturalWidth", images[0]) == 8, "the photo did not load"
    finally:
        anyone.quit()


class Inboxes:
    """A real SMTP server (aiosmtpd) and a webhook receiver on loopback, collecting what Linli sends."""

    def __init__(self):
        import json
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
        from aiosmtpd.controller import Controller
        self.mails = []
        self.hooks = []
        inboxes = self

        class MailHandler:
            async def handle_DATA(self, server, session, envelope):
                inboxes.mails.append((envelope.rcpt_tos, envelope.content))
                return "250 OK"

        self.smtp_port = free_port()
        self.smtp = Controller(MailHandler(), hostname="127.0.0.1", port=self.smtp_port)
        self.smtp.start()

        class HookHandler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                inboxes.hooks.append(json.loads(body))
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.http = ThreadingHTTPServer(("127.0.0.1", 0), HookHandler)
        self.hook_url = f"http://127.0.0.1:{self.http.server_address[1]}/hook"
        threading.Thread(target=self.http.serve_forever, daemon=True).start()

    def env(self):
        return {"LINLI_SMTP_URL": f"smtp://127.0.0.1:{self.smtp_port}", "LINLI_MAIL_FROM": "notice@linli.test",
                "LINLI_WEBHOOK_URL": self.hook_url, "LINLI_DELIVERY_INTERVAL": "1"}

    def stop(self):
        self.smtp.stop()
        self.http.shutdown()


def walk_notices_reach_email_and_webhook(base, work, inboxes):
    """The grid worker gives an e-mail address; staff dispatch a request to them; the notice
    arrives in the worker's inbox, as an e-mail through a real SMTP server (Chinese subject and
    body intact), and at the district webhook as JSON."""
    import email
    from email.header import decode_header, make_header
    worker = browser(390, 844)
    try:
        login(worker, base, "wg.worker")
        worker.get(base + "/inbox/settings")
        worker.find_element(By.NAME, "email").send_keys("liufang@grid.test")
        worker.find_element(By.CSS_SELECTOR, "#notification-settings button").click()
        wait_for_text(worker, "#flash", "已保存通知方式")
    finally:
        worker.quit()
    desk = browser(1280, 900)
    try:
        login(desk, base, "sq.staff")
        desk.get(base + "/requests?queue=dispatch")
        link = desk.find_element(By.PARTIAL_LINK_TEXT, "垃圾清运")
        request_id = link.get_attribute("href").rstrip("/").split("/")[-1]
        link.click()
        desk.find_element(By.CSS_SELECTOR, "#action-register button").click()
        wait_for_text(desk, "#state", "待派遣")
        desk.find_element(By.CSS_SELECTOR, "#action-dispatch button").click()
        wait_for_text(desk, "#state", "待签收")
    finally:
        desk.quit()
    deadline = time.time() + 30
    mail = None
    while time.time() < deadline and mail is None:
        for rcpts, content in inboxes.mails:
            if "liufang@grid.test" in rcpts:
                mail = email.message_from_bytes(content)
        time.sleep(0.5)
    assert mail is not None, f"no e-mail reached the SMTP server; got {len(inboxes.mails)} others"
    subject = str(make_header(decode_header(mail["Subject"])))
    assert subject.endswith("派遣"), subject
    body = mail.get_payload(decode=True).decode("utf-8")
    assert "垃圾清运" in body and "待签收" in body, body
    hooks = [h for h in inboxes.hooks if h.get("facts", {}).get("request") == request_id and h["facts"].get("event") == "dispatch"]
    assert hooks, f"the district webhook got nothing for request {request_id}: {inboxes.hooks[-3:]}"
    assert hooks[0]["title"] == subject, (hooks[0], subject)


def http_session(base, username):
    """A signed-in session without a browser."""
    return signed_in(base, username)[0]


def check_open311_against_the_georeport_v2_schemas(base, work):
    """A client that knows only GeoReport v2 (plain HTTP, no Linli specifics beyond its api_key):
    every answer validates against the spec's schemas (e2e/schemas/georeport-v2.json, with
    formats checked), XML answers parse, and what it posts it reads back."""
    import json
    import re
    import xml.etree.ElementTree as ET
    import jsonschema
    import requests as http
    with open(os.path.join(os.path.dirname(__file__), "schemas", "georeport-v2.json")) as f:
        document = json.load(f)
    checker = jsonschema.FormatChecker()
    # Without these packages jsonschema skips the formats silently (.ci/run installs them).
    assert {"date-time", "uri"} <= set(checker.checkers), "install rfc3339-validator and rfc3987"

    def valid(kind, value):
        schema = {"$ref": f"#/$defs/{kind}", "$defs": document["$defs"]}
        jsonschema.validate(value, schema, cls=jsonschema.Draft202012Validator, format_checker=checker)
        return value

    # An API key for the community's staff account, issued by the district admin in the console.
    s = http_session(base, "qu.admin")
    page = s.get(base + "/tokens").text
    token = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    issued = s.post(base + "/tokens", data={"_csrf": token, "username": "sq.staff", "name": "Open311 客户端"}).text
    key = re.search(r"(lnl_[A-Za-z0-9_\-]+)", issued).group(1)

    api = base + "/open311/v2"
    valid("discovery", http.get(api + "/discovery.json").json())
    services = valid("services", http.get(api + "/services.json").json())
    assert len(services) == 120, len(services)
    ET.fromstring(http.get(api + "/services.xml").content)
    lift = valid("service_definition", http.get(api + "/services/WX02.json").json())
    attribute = lift["attributes"][0]
    posted = http.post(api + "/requests.json", data={
        "api_key": key, "service_code": "WX02", "description": "2号楼电梯停在5楼不动", "address_id": "610199001001001",
        f"attribute[{attribute['code']}]": attribute["values"][1]["key"], "lat": "34.2655", "long": "108.9490"})
    assert posted.status_code == 200, posted.text
    request_id = valid("post_response", posted.json())[0]["service_request_id"]
    mine = valid("service_requests", http.get(f"{api}/requests/{request_id}.json").json())
    assert mine[0]["service_code"] == "WX02" and mine[0]["status"] == "open", mine
    ET.fromstring(http.get(f"{api}/requests/{request_id}.xml").content)
    listed = valid("service_requests", http.get(api + "/requests.json", params={"api_key": key, "status": "open"}).json())
    assert request_id in [r["service_request_id"] for r in listed]
    public = valid("service_requests", http.get(api + "/requests.json").json())
    assert all(r["service_code"] in {s["service_code"] for s in services} for r in public)
    valid("tokens", http.get(f"{api}/tokens/{request_id}.json").json())
    bad = http.post(api + "/requests.json", data={"api_key": key, "service_code": "WX02", "description": "缺少必答项", "address_id": "610199001001001"})
    assert bad.status_code == 400, bad.status_code
    valid("errors", bad.json())
    valid("errors", http.get(api + "/services/NOPE.json").json())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--only", help="comma-separated walk names (substrings) to run, for working on one")
    args = parser.parse_args()
    inboxes = Inboxes()
    proc, base = start_server(args.binary, args.work, inboxes.env())

    def notices(base, work):
        walk_notices_reach_email_and_webhook(base, work, inboxes)
    notices.__name__ = walk_notices_reach_email_and_webhook.__name__
    submitted = {}

    def care_mode(base, work):
        submitted["code"] = accessibility.walk_care_mode_on_a_phone(base, work, browser, login)
    care_mode.__name__ = accessibility.walk_care_mode_on_a_phone.__name__

    def axe(base, work):
        accessibility.check_axe_on_every_roles_key_pages(base, work, browser, login, logout, submitted.get("code", "NOCODE"))
    axe.__name__ = accessibility.check_axe_on_every_roles_key_pages.__name__
    def volunteering(base, work):
        volunteers.walk_volunteer_on_a_phone_signs_up_checks_in_and_sees_the_hours(base, work, browser, login, logout)
    volunteering.__name__ = volunteers.walk_volunteer_on_a_phone_signs_up_checks_in_and_sees_the_hours.__name__
    def points_bank(base, work):
        points.walk_resident_redeems_on_a_phone_and_staff_scan_the_pickup_code(base, work, browser, login, logout)
    points_bank.__name__ = points.walk_resident_redeems_on_a_phone_and_staff_scan_the_pickup_code.__name__
    def grid_day(base, work):
        gridwork.walk_grid_worker_records_a_visit_raises_a_request_and_patrols_on_a_phone(base, work, browser, login, logout)
    grid_day.__name__ = gridwork.walk_grid_worker_records_a_visit_raises_a_request_and_patrols_on_a_phone.__name__
    def placing(base, work):
        gridwork.walk_street_places_a_waiting_request_and_the_community_sees_its_map_and_scores(base, work, browser, login, logout)
    placing.__name__ = gridwork.walk_street_places_a_waiting_request_and_the_community_sees_its_map_and_scores.__name__
    def five_societies(base, work):
        resources.walk_dispatcher_matches_a_request_to_an_organisation_and_its_worker_handles_it_on_a_phone(base, work, browser, login, logout)
    five_societies.__name__ = resources.walk_dispatcher_matches_a_request_to_an_organisation_and_its_worker_handles_it_on_a_phone.__name__
    walks = [walk_community_worker_opens_region_tree, walk_grid_worker_on_a_phone_sees_only_their_grid,
             walk_community_worker_finds_a_resident_and_reveals_a_phone,
             walk_community_worker_imports_and_exports_a_ledger, walk_wrong_password_is_explained,
             walk_a_request_goes_round_the_closed_loop,
             notices, check_open311_against_the_georeport_v2_schemas, check_metrics_export_opens_in_excel_readers,
             check_grid_ledgers_open_in_excel_readers,
             volunteering, points_bank, grid_day, placing, five_societies, care_mode, axe]
    if args.only:
        wanted = args.only.split(",")
        walks = [w for w in walks if any(part in w.__name__ for part in wanted)]
    passed = failed = 0
    try:
        for walk in walks:
            try:
                walk(base, args.work)
                passed += 1
                print(f"✔ {walk.__name__}")
            except Exception:
                failed += 1
                print(f"✘ {walk.__name__}")
                traceback.print_exc()
        try:
            check_audit_verify_and_backup_commands(args.binary, args.work)
            passed += 1
            print("✔ check_audit_verify_and_backup_commands")
        except Exception:
            failed += 1
            print("✘ check_audit_verify_and_backup_commands")
            traceback.print_exc()
    finally:
        inboxes.stop()
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
    print(f"e2e: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
