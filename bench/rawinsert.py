#!/usr/bin/env python3
"""The storage ceiling for intake: how many "intakes' worth" of rows the database itself takes
per second, with no HTTP, no Swift and no service code in between.

One intake through Linli writes a request row, its first event, an audit entry (unchained: the
sequencer chains it after the commit, docs/architecture.md), and notices. bench/run measures how many rows of each table one intake really
wrote (row counts before and after the intake scenario) and passes them here as
`--rows table=n,...`. Each transaction then writes that many copies of the newest row of each
table (fresh keys, a fresh tracking code, the audit entry without its place in the chain),
exactly as one intake's transaction does — straight into SQLite through its C library (Python's sqlite3) with Linli's
settings (WAL, synchronous=NORMAL, foreign keys on), or into PostgreSQL through psycopg with
the server's own durability settings, from as many clients as the intake scenario used.

bench/volunteers uses it the same way for a sign-up's rows (one sign-up, one audit entry).

A database from before `kernel.audit.003` (bench/ab's copy for a build before it) has no insert
key on audit_log: there each copy takes the next seq and moves the head under one lock, as that
build's intake did, so each build is measured against its own storage ceiling.

Prints one line: `RAW {"transactions": n, "seconds": s, "tps": x}`. The rows it wrote are
deleted again at the end, so the benchmark database stays as it was.
"""
import argparse
import itertools
import json
import secrets
import sqlite3
import threading
import time

_people = itertools.count(10**12)
# Columns a copy must not repeat: a request's tracking code; a sign-up's person (one active
# sign-up per person and activity); an audit entry's place in the chain, which the sequencer gives.
FRESH = {"requests": {"tracking_code": lambda: secrets.token_hex(6).upper(), "idempotency_key": lambda: None},
         "activity_signups": {"resident_id": lambda: next(_people)},
         "audit_log": {"seq": lambda: None, "prev_hash": lambda: None, "hash": lambda: None}}


def connect_sqlite(path):
    conn = sqlite3.connect(path, isolation_level=None, timeout=10, check_same_thread=False)
    for pragma in ["PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON", "PRAGMA busy_timeout=10000"]:
        conn.execute(pragma)
    return conn


def connect_postgres(url):
    import psycopg
    return psycopg.connect(url, autocommit=True)


class Table:
    """The newest row of a table, as the template for copies."""

    def __init__(self, conn, name, count, engine, chained_on_insert=False):
        self.name, self.count = name, count
        self.key = "seq" if chained_on_insert and name == "audit_log" else "id"
        cur = conn.cursor()
        cur.execute(f"SELECT * FROM {name} ORDER BY {self.key} DESC LIMIT 1")
        row = cur.fetchone()
        assert row is not None, f"{name} is empty: run the intake scenario first"
        columns = [d[0] for d in cur.description]
        self.template = dict(zip(columns, row))
        mark = "?" if engine == "sqlite" else "%s"
        # The key is assigned by the database.
        self.columns = [c for c in columns if c != "id"]
        self.sql = f"INSERT INTO {name} ({', '.join(self.columns)}) VALUES ({', '.join([mark] * len(self.columns))})"

    def values(self, seq=None):
        fresh = {} if self.key == "seq" else FRESH.get(self.name, {})
        row = [fresh[c]() if c in fresh else self.template[c] for c in self.columns]
        if self.key == "seq":
            row[self.columns.index("seq")] = seq
        return row


def chained_on_insert(conn, engine):
    """True for a database from before kernel.audit.003 (audit_log keyed by seq)."""
    cur = conn.cursor()
    if engine == "sqlite":
        cur.execute("SELECT COUNT(*) FROM pragma_table_info('audit_log') WHERE name = 'id'")
    else:
        cur.execute("SELECT COUNT(*) FROM information_schema.columns WHERE table_name = 'audit_log' AND column_name = 'id'")
    return cur.fetchone()[0] == 0


def run(args):
    engine = "sqlite" if args.sqlite else "postgres"
    connect = (lambda: connect_sqlite(args.sqlite)) if args.sqlite else (lambda: connect_postgres(args.postgres))
    counts = {name: int(n) for name, n in (part.split("=") for part in args.rows.split(",") if part)}
    first = connect()
    legacy = chained_on_insert(first, engine)
    tables = [Table(first, name, n, engine, legacy) for name, n in counts.items() if n > 0]
    if legacy:
        cur = first.cursor()
        cur.execute("SELECT MAX(seq) FROM audit_log")
        start_seq = cur.fetchone()[0]
    marks = {t.name: t.template[t.key] for t in tables}
    mark = "?" if engine == "sqlite" else "%s"
    tally = threading.Lock()
    state = {"done": 0}
    deadline = time.time() + args.seconds

    failures = []

    def client():
        try:
            loop()
        except Exception as error:  # reported after the run: a thread's exception is otherwise only printed
            failures.append(error)

    def loop():
        conn = first if args.clients == 1 else connect()
        cur = conn.cursor()
        done = 0
        while time.time() < deadline:
            cur.execute("BEGIN IMMEDIATE" if engine == "sqlite" else "BEGIN")
            if legacy and engine == "postgres":
                # That build serialised audit appends on its chain's one head.
                cur.execute("SELECT pg_advisory_xact_lock(730101)")
            for table in tables:
                for _ in range(table.count):
                    if table.key == "seq":
                        # As that build's AuditLog.append: read the head, write the next entry, move the head.
                        cur.execute("SELECT seq FROM audit_head WHERE id = 1")
                        seq = cur.fetchone()[0] + 1
                        cur.execute(table.sql, table.values(seq))
                        cur.execute(f"UPDATE audit_head SET seq = {mark}, hash = {mark} WHERE id = 1", (seq, secrets.token_hex(32)))
                    else:
                        cur.execute(table.sql, table.values())
            cur.execute("COMMIT")
            done += 1
        with tally:
            state["done"] += done

    started = time.time()
    threads = [threading.Thread(target=client) for _ in range(args.clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    seconds = time.time() - started
    if failures:
        raise failures[0]
    # Leave the database as it was.
    cur = first.cursor()
    cur.execute("BEGIN")
    for table in tables:
        cur.execute(f"DELETE FROM {table.name} WHERE {table.key} > {mark}", (marks[table.name],))
    if legacy:
        cur.execute(f"UPDATE audit_head SET seq = {mark}, hash = (SELECT hash FROM audit_log WHERE seq = {mark}) WHERE id = 1",
                    (start_seq, start_seq))
    cur.execute("COMMIT")
    print("RAW " + json.dumps({"transactions": state["done"], "seconds": round(seconds, 3), "tps": round(state["done"] / seconds, 1),
                               "rows": counts, "clients": args.clients}))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sqlite", help="path of the SQLite database")
    parser.add_argument("--postgres", help="postgres:// URL")
    parser.add_argument("--rows", required=True, help="rows one intake writes, e.g. requests=1,request_events=1,audit_log=1,notifications=2")
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--clients", type=int, default=1)
    args = parser.parse_args()
    assert bool(args.sqlite) != bool(args.postgres), "give --sqlite or --postgres"
    run(args)


if __name__ == "__main__":
    main()
