#!/usr/bin/env python3
"""Fills a running Tandem with many KPIs and a year of their values, for timing the KPI reads.

    bench/kpis.py --base http://127.0.0.1:8095 --password P [--kpis 10000] [--days 365] [--batch 10000]

Signs in once as the admin (HTTP Basic) to make a token (read, write, ingest), then with that
token: a cycle for the quarter that holds today, an objective with a key result measured by the
first KPI, --kpis KPIs (a third each DAILY, WEEKLY and MONTHLY; the four perspectives, the five
aggregations and the three directions in turn; every 100th a formula over the two before it), and
--days days of values up to today at each KPI's own frequency, sent as a feed would (the days in
order, requests of about --batch rows). Prints progress and writes the token to
bench/out/kpis-token.txt for timing.py. Standard library only.
"""
import argparse, base64, datetime as dt, http.client, json, math, os, random, sys, time, urllib.parse

PERSPECTIVES = ["FINANCIAL", "CUSTOMER", "INTERNAL_PROCESS", "LEARNING_AND_GROWTH"]
AGGREGATIONS = ["LAST", "SUM", "AVG", "MIN", "MAX"]
FREQUENCIES = ["DAILY", "WEEKLY", "MONTHLY"]

def main():
    p = argparse.ArgumentParser()
    p.add_argument("--base", required=True)
    p.add_argument("--user", default="admin")
    p.add_argument("--password", required=True)
    p.add_argument("--kpis", type=int, default=10_000)
    p.add_argument("--days", type=int, default=365)
    p.add_argument("--batch", type=int, default=10_000)
    p.add_argument("--seed", type=int, default=42)
    a = p.parse_args()
    rnd = random.Random(a.seed)
    url = urllib.parse.urlparse(a.base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=600)
    auth = {"Authorization": "Basic " + base64.b64encode(f"{a.user}:{a.password}".encode()).decode()}

    def call(method, path, body=None, ctype="application/json", expect=(200, 201)):
        data = body if isinstance(body, (bytes, type(None))) else json.dumps(body).encode()
        conn.request(method, path, body=data, headers={**auth, "Content-Type": ctype})
        r = conn.getresponse()
        payload = r.read()
        if r.status not in expect:
            sys.exit(f"{method} {path}: {r.status} {payload[:300]!r}")
        return json.loads(payload) if payload else None

    token = call("POST", "/api/v1/tokens", {"name": f"bench-kpis-{int(time.time())}",
                                            "scopes": ["read", "write", "ingest"]})["token"]
    auth = {"Authorization": "Bearer " + token}
    here = os.path.dirname(os.path.abspath(__file__))
    os.makedirs(os.path.join(here, "out"), exist_ok=True)
    with open(os.path.join(here, "out", "kpis-token.txt"), "w", encoding="utf-8") as f:
        f.write(token)

    today = dt.datetime.now(dt.timezone.utc).date()
    q_start = dt.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    q_end = (dt.date(q_start.year + (q_start.month + 3 > 12), (q_start.month + 2) % 12 + 1, 1)
             - dt.timedelta(days=1))
    cycle = call("POST", "/api/v1/cycles", {"name": f"Bench {q_start}", "startDate": str(q_start),
                                            "endDate": str(q_end)})

    began = time.perf_counter()
    kpis = []
    for i in range(a.kpis):
        key = f"bench-kpi-{i:05d}"
        direction = ["HIGHER_IS_BETTER", "LOWER_IS_BETTER", "WITHIN_RANGE"][i % 3]
        body = {"key": key, "name": f"Bench KPI {i}", "unit": "units", "direction": direction,
                "frequency": FREQUENCIES[i % 3], "aggregation": AGGREGATIONS[i % 5],
                "perspective": PERSPECTIVES[i % 4], "indicator": ["LEADING", "LAGGING"][i % 2],
                "definition": "A made-up KPI for the benchmark", "reason": "To time reads at scale"}
        if direction == "HIGHER_IS_BETTER":
            body.update(target=100, warningThreshold=80)
        elif direction == "LOWER_IS_BETTER":
            body.update(target=50, warningThreshold=70)
        else:
            body.update(lowerBound=40, upperBound=60, warningMargin=10, target=50)
        formula = i % 100 == 99
        if formula:
            body["formula"] = f"{{{kpis[-1][0]}}} / ({{{kpis[-2][0]}}} + 1) * 100"
        created = call("POST", "/api/v1/kpis", body)
        kpis.append((key, created["id"], FREQUENCIES[i % 3], formula))
        if (i + 1) % (a.kpis // 10 or 1) == 0:
            print(f"  {i + 1:,} KPIs created, {(i + 1) / (time.perf_counter() - began):,.0f}/s", flush=True)

    objective = call("POST", "/api/v1/objectives", {"cycleId": cycle["id"], "title": "Bench: grow the first KPI",
        "level": "COMPANY", "keyResults": [{"title": "Raise bench-kpi-00000 to 120", "type": "INCREASE",
        "startValue": 0, "targetValue": 120 * 30, "kpiId": kpis[0][1]}]})

    first = today - dt.timedelta(days=a.days - 1)
    rows_total, sent, pending, began = 0, 0, [], time.perf_counter()

    def flush():
        nonlocal sent, pending
        if pending:
            call("POST", "/api/v1/measurements", ("kpi,at,value\n" + "".join(pending)).encode(), "text/csv")
            sent += len(pending)
            pending = []

    for d in range(a.days):
        day = first + dt.timedelta(days=d)
        for n, (key, _, frequency, formula) in enumerate(kpis):
            if formula or (frequency == "WEEKLY" and day.weekday() != 0) or (frequency == "MONTHLY" and day.day != 1):
                continue
            # A slow wave around the KPI's target band, some KPIs drifting, noise on top.
            value = 60 + 30 * math.sin((d + n) / 40) + (n % 7 - 3) * d / 60 + rnd.gauss(0, 5)
            pending.append(f"{key},{day}T12:00:00Z,{value:.2f}\n")
        if len(pending) >= a.batch:
            flush()
        if (d + 1) % (a.days // 10 or 1) == 0:
            print(f"  {d + 1} of {a.days} days, {sent:,} values, {sent / (time.perf_counter() - began):,.0f} rows/s",
                  flush=True)
    flush()
    secs = time.perf_counter() - began
    print(f"{a.kpis:,} KPIs, {sent:,} values in {secs:.1f} s ({sent / secs:,.0f} rows/s); "
          f"objective {objective['id']}, cycle {cycle['id']}", flush=True)
    print(f"KPI to time: {kpis[0][0]}")

if __name__ == "__main__":
    main()
