#!/usr/bin/env python3
"""Times measurement ingestion over HTTP against a running Tandem, and the raw floor of the database.

    bench/ingest.py --base http://127.0.0.1:8080 --password P [--rows 1000000] [--batch 10000]
                    [--kpis 100] [--formats json,csv] [--floor postgres:DBNAME | --floor h2]

Creates --kpis daily KPIs and a token of scope `ingest`, then sends --rows measurements per format in requests of --batch rows
(POST /api/v1/measurements, rows spread over the KPIs, new instants for each format) and prints
rows/s (the request bodies are made before the clock starts). With --floor, loads the same number
of rows by the database's fastest raw path (PostgreSQL: COPY through psql into Tandem's own
`measurement` table, for a KPI made for it and deleted afterwards; H2: batched INSERTs of 1,000
from bench/H2Floor.java into a table of the same shape, foreign key included, in a scratch
database) and prints the ratio. Standard library only.
"""
import argparse, base64, datetime as dt, http.client, json, os, subprocess, sys, time, urllib.parse, uuid

def main():
    p = argparse.ArgumentParser()
    p.add_argument("--base", required=True)
    p.add_argument("--user", default="admin")
    p.add_argument("--password", required=True)
    p.add_argument("--rows", type=int, default=1_000_000)
    p.add_argument("--batch", type=int, default=10_000)
    p.add_argument("--kpis", type=int, default=100)
    p.add_argument("--formats", default="json,csv")
    p.add_argument("--floor", default=None, help="postgres:DBNAME or h2")
    p.add_argument("--warmup", type=int, default=100_000, help="rows per format sent untimed first (JIT, caches)")
    a = p.parse_args()
    url = urllib.parse.urlparse(a.base)
    auth = "Basic " + base64.b64encode(f"{a.user}:{a.password}".encode()).decode()
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=600)

    def call(method, path, body, ctype, authorization=None):
        conn.request(method, path, body=body, headers={"Authorization": authorization or auth, "Content-Type": ctype})
        r = conn.getresponse()
        data = r.read()
        return r.status, data

    run = uuid.uuid4().hex[:8]
    keys = [f"ingest-{run}-{i}" for i in range(a.kpis)]
    for key in keys:
        status, data = call("POST", "/api/v1/kpis", json.dumps({"key": key, "name": key,
            "direction": "HIGHER_IS_BETTER", "target": 100, "warningThreshold": 80, "frequency": "DAILY",
            "aggregation": "SUM"}), "application/json")
        if status != 201:
            sys.exit(f"creating KPI {key}: {status} {data[:300]!r}")
    # Feeds send with a token of scope `ingest`, as a data pipeline would; HTTP Basic would add a
    # password hash check (tens of ms) to every request.
    status, data = call("POST", "/api/v1/tokens", json.dumps({"name": f"ingest-{run}", "scopes": ["ingest"]}),
                        "application/json")
    if status != 201:
        sys.exit(f"creating a token: {status} {data[:300]!r}")
    bearer = "Bearer " + json.loads(data)["token"]
    print(f"{a.kpis} KPIs created; {a.rows:,} rows per format in requests of {a.batch:,}", flush=True)

    start = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
    results = {}
    def bodies_of(fmt, first_row, count, origin):
        bodies = []
        for first in range(first_row, first_row + count, a.batch):
            rows = [(keys[i % a.kpis],
                     (origin + dt.timedelta(minutes=i // a.kpis)).strftime("%Y-%m-%dT%H:%M:%SZ"),
                     round((i % 997) / 10, 1)) for i in range(first, min(first_row + count, first + a.batch))]
            if fmt == "json":
                body = json.dumps([{"kpi": k, "at": t, "value": v} for k, t, v in rows])
            else:
                body = "kpi,at,value\n" + "".join(f"{k},{t},{v}\n" for k, t, v in rows)
            bodies.append((len(rows), body.encode()))
        return bodies

    formats = a.formats.split(",")
    for f_index, fmt in enumerate(formats):
        ctype = "application/json" if fmt == "json" else "text/csv"
        if a.warmup:
            # Untimed, in the year before the timed rows: the JIT compiles, caches fill.
            print(f"  {fmt}: warming up with {a.warmup:,} rows", flush=True)
            for n, body in bodies_of(fmt, f_index * a.warmup, a.warmup, start - dt.timedelta(days=365)):
                status, data = call("POST", "/api/v1/measurements", body, ctype, bearer)
                if status != 200:
                    sys.exit(f"{fmt} warm-up: {status} {data[:300]!r}")
        # The bodies are made before the clock starts: the client's own work is not the server's.
        print(f"  {fmt}: preparing {a.rows:,} rows", flush=True)
        bodies = bodies_of(fmt, f_index * a.rows, a.rows, start)
        sent, began = 0, time.perf_counter()
        for n, body in bodies:
            status, data = call("POST", "/api/v1/measurements", body, ctype, bearer)
            if status != 200:
                sys.exit(f"{fmt} request at row {sent}: {status} {data[:300]!r}")
            sent += n
            if sent % (a.rows // 10 or 1) < a.batch:
                print(f"  {fmt}: {sent:,} rows, {sent / (time.perf_counter() - began):,.0f} rows/s", flush=True)
        secs = time.perf_counter() - began
        results[fmt] = a.rows / secs
        print(f"{fmt}: {a.rows:,} rows in {secs:.1f} s = {a.rows / secs:,.0f} rows/s", flush=True)

    if a.floor:
        floor_kpi = None
        if a.floor.startswith("postgres:"):
            key = f"ingest-{run}-floor"
            status, data = call("POST", "/api/v1/kpis", json.dumps({"key": key, "name": key,
                "direction": "HIGHER_IS_BETTER", "target": 100, "frequency": "DAILY", "aggregation": "SUM"}),
                "application/json")
            floor_kpi = (key, json.loads(data)["id"])
        floor = floor_rate(a.floor, a.rows, floor_kpi and floor_kpi[1])
        if floor_kpi:
            call("DELETE", f"/api/v1/kpis/{floor_kpi[0]}", None, "application/json")
        print(f"floor ({a.floor}): {a.rows:,} rows = {floor:,.0f} rows/s", flush=True)
        for fmt, rate in results.items():
            print(f"BENCH ingest format={fmt} rows={a.rows} rows_per_s={rate:.0f} floor_rows_per_s={floor:.0f} "
                  f"ratio={rate / floor:.2f}")

def floor_rate(floor, rows, kpi):
    """PostgreSQL: COPY through psql into Tandem's own `measurement` table, for a KPI made for it (its rows
    are deleted afterwards), so the floor pays for the same indexes and foreign key. H2: bench/H2Floor.java."""
    start = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
    if floor.startswith("postgres:"):
        db = floor.split(":", 1)[1]
        lines = "".join(f"{kpi},{(start + dt.timedelta(minutes=i)).strftime('%Y-%m-%dT%H:%M:%SZ')},{(i % 997) / 10}\n"
                        for i in range(rows))
        began = time.perf_counter()
        subprocess.run(["psql", "-d", db, "-qc", "\\copy measurement (kpi_id, at, amount) from stdin with (format csv)"],
                       input=lines.encode(), check=True)
        secs = time.perf_counter() - began
        subprocess.run(["psql", "-d", db, "-qc", f"delete from measurement where kpi_id = '{kpi}'"], check=True)
        return rows / secs
    here = os.path.dirname(os.path.abspath(__file__))
    h2 = subprocess.run(["bash", "-c", "ls ~/.m2/repository/com/h2database/h2/*/h2-*.jar | sort -V | tail -1"],
                        capture_output=True, text=True, check=True).stdout.strip()
    out = subprocess.run(["java", "-cp", h2, os.path.join(here, "H2Floor.java"), str(rows)],
                         capture_output=True, text=True, check=True).stdout
    return float(out.strip().split()[-1])

if __name__ == "__main__":
    main()
