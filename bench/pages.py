#!/usr/bin/env python3
"""Times the web app's pages as a signed-in person gets them, against a running Tandem.

    bench/pages.py --base http://127.0.0.1:8080 --user admin --password P [--requests 300] [--warmup 50]
                   [--max-seconds 120] [--objective-pages 20] [--label "h2 demo"] [--results FILE.jsonl]

Signs in with the form (a browser's session cookie and CSRF token, as a person does), finds the current
cycle and its objectives through the pages' own links, then times, in rounds, each page in turn from one
keep-alive connection: home, the OKR list, every objective page of the cycle (counted together), their
edit pages and comments, the alignment map, the coach, the KPI board, every KPI page (counted together), the
scorecard, the cycles and their review, a search, the KPI library and the OKR templates, the tokens and the admin
pages (those the person may open); with GET /actuator/health as the floor. Prints n, p50, p90, p99, max in ms,
the p99 over the floor's p99 and the page size, and a BENCH line per page for machines. A page whose timed
requests have taken --max-seconds in all stops being asked (its n says how many it got), so a page that takes
seconds on a large organisation does not hold up the rest; --objective-pages caps how many objectives (and their
edit and comment pages) are visited in turn. The times are the
client's over localhost, so they hold the server's render time and a little more. Standard library only.
"""
import argparse, http.client, math, re, sys, time, urllib.parse


class Browser:
    def __init__(self, base):
        url = urllib.parse.urlparse(base)
        self.conn = http.client.HTTPConnection(url.hostname, url.port or 80, timeout=60)
        self.cookies = {}

    def request(self, method, path, body=None, headers=None):
        h = dict(headers or {})
        if self.cookies:
            h["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        started = time.perf_counter()
        self.conn.request(method, path, body=body, headers=h)
        r = self.conn.getresponse()
        payload = r.read()
        elapsed = time.perf_counter() - started
        for value in r.headers.get_all("Set-Cookie") or []:
            name, _, rest = value.partition("=")
            self.cookies[name] = rest.split(";")[0]
        return r.status, r.headers, payload.decode("utf-8", "replace"), elapsed

    def sign_in(self, user, password):
        _, _, page, _ = self.request("GET", "/login")
        token = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
        form = urllib.parse.urlencode({"username": user, "password": password, "_csrf": token})
        status, headers, _, _ = self.request("POST", "/login", form,
                                             {"Content-Type": "application/x-www-form-urlencoded"})
        if status != 302 or "error" in (headers.get("Location") or ""):
            sys.exit(f"could not sign in as {user}: {status} {headers.get('Location')}")


def percentile(values, p):
    values = sorted(values)
    return values[max(1, math.ceil(p / 100 * len(values))) - 1]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--base", default="http://127.0.0.1:8080")
    p.add_argument("--user", default="admin")
    p.add_argument("--password", required=True)
    p.add_argument("--requests", type=int, default=300)
    p.add_argument("--warmup", type=int, default=50)
    p.add_argument("--search", default="customer")
    p.add_argument("--label", default="")
    p.add_argument("--max-seconds", type=float, default=120)
    p.add_argument("--objective-pages", type=int, default=20)
    p.add_argument("--results", default="")
    a = p.parse_args()
    b = Browser(a.base)
    b.sign_in(a.user, a.password)
    _, _, okrs, _ = b.request("GET", "/okrs")
    objectives = sorted(set(re.findall(r'href="(/okrs/objectives/[0-9a-f-]{36})"', okrs)))[:a.objective_pages]
    if not objectives:
        sys.exit("no objective in the current cycle: load the demo (TANDEM_DEMO=true) or pass a populated instance")
    _, _, board, _ = b.request("GET", "/kpis")
    kpis = sorted(set(re.findall(r'href="(/kpis/[A-Za-z0-9_.-]+)"', board)))
    reviews = sorted(set(re.findall(r'href="(/cycles/[0-9a-f-]{36}/review)"', okrs)))
    # the pages this person may open: the edit page of the objectives they may change, admin pages for admins
    editable = [o + "/edit" for o in objectives if b.request("GET", o + "/edit")[0] == 200]
    pages = {"home": ["/"], "okrs": ["/okrs"], "objective": objectives, "edit": editable,
             "comments": ["/comments/objectives/" + o.rsplit("/", 1)[1] for o in objectives],
             "alignment": ["/alignment"], "coach": ["/coach"], "kpis": ["/kpis"], "kpi": kpis or ["/kpis"],
             "scorecard": ["/scorecard"], "cycles": ["/cycles"], "review": reviews,
             "search": ["/search?q=" + urllib.parse.quote(a.search)], "kpi library": ["/library/kpis"],
             "templates": ["/library/okrs"], "tokens": ["/tokens"],
             "users": ["/admin/users"], "teams": ["/admin/teams"], "audit": ["/admin/audit"],
             "health": ["/actuator/health"]}
    for name, paths in list(pages.items()):
        status = b.request("GET", paths[0])[0] if paths else None
        if status != 200:
            print(f"{name}: {paths[0] if paths else 'no page'} answers {status} to {a.user}, left out")
            del pages[name]
    print(f"{len(objectives)} objective pages, {len(kpis)} KPI pages; {a.warmup} warm-up and {a.requests} timed rounds",
          flush=True)
    times = {name: [] for name in pages}
    spent = {name: 0.0 for name in pages}
    sizes = {}
    for i in range(a.warmup + a.requests):
        for name, paths in pages.items():
            if spent[name] > a.max_seconds:
                continue
            path = paths[i % len(paths)]
            status, _, body, elapsed = b.request("GET", path)
            if status != 200:
                sys.exit(f"{path}: {status}")
            sizes[name] = len(body.encode())
            if i >= a.warmup:
                times[name].append(elapsed * 1000)
            spent[name] += elapsed
        if (i + 1) % 50 == 0:
            print(f"  {i + 1} rounds", flush=True)
    floor = percentile(times["health"], 99)
    print(f"{'page':<13}{'n':>5}{'p50 ms':>9}{'p90 ms':>9}{'p99 ms':>9}{'max ms':>9}{'p99/floor':>10}{'bytes':>11}")
    for name, t in times.items():
        if not t:
            print(f"{name:<13}    0  (the warm-up alone took more than {a.max_seconds:.0f} s)")
            continue
        print(f"{name:<13}{len(t):>5}{percentile(t, 50):>9.1f}{percentile(t, 90):>9.1f}{percentile(t, 99):>9.1f}"
              f"{max(t):>9.1f}{percentile(t, 99) / floor:>9.1f}x{sizes[name]:>11,}")
    for name, t in times.items():
        if t:
            print(f'BENCH label="{a.label}" page={name.replace(" ", "-")} n={len(t)} p50_ms={percentile(t, 50):.1f} '
                  f'p99_ms={percentile(t, 99):.1f} max_ms={max(t):.1f} p99_over_floor={percentile(t, 99) / floor:.1f} '
                  f'bytes={sizes[name]}')
    if a.results:
        import json
        with open(a.results, "a") as f:
            for name, t in times.items():
                if t:
                    f.write(json.dumps({"label": a.label, "endpoint": "page " + name, "status": "ok", "n": len(t),
                                        "p50_ms": round(percentile(t, 50), 2), "p90_ms": round(percentile(t, 90), 2),
                                        "p99_ms": round(percentile(t, 99), 2), "max_ms": round(max(t), 2),
                                        "p99_over_health": round(percentile(t, 99) / floor, 1)}) + "\n")


if __name__ == "__main__":
    main()
