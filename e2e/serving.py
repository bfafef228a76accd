"""What both e2e scripts need of a running Linli: a free port, waiting for /healthz, and a
signed-in HTTP session (the login form's double-submit token included)."""
import re
import socket
import time
import urllib.request

PASSWORD = "linli2026"
CSRF = re.compile(r'name="_csrf" value="([^"]+)"')


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def wait_healthy(base, proc, log, seconds=120):
    """Waits until `base`/healthz answers 200; fails if `proc` exits first."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"{base} exited early; see {log}")
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    if proc is not None:
        proc.kill()
    raise RuntimeError(f"{base} did not answer /healthz in time; see {log}")


def signed_in(base, username):
    """A requests.Session signed in as `username`, and the session's CSRF token."""
    import requests as http
    s = http.Session()
    token = CSRF.search(s.get(base + "/login").text).group(1)
    answer = s.post(base + "/login", data={"_csrf": token, "username": username, "password": PASSWORD, "next": "/"})
    assert "您好" in answer.text, f"{username} could not sign in at {base}"
    return s, CSRF.search(answer.text).group(1)


def today_counts_match_rows(get, scalar):
    """The dashboard's figures for today (metrics API, Asia/Shanghai days) against counts
    of the request rows themselves; `get(path)` answers the API, `scalar(sql)` the database.
    Returns (shown, from_rows)."""
    shanghai_now = time.time() + 8 * 3600
    today = time.strftime("%Y-%m-%d", time.gmtime(shanghai_now))
    midnight = int(shanghai_now // 86400 * 86400 - 8 * 3600) * 1000
    metrics = get(f"/api/v1/metrics?from={today}&to={today}")
    assert metrics.status_code == 200, metrics.text[:300]
    counts = metrics.json()["total"]["counts"]
    scope = f"FROM requests WHERE submitted_at >= {midnight} AND submitted_at < {midnight + 86400000}"
    from_rows = {
        "submitted": scalar(f"SELECT COUNT(*) {scope}"),
        "accepted": scalar(f"SELECT COUNT(*) {scope} AND state NOT IN ('rejected', 'voided', 'withdrawn')"),
        "responded": scalar(f"SELECT COUNT(*) {scope} AND responded_at IS NOT NULL"),
        "closed": scalar(f"SELECT COUNT(*) {scope} AND state IN ('closed', 'rated')"),
    }
    return {k: counts[k] for k in from_rows}, from_rows
