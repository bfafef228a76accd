#!/usr/bin/env python3
"""Scale-out check: two `linli serve` instances on one PostgreSQL behind nginx.

Loads the small demo into a fresh PostgreSQL database once, starts two instances on it (same
LINLI_DATA_KEY, --trust-proxy) and an nginx on loopback that balances between them, then:

  * sessions: signed in on instance A, the same cookie and CSRF token work on instance B,
    and signing out on B signs out on A;
  * intake: many hotline requests submitted concurrently through nginx, each sent twice at
    once with the same Idempotency-Key (one copy through nginx, one straight to the other
    instance) — every key yields exactly one request, both answers name it;
  * transitions: every step of the loop (立案, 派遣, 签收, 反馈, 核查) raced by several
    clients through A, B and nginx at once — exactly one wins, the rest get 409;
  * afterwards, from the database itself: nothing lost, nothing duplicated, no transition
    applied twice, the audit hash chain intact, and the metrics API (through nginx) equal to
    counts taken from the rows; both instances took a share of the traffic.

Prints `scale-out: N passed, N failed` and exits non-zero on any failure.
"""
import argparse
from datetime import datetime, timedelta, timezone
import base64
import concurrent.futures as futures
import os
import shutil
import subprocess
import sys
import time
import traceback
import urllib.parse

from crashload import IntakeLoad, kill_nine
from serving import free_port, signed_in, today_counts_match_rows, wait_healthy

CLIENTS = 12
INTAKES = 240


