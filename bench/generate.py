#!/usr/bin/env python3
"""Generates a Tandem backup (POST /api/v1/import) with N objectives for the benchmarks.

    bench/generate.py --objectives 1000 [--seed 42] [--today 2026-11-25] [--out bench/out/org-1000.json]

Per objective 4 key results and per key result 10 check-ins on average (exact totals: 4*N KRs,
40*N check-ins), N/10 teams in a tree, ~N/5 users with memberships, ALL objectives in one cycle
(the calendar quarter that contains --today) with a ~70% aligned objective tree. The denormalised
columns of key_result (current_*, last_check_in_at, check_in_count, in_range_count) are computed
from the generated check-ins, exactly as the application keeps them.

The user `admin` gets the password --admin-password (stored as {noop}...) and an API token
(stored as its SHA-256); the token is written to bench/out/token.txt and, with the cycle id and the
row counts, to <out>.meta.json beside the backup. Everything, ids and token included, follows from
--seed and --today, so a run is reproducible.

Python 3 standard library only. The JSON is written row by row: memory stays small at any N.
"""

import argparse
import datetime as dt
import hashlib
import json
import os
import random
import string
import sys
import time
import uuid

UTC = dt.timezone.utc

LEVEL_SHARE = (("COMPANY", 0.03), ("TEAM", 0.37), ("INDIVIDUAL", 0.60))
KR_TYPES = (("INCREASE", 0.40), ("DECREASE", 0.15), ("THRESHOLD", 0.15), ("MILESTONE", 0.20), ("BASELINE", 0.10))
ALIGNED_SHARE = 0.70

VERBS = ["Grow", "Reduce", "Launch", "Improve", "Ship", "Delight", "Scale", "Simplify", "Win", "Harden",
         "Automate", "Expand", "Modernise", "Streamline", "Strengthen"]
THINGS = ["self-serve onboarding", "the partner channel", "enterprise revenue", "checkout conversion",
          "platform reliability", "customer support", "the mobile app", "data quality", "release cadence",
          "hiring pipeline", "security posture", "the EU market", "developer experience", "NPS", "cloud costs",
          "the billing system", "search relevance", "trial activation", "documentation", "internal tooling"]
NOTES = ["on track", "slipped a bit", "blocked on review", "good week", "ahead of plan", "waiting for data",
         "needs help", "recovered after incident", "holiday week", "new estimate", "steady", "risky",
         "customer feedback positive", "scope cut", "first results in", None, None, None]
FIRST = ["Ada", "Ben", "Chloé", "Dmitri", "Eva", "Farid", "Grace", "Hugo", "Ines", "Jonas", "Kira", "Luca",
         "Maya", "Nils", "Olga", "Pavel", "Quinn", "Rosa", "Sami", "Tara", "Umar", "Vera", "Wen", "Yara", "Zoé"]
LAST = ["Abe", "Berg", "Costa", "Diaz", "Eng", "Fox", "García", "Hahn", "Ito", "Jung", "Klein", "Lund",
        "Moreau", "Nagy", "Ortiz", "Petit", "Rossi", "Sato", "Tan", "Ueda", "Vogel", "Weber", "Young", "Zhou"]
DEPARTMENTS = ["Engineering", "Sales", "Marketing", "Product", "Operations", "Finance", "People", "Support",
               "Design", "Data", "Security", "Legal"]


ID_VERSION = [7]


def uuid_from(rng, created):
    """Like the application's ids (shared/Ids.java): UUID version 7, time-ordered by `created`.
    With --ids v4, random ones instead. Either way drawn from `rng`, so reproducible."""
    if ID_VERSION[0] == 4:
        return str(uuid.UUID(int=rng.getrandbits(128), version=4))
    millis = int(created.timestamp() * 1000)
    high = (millis << 16) | 0x7000 | rng.getrandbits(12)
    low = rng.getrandbits(62) | 0x8000000000000000
    return str(uuid.UUID(int=(high << 64) | low))


def ts(instant):
    return instant.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def quarter_of(day):
    q = (day.month - 1) // 3
    start = dt.date(day.year, q * 3 + 1, 1)
    end = (dt.date(day.year + 1, 1, 1) if q == 3 else dt.date(day.year, q * 3 + 4, 1)) - dt.timedelta(days=1)
    return f"{day.year}-Q{q + 1}", start, end


