#!/usr/bin/env python3
"""Times Tandem's read endpoints from one client, with GET /actuator/health as the floor.

    bench/timing.py --base http://127.0.0.1:8080 --token tdm_... [--cycle-id ID]
                    [--requests 300] [--warmup 50] [--label "h2 n=1000"] [--results FILE]

One connection, sequential keep-alive requests (http.client). Each round sends one request to
every endpoint in turn, so all endpoints see the same conditions (GC, JIT, caches):

    dashboard   GET /api/v1/dashboard?cycleId=ID
    objectives  GET /api/v1/objectives?cycleId=ID&limit=100   (first page)
    coach       GET /api/v1/coach?cycleId=ID                  (the whole cycle's findings)
    me          GET /api/v1/me                                (authenticated floor: token lookup only)
    health      GET /actuator/health                          (the floor: no credentials)

Prints a table (n, p50, p90, p99, max in ms, p99 / health p99, response size) and one line per
endpoint starting with BENCH for machines; --results appends the same as JSON lines. An endpoint
that answers 404 (not built yet) is reported and skipped; the others go on. Python 3 stdlib only.
"""

import argparse
import datetime as dt
import http.client
import json
import math
import os
import sys
import time
import urllib.parse


class Client:
    """One keep-alive connection; reconnects (and counts it) if the server closes it."""

    def __init__(self, base, token, timeout):
        url = urllib.parse.urlsplit(base)
        if url.scheme != "http":
            raise SystemExit("--base must be an http:// URL")
        self.host, self.port = url.hostname, url.port or 80
        self.prefix = url.path.rstrip("/")
        self.token = token
        self.timeout = timeout
        self.conn = None
        self.reconnects = -1

    def get(self, path, auth=True):
        headers = {"Accept": "application/json", "Connection": "keep-alive"}
        if auth and self.token:
            headers["Authorization"] = "Bearer " + self.token
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
                self.reconnects += 1
            try:
                started = time.perf_counter()
                self.conn.request("GET", self.prefix + path, headers=headers)
                response = self.conn.getresponse()
                body = response.read()
                elapsed = time.perf_counter() - started
                if response.getheader("Connection", "").lower() == "close":
                    self.close()
                return response.status, body, elapsed
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.close()
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def loadavg():
    try:
        with open("/proc/loadavg", encoding="ascii") as f:
            return float(f.read().split()[0])
    except OSError:
        return None


def percentile(sorted_values, p):
    """Nearest-rank percentile of an ascending list."""
    if not sorted_values:
        return float("nan")
    rank = max(1, math.ceil(p / 100 * len(sorted_values)))
    return sorted_values[rank - 1]


