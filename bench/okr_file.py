#!/usr/bin/env python3
"""Writes an OKRs-as-code file of a made-up organisation and, with --post, times its import.

    python3 bench/okr_file.py --objectives 2000 --out bench/out/okrs-2000.yaml
    python3 bench/okr_file.py --objectives 2000 --post http://127.0.0.1:8080 --password PW

Each objective has a title, a description of about 300 characters and 4 key results with 3 check-ins each
(about 2 KB of YAML per objective); 20 teams, 60 people, one cycle. The same --seed gives the same file.
"""
import argparse
import base64
import json
import random
import sys
import time
import urllib.error
import urllib.request

WORDS = ("grow reduce launch improve onboarding retention revenue latency support customers partners release "
         "quality pipeline hiring churn adoption mobile platform trust").split()


def sentence(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize()


def write(n, seed, prefix):
    rng = random.Random(seed)
    out = [f"organisation: Bench {prefix}", "teams:"]
    teams = [f"{prefix}t{i}" for i in range(20)]
    for i, key in enumerate(teams):
        parent = "" if i == 0 else f", parent: {teams[0]}"
        out.append(f"  - {{key: {key}, name: Team {i}{parent}}}")
    out.append("people:")
    people = [f"{prefix}p{i}" for i in range(60)]
    for i, name in enumerate(people):
        out.append(f"  - {{username: {name}, name: Person {i}, teams: {{{teams[i % 20]}: MEMBER}}}}")
    cycle = f"{prefix}-2026-Q4"
    out += ["cycles:", f"  - {{name: {cycle}, start: 2026-10-01, end: 2026-12-31}}", "objectives:"]
    for o in range(n):
        out += [f"  - key: {prefix}o{o}", f"    cycle: {cycle}", "    level: TEAM",
                f"    team: {teams[o % 20]}", f"    owner: {people[o % 60]}",
                f"    title: {sentence(rng, 6)} {o}", f"    description: {sentence(rng, 40)}", "    keyResults:"]
        for k in range(4):
            start = rng.randint(0, 50)
            out += [f"      - title: {sentence(rng, 5)}", "        type: INCREASE", "        unit: points",
                    f"        start: {start}", f"        target: {start + rng.randint(10, 100)}", "        checkIns:"]
            for c in range(3):
                out.append(f"          - {{at: 2026-10-{10 + 7 * c:02d}T09:00:00Z, value: {start + c * 3}, "
                           f"confidence: {rng.randint(3, 9)}, note: {sentence(rng, 6)}}}")
    return "\n".join(out) + "\n"


def post(base, password, text):
    request = urllib.request.Request(base.rstrip("/") + "/api/v1/okrs.yaml", data=text.encode(), method="POST",
                                     headers={"Content-Type": "application/yaml", "Authorization": "Basic "
                                              + base64.b64encode(f"admin:{password}".encode()).decode()})
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=600) as answer:
            status, body = answer.status, answer.read().decode()
    except urllib.error.HTTPError as e:
        status, body = e.code, e.read().decode()
    return status, body, time.monotonic() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--objectives", type=int, required=True)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--prefix", default="b", help="prefix of keys, names and the cycle (a second run needs another)")
    parser.add_argument("--out", help="write the file here")
    parser.add_argument("--post", metavar="URL", help="import it into the Tandem at URL and print the time")
    parser.add_argument("--password", help="the admin's password (with --post)")
    args = parser.parse_args()
    text = write(args.objectives, args.seed, args.prefix)
    if args.out:
        with open(args.out, "w") as f:
            f.write(text)
    size = len(text.encode())
    print(f"{args.objectives} objectives, {size:,} bytes, {text.count(chr(10)):,} lines", file=sys.stderr)
    if args.post:
        status, body, seconds = post(args.post, args.password, text)
        print(json.dumps({"objectives": args.objectives, "bytes": size, "status": status, "seconds": round(seconds, 2),
                          "answer": body[:300]}))


if __name__ == "__main__":
    main()
