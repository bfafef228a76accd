"""Schemathesis against a demo server: every operation of the OpenAPI document the server
serves, once with a district administrator's API token and once with a resident's, within a
time budget. Fails on any 5xx, a dropped connection, a server that stopped answering, or an
answer the document does not allow (status, content type, body schema). Prints the numbers
of requests sent.

    python3 e2e/apifuzz.py --binary .build/debug/linli --work DIR [--seconds 120]
"""
import argparse
import json
import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serving import free_port, signed_in, wait_healthy  # noqa: E402

CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance"


def issue_tokens(base):
    session, csrf = signed_in(base, "qu.admin")
    tokens = {}
    for username in ("jm.resident", "qu.admin"):
        answer = session.post(base + "/api/v1/tokens", json={"username": username, "name": "schemathesis"},
                              headers={"X-CSRF-Token": csrf})
        assert answer.status_code == 201, answer.text[:300]
        tokens[username] = answer.json()["secret"]
    return tokens


def run_schemathesis(base, token, seconds, report):
    command = ["st", "--no-color", "run", base + "/api/openapi.json", "--url", base, "-H", f"Authorization: Bearer {token}",
               "--checks", CHECKS, "--max-time", str(seconds), "--workers", "1", "--report", "har",
               "--report-har-path", report, "--suppress-health-check", "all", "--seed", "20261201", "--generation-database", "none"]
    # Revoking the run's own token or disabling its account would end the run: left out.
    for name in ("DELETE /api/v1/tokens/{id}", "POST /api/v1/users/{id}/disable"):
        command += ["--exclude-name", name]
    started = time.time()
    # Schemathesis keeps a cache in its working directory: the run's own, not the tree.
    result = subprocess.run(command, capture_output=True, text=True, timeout=seconds * 3 + 120, cwd=os.path.dirname(report))
    return result, time.time() - started


def count_requests(har):
    try:
        with open(har, encoding="utf-8") as f:
            return len(json.load(f)["log"]["entries"])
    except (OSError, ValueError, KeyError):
        return 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--seconds", type=int, default=120, help="budget per token")
    args = parser.parse_args()

    data = os.path.join(args.work, "apifuzz")
    os.makedirs(data, exist_ok=True)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log_path = os.path.join(data, "server.log")
    log = open(log_path, "w")
    server = subprocess.Popen([args.binary, "serve", "--demo", "--data-dir", data, "--port", str(port)], stdout=log, stderr=log)
    failed = False
    try:
        wait_healthy(base, server, log_path)
        tokens = issue_tokens(base)
        for who, token in tokens.items():
            har = os.path.join(data, f"{who}.har")
            result, took = run_schemathesis(base, token, args.seconds, har)
            sent = count_requests(har)
            summary = [line for line in result.stdout.splitlines() if re.search(r"(generated|passed|failed|errored|Seed)", line)]
            print(f"  schemathesis as {who}: {sent} requests in {took:.0f}s, exit {result.returncode}")
            for line in summary[-4:]:
                print("    " + line.strip())
            if result.returncode != 0:
                failed = True
                print(result.stdout[-12000:])
                print(result.stderr[-2000:], file=sys.stderr)
            if server.poll() is not None:
                failed = True
                print(f"  the server exited ({server.returncode}) during the run as {who}", file=sys.stderr)
                break
        try:
            wait_healthy(base, server, log_path, seconds=10)
        except RuntimeError as error:
            failed = True
            print(f"  the server does not answer after the run: {error}", file=sys.stderr)
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
    with open(log_path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    if "Fatal error" in text or "Program crashed" in text:
        failed = True
        print("  the server log shows a crash:\n" + text[-6000:], file=sys.stderr)
    if failed:
        sys.exit(1)
    print("  schemathesis: no 5xx, no dropped connection, every answer as documented")


if __name__ == "__main__":
    main()