def find_cycle(client):
    status, body, _ = client.get("/api/v1/cycles?limit=1000")
    if status != 200:
        raise SystemExit(f"GET /api/v1/cycles answered {status}: {body[:300]!r}")
    cycles = json.loads(body)["items"]
    if not cycles:
        raise SystemExit("There is no cycle: import data first (bench/run.sh does)")
    today = dt.datetime.now(dt.timezone.utc).date().isoformat()
    current = [c for c in cycles if c["startDate"] <= today <= c["endDate"]]
    chosen = (current or cycles)[0]
    print(f"Cycle: {chosen['name']} {chosen['id']} ({chosen['startDate']}..{chosen['endDate']})", file=sys.stderr)
    return chosen["id"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default="http://127.0.0.1:8080")
    parser.add_argument("--token", help="API token (Bearer); or --token-file")
    parser.add_argument("--token-file")
    parser.add_argument("--cycle-id", help="default: the cycle that contains today, from GET /api/v1/cycles")
    parser.add_argument("--requests", type=int, default=300, help="timed requests per endpoint (default 300)")
    parser.add_argument("--warmup", type=int, default=50, help="untimed requests per endpoint first (default 50)")
    parser.add_argument("--limit", type=int, default=100, help="page size of the objective list (default 100)")
    parser.add_argument("--max-seconds", type=float, default=300,
                        help="time budget per endpoint; an endpoint stops early past it (default 300)")
    parser.add_argument("--timeout", type=float, default=120, help="per-request timeout in seconds")
    parser.add_argument("--order", choices=("interleaved", "grouped"), default="interleaved",
                        help="interleaved (default): each round asks every endpoint once, so all see the same "
                             "conditions; grouped: all requests of one endpoint, then the next, so that one "
                             "endpoint's garbage does not slow the others")
    parser.add_argument("--kpi", help="a KPI's key: also time the KPI list (a page of --kpi-limit), that KPI, and its series")
    parser.add_argument("--kpi-limit", type=int, default=1000, help="page size of the KPI list (default 1000, the most)")
    parser.add_argument("--no-objectives", action="store_true", help="leave out the objective list")
    parser.add_argument("--no-coach", action="store_true", help="leave out the coach")
    parser.add_argument("--label", default="", help="free text carried into the BENCH lines (e.g. 'h2 n=1000')")
    parser.add_argument("--results", help="append one JSON line per endpoint to this file")
    args = parser.parse_args()
    token = args.token
    if not token and args.token_file:
        with open(args.token_file, encoding="utf-8") as f:
            token = f.read().strip()
    if not token:
        parser.error("give --token or --token-file")

    client = Client(args.base, token, args.timeout)
    cycle = args.cycle_id or find_cycle(client)
    q = urllib.parse.quote(cycle)
    endpoints = [
        ("dashboard", f"/api/v1/dashboard?cycleId={q}", True),
        ("objectives", f"/api/v1/objectives?cycleId={q}&limit={args.limit}", True),
        ("coach", f"/api/v1/coach?cycleId={q}", True),
        ("me", "/api/v1/me", True),
        ("health", "/actuator/health", False),
    ]
    if args.no_objectives:
        endpoints = [e for e in endpoints if e[0] != "objectives"]
    if args.no_coach:
        endpoints = [e for e in endpoints if e[0] != "coach"]
    if args.kpi:
        k = urllib.parse.quote(args.kpi)
        endpoints[1:1] = [
            ("kpis", f"/api/v1/kpis?limit={args.kpi_limit}", True),
            ("kpi", f"/api/v1/kpis/{k}", True),
            # The default series: the KPI's own period over the year up to now.
            ("series", f"/api/v1/kpis/{k}/measurements", True),
            ("series-days", f"/api/v1/kpis/{k}/measurements?bucket=DAY", True),
        ]
    times = {name: [] for name, _, _ in endpoints}
    spent = {name: 0.0 for name, _, _ in endpoints}
    sizes = {name: 0 for name, _, _ in endpoints}
    errors = {name: {} for name, _, _ in endpoints}
    skipped = {}

    # Check every endpoint once: a 404 (not there yet) or another failure drops it, with the reason.
    active = []
    for name, path, auth in endpoints:
        status, body, elapsed = client.get(path, auth)
        if status == 200:
            active.append((name, path, auth))
            sizes[name] = len(body)
            extra = ""
            if name == "objectives":
                page = json.loads(body)
                extra = f", {len(page['items'])} items, next page {'yes' if page.get('next') else 'no'}"
            print(f"  {name:<11} {path}: 200, {len(body):,} bytes, first call {elapsed * 1000:.1f} ms{extra}",
                  file=sys.stderr)
        else:
            reason = "404: not implemented in this build" if status == 404 else f"{status}: {body[:200]!r}"
            skipped[name] = reason
            print(f"  {name:<11} {path}: SKIPPED ({reason})", file=sys.stderr)
    if not any(name == "health" for name, _, _ in active):
        raise SystemExit("GET /actuator/health does not answer 200: is Tandem up?")

    def run(rounds, record, phase):
        started = time.monotonic()
        last = started
        for i in range(rounds):
            for name, path, auth in active:
                if record and (name in skipped or spent[name] > args.max_seconds):
                    continue
                status, body, elapsed = client.get(path, auth)
                if record:
                    spent[name] += elapsed
                    if status == 200:
                        times[name].append(elapsed * 1000)
                        sizes[name] = len(body)
                    else:
                        errors[name][status] = errors[name].get(status, 0) + 1
            now = time.monotonic()
            if now - last >= 10 or i + 1 == rounds:
                last = now
                print(f"  {phase}: {i + 1}/{rounds} rounds, {now - started:.0f}s", file=sys.stderr, flush=True)

    load_before = loadavg()
    if args.order == "interleaved":
        if args.warmup > 0:
            run(args.warmup, False, "warm-up")
        run(args.requests, True, "timed")
    else:
        everything = active
        for endpoint in everything:
            active = [endpoint]
            if args.warmup > 0:
                run(args.warmup, False, f"{endpoint[0]} warm-up")
            run(args.requests, True, f"{endpoint[0]} timed")
        active = everything
    for name, _, _ in active:
        if spent[name] > args.max_seconds and len(times[name]) < args.requests:
            print(f"  {name}: stopped after {len(times[name])} requests (--max-seconds {args.max_seconds:g})",
                  file=sys.stderr)
    client.close()

    load_after = loadavg()
    health = sorted(times["health"])
    health_p99 = percentile(health, 99)
    rows = []
    for name, path, _ in endpoints:
        values = sorted(times[name])
        row = {"label": args.label, "endpoint": name, "path": path.split("?")[0], "n": len(values)}
        if name in skipped:
            row.update(status="skipped", reason=skipped[name])
        else:
            row.update(status="ok" if not errors[name] else "errors", errors=errors[name],
                       p50_ms=round(percentile(values, 50), 2), p90_ms=round(percentile(values, 90), 2),
                       p99_ms=round(percentile(values, 99), 2), max_ms=round(values[-1], 2) if values else None,
                       p99_over_health=round(percentile(values, 99) / health_p99, 1) if values and health_p99 else None,
                       bytes=sizes[name])
        row["loadavg"] = [load_before, load_after]
        rows.append(row)

    title = f"Tandem read latency ({args.label})" if args.label else "Tandem read latency"
    print(f"\n{title}: {args.requests} timed + {args.warmup} warm-up requests per endpoint, one keep-alive client,"
          f" {args.order}")
    print(f"load average (1 min) {load_before} before, {load_after} after, on {os.cpu_count()} CPUs"
          " (anything else running on the machine shows up in the figures)")
    print(f"{'endpoint':<12}{'n':>6}{'p50 ms':>10}{'p90 ms':>10}{'p99 ms':>10}{'max ms':>10}{'p99/health':>12}{'bytes':>11}")
    for r in rows:
        if r["status"] == "skipped":
            print(f"{r['endpoint']:<12}{0:>6}  skipped: {r['reason']}")
            continue
        print(f"{r['endpoint']:<12}{r['n']:>6}{r['p50_ms']:>10.2f}{r['p90_ms']:>10.2f}{r['p99_ms']:>10.2f}"
              f"{r['max_ms']:>10.2f}{r['p99_over_health']:>11.1f}x{r['bytes']:>11,}"
              + (f"  errors {r['errors']}" if r["errors"] else ""))
    for r in rows:
        fields = " ".join(f"{k}={json.dumps(v) if isinstance(v, (str, dict)) and (' ' in str(v) or isinstance(v, dict)) else v}"
                          for k, v in r.items() if k not in ("label", "loadavg"))
        print(f"BENCH label={json.dumps(args.label)} {fields}")
    if args.results:
        with open(args.results, "a", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
