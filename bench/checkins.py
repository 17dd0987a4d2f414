#!/usr/bin/env python3
"""Times the everyday write, a check-in, against a running Tandem on PostgreSQL, with floors from the same run.

    bench/checkins.py --base http://127.0.0.1:8095 --password P [--pid PID] [--db DBNAME]
                      [--objectives 100] [--requests 2000] [--warmup 300]
                      [--levels 4,16,64] [--seconds 15] [--level-warmup 3]
                      [--floor-db tandem_bench_floor] [--floor-seconds 10] [--no-floor]
                      [--label TEXT] [--results FILE]

Signs in once as the admin (HTTP Basic) to make a token (read, write), then with that token makes a
cycle around today and --objectives objectives with 3 key results each (INCREASE 0 -> 1000). Then:

  a. latency: one client, one keep-alive connection; each round sends one check-in
     (POST /api/v1/key-results/{id}/check-ins {"value": v, "confidence": 7}, the key results in turn)
     and one GET /actuator/health (the floor); --warmup rounds, then --requests timed ones:
     p50/p90/p99/max in ms, and p99 / health p99;
  b. throughput: for each level of --levels, that many threads, each with its own keep-alive
     connection, check in on random key results for --level-warmup s untimed, then --seconds s:
     check-ins per second, p50/p99, the Tandem JVM's CPU (utime + stime from /proc/PID/stat)
     and PostgreSQL's (every process named postgres on this machine) per check-in, and the machine's
     busy cores; with --db (Tandem's database), also PostgreSQL commits and rows written per check-in
     (pg_stat_database);
  c. the raw floor, right after each level: `pgbench -n -c C -j 2 -T --floor-seconds` with one
     single-row INSERT per transaction into a scratch table of a scratch database (--floor-db, created
     and dropped here): commits per second, and check-ins/s / commits/s.

PostgreSQL is reached with psql and pgbench (PGHOST, PGPORT, PGUSER, PGPASSWORD; default
127.0.0.1, 5432, postgres). The Tandem process is --pid, or the process listening on --base's port.
Prints a table and BENCH lines; --results appends JSON lines. Python 3 standard library only.
"""

import argparse
import base64
import datetime as dt
import http.client
import json
import math
import os
import random
import re
import subprocess
import sys
import threading
import time
import urllib.parse

CLK_TCK = os.sysconf("SC_CLK_TCK")


class Client:
    """One keep-alive connection with a fixed Authorization header; reconnects if the server closes it."""

    def __init__(self, base, authorization, timeout=60):
        url = urllib.parse.urlsplit(base)
        if url.scheme != "http":
            raise SystemExit("--base must be an http:// URL")
        self.host, self.port, self.prefix = url.hostname, url.port or 80, url.path.rstrip("/")
        self.authorization, self.timeout = authorization, timeout
        self.conn = None
        self.reconnects = -1

    def call(self, method, path, body=None, auth=True):
        headers = {"Accept": "application/json", "Connection": "keep-alive"}
        if auth:
            headers["Authorization"] = self.authorization
        if body is not None:
            headers["Content-Type"] = "application/json"
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
                self.reconnects += 1
            try:
                started = time.perf_counter()
                self.conn.request(method, self.prefix + path, body=body, headers=headers)
                response = self.conn.getresponse()
                payload = response.read()
                elapsed = time.perf_counter() - started
                if response.getheader("Connection", "").lower() == "close":
                    self.close()
                return response.status, payload, elapsed
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.close()
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def json(self, method, path, body=None, expect=(200, 201)):
        status, payload, _ = self.call(method, path, None if body is None else json.dumps(body).encode())
        if status not in expect:
            raise SystemExit(f"{method} {path}: {status} {payload[:300]!r}")
        return json.loads(payload) if payload else None

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def percentile(sorted_values, p):
    """Nearest-rank percentile of an ascending list."""
    if not sorted_values:
        return float("nan")
    return sorted_values[max(1, math.ceil(p / 100 * len(sorted_values))) - 1]


def loadavg():
    try:
        with open("/proc/loadavg", encoding="ascii") as f:
            return [float(x) for x in f.read().split()[:3]]
    except OSError:
        return None