def pick(rng, weighted):
    x = rng.random()
    for value, share in weighted:
        x -= share
        if x < 0:
            return value
    return weighted[-1][0]


def spread(rng, count, total, low, high):
    """`count` integers in [low, high] summing exactly to `total` (random, roughly uniform)."""
    if not low * count <= total <= high * count:
        raise ValueError(f"cannot spread {total} over {count} in [{low}, {high}]")
    values = [rng.randint(low, high) for _ in range(count)]
    diff = total - sum(values)
    while diff != 0:
        i = rng.randrange(count)
        if diff > 0 and values[i] < high:
            values[i] += 1
            diff -= 1
        elif diff < 0 and values[i] > low:
            values[i] -= 1
            diff += 1
    return values


class Progress:
    """Prints to stderr every 10% of the rows (and at least every 5 seconds)."""

    def __init__(self, total):
        self.total = total
        self.done = 0
        self.next_step = 10
        self.started = time.monotonic()
        self.last_print = self.started

    def tick(self, table):
        self.done += 1
        percent = 100 * self.done // self.total
        now = time.monotonic()
        if percent >= self.next_step or now - self.last_print > 5:
            if percent >= self.next_step:
                self.next_step = (percent // 10 + 1) * 10
            self.last_print = now
            print(f"  {percent:3d}%  {self.done:>9,}/{self.total:,} rows  ({table})  {now - self.started:6.1f}s",
                  file=sys.stderr, flush=True)


class Writer:
    """Streams {"format":...,"tables":{"t":[row,...],...}} to a file."""

    def __init__(self, stream, progress):
        self.out = stream
        self.progress = progress
        self.table = None
        self.first_table = True
        self.first_row = True
        self.counts = {}
        self.out.write('{"format":"tandem-backup","version":1,"tables":{')

    def begin(self, table):
        self.end_table()
        self.out.write(("" if self.first_table else ",") + json.dumps(table) + ":[\n")
        self.first_table = False
        self.first_row = True
        self.table = table
        self.counts[table] = 0

    def row(self, row):
        self.out.write(("" if self.first_row else ",\n") + json.dumps(row, ensure_ascii=False, separators=(",", ":")))
        self.first_row = False
        self.counts[self.table] += 1
        self.progress.tick(self.table)

    def end_table(self):
        if self.table is not None:
            self.out.write("\n]")
            self.table = None

    def close(self):
        self.end_table()
        self.out.write("}}\n")


class Generator:

    def __init__(self, objectives, seed, today, admin_password):
        self.n = objectives
        self.seed = seed
        self.rng = random.Random(f"tandem-bench-{seed}")
        self.today = today
        self.admin_password = admin_password
        self.cycle_name, self.cycle_start, self.cycle_end = quarter_of(today)
        self.cycle_start_at = dt.datetime.combine(self.cycle_start, dt.time(), UTC)
        self.cycle_until = dt.datetime.combine(self.cycle_end + dt.timedelta(days=1), dt.time(), UTC)
        # Check-ins happen up to the start of --today (never in the future on the day of the run).
        self.now = dt.datetime.combine(today, dt.time(), UTC)
        if self.now <= self.cycle_start_at + dt.timedelta(days=2):
            raise SystemExit(f"--today {today} is too close to the start of {self.cycle_name}: pick a later day")
        self.n_teams = max(1, self.n // 10)
        self.n_users = max(2, self.n // 5)
        self.n_krs = 4 * self.n
        self.n_check_ins = 10 * self.n_krs
        self.build()

    # --- organisation --------------------------------------------------------------------------

    def build(self):
        rng = self.rng
        org_created = self.cycle_start_at - dt.timedelta(days=120)
        self.users = []
        for i in range(self.n_users):
            if i == 0:
                username, name = "admin", "Administrator"
            else:
                name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
                username = f"user{i:05d}"
            self.users.append({
                "id": uuid_from(rng, org_created + dt.timedelta(minutes=i)), "username": username, "name": name,
                "email": f"{username}@bench.tandem.example",
                "password_hash": "{noop}" + self.admin_password if i == 0 else None,
                "admin": i == 0, "active": True,
                "created_at": ts(org_created + dt.timedelta(minutes=i)), "version": 0,
            })
        # A tree: the company, departments below it, teams below those (parents always come first).
        self.teams = []
        for i in range(self.n_teams):
            if i == 0:
                parent, name, slug = None, "Company", "company"
            elif i <= min(len(DEPARTMENTS), max(1, self.n_teams // 8)):
                parent, name, slug = self.teams[0]["id"], DEPARTMENTS[i - 1], f"dept-{i:03d}"
            else:
                parent = self.teams[rng.randrange(max(1, i // 2), i) if i > 2 and rng.random() < 0.3
                                    else rng.randrange(0, min(i, 1 + min(len(DEPARTMENTS), self.n_teams // 8)))]["id"]
                name, slug = f"{rng.choice(DEPARTMENTS)} team {i}", f"team-{i:05d}"
            self.teams.append({
                "id": uuid_from(rng, org_created + dt.timedelta(hours=1, minutes=i)), "slug": slug, "name": name, "parent_id": parent,
                "created_at": ts(org_created + dt.timedelta(hours=1, minutes=i)), "version": 0,
            })
        # Every user in one team (a few in two); the first member of a team leads it.
        self.memberships = {}
        self.members_of = [[] for _ in self.teams]
        self.lead_of = [None] * len(self.teams)
        self.team_of_user = [0] * len(self.users)
        order = list(range(1, len(self.users)))
        rng.shuffle(order)
        for k, u in enumerate(order):
            t = k if k < len(self.teams) else rng.randrange(len(self.teams))
            self.join(t, u)
            self.team_of_user[u] = t
            if rng.random() < 0.08:
                self.join(rng.randrange(len(self.teams)), u, "VIEWER")
        self.join(0, 0, "ADMIN")
        for t in range(len(self.teams)):
            if self.lead_of[t] is None:
                self.lead_of[t] = 0
        self.token = "tdm_bench_" + "".join(
            random.Random(f"tandem-bench-token-{self.seed}").choices(string.ascii_letters + string.digits, k=40))
        self.token_row = {
            "id": uuid_from(rng, org_created + dt.timedelta(hours=2)), "user_id": self.users[0]["id"], "name": "bench",
            "token_hash": hashlib.sha256(self.token.encode()).hexdigest(), "scopes": "read,write",
            "expires_at": None, "created_at": ts(org_created + dt.timedelta(hours=2)),
            "last_used_at": None, "revoked_at": None,
        }
        self.cycle_row = {
            "id": uuid_from(rng, self.cycle_start_at - dt.timedelta(days=21)), "name": self.cycle_name, "start_date": self.cycle_start.isoformat(),
            "end_date": self.cycle_end.isoformat(), "closed_at": None,
            "created_at": ts(self.cycle_start_at - dt.timedelta(days=21)), "version": 0,
        }
        self.build_objectives()

    def join(self, t, u, role=None):
        key = (t, u)
        if key in self.memberships:
            return
        if role is None:
            role = "LEAD" if self.lead_of[t] is None else ("VIEWER" if self.rng.random() < 0.05 else "MEMBER")
        if role == "LEAD":
            self.lead_of[t] = u
        self.memberships[key] = role
        self.members_of[t].append(u)

    # --- objectives and key results ------------------------------------------------------------

    def build_objectives(self):
        rng = self.rng
        n = self.n
        counts = {}
        remaining = n
        for level, share in LEVEL_SHARE[:-1]:
            counts[level] = max(1, round(n * share)) if remaining > 1 else 0
            remaining -= counts[level]
        counts["INDIVIDUAL"] = max(0, remaining)
        levels = [lvl for lvl, _ in LEVEL_SHARE for _ in range(counts[lvl])][:n]
        # Objectives are created over the planning weeks, in order, so a parent is always older.
        first = self.cycle_start_at - dt.timedelta(days=14)
        span = (self.cycle_start_at + dt.timedelta(days=7)) - first
        kr_counts = spread(rng, n, self.n_krs, 1, 7)
        # Some company objectives have no key results of their own: they roll up from aligned ones.
        for i, level in enumerate(levels):
            if level == "COMPANY" and kr_counts[i] > 0 and rng.random() < 0.3:
                j = next((j for j in range(n - 1, -1, -1)
                          if levels[j] != "COMPANY" and kr_counts[j] + kr_counts[i] <= 7), None)
                if j is not None:
                    kr_counts[j] += kr_counts[i]
                    kr_counts[i] = 0
        self.objectives = []
        self.krs = []
        by_level = {"COMPANY": [], "TEAM": []}
        team_objectives = {}
        for i, level in enumerate(levels):
            created = first + span * (i / max(1, n))
            parent = None
            if level == "COMPANY":
                team = 0
                owner = self.lead_of[0] if rng.random() < 0.5 else rng.choice(self.members_of[0] or [0])
            elif level == "TEAM":
                team = rng.randrange(len(self.teams))
                owner = self.lead_of[team]
                if rng.random() < ALIGNED_SHARE:
                    candidates = team_objectives.get(self.team_parent_index(team)) if rng.random() < 0.5 else None
                    parent = rng.choice(candidates) if candidates else (
                        rng.choice(by_level["COMPANY"]) if by_level["COMPANY"] else None)
            else:
                owner = rng.randrange(1, len(self.users)) if len(self.users) > 1 else 0
                team = self.team_of_user[owner]
                if rng.random() < ALIGNED_SHARE:
                    candidates = team_objectives.get(team) or by_level["TEAM"] or by_level["COMPANY"]
                    parent = rng.choice(candidates) if candidates else None
            obj = {
                "id": uuid_from(rng, created), "cycle_id": self.cycle_row["id"],
                "slug": f"company-{i + 1}" if level == "COMPANY" else None,
                "title": f"{rng.choice(VERBS)} {rng.choice(THINGS)}"
                         + ("" if level == "COMPANY" else f" ({self.teams[team]['name']})"),
                "description": "Generated by bench/generate.py." if rng.random() < 0.5 else None,
                "level": level, "team_id": self.teams[team]["id"], "owner_id": self.users[owner]["id"],
                "parent_id": None, "parent_key_result_id": None,
                "type": "ASPIRATIONAL" if rng.random() < 0.25 else "COMMITTED", "visibility": "PUBLIC",
                "retrospective": None, "carried_from_id": None, "final_score": None,
                "created_at": ts(created), "version": 0,
            }
            if parent is not None:
                p = self.objectives[parent]
                obj["parent_id"] = p["id"]
                if p["_krs"] and rng.random() < 0.6:
                    obj["parent_key_result_id"] = self.krs[rng.choice(p["_krs"])]["id"]
            obj["_krs"] = []
            for position in range(kr_counts[i]):
                kr = self.key_result(obj, position, created + dt.timedelta(minutes=5 + position), owner)
                obj["_krs"].append(len(self.krs))
                self.krs.append(kr)
            self.objectives.append(obj)
            if level in by_level:
                by_level[level].append(i)
            if level == "TEAM":
                team_objectives.setdefault(team, []).append(i)
        assert len(self.krs) == self.n_krs, (len(self.krs), self.n_krs)
        self.check_in_counts = spread(rng, self.n_krs, self.n_check_ins, 0, 20)

    def team_parent_index(self, t):
        if not hasattr(self, "_team_index"):
            self._team_index = {team["id"]: i for i, team in enumerate(self.teams)}
        return self._team_index.get(self.teams[t]["parent_id"])

    def key_result(self, obj, position, created, objective_owner):
        rng = self.rng
        kind = pick(rng, KR_TYPES)
        owner = objective_owner if rng.random() < 0.7 else rng.randrange(len(self.users))
        kr = {
            "id": uuid_from(rng, created), "objective_id": obj["id"], "position": position,
            "title": None, "type": kind, "unit": None, "weight": float(rng.choice((1, 1, 1, 1, 2, 2, 3))),
            "owner_id": self.users[owner]["id"], "due_date": self.cycle_end.isoformat(),
            "start_value": None, "target_value": None, "min_value": None, "max_value": None, "kpi_id": None,
            "grade": None, "grade_note": None, "final_score": None, "carried_from_id": None,
            "current_value": None, "current_achieved": None, "current_confidence": None,
            "last_check_in_at": None, "check_in_count": 0, "in_range_count": 0,
            "created_at": ts(created), "version": 0,
            "_created": created,
        }
        if kind == "INCREASE":
            start = float(rng.choice((0, 0, 10, 50, 100, 1000)))
            target = start + float(rng.choice((5, 10, 20, 50, 100, 500, 2000)))
            kr.update(start_value=start, target_value=target, unit=rng.choice(("users", "%", "EUR k", "deals", None)),
                      title=f"Raise {rng.choice(THINGS)} from {start:g} to {target:g}")
        elif kind == "DECREASE":
            target = float(rng.choice((0, 1, 5, 10, 100)))
            start = target + float(rng.choice((5, 10, 20, 50, 200)))
            kr.update(start_value=start, target_value=target, unit=rng.choice(("ms", "tickets", "%", "days", None)),
                      title=f"Cut {rng.choice(THINGS)} from {start:g} to {target:g}")
        elif kind == "THRESHOLD":
            low = float(rng.choice((90, 95, 99, 0, 10)))
            high = low + float(rng.choice((1, 5, 10)))
            kr.update(min_value=low, max_value=high, unit=rng.choice(("%", "ms", None)),
                      title=f"Keep {rng.choice(THINGS)} between {low:g} and {high:g}")
        elif kind == "MILESTONE":
            kr.update(title=f"{rng.choice(VERBS)} {rng.choice(THINGS)}: done")
        else:
            kr.update(unit=rng.choice(("users", "%", None)), title=f"Measure {rng.choice(THINGS)}")
        return kr

    def check_ins(self, k):
        """The check-ins of key result k, oldest first; the same every time (own seeded RNG)."""
        kr = self.krs[k]
        count = self.check_in_counts[k]
        if count == 0:
            return []
        rng = random.Random(f"tandem-bench-{self.seed}-check-ins-{k}")
        begin = max(kr["_created"] + dt.timedelta(hours=1), self.cycle_start_at)
        seconds = int((self.now - begin).total_seconds()) - 60
        moments = sorted(begin + dt.timedelta(seconds=rng.randrange(max(1, seconds))) for _ in range(count))
        kind = kr["type"]
        final = rng.uniform(0.0, 1.2)  # where this KR ends up relative to its target
        achieved_from = rng.randrange(count + count // 2 + 1)  # milestones: done from this check-in on, if ever
        baseline = rng.uniform(10, 1000)
        confidence = rng.randint(3, 9)
        rows = []
        for j, at in enumerate(moments):
            f = (j + 1) / count
            amount, achieved = None, None
            if kind in ("INCREASE", "DECREASE"):
                s, t = kr["start_value"], kr["target_value"]
                amount = round(s + (t - s) * final * f + (t - s) * rng.gauss(0, 0.05), 2)
                if min(s, t) >= 0:
                    amount = max(0.0, amount)  # counts, durations, money: never below zero
            elif kind == "THRESHOLD":
                low, high = kr["min_value"], kr["max_value"]
                width = high - low
                amount = round(rng.uniform(low - width * 0.3, high + width * 0.1), 2)
            elif kind == "MILESTONE":
                achieved = j >= achieved_from
            else:
                amount = round(baseline * (1 + rng.gauss(0, 0.1)), 2)
            confidence = max(0, min(10, confidence + rng.choice((-1, 0, 0, 0, 1))))
            created = at + dt.timedelta(seconds=rng.randint(0, 30))
            rows.append({
                "id": uuid_from(rng, created), "key_result_id": kr["id"], "at": ts(at), "amount": amount,
                "achieved": achieved, "confidence": confidence, "note": rng.choice(NOTES),
                "author_id": kr["owner_id"], "source": "MANUAL", "created_at": ts(created),
                "_at": at,
            })
        return rows

    def denormalise(self, k):
        kr = self.krs[k]
        rows = self.check_ins(k)
        if not rows:
            return
        latest = max(rows, key=lambda r: (r["_at"], r["created_at"], r["id"]))
        in_cycle = [r for r in rows if self.cycle_start_at <= r["_at"] < self.cycle_until]
        kr["current_value"] = latest["amount"]
        kr["current_achieved"] = latest["achieved"]
        kr["current_confidence"] = latest["confidence"]
        kr["last_check_in_at"] = latest["at"]
        kr["check_in_count"] = len(in_cycle)
        if kr["type"] == "THRESHOLD":
            kr["in_range_count"] = sum(1 for r in in_cycle
                                       if r["amount"] is not None and kr["min_value"] <= r["amount"] <= kr["max_value"])

    # --- output --------------------------------------------------------------------------------

    def write(self, stream):
        rows_total = (len(self.users) + len(self.teams) + len(self.memberships) + 1 + 1 + len(self.objectives)
                      + 2 * len(self.krs) + self.n_check_ins)
        progress = Progress(rows_total)
        w = Writer(stream, progress)
        w.begin("app_user")
        for u in self.users:
            w.row(u)
        w.begin("team")
        for t in self.teams:
            w.row(t)
        w.begin("membership")
        for (t, u), role in self.memberships.items():
            w.row({"team_id": self.teams[t]["id"], "user_id": self.users[u]["id"], "role": role})
        w.begin("api_token")
        w.row(self.token_row)
        w.begin("cycle")
        w.row(self.cycle_row)
        w.begin("objective")
        for o in self.objectives:
            w.row({k: v for k, v in o.items() if not k.startswith("_")})
        w.begin("key_result")
        for k, kr in enumerate(self.krs):
            self.denormalise(k)
            w.row({key: v for key, v in kr.items() if not key.startswith("_")})
        w.begin("key_result_change")
        change_rng = random.Random(f"tandem-bench-{self.seed}-changes")
        for kr in self.krs:
            w.row({"id": uuid_from(change_rng, kr["_created"]), "key_result_id": kr["id"], "at": kr["created_at"],
                   "author_id": kr["owner_id"], "kind": "CREATED", "field": None, "old_value": None,
                   "new_value": None, "reason": None})
        w.begin("check_in")
        for k in range(len(self.krs)):
            for row in self.check_ins(k):
                del row["_at"]
                w.row(row)
        w.close()
        return w.counts


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--objectives", type=int, required=True, help="number of objectives (KRs = 4x, check-ins = 40x)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.datetime.now(UTC).date(),
                        help="the day of the benchmark (default: today, UTC); the cycle is its quarter")
    parser.add_argument("--admin-password", default="bench-sesame-passphrase")
    parser.add_argument("--ids", choices=("v7", "v4"), default="v7",
                        help="v7: time-ordered like the application's own ids (default); v4: random")
    parser.add_argument("--out", help="default: bench/out/org-<N>.json")
    args = parser.parse_args()
    if args.objectives < 1:
        parser.error("--objectives must be at least 1")
    bench = os.path.dirname(os.path.abspath(__file__))
    out = args.out or os.path.join(bench, "out", f"org-{args.objectives}.json")
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)

    started = time.monotonic()
    print(f"Generating {args.objectives:,} objectives, {4 * args.objectives:,} key results, "
          f"{40 * args.objectives:,} check-ins (seed {args.seed}, today {args.today}) → {out}", file=sys.stderr)
    ID_VERSION[0] = 7 if args.ids == "v7" else 4
    gen = Generator(args.objectives, args.seed, args.today, args.admin_password)
    tmp = out + ".part"
    with open(tmp, "w", encoding="utf-8", buffering=1 << 20) as stream:
        counts = gen.write(stream)
    os.replace(tmp, out)
    size = os.path.getsize(out)
    meta = {
        "file": os.path.basename(out), "objectives": args.objectives, "seed": args.seed, "ids": args.ids,
        "today": args.today.isoformat(), "cycle_id": gen.cycle_row["id"], "cycle_name": gen.cycle_name,
        "admin_password": args.admin_password, "token": gen.token, "rows": counts,
        "total_rows": sum(counts.values()), "bytes": size,
    }
    with open(out + ".meta.json", "w", encoding="utf-8") as f:
        json.dump(meta, f, indent=2)
        f.write("\n")
    token_file = os.path.join(os.path.dirname(os.path.abspath(out)), "token.txt")
    with open(token_file, "w", encoding="utf-8") as f:
        f.write(gen.token + "\n")
    elapsed = time.monotonic() - started
    print(f"Wrote {sum(counts.values()):,} rows, {size / 2**20:.1f} MiB in {elapsed:.1f}s: "
          + ", ".join(f"{t} {c:,}" for t, c in counts.items()), file=sys.stderr)
    if size > 256 * 2**20:
        print(f"Note: {size / 2**20:.0f} MiB is above the default tandem.max-import-bytes (256 MiB); "
              "start Tandem with a larger TANDEM_MAX_IMPORT_BYTES", file=sys.stderr)
    print(out)


if __name__ == "__main__":
    main()