class Deployment:
    """PostgreSQL database + two instances + nginx, all on loopback, stopped by `stop()`."""

    def __init__(self, binary, work, psql, admin_url):
        self.binary, self.work, self.psql, self.admin_url = binary, work, psql, admin_url
        self.procs = []
        self.nginx_cmd = None

    def start(self):
        binary, work, admin_url = self.binary, self.work, self.admin_url
        name = "linli_scaleout"
        self.sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)", database="postgres")
        self.sql(f"CREATE DATABASE {name}", database="postgres")
        self.database = name
        self.url = urllib.parse.urlsplit(admin_url)._replace(path="/" + name).geturl()
        self.env = dict(os.environ, LINLI_BCRYPT_COST="6", LINLI_DATABASE_URL=self.url,
                        LINLI_DATA_KEY=base64.b64encode(os.urandom(32)).decode(),
                        LINLI_AUDIT_KEY=base64.b64encode(os.urandom(32)).decode(), LINLI_LOG_LEVEL="warning")
        subprocess.run([binary, "demo"], env=self.env, check=True, stdout=subprocess.DEVNULL)
        self.instances = []
        for label in ["a", "b"]:
            port = free_port()
            self.instances.append(f"http://127.0.0.1:{port}")
            self.procs.append(self.launch(len(self.instances) - 1))
        for base, proc in zip(self.instances, self.procs):
            wait_healthy(base, proc, "scaleout-*.log")
        self.nginx_dir = os.path.join(work, "nginx")
        shutil.rmtree(self.nginx_dir, ignore_errors=True)
        os.makedirs(self.nginx_dir)
        os.chmod(self.nginx_dir, 0o777)
        self.proxy_port = free_port()
        upstreams = "\n".join(f"    server {b[len('http://'):]};" for b in self.instances)
        conf = os.path.join(self.nginx_dir, "nginx.conf")
        with open(conf, "w") as f:
            f.write(f"""
worker_processes 1;
pid {self.nginx_dir}/nginx.pid;
error_log {self.nginx_dir}/error.log warn;
{"user root;" if os.geteuid() == 0 else ""}
events {{ worker_connections 1024; }}
http {{
  log_format upstreamlog '$upstream_addr $status $request_method $request_uri';
  access_log {self.nginx_dir}/access.log upstreamlog;
  client_body_temp_path {self.nginx_dir}/body;
  proxy_temp_path {self.nginx_dir}/proxy;
  fastcgi_temp_path {self.nginx_dir}/fastcgi;
  uwsgi_temp_path {self.nginx_dir}/uwsgi;
  scgi_temp_path {self.nginx_dir}/scgi;
  upstream linli {{
{upstreams}
    keepalive 16;
  }}
  server {{
    listen 127.0.0.1:{self.proxy_port};
    client_max_body_size 40m;
    location / {{
      proxy_pass http://linli;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host:$server_port;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_next_upstream off;
    }}
  }}
}}
""")
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        subprocess.run([nginx, "-c", conf, "-p", self.nginx_dir, "-e", os.path.join(self.nginx_dir, "error.log")], check=True)
        self.nginx_cmd = [nginx, "-c", conf, "-p", self.nginx_dir, "-e", os.path.join(self.nginx_dir, "error.log"), "-s", "stop"]
        self.proxy = f"http://127.0.0.1:{self.proxy_port}"
        wait_healthy(self.proxy, None, "nginx")

    def launch(self, index):
        """Starts instance `index` (a or b) on its port, its log appended to."""
        port = self.instances[index].rsplit(":", 1)[1]
        log = os.path.join(self.work, f"scaleout-{'ab'[index]}.log")
        return subprocess.Popen([self.binary, "serve", "--port", port, "--trust-proxy"],
                                env=self.env, stdout=open(log, "a"), stderr=subprocess.STDOUT)

    def sql(self, statement, database=None):
        """One statement through psql; rows as lists of strings."""
        url = self.admin_url if database == "postgres" else self.url
        done = subprocess.run([self.psql, url, "-X", "-A", "-t", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-c", statement],
                              capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"psql: {statement}: {done.stderr.strip()}")
        out = done.stdout
        return [line.split("\t") for line in out.splitlines() if line]

    def scalar(self, statement):
        return int(self.sql(statement)[0][0])

    def stop(self):
        if self.nginx_cmd:
            subprocess.run(self.nginx_cmd, check=False)
        for proc in self.procs:
            proc.terminate()
        for proc in self.procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()


class Client:
    """A signed-in session (cookie + CSRF token) usable against any instance."""

    def __init__(self, base, username):
        self.session, self.csrf = signed_in(base, username)

    def get(self, base, path):
        return self.session.get(base + path, timeout=60)

    def post(self, base, path, body, headers=None):
        return self.session.post(base + path, json=body, timeout=60,
                                 headers={"X-CSRF-Token": self.csrf, **(headers or {})})


def check_sessions_work_across_instances(d, state):
    a, b = d.instances
    client = Client(a, "sq.staff")
    assert client.get(b, "/api/v1/requests").status_code == 200, "a session made on A is unknown to B"
    grid = d.scalar("SELECT id FROM regions WHERE name = '第一网格' ORDER BY id LIMIT 1")
    answer = client.post(b, "/api/v1/requests", {"itemCode": "HW01", "description": "跨实例会话检查：垃圾桶满了", "regionId": grid,
                                                  "contactName": "来电居民", "phone": "13900001111", "channel": "hotline"})
    assert answer.status_code == 201, f"A's CSRF token refused on B: {answer.status_code} {answer.text[:300]}"
    out = client.session.post(b + "/logout", data={"_csrf": client.csrf}, allow_redirects=False)
    assert out.status_code in (302, 303), f"logout on B answered {out.status_code}"
    after = client.get(a, "/api/v1/requests")
    assert after.status_code == 401, f"signed out on B but A still answers {after.status_code}"


def race(calls):
    """Runs the calls at once; returns their responses in order."""
    with futures.ThreadPoolExecutor(len(calls)) as pool:
        return list(pool.map(lambda call: call(), calls))


def check_concurrent_intake_and_transitions(d, state):
    a, b = d.instances
    proxy = d.proxy
    grid = d.scalar("SELECT id FROM regions WHERE name = '第一网格' ORDER BY id LIMIT 1")
    households = [int(r[0]) for r in d.sql(f"SELECT id FROM regions WHERE path LIKE (SELECT path FROM regions WHERE id = {grid}) || '%' AND level = 'household' ORDER BY id")]
    worker = d.scalar("SELECT id FROM users WHERE username = 'wg.worker'")
    desks = [Client(proxy, "sq.staff") for _ in range(3)]
    workers = [Client(proxy, "wg.worker") for _ in range(2)]
    leaders = [Client(proxy, "wg.leader") for _ in range(2)]
    items = ["HW01", "HW05", "WX05", "PA01", "MD01", "HW09"]
    run = base64.b32encode(os.urandom(5)).decode().lower()
    ids = {}
    errors = []

    def intake(i):
        key = f"scale-{run}-{i}"
        body = {"itemCode": items[i % len(items)], "description": f"扩容检查第 {i} 件：楼道需要处理",
                "regionId": households[i % len(households)], "contactName": "来电居民",
                "phone": f"139{i:08d}", "channel": "hotline"}
        desk = desks[i % len(desks)]
        other = b if i % 2 else a
        first, second = race([lambda: desk.post(proxy, "/api/v1/requests", body, {"Idempotency-Key": key}),
                              lambda: desk.post(other, "/api/v1/requests", body, {"Idempotency-Key": key})])
        codes = sorted([first.status_code, second.status_code])
        if codes != [200, 201]:
            errors.append(f"intake {key}: {first.status_code} {first.text[:200]} / {second.status_code} {second.text[:200]}")
            return
        one, two = first.json()["request"]["id"], second.json()["request"]["id"]
        if one != two:
            errors.append(f"intake {key}: two requests {one} and {two}")
            return
        ids[i] = one

    with futures.ThreadPoolExecutor(CLIENTS // 2) as pool:
        list(pool.map(intake, range(INTAKES)))
    assert not errors, "\n".join(errors[:5])
    state["run"], state["ids"] = run, ids

    # Each request goes as far as its number says: 0 waits, 1 registered, 2 dispatched,
    # 3 claimed, 4 reported, 5 and 6 verified (closed).
    steps = [("register", desks, {}), ("dispatch", desks, {"handlerId": worker}), ("claim", workers, {}),
             ("report", workers, {"note": "已到现场处理完毕"}), ("verify_pass", leaders, {})]
    state["expected"] = {}

    def advance(i):
        request_id = ids[i]
        depth = min(i % 7, len(steps))
        for action, clients, extra in steps[:depth]:
            path = f"/api/v1/requests/{request_id}/actions"
            calls = [lambda c=c, base=base: c.post(base, path, {"action": action, **extra})
                     for c, base in zip(clients * 2, [a, b, proxy][:3])]
            answers = race(calls)
            won = [r for r in answers if r.status_code == 200]
            lost = [r for r in answers if r.status_code == 409]
            if len(won) != 1 or len(won) + len(lost) != len(answers):
                errors.append(f"{action} on {request_id}: " + ", ".join(f"{r.status_code} {r.text[:120]}" for r in answers))
                return
        state["expected"][request_id] = ["received", "registered", "dispatched", "in_progress", "reported", "closed"][depth]

    with futures.ThreadPoolExecutor(CLIENTS // 3) as pool:
        list(pool.map(advance, range(INTAKES)))
    assert not errors, "\n".join(errors[:5])


def check_sign_ups_for_fifty_places_through_both_instances(d, state):
    """200 sign-ups at once, sent to both instances and the proxy, for 50 places: exactly 50
    confirmed and 150 on the waiting list, numbered 1–150 — the capacity is decided under the
    activity's row lock, whichever instance takes the call."""
    a, b = d.instances
    proxy = d.proxy
    street = d.scalar("SELECT id FROM regions WHERE name = '东关街道' ORDER BY id LIMIT 1")
    community = d.scalar("SELECT id FROM regions WHERE name = '建设社区' ORDER BY id LIMIT 1")
    path = d.sql(f"SELECT path FROM regions WHERE id = {street}")[0][0]
    people = [int(r[0]) for r in d.sql(f"SELECT id FROM residents WHERE region_path LIKE '{path}%' ORDER BY id LIMIT 200")]
    assert len(people) == 200, f"only {len(people)} residents in the street"
    organisers = [Client(proxy, "jd.admin") for _ in range(4)]
    start = datetime.now(timezone(timedelta(hours=8))) + timedelta(days=3)
    body = {"title": "扩容检查：健康讲座", "kind": "resident", "regionId": community, "targetRegionId": street,
            "startsAt": start.strftime("%Y-%m-%dT%H:%M"), "endsAt": (start + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
            "roles.0.name": "参加", "roles.0.capacity": 50}
    created = organisers[0].post(a, "/api/v1/activities", body)
    assert created.status_code == 201, f"{created.status_code} {created.text[:300]}"
    activity = created.json()["id"]
    published = organisers[0].post(b, f"/api/v1/activities/{activity}/transition", {"action": "publish"})
    assert published.status_code == 200, f"{published.status_code} {published.text[:300]}"
    bases = [a, b, proxy]

    def sign_up(i):
        return organisers[i % len(organisers)].post(bases[i % 3], f"/api/v1/activities/{activity}/signups", {"residentId": people[i]})

    with futures.ThreadPoolExecutor(CLIENTS) as pool:
        answers = list(pool.map(sign_up, range(200)))
    bad = [f"{r.status_code} {r.text[:160]}" for r in answers if r.status_code != 201]
    assert not bad, f"{len(bad)} sign-ups failed: {bad[:3]}"
    said = [r.json()["signUp"]["status"] for r in answers]
    assert said.count("confirmed") == 50 and said.count("waiting") == 150, f"answered {said.count('confirmed')} confirmed"
    rows = dict((r[0], int(r[1])) for r in d.sql(f"SELECT status, COUNT(*) FROM activity_signups WHERE activity_id = {activity} GROUP BY status"))
    assert rows == {"confirmed": 50, "waiting": 150}, f"stored {rows}"
    positions = sorted(r.json()["waitingPosition"] for r in answers if r.json()["signUp"]["status"] == "waiting")
    assert positions == list(range(1, 151)), f"waiting positions {positions[:5]}…"
    print(f"  200 sign-ups for 50 places through two instances: 50 confirmed, 150 waiting 1–150")


def check_redemptions_and_spends_through_both_instances(d, state):
    """积分兑换 at once through both instances and the proxy: 100 residents who can each afford
    it redeem an item with 10 in stock — exactly 10 holds; one resident who can pay for 5
    spends 50 times at once — exactly 5. Stock and balances are decided under the item's and
    the account's row locks, whichever instance takes the call; the ledger check agrees."""
    a, b = d.instances
    proxy = d.proxy
    bases = [a, b, proxy]
    community = d.scalar("SELECT id FROM regions WHERE name = '建设社区' ORDER BY id LIMIT 1")
    path = d.sql(f"SELECT path FROM regions WHERE id = {community}")[0][0]
    people = [int(r[0]) for r in d.sql(f"SELECT id FROM residents WHERE region_path LIKE '{path}%' ORDER BY id DESC LIMIT 101")]
    assert len(people) == 101, f"only {len(people)} residents in the community"
    staff = [Client(proxy, "sq.staff") for _ in range(4)]

    def grant(i):
        return staff[i % len(staff)].post(bases[i % 3], "/api/v1/points/grants",
                                          {"residentId": people[i], "amount": 25 if i == 100 else 10, "reason": "扩容检查"})
    with futures.ThreadPoolExecutor(CLIENTS // 2) as pool:
        granted = list(pool.map(grant, range(101)))
    bad = [f"{r.status_code} {r.text[:160]}" for r in granted if r.status_code != 201]
    assert not bad, f"{len(bad)} grants failed: {bad[:3]}"

    def item(name, stock):
        made = staff[0].post(a, "/api/v1/points/items", {"communityId": community, "name": name, "price": 5, "stock": stock,
                                                         "pickupPlace": "社区服务中心"})
        assert made.status_code == 201, f"{made.status_code} {made.text[:300]}"
        return made.json()["id"]
    scarce, plenty = item("扩容检查：爱心礼包", 10), item("扩容检查：公交卡充值", 100)

    def redeem(i):
        return staff[i % len(staff)].post(bases[i % 3], f"/api/v1/points/shop/{scarce}/redeem", {"residentId": people[i]})
    with futures.ThreadPoolExecutor(CLIENTS) as pool:
        answers = list(pool.map(redeem, range(100)))
    codes = sorted(r.status_code for r in answers)
    assert codes.count(201) == 10 and codes.count(409) == 90, f"answered {codes.count(201)} holds, {codes.count(409)} refusals: {set(codes)}"
    held = d.scalar(f"SELECT COUNT(*) FROM shop_redemptions WHERE item_id = {scarce} AND state = 'held'")
    stock = d.sql(f"SELECT stock, held FROM shop_items WHERE id = {scarce}")[0]
    assert int(held) == 10 and [int(x) for x in stock] == [0, 10], f"stored {held} holds, stock/held {stock}"

    def spend(i):
        return staff[i % len(staff)].post(bases[i % 3], f"/api/v1/points/shop/{plenty}/redeem", {"residentId": people[100]})
    with futures.ThreadPoolExecutor(CLIENTS) as pool:
        spends = list(pool.map(spend, range(50)))
    codes = [r.status_code for r in spends]
    refused = {r.json()["error"]["code"] for r in spends if r.status_code == 409}
    assert codes.count(201) == 5 and codes.count(409) == 45 and refused == {"insufficient_points"}, f"{codes.count(201)} spends, {refused}"
    check = Client(proxy, "qu.admin").get(b, "/api/v1/points/verify")
    assert check.status_code == 200 and check.json().get("mismatch") is None, check.text[:300]
    print("  100 redemptions of 10 in stock: 10 holds; 50 spends affordable 5: 5; ledger verified")


def check_kill_nine_of_one_instance_under_intake(d, state):
    """Intake to both instances; instance a is killed with SIGKILL mid-load and started
    again. Every request either instance answered 2xx must be in the database (the records
    check after this one then verifies the audit chain and the dashboard against the rows)."""
    admin = Client(d.proxy, "qu.admin")
    token = admin.post(d.proxy, "/api/v1/tokens", {"username": "sq.staff", "name": "断电检查"}).json()["secret"]
    grid = d.scalar("SELECT id FROM regions WHERE name = '第一网格' ORDER BY id LIMIT 1")
    households = [int(r[0]) for r in d.sql(f"SELECT id FROM regions WHERE path LIKE (SELECT path FROM regions WHERE id = {grid}) || '%' AND level = 'household' ORDER BY id")]
    load = IntakeLoad(d.instances, token, "WX05", households)
    load.start()
    time.sleep(3)
    kill_nine(d.procs[0])
    time.sleep(2)
    d.procs[0] = d.launch(0)
    wait_healthy(d.instances[0], d.procs[0], "scaleout-a.log")
    time.sleep(2)
    load.stop()
    assert not load.refused, f"5xx during the crash: {load.refused[:3]}"
    ids = set(load.acknowledged.values())
    assert ids, "no request was acknowledged"
    found = {int(r[0]) for r in d.sql(f"SELECT id FROM requests WHERE idempotency_key LIKE '%crash-{load.run}-%'")}
    missing = ids - found
    assert not missing, f"acknowledged but missing after kill -9: {sorted(missing)[:10]}"
    print(f"  kill -9 of instance a under intake: acknowledged {len(ids)}, found {len(ids & found)}")


def check_the_records_afterwards(d, state):
    run, ids, expected = state["run"], state["ids"], state["expected"]
    keyed = d.sql(f"SELECT idempotency_key, id FROM requests WHERE idempotency_key LIKE '%:scale-{run}-%'")
    assert len(keyed) == INTAKES, f"{INTAKES} keys sent, {len(keyed)} requests stored"
    assert len({k for k, _ in keyed}) == INTAKES, "an idempotency key has two requests"
    assert {int(i) for _, i in keyed} == set(ids.values()), "the stored requests are not the ones the clients were told"
    # This run's requests only: the demo's history has reworked requests, reported twice by right.
    doubled = d.sql("SELECT request_id, kind, COUNT(*) FROM request_events "
                    "WHERE kind IN ('submit', 'register', 'dispatch', 'claim', 'report', 'verify_pass') "
                    f"AND request_id IN (SELECT id FROM requests WHERE idempotency_key LIKE '%:scale-{run}-%') "
                    "GROUP BY request_id, kind HAVING COUNT(*) > 1")
    assert not doubled, f"transitions applied twice: {doubled[:5]}"
    states = {int(i): s for i, s in d.sql(f"SELECT id, state FROM requests WHERE idempotency_key LIKE '%:scale-{run}-%'")}
    wrong = {i: (states.get(i), s) for i, s in expected.items() if states.get(i) != s}
    assert not wrong, f"requests not in the state their winning steps left them: {list(wrong.items())[:5]}"
    mismatched = d.sql("SELECT r.id, r.version, COUNT(e.id) FROM requests r JOIN request_events e ON e.request_id = r.id "
                       f"WHERE r.idempotency_key LIKE '%:scale-{run}-%' GROUP BY r.id, r.version HAVING COUNT(e.id) <> r.version")
    assert not mismatched, f"version differs from the number of events (id, version, events): {mismatched[:5]}"
    # Both instances run their sequencers (one at a time holds the lock): within seconds every
    # entry either wrote has its one place in the chain.
    deadline = time.time() + 20
    while d.scalar("SELECT COUNT(*) FROM audit_log WHERE seq IS NULL") != 0:
        assert time.time() < deadline, "audit entries still unchained 20 s after the load, with both instances running"
        time.sleep(0.5)
    rows, placed, distinct, top = d.sql("SELECT COUNT(*), COUNT(seq), COUNT(DISTINCT seq), MAX(seq) FROM audit_log")[0]
    assert int(rows) == int(placed) == int(distinct) == int(top), f"entries {rows}, sequenced {placed}, distinct {distinct}, last {top}"
    verify = subprocess.run([d.binary, "audit", "verify"], env=d.env, capture_output=True, text=True)
    assert verify.returncode == 0, f"audit chain broken after concurrent writes: {verify.stdout} {verify.stderr}"

    admin = Client(d.proxy, "qu.admin")
    shown, from_rows = today_counts_match_rows(lambda path: admin.get(d.proxy, path), d.scalar)
    assert shown == from_rows, f"metrics {shown} differ from the rows {from_rows}"

    with open(os.path.join(d.nginx_dir, "access.log")) as f:
        upstreams = [line.split()[0] for line in f if line.strip()]
    shares = {base: sum(1 for u in upstreams if base.endswith(u)) for base in d.instances}
    assert all(n >= len(upstreams) // 4 for n in shares.values()), f"one instance took (almost) nothing: {shares}"
    print(f"  {len(upstreams)} proxied calls, per instance {sorted(shares.values())}; metrics {from_rows}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--postgres-url", required=True, help="URL of the cluster's postgres database (a scratch database is made beside it)")
    parser.add_argument("--psql", default="psql")
    args = parser.parse_args()
    passed = failed = 0
    d = None
    try:
        d = Deployment(args.binary, args.work, args.psql, args.postgres_url)
        d.start()
        state = {}
        for check in [check_sessions_work_across_instances, check_concurrent_intake_and_transitions,
                      check_sign_ups_for_fifty_places_through_both_instances, check_redemptions_and_spends_through_both_instances,
                      check_kill_nine_of_one_instance_under_intake, check_the_records_afterwards]:
            name = check.__name__
            started = time.time()
            try:
                check(d, state)
                passed += 1
                print(f"ok   {name} ({time.time() - started:.1f} s)")
            except Exception:
                failed += 1
                print(f"FAIL {name}")
                traceback.print_exc()
                break
    finally:
        if d is not None:
            d.stop()
    print(f"scale-out: {passed} passed, {failed} failed")
    sys.exit(1 if failed or passed == 0 else 0)


if __name__ == "__main__":
    main()
