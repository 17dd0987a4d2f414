#!/usr/bin/env python3
"""Fills a running Tandem with one large cycle through the API, then times the coach over it.

    bench/coach.py --base http://127.0.0.1:8095 --password P [--objectives 10000] [--kpis 60]
                   [--requests 20] [--warmup 5] [--threads 4] [--seed 42] [--label "h2"] [--cycle-id ID]

Signs in once as the admin (HTTP Basic) to make a token (read, write), then with that token:
--kpis KPIs over 40 teams (a few teams with more than 7, some without a definition, a target or a
recent review), a cycle for the quarter that holds today, and --objectives objectives in it, each
posted with its 2 to 6 key results (INCREASE, DECREASE, THRESHOLD, MILESTONE, BASELINE; some
measured by a KPI, a few due after the cycle) in one request, from --threads connections at once:
2 % company, 38 % team, 60 % individual objectives, 70 % of the others aligned to an older one,
one in ten with a number in its title. So the coach has all kinds of things to say.

Then it times GET /api/v1/coach?cycleId=ID (--warmup untimed, --requests timed, one keep-alive
client) with GET /actuator/health as the floor, and prints n, p50, p99, max in ms, the answer's
size and its findings per rule, and a BENCH line for machines. With --cycle-id it only times that
cycle (filled before). Writes the token to bench/out/coach-token.txt. Standard library only.
"""
import argparse, base64, collections, datetime as dt, http.client, json, math, os, random, sys, threading, time
import urllib.parse

VERBS = ["Delight", "Grow", "Simplify", "Win", "Modernise", "Strengthen", "Unblock", "Own", "Scale", "Earn"]
THINGS = ["onboarding", "checkout", "support", "the mobile app", "billing", "search", "reporting", "partners",
          "the platform", "hiring", "retention", "quality", "our brand", "data", "security"]
KR_TYPES = [("INCREASE", 0.40), ("DECREASE", 0.15), ("THRESHOLD", 0.15), ("MILESTONE", 0.20), ("BASELINE", 0.10)]


class Api:
    """One keep-alive connection with a fixed Authorization header."""

    def __init__(self, base, authorization):
        url = urllib.parse.urlparse(base)
        self.host, self.port, self.authorization = url.hostname, url.port or 80, authorization
        self.conn = None

    def call(self, method, path, body=None, expect=(200, 201)):
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=600)
            try:
                started = time.perf_counter()
                self.conn.request(method, path, body=None if body is None else json.dumps(body).encode(),
                                  headers={"Authorization": self.authorization, "Content-Type": "application/json",
                                           "Accept": "application/json"})
                r = self.conn.getresponse()
                payload = r.read()
                elapsed = time.perf_counter() - started
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.conn.close()
                self.conn = None
                if attempt == 2:
                    raise
        if r.status not in expect:
            sys.exit(f"{method} {path}: {r.status} {payload[:300]!r}")
        return r.status, payload, elapsed

    def json(self, method, path, body=None):
        _, payload, _ = self.call(method, path, body)
        return json.loads(payload) if payload else None


def pick(rnd, weighted):
    x, total = rnd.random(), 0.0
    for value, weight in weighted:
        total += weight
        if x < total:
            return value
    return weighted[-1][0]


def percentile(values, p):
    values = sorted(values)
    return values[max(1, math.ceil(p / 100 * len(values))) - 1] if values else float("nan")


