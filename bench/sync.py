"""The cost of syncing every SQLite commit: intake throughput of one `linli serve --demo` with
LINLI_SQLITE_SYNC=full (the default) and =normal, on fresh data directories, alternating,
with the same concurrent hotline intake as the crash check (e2e/crashload.py).

    python3 bench/sync.py --binary .build/release/linli [--seconds 15] [--pairs 2]
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "e2e"))
from crashload import IntakeLoad  # noqa: E402
from serving import free_port, signed_in, wait_healthy  # noqa: E402


def measure(binary, sync, seconds, threads):
    data = tempfile.mkdtemp(prefix=f"linli-sync-{sync}-")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = dict(os.environ, LINLI_SQLITE_SYNC=sync, LINLI_BCRYPT_COST="6", LINLI_LOG_LEVEL="warning")
    log = open(os.path.join(data, "server.log"), "w")
    proc = subprocess.Popen([binary, "serve", "--demo", "--data-dir", data, "--port", str(port)], env=env, stdout=log, stderr=log)
    try:
        wait_healthy(base, proc, log.name)
        admin, csrf = signed_in(base, "qu.admin")
        token = admin.post(base + "/api/v1/tokens", json={"username": "sq.staff", "name": "bench"},
                           headers={"X-CSRF-Token": csrf}).json()["secret"]
        households = [r["id"] for r in admin.get(base + "/api/v1/regions?level=household&q=1").json()["items"]][:40]
        load = IntakeLoad([base], token, "WX05", households, threads=threads)
        load.start()
        time.sleep(seconds)
        load.stop()
        return len(load.acknowledged) / seconds
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        subprocess.run(["rm", "-rf", data])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--pairs", type=int, default=2)
    parser.add_argument("--threads", type=int, default=8)
    args = parser.parse_args()
    results = {"full": [], "normal": []}
    for _ in range(args.pairs):
        for sync in ("full", "normal"):
            rate = measure(args.binary, sync, args.seconds, args.threads)
            results[sync].append(rate)
            print(f"  synchronous={sync.upper():6} {rate:7.0f} intakes/s", flush=True)
    full, normal = (sum(v) / len(v) for v in (results["full"], results["normal"]))
    print(f"mean: FULL {full:.0f}/s, NORMAL {normal:.0f}/s, FULL costs {100 * (1 - full / normal):.0f}%")


if __name__ == "__main__":
    main()
