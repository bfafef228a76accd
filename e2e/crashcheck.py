"""Crash durability on SQLite: a demo server takes concurrent intake and is killed with
`kill -9` three times mid-load. After each restart every request that was answered 2xx must
exist; at the end `linli audit verify` must pass and the dashboard's figures for today must
equal counts of the rows. Prints acknowledged vs found.

    python3 e2e/crashcheck.py --binary .build/debug/linli --work DIR
"""
import argparse
import os
import sqlite3
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from crashload import IntakeLoad, kill_nine  # noqa: E402
from serving import free_port, signed_in, today_counts_match_rows, wait_healthy  # noqa: E402

ROUNDS = 3
LOAD_SECONDS = 4


class Server:
    def __init__(self, binary, data):
        self.binary, self.data = binary, data
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = dict(os.environ, LINLI_BCRYPT_COST="6", LINLI_LOG_LEVEL="warning")
        self.proc = None

    def start(self, demo=False):
        log_path = os.path.join(self.data, "server.log")
        log = open(log_path, "a")
        command = [self.binary, "serve", "--data-dir", self.data, "--port", str(self.port)] + (["--demo"] if demo else [])
        self.proc = subprocess.Popen(command, env=self.env, stdout=log, stderr=log)
        wait_healthy(self.base, self.proc, log_path)

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=30)

    def cli(self, *args):
        return subprocess.run([self.binary, *args, "--data-dir", self.data], env=self.env, capture_output=True, text=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--work", required=True)
    args = parser.parse_args()
    data = os.path.join(args.work, "crashcheck")
    os.makedirs(data, exist_ok=True)
    server = Server(args.binary, data)
    server.start(demo=True)
    admin, csrf = signed_in(server.base, "qu.admin")
    token = admin.post(server.base + "/api/v1/tokens", json={"username": "sq.staff", "name": "断电检查"},
                       headers={"X-CSRF-Token": csrf}).json()["secret"]
    database = os.path.join(data, "linli.sqlite")

    def rows(statement):
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=30) as db:
            return db.execute(statement).fetchall()

    grid = rows("SELECT path FROM regions WHERE name = '第一网格' ORDER BY id LIMIT 1")[0][0]
    households = [r[0] for r in rows(f"SELECT id FROM regions WHERE path LIKE '{grid}%' AND level = 'household' ORDER BY id")]
    acknowledged = {}
    failures = []
    for round_number in range(1, ROUNDS + 1):
        load = IntakeLoad([server.base], token, "WX05", households)
        load.start()
        time.sleep(LOAD_SECONDS)
        kill_nine(server.proc)
        load.stop()
        failures += load.refused
        acknowledged.update(load.acknowledged)
        server.start()
        ids = set(acknowledged.values())
        found = {r[0] for r in rows("SELECT id FROM requests")} & ids
        print(f"  round {round_number}: kill -9 under intake; acknowledged {len(ids)}, found {len(found)} after restart")
        if found != ids:
            failures.append(f"round {round_number}: acknowledged but missing: {sorted(ids - found)[:10]}")
    session, _ = signed_in(server.base, "qu.admin")
    shown, from_rows = today_counts_match_rows(lambda path: session.get(server.base + path, timeout=60),
                                               lambda sql: rows(sql)[0][0])
    server.stop()
    verify = server.cli("audit", "verify")
    print(f"  audit verify: {verify.stdout.strip()}")
    if verify.returncode != 0:
        failures.append(f"audit chain broken after kill -9: {verify.stdout} {verify.stderr}")
    print(f"  dashboard {shown}, rows {from_rows}")
    if shown != from_rows:
        failures.append(f"dashboard {shown} differs from the rows {from_rows}")
    if not acknowledged:
        failures.append("no request was acknowledged: the load never reached the server")
    if failures:
        print("crash check failed:\n  " + "\n  ".join(failures[:20]), file=sys.stderr)
        sys.exit(1)
    print(f"crash check: {len(acknowledged)} acknowledged, {len(acknowledged)} found after {ROUNDS} kill -9 restarts")


if __name__ == "__main__":
    main()