def fill(a, api, admin_id):
    rnd = random.Random(a.seed)
    today = dt.datetime.now(dt.timezone.utc).date()
    q_start = dt.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    q_end = (dt.date(q_start.year + (q_start.month + 3 > 12), (q_start.month + 2) % 12 + 1, 1)
             - dt.timedelta(days=1))
    stamp = int(time.time())
    company = api.json("POST", "/api/v1/teams", {"name": f"Coach bench {stamp}"})["id"]
    teams = [api.json("POST", "/api/v1/teams", {"name": f"Coach bench {stamp} team {i}", "parentId": company})["id"]
             for i in range(40)]
    print(f"  41 teams", flush=True)
    kpis = []
    for i in range(a.kpis):
        team = teams[0] if i < 9 else teams[1] if i < 17 else rnd.choice(teams)  # two teams with more than 7
        body = {"key": f"coach-bench-{stamp}-{i}", "name": f"Coach bench KPI {i}", "unit": "units",
                "direction": "HIGHER_IS_BETTER", "frequency": "WEEKLY", "aggregation": "AVG", "teamId": team,
                "definition": "A made-up KPI", "reason": "The coach benchmark", "dataSource": "coach.py"}
        if i % 10 != 3:
            body.update(target=100, warningThreshold=80)
        if i % 10 == 5:
            del body["definition"]
        if i % 10 == 7:
            body.update(reviewEveryDays=30, lastReviewedAt=f"{today - dt.timedelta(days=90)}T09:00:00Z")
        kpis.append(api.json("POST", "/api/v1/kpis", body)["id"])
    print(f"  {len(kpis)} KPIs", flush=True)
    cycle = api.json("POST", "/api/v1/cycles", {"name": f"Coach bench {stamp}", "startDate": str(q_start),
                                                "endDate": str(q_end)})["id"]

    def objective(i, parents):
        level = "COMPANY" if i < a.objectives * 0.02 else "TEAM" if i < a.objectives * 0.40 else "INDIVIDUAL"
        title = f"{rnd.choice(VERBS)} {rnd.choice(THINGS)}"
        if rnd.random() < 0.1:
            title += f" by {rnd.randint(2, 50)}%"
        body = {"cycleId": cycle, "title": title, "level": level,
                "type": "ASPIRATIONAL" if rnd.random() < 0.3 else "COMMITTED"}
        if level != "COMPANY":
            body["teamId"] = rnd.choice(teams)
            if level == "INDIVIDUAL":
                body["ownerId"] = admin_id
            if parents and rnd.random() < 0.7:
                body["parentId"] = rnd.choice(parents)
        krs = []
        for k in range(rnd.randint(2, 6)):
            kind = pick(rnd, KR_TYPES)
            kr = {"title": f"{kind.title()} {rnd.choice(THINGS)} {k}", "type": kind}
            if kind == "INCREASE":
                start = rnd.randint(0, 50)
                kr.update(startValue=start, targetValue=start + rnd.randint(5, 100))
                if rnd.random() < 0.05:
                    kr["kpiId"] = rnd.choice(kpis)
            elif kind == "DECREASE":
                start = rnd.randint(50, 100)
                kr.update(startValue=start, targetValue=start - rnd.randint(5, 40))
            elif kind == "THRESHOLD":
                low = rnd.randint(0, 90)
                kr.update(minValue=low, maxValue=low + rnd.randint(1, 10))
            if rnd.random() < 0.02:
                kr["dueDate"] = str(q_end + dt.timedelta(days=rnd.randint(1, 30)))
            krs.append(kr)
        body["keyResults"] = krs
        return body

    began = time.perf_counter()
    # Company objectives first (the others align to them), then the rest from several connections.
    bodies = [objective(i, []) for i in range(max(1, int(a.objectives * 0.02)))]
    parents = [api.json("POST", "/api/v1/objectives", b)["id"] for b in bodies]
    rest = [objective(i, parents) for i in range(len(parents), a.objectives)]
    done, lock = [len(parents)], threading.Lock()

    def worker(chunk):
        own = Api(a.base, api.authorization)
        for body in chunk:
            own.call("POST", "/api/v1/objectives", body)
            with lock:
                done[0] += 1
                if done[0] % (a.objectives // 10 or 1) == 0:
                    print(f"  {done[0]:,} objectives, {done[0] / (time.perf_counter() - began):,.0f}/s", flush=True)

    threads = [threading.Thread(target=worker, args=(rest[t::a.threads],)) for t in range(a.threads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(f"{a.objectives:,} objectives in {time.perf_counter() - began:.1f} s; cycle {cycle}", flush=True)
    return cycle


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--base", required=True)
    p.add_argument("--user", default="admin")
    p.add_argument("--password", required=True)
    p.add_argument("--objectives", type=int, default=10_000)
    p.add_argument("--kpis", type=int, default=60)
    p.add_argument("--requests", type=int, default=20)
    p.add_argument("--warmup", type=int, default=5)
    p.add_argument("--threads", type=int, default=4)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--label", default="")
    p.add_argument("--cycle-id", help="time this cycle (filled before) instead of filling a new one")
    a = p.parse_args()

    basic = "Basic " + base64.b64encode(f"{a.user}:{a.password}".encode()).decode()
    token = Api(a.base, basic).json("POST", "/api/v1/tokens", {"name": f"bench-coach-{int(time.time())}",
                                                                "scopes": ["read", "write"]})["token"]
    here = os.path.dirname(os.path.abspath(__file__))
    os.makedirs(os.path.join(here, "out"), exist_ok=True)
    with open(os.path.join(here, "out", "coach-token.txt"), "w", encoding="utf-8") as f:
        f.write(token)
    api = Api(a.base, "Bearer " + token)
    cycle = a.cycle_id or fill(a, api, api.json("GET", "/api/v1/me")["id"])

    path = f"/api/v1/coach?cycleId={urllib.parse.quote(cycle)}"
    _, body, first = api.call("GET", path)
    answer = json.loads(body)
    rules = collections.Counter(f["ruleId"] for f in answer["findings"])
    print(f"  {path}: {len(body):,} bytes, {len(answer['findings']):,} findings, first call {first * 1000:.1f} ms",
          file=sys.stderr)
    print("  findings per rule: " + ", ".join(f"{r} {n:,}" for r, n in sorted(rules.items())), file=sys.stderr)
    times = {"coach": [], "health": []}
    for i in range(a.warmup + a.requests):
        for name, url in (("coach", path), ("health", "/actuator/health")):
            _, _, elapsed = api.call("GET", url)
            if i >= a.warmup:
                times[name].append(elapsed * 1000)
    print(f"\nCoach over {len(answer['findings']):,} findings ({a.label or 'one cycle'}): {a.requests} timed +"
          f" {a.warmup} warm-up requests, one keep-alive client")
    print(f"{'endpoint':<10}{'n':>5}{'p50 ms':>10}{'p99 ms':>10}{'max ms':>10}{'bytes':>12}")
    for name in times:
        v = times[name]
        print(f"{name:<10}{len(v):>5}{percentile(v, 50):>10.1f}{percentile(v, 99):>10.1f}{max(v):>10.1f}"
              f"{len(body) if name == 'coach' else 0:>12,}")
    c = times["coach"]
    print(f"BENCH label={json.dumps(a.label)} endpoint=coach n={len(c)} p50_ms={percentile(c, 50):.1f}"
          f" p99_ms={percentile(c, 99):.1f} max_ms={max(c):.1f} bytes={len(body)} findings={len(answer['findings'])}")


if __name__ == "__main__":
    main()
