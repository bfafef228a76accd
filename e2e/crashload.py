"""Intake under `kill -9`: clients keep submitting requests while the server is killed
without warning; every request answered 2xx must exist after the restart. Used by
e2e/crashcheck.py (SQLite, one instance) and e2e/scaleout.py (two instances on PostgreSQL)."""
import base64
import concurrent.futures as futures
import os
import signal
import threading
import time

import requests as http


class IntakeLoad:
    """`threads` clients submitting hotline requests to `bases` (round robin) with a token,
    each with its own Idempotency-Key, until `stop()`. Acknowledged ids are kept."""

    def __init__(self, bases, token, item_code, region_ids, threads=8):
        self.bases, self.token, self.item_code, self.region_ids = bases, token, item_code, region_ids
        self.threads = threads
        self.run = base64.b32encode(os.urandom(5)).decode().lower()
        self.acknowledged = {}
        self.refused = []
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.pool = None
        self.jobs = []

    def _client(self, n):
        session = http.Session()
        i = 0
        while not self.stopping.is_set():
            i += 1
            key = f"crash-{self.run}-{n}-{i}"
            base = self.bases[(n + i) % len(self.bases)]
            body = {"itemCode": self.item_code, "description": f"断电检查第 {n}-{i} 件：楼道灯不亮",
                    "regionId": self.region_ids[i % len(self.region_ids)], "channel": "hotline"}
            try:
                answer = session.post(base + "/api/v1/requests", json=body, timeout=10,
                                      headers={"Authorization": f"Bearer {self.token}", "Idempotency-Key": key})
            except http.RequestException:
                time.sleep(0.05)  # the server is down: an unanswered request proves nothing
                continue
            if 200 <= answer.status_code < 300:
                with self.lock:
                    self.acknowledged[key] = answer.json()["request"]["id"]
            elif answer.status_code >= 500:
                with self.lock:
                    self.refused.append(f"{answer.status_code} {answer.text[:200]}")

    def start(self):
        self.pool = futures.ThreadPoolExecutor(self.threads)
        self.jobs = [self.pool.submit(self._client, n) for n in range(self.threads)]

    def stop(self):
        self.stopping.set()
        for job in self.jobs:
            job.result()
        self.pool.shutdown()


def kill_nine(proc):
    """SIGKILL: no shutdown handler, no flush, no goodbye."""
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