def cpu_seconds(pid):
    """utime + stime of a process (all its threads), in seconds."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK  # fields 14 and 15 of proc(5), after pid and comm


def postgres_cpu_seconds():
    """utime + stime of every process named postgres on this machine (server, backends, WAL writer, ...)."""
    total = 0
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as f:
                head, _, tail = f.read().rpartition(")")
            if head.endswith("(postgres"):
                fields = tail.split()
                total += int(fields[11]) + int(fields[12])
        except OSError:
            continue
    return total / CLK_TCK


def machine_busy_seconds():
    """CPU time of the whole machine spent not idle (all cores), from /proc/stat."""
    with open("/proc/stat", encoding="ascii") as f:
        values = [int(x) for x in f.readline().split()[1:]]
    return (sum(values[:8]) - values[3] - values[4]) / CLK_TCK  # minus idle and iowait


def listening_pid(port):
    """The process with a socket listening on this TCP port (from /proc/net/tcp{,6} and /proc/*/fd), or None."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(table, encoding="ascii") as f:
                next(f)
                for line in f:
                    parts = line.split()
                    if parts[3] == "0A" and int(parts[1].rsplit(":", 1)[1], 16) == port:  # 0A: LISTEN
                        inodes.add(parts[9])
        except OSError:
            pass
    wanted = {f"socket:[{i}]" for i in inodes}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            for fd in os.listdir(f"/proc/{pid}/fd"):
                if os.readlink(f"/proc/{pid}/fd/{fd}") in wanted:
                    return int(pid)
        except OSError:
            continue
    return None


def psql(db, sql):
    out = subprocess.run(["psql", "-X", "-d", db, "-v", "ON_ERROR_STOP=1", "-Atqc", sql],
                         capture_output=True, text=True, env=dict(os.environ, PGOPTIONS="-c client_min_messages=warning"))
    if out.returncode != 0:
        raise SystemExit(f"psql -d {db}: {out.stderr.strip()}")
    return out.stdout.strip()


def db_counters(db):
    """Commits and rows written in Tandem's database so far (pg_stat_database, flushed within about a second)."""
    row = psql(db, "select xact_commit, tup_inserted, tup_updated, tup_deleted from pg_stat_database "
                   "where datname = current_database()")
    commits, inserted, updated, deleted = (int(x) for x in row.split("|"))
    return {"commits": commits, "rows": inserted + updated + deleted}


def setup(client, objectives, admin_id):
    today = dt.datetime.now(dt.timezone.utc).date()
    stamp = int(time.time())
    cycle = client.json("POST", "/api/v1/cycles", {"name": f"Check-in bench {stamp}",
                                                   "startDate": str(today - dt.timedelta(days=45)),
                                                   "endDate": str(today + dt.timedelta(days=45))})["id"]
    key_results = []
    began = time.perf_counter()
    for i in range(objectives):
        body = {"cycleId": cycle, "title": f"Check-in bench objective {i}", "level": "INDIVIDUAL",
                "ownerId": admin_id,
                "keyResults": [{"title": f"Grow thing {i}.{k}", "type": "INCREASE", "startValue": 0,
                                "targetValue": 1000} for k in range(3)]}
        objective = client.json("POST", "/api/v1/objectives", body)
        key_results += [kr["id"] for kr in objective["keyResults"]]
    print(f"  cycle {cycle}: {objectives} objectives, {len(key_results)} key results in "
          f"{time.perf_counter() - began:.1f} s", file=sys.stderr, flush=True)
    return cycle, key_results


def check_in_body(rnd):
    return json.dumps({"value": round(rnd.uniform(0, 1000), 1), "confidence": 7}).encode()


def latency(client, key_results, warmup, requests):
    times = {"check-in": [], "health": []}
    errors = {}
    rnd = random.Random(1)
    for i in range(warmup + requests):
        kr = key_results[i % len(key_results)]
        status, payload, elapsed = client.call("POST", f"/api/v1/key-results/{kr}/check-ins", check_in_body(rnd))
        if status != 201:
            errors[status] = errors.get(status, 0) + 1
            if len(errors) == 1 and errors[status] == 1:
                print(f"  check-in answered {status}: {payload[:300]!r}", file=sys.stderr)
        elif i >= warmup:
            times["check-in"].append(elapsed * 1000)
        status, _, elapsed_health = client.call("GET", "/actuator/health", auth=False)
        if status == 200 and i >= warmup:
            times["health"].append(elapsed_health * 1000)
        if (i + 1) % 500 == 0:
            print(f"  sequential: {i + 1}/{warmup + requests} ({'warm-up' if i < warmup else 'timed'})",
                  file=sys.stderr, flush=True)
    return times, errors


def throughput(base, authorization, key_results, clients, warmup_s, seconds, pid, db):
    """`clients` threads, each its own connection, for warmup_s untimed then `seconds` timed."""
    barrier = threading.Barrier(clients + 1)
    bounds = {}
    results = [None] * clients

    def worker(n):
        own = Client(base, authorization)
        rnd = random.Random(1000 + n)
        own.call("GET", "/actuator/health", auth=False)  # open the connection before the clock starts
        requests = []  # (started, ended, status) of every check-in, warm-up included
        barrier.wait()
        until = bounds["until"]
        while True:
            now = time.perf_counter()
            if now >= until:
                break
            kr = rnd.choice(key_results)
            try:
                status, _, elapsed = own.call("POST", f"/api/v1/key-results/{kr}/check-ins", check_in_body(rnd))
            except OSError as e:  # a timeout: counted as an error
                status, elapsed = type(e).__name__, time.perf_counter() - now
                own.close()
            requests.append((now, now + elapsed, status))
        own.close()
        results[n] = (requests, own.reconnects)

    threads = [threading.Thread(target=worker, args=(n,), daemon=True) for n in range(clients)]
    for t in threads:
        t.start()
    start = time.perf_counter()
    bounds["from"], bounds["until"] = start + warmup_s, start + warmup_s + seconds
    barrier.wait()
    time.sleep(max(0.0, bounds["from"] - time.perf_counter()))
    cpu_before, own_before = cpu_seconds(pid), os.times()
    pg_before, busy_before = postgres_cpu_seconds(), machine_busy_seconds()
    db_before = db_counters(db) if db else None
    time.sleep(max(0.0, bounds["until"] - time.perf_counter()))
    cpu_after, own_after = cpu_seconds(pid), os.times()
    pg_after, busy_after = postgres_cpu_seconds(), machine_busy_seconds()
    for t in threads:
        t.join()
    first, until = bounds["from"], bounds["until"]
    requests = [r for result in results for r in result[0]]
    # The rate counts the check-ins that ended within the window. Latency and errors are over every request that
    # started in it or was still running when it began (a stall from the warm-up shows), however late it ended.
    counted = sum(1 for s, e, status in requests if status == 201 and first <= e <= until)
    window = [(s, e, status) for s, e, status in requests if s >= first or e > first]
    times = sorted((e - s) * 1000 for s, e, status in window if status == 201)
    errors = {}
    for _, _, status in window:
        if status != 201:
            errors[str(status)] = errors.get(str(status), 0) + 1
    db_delta = None
    if db:
        time.sleep(1.5)  # backends flush their statistics about once a second when idle
        after = db_counters(db)
        db_delta = {k: after[k] - db_before[k] for k in after}
    client_cpu = (own_after.user + own_after.system) - (own_before.user + own_before.system)
    others = {"pg_cpu": pg_after - pg_before, "busy": busy_after - busy_before}
    return times, counted, errors, cpu_after - cpu_before, client_cpu, db_delta, sum(r[1] for r in results), others


def pgbench_floor(db, clients, seconds):
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "out", "checkins-floor.sql")
    with open(script, "w", encoding="ascii") as f:
        f.write("\\set kr random(1, 300)\ninsert into t (kr, v) values (:kr, random() * 1000);\n")
    out = subprocess.run(["pgbench", "-n", "-c", str(clients), "-j", str(min(2, clients)), "-T", str(seconds),
                          "-f", script, db], capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"pgbench: {out.stderr.strip()}")
    m = re.search(r"tps = ([0-9.]+) \(without initial connection time\)", out.stdout)
    latency_avg = re.search(r"latency average = ([0-9.]+) ms", out.stdout)
    return float(m.group(1)), float(latency_avg.group(1)) if latency_avg else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default="http://127.0.0.1:8080")
    parser.add_argument("--user", default="admin")
    parser.add_argument("--password", required=True, help="the admin's password (TANDEM_ADMIN_PASSWORD)")
    parser.add_argument("--pid", type=int, help="Tandem's process (default: the one listening on --base's port)")
    parser.add_argument("--db", help="Tandem's PostgreSQL database: also count commits and rows per check-in")
    parser.add_argument("--objectives", type=int, default=100)
    parser.add_argument("--requests", type=int, default=2000, help="timed sequential check-ins (default 2000)")
    parser.add_argument("--warmup", type=int, default=300, help="untimed sequential check-ins first (default 300)")
    parser.add_argument("--levels", default="4,16,64", help="concurrent clients per throughput level (default 4,16,64)")
    parser.add_argument("--seconds", type=float, default=15, help="timed seconds per level (default 15)")
    parser.add_argument("--level-warmup", type=float, default=3, help="untimed seconds before each level (default 3)")
    parser.add_argument("--floor-db", default="tandem_bench_floor", help="scratch database for pgbench (dropped)")
    parser.add_argument("--floor-seconds", type=int, default=10, help="pgbench -T per level (default 10)")
    parser.add_argument("--no-floor", action="store_true", help="skip pgbench")
    parser.add_argument("--label", default="")
    parser.add_argument("--results", help="append one JSON line per figure to this file")
    args = parser.parse_args()
    os.environ.setdefault("PGHOST", "127.0.0.1")
    os.environ.setdefault("PGUSER", "postgres")
    os.makedirs(os.path.join(os.path.dirname(os.path.abspath(__file__)), "out"), exist_ok=True)
    levels = [int(x) for x in args.levels.split(",") if x]

    port = urllib.parse.urlsplit(args.base).port or 80
    pid = args.pid or listening_pid(port)
    if not pid:
        raise SystemExit(f"No process found listening on port {port}: give --pid")
    print(f"Tandem pid {pid}: {open(f'/proc/{pid}/cmdline', 'rb').read().replace(bytes(1), b' ').decode()[:200]}",
          file=sys.stderr)

    basic = "Basic " + base64.b64encode(f"{args.user}:{args.password}".encode()).decode()
    token = Client(args.base, basic).json("POST", "/api/v1/tokens", {"name": f"bench-checkins-{int(time.time())}",
                                                                      "scopes": ["read", "write"]})["token"]
    bearer = "Bearer " + token
    client = Client(args.base, bearer)
    admin_id = client.json("GET", "/api/v1/me")["id"]
    _, key_results = setup(client, args.objectives, admin_id)

    if not args.no_floor:
        psql("postgres", f"drop database if exists {args.floor_db}")
        psql("postgres", f"create database {args.floor_db}")
        psql(args.floor_db, "create table t (id bigint generated always as identity primary key, kr int not null, "
                            "v double precision not null, at timestamptz not null default now())")
        settings = psql(args.floor_db, "select string_agg(name || '=' || setting, ' ' order by name) from pg_settings "
                                       "where name in ('synchronous_commit', 'fsync', 'wal_sync_method', "
                                       "'max_connections', 'shared_buffers')")
        print(f"  PostgreSQL: {settings}", file=sys.stderr)

    rows = []
    load_before = loadavg()
    cpu_start = cpu_seconds(pid)
    times, errors = latency(client, key_results, args.warmup, args.requests)
    cpu_sequential = cpu_seconds(pid) - cpu_start
    client.close()
    health, checkins = sorted(times["health"]), sorted(times["check-in"])
    health_p99 = percentile(health, 99)
    for name, values in (("check-in", checkins), ("health", health)):
        rows.append({"label": args.label, "phase": "sequential", "endpoint": name, "n": len(values),
                     "p50_ms": round(percentile(values, 50), 2), "p90_ms": round(percentile(values, 90), 2),
                     "p99_ms": round(percentile(values, 99), 2), "max_ms": round(values[-1], 2) if values else None,
                     "p99_over_health": round(percentile(values, 99) / health_p99, 1) if values else None,
                     "errors": errors if name == "check-in" else {}})

    levels_out = []
    for clients in levels:
        print(f"  {clients} clients: {args.level_warmup:g} s warm-up + {args.seconds:g} s", file=sys.stderr, flush=True)
        values, counted, errs, cpu, client_cpu, db_delta, reconnects, others = throughput(
            args.base, bearer, key_results, clients, args.level_warmup, args.seconds, pid, args.db)
        rate = counted / args.seconds
        row = {"label": args.label, "phase": "throughput", "clients": clients, "seconds": args.seconds,
               "n": counted, "started_ok": len(values), "per_s": round(rate, 1), "p50_ms": round(percentile(values, 50), 2),
               "p99_ms": round(percentile(values, 99), 2), "max_ms": round(values[-1], 2) if values else None,
               "errors": errs, "reconnects": reconnects,
               "jvm_cpu_ms_per_checkin": round(cpu * 1000 / counted, 2) if counted else None,
               "jvm_cpu_cores": round(cpu / args.seconds, 2),
               "client_cpu_ms_per_checkin": round(client_cpu * 1000 / counted, 2) if counted else None,
               "pg_cpu_ms_per_checkin": round(others["pg_cpu"] * 1000 / counted, 2) if counted else None,
               "pg_cpu_cores": round(others["pg_cpu"] / args.seconds, 2),
               "machine_busy_cores": round(others["busy"] / args.seconds, 2)}
        if db_delta and counted:
            # The window's commits include those of requests in flight at its edges and the pool's own; close enough.
            row["db_commits_per_checkin"] = round(db_delta["commits"] / counted, 2)
            row["db_rows_per_checkin"] = round(db_delta["rows"] / counted, 2)
        if not args.no_floor:
            print(f"  {clients} clients: pgbench {args.floor_seconds} s", file=sys.stderr, flush=True)
            tps, pg_latency = pgbench_floor(args.floor_db, clients, args.floor_seconds)
            row.update(floor_commits_per_s=round(tps, 1), floor_latency_ms=pg_latency,
                       ratio_to_floor=round(rate / tps, 3))
        levels_out.append(row)
        rows.append(row)
    load_after = loadavg()
    if not args.no_floor:
        psql("postgres", f"drop database if exists {args.floor_db}")

    title = f"Tandem check-ins ({args.label})" if args.label else "Tandem check-ins"
    print(f"\n{title}: {len(key_results)} key results; load average {load_before} before, {load_after} after, "
          f"on {os.cpu_count()} CPUs")
    print(f"sequential, one keep-alive client: {args.requests} timed after {args.warmup} warm-up; "
          f"JVM CPU {cpu_sequential * 1000 / (args.warmup + args.requests):.2f} ms per round (a check-in and a health)")
    print(f"{'endpoint':<12}{'n':>6}{'p50 ms':>10}{'p90 ms':>10}{'p99 ms':>10}{'max ms':>10}{'p99/health':>12}")
    for r in rows[:2]:
        print(f"{r['endpoint']:<12}{r['n']:>6}{r['p50_ms']:>10.2f}{r['p90_ms']:>10.2f}{r['p99_ms']:>10.2f}"
              f"{r['max_ms']:>10.2f}{r['p99_over_health']:>11.1f}x" + (f"  errors {r['errors']}" if r["errors"] else ""))
    print(f"\nthroughput: {args.seconds:g} s per level after {args.level_warmup:g} s warm-up, random key results;"
          f" floor: pgbench, one single-row INSERT per transaction, {args.floor_seconds} s")
    print(f"{'clients':>8}{'check-ins/s':>13}{'p50 ms':>9}{'p99 ms':>9}{'commits/s':>11}{'ratio':>8}"
          f"{'JVM ms/ci':>11}{'cores':>7}{'PG ms/ci':>10}{'cores':>7}{'busy':>6}{'client ms':>11}{'commits/ci':>12}{'rows/ci':>9}")
    for r in levels_out:
        print(f"{r['clients']:>8}{r['per_s']:>13.1f}{r['p50_ms']:>9.2f}{r['p99_ms']:>9.2f}"
              f"{r.get('floor_commits_per_s', float('nan')):>11.1f}{r.get('ratio_to_floor', float('nan')):>8.3f}"
              f"{r['jvm_cpu_ms_per_checkin'] or float('nan'):>11.2f}{r['jvm_cpu_cores']:>7.2f}"
              f"{r['pg_cpu_ms_per_checkin'] or float('nan'):>10.2f}{r['pg_cpu_cores']:>7.2f}{r['machine_busy_cores']:>6.2f}"
              f"{r['client_cpu_ms_per_checkin'] or float('nan'):>11.2f}"
              f"{r.get('db_commits_per_checkin', float('nan')):>12.2f}{r.get('db_rows_per_checkin', float('nan')):>9.2f}"
              + (f"  errors {r['errors']}" if r["errors"] else ""))
    for r in rows:
        r["loadavg"] = [load_before, load_after]
        fields = " ".join(f"{k}={json.dumps(v).replace(' ', '') if isinstance(v, (dict, list)) else v}"
                          for k, v in r.items() if k not in ("label", "loadavg"))
        print(f"BENCH checkins label={json.dumps(args.label)} {fields}")
    if args.results:
        with open(args.results, "a", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
