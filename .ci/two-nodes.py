#!/usr/bin/env python3
"""Two Tandem nodes on one PostgreSQL database, exercised through HTTP.

Starts target/tandem.jar twice (nodes a and b, two free ports, one fresh database) and checks
what must hold across nodes: a browser session made on A works on B (and its CSRF token with
it), concurrent check-ins to both nodes are all kept exactly once, two stale updates of one key
result racing on the two nodes never both win, and failed sign-ins are throttled across nodes (an
account's, and an address's failures but not its valid credentials).

Standard library only. Run from anywhere after `./mvnw -DskipTests package`:

    python3 .ci/two-nodes.py

The PostgreSQL server is taken from TANDEM_TEST_POSTGRES_URL / _USER / _PASSWORD (defaults
jdbc:postgresql://127.0.0.1:5432/test, postgres, none), like the PostgreSQL suite; the database
tandem_two_nodes is dropped and created on it, and dropped again at the end. The nodes' output
goes to target/two-nodes-a.log and target/two-nodes-b.log, printed when something fails.
"""

import base64
import datetime
import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, "target", "tandem.jar")
DATABASE = os.environ.get("TANDEM_TWO_NODES_DATABASE", "tandem_two_nodes")  # another name lets two runs share a server
ADMIN_PASSWORD = "Two-nodes-" + base64.urlsafe_b64encode(os.urandom(12)).decode()
START_TIMEOUT = 180          # seconds for one node to be ready (a busy CI machine is slow)
REQUEST_TIMEOUT = 30         # seconds for one HTTP request
THREADS = 8                  # check-in writers, half on each node
CHECK_INS_PER_THREAD = 50
RACES = 20


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def step(message):
    print("two-nodes: " + message, flush=True)


# --- PostgreSQL ---------------------------------------------------------------------------------

def postgres_server():
    url = os.environ.get("TANDEM_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test")
    parsed = urllib.parse.urlparse(url[len("jdbc:"):] if url.startswith("jdbc:") else url)
    return parsed.hostname or "127.0.0.1", parsed.port or 5432


PG_HOST, PG_PORT = postgres_server()
PG_USER = os.environ.get("TANDEM_TEST_POSTGRES_USER", "postgres")
PG_PASSWORD = os.environ.get("TANDEM_TEST_POSTGRES_PASSWORD", "")


def pg(tool, *args):
    env = dict(os.environ, PGPASSWORD=PG_PASSWORD) if PG_PASSWORD else None
    result = subprocess.run([tool, "-h", PG_HOST, "-p", str(PG_PORT), "-U", PG_USER, *args],
                            capture_output=True, text=True, env=env)
    if result.returncode != 0:
        raise Failure(f"{tool} {' '.join(args)} failed: {result.stderr.strip()}")


def pg_value(sql):
    """One value of a query on the nodes' database."""
    env = dict(os.environ, PGPASSWORD=PG_PASSWORD) if PG_PASSWORD else None
    result = subprocess.run(["psql", "-h", PG_HOST, "-p", str(PG_PORT), "-U", PG_USER, "-d", DATABASE, "-tAc", sql],
                            capture_output=True, text=True, env=env)
    if result.returncode != 0:
        raise Failure(f"psql {sql} failed: {result.stderr.strip()}")
    return result.stdout.strip()


# --- HTTP ---------------------------------------------------------------------------------------

class Answer:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers  # list of (name, value)
        self.body = body

    def header(self, name):
        for key, value in self.headers:
            if key.lower() == name.lower():
                return value
        return None

    def cookie(self, name):
        for key, value in self.headers:
            if key.lower() == "set-cookie" and value.startswith(name + "="):
                return value.split(";", 1)[0][len(name) + 1:]
        return None

    def json(self):
        return json.loads(self.body)

    def __str__(self):
        return f"{self.status} {self.body[:300]!r}"


class Node:
    def __init__(self, name, port):
        self.name = name
        self.port = port
        self.log_path = os.path.join(ROOT, "target", f"two-nodes-{name}.log")
        self.process = None

    def start(self):
        java = os.path.join(os.environ["JAVA_HOME"], "bin", "java") if os.environ.get("JAVA_HOME") else "java"
        url = f"jdbc:postgresql://{PG_HOST}:{PG_PORT}/{DATABASE}"
        command = [java, "-Xmx512m", "-jar", JAR,
                   f"--server.port={self.port}",
                   f"--tandem.node-id={self.name}",
                   # The jar has no application-postgres.properties (only the tests do): the
                   # datasource is given in full here.
                   "--spring.profiles.active=postgres",
                   f"--spring.datasource.url={url}",
                   f"--spring.datasource.username={PG_USER}",
                   f"--spring.datasource.password={PG_PASSWORD}",
                   f"--tandem.admin-password={ADMIN_PASSWORD}"]
        log = open(self.log_path, "w")
        self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
        log.close()

    def wait_until_up(self):
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise Failure(f"node {self.name} exited with {self.process.returncode} while starting")
            try:
                # Readiness, not just health: it turns UP only after the application runners
                # (AdminBootstrap among them) have run, so the next node finds admin there.
                answer = self.request("GET", "/actuator/health/readiness", timeout=5)
                if answer.status == 200 and answer.json().get("status") == "UP":
                    return
            except OSError:
                pass
            time.sleep(0.5)
        raise Failure(f"node {self.name} was not UP on /actuator/health/readiness within {START_TIMEOUT} s")

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def request(self, method, path, body=None, headers=None, timeout=REQUEST_TIMEOUT):
        headers = dict(headers or {})
        if isinstance(body, (dict, list)):
            body = json.dumps(body)
            headers.setdefault("Content-Type", "application/json")
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            return Answer(response.status, response.getheaders(), response.read().decode("utf-8", "replace"))
        finally:
            connection.close()

    def print_log(self, lines=300):
        if self.process is None:
            print(f"----- node {self.name} was not started -----")
            return
        print(f"----- node {self.name}: last {lines} lines of {os.path.relpath(self.log_path, ROOT)} -----")
        try:
            with open(self.log_path, errors="replace") as log:
                print("".join(log.readlines()[-lines:]), end="")
        except OSError as e:
            print(f"(no log: {e})")
        print(f"----- end of node {self.name} -----", flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def basic(user, password):
    return {"Authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()}


def expect(answer, status, what):
    check(answer.status == status, f"{what}: expected {status}, got {answer}")
    return answer


# --- the checks ---------------------------------------------------------------------------------

def set_up(a, b):
    """An API token for admin, a cycle around today, a team, and an objective with one key result."""
    created = expect(a.request("POST", "/api/v1/tokens", {"name": "two-nodes", "scopes": ["read", "write"]},
                               basic("admin", ADMIN_PASSWORD)), 201, "creating a token")
    bearer = {"Authorization": "Bearer " + created.json()["token"]}
    today = datetime.date.today()
    cycle = expect(b.request("POST", "/api/v1/cycles", {
        "name": "Two nodes", "startDate": str(today - datetime.timedelta(days=30)),
        "endDate": str(today + datetime.timedelta(days=60))}, bearer), 201, "creating a cycle").json()["id"]
    team = expect(a.request("POST", "/api/v1/teams", {"name": "Two nodes team"}, bearer), 201,
                  "creating a team").json()["id"]
    objective = expect(b.request("POST", "/api/v1/objectives", {
        "cycleId": cycle, "title": "Survive two nodes", "level": "TEAM", "teamId": team,
        "keyResults": [{"title": "Check-ins kept", "type": "INCREASE", "startValue": 0, "targetValue": 100000}]},
        bearer), 201, "creating an objective").json()
    step(f"set up via both nodes: cycle, team, objective {objective['id']} with one key result")
    return bearer, cycle, objective["keyResults"][0]["id"]


CSRF_INPUT = re.compile(r'name="_csrf"[^>]*value="([^"]+)"')


def csrf_from_login_page(node, session):
    headers = {"Cookie": "TANDEM_SESSION=" + session} if session else {}
    page = expect(node.request("GET", "/login", headers=headers), 200, f"GET /login on {node.name}")
    match = CSRF_INPUT.search(page.body)
    check(match, f"the sign-in form on {node.name} carries no _csrf input")
    return match.group(1), page.cookie("TANDEM_SESSION") or session


def session_across_nodes(a, b):
    token, anonymous = csrf_from_login_page(a, None)
    check(anonymous, "GET /login on a set no TANDEM_SESSION cookie")
    form = urllib.parse.urlencode({"username": "admin", "password": ADMIN_PASSWORD, "_csrf": token})
    signed_in = expect(a.request("POST", "/login", form, {
        "Content-Type": "application/x-www-form-urlencoded", "Cookie": "TANDEM_SESSION=" + anonymous}),
        302, "signing in with the form on a")
    location = signed_in.header("Location") or ""
    check(urllib.parse.urlparse(location).path in ("", "/"), f"signing in on a redirected to {location!r}, not /")
    session = signed_in.cookie("TANDEM_SESSION")
    check(session and session != anonymous, "signing in on a gave no new TANDEM_SESSION cookie")
    cookie = {"Cookie": "TANDEM_SESSION=" + session}

    me = expect(b.request("GET", "/api/v1/me", headers=cookie), 200, "GET /api/v1/me on b with a's session")
    check(me.json().get("username") == "admin", f"b's /api/v1/me answered {me}")
    expect(b.request("POST", "/api/v1/teams", {"name": "No CSRF"}, cookie), 403,
           "a session POST on b without the CSRF token")
    teams = expect(a.request("GET", "/api/v1/teams?limit=1000", headers=cookie), 200, "listing teams").json()["items"]
    check(all(team["name"] != "No CSRF" for team in teams), "the POST refused for want of CSRF made a team")
    token, _ = csrf_from_login_page(a, session)
    expect(b.request("POST", "/api/v1/teams", {"name": "Session team"}, dict(cookie, **{"X-CSRF-TOKEN": token})),
           201, "a session POST on b with the CSRF token from a")
    token, _ = csrf_from_login_page(b, session)
    expect(b.request("POST", "/logout", urllib.parse.urlencode({"_csrf": token}), dict(cookie, **{
        "Content-Type": "application/x-www-form-urlencoded"})), 302, "signing out on b")
    expect(a.request("GET", "/api/v1/me", headers=cookie), 401, "GET /api/v1/me on a after signing out on b")
    step("a session signed in on a works on b (GET 200; POST 403 without CSRF, 201 with a's token); "
         "signed out on b, it is gone on a")


def concurrent_check_ins(a, b, bearer, cycle, kr):
    posted = {}  # note -> value
    problems = []
    lock = threading.Lock()
    start = threading.Barrier(THREADS)

    def writer(t):
        node = a if t % 2 == 0 else b
        start.wait(timeout=REQUEST_TIMEOUT)
        for i in range(CHECK_INS_PER_THREAD):
            value = t * 1000 + i
            note = f"thread {t} via {node.name} #{i}"
            try:
                answer = node.request("POST", f"/api/v1/key-results/{kr}/check-ins",
                                      {"value": value, "confidence": 5, "note": note}, bearer)
            except OSError as e:
                answer = f"no answer: {e}"
            with lock:
                if getattr(answer, "status", None) == 201:
                    posted[note] = value
                else:
                    problems.append(f"{note}: {answer}")

    threads = [threading.Thread(target=writer, args=(t,)) for t in range(THREADS)]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - began
    check(not problems, f"{len(problems)} check-ins were refused, first: {problems[:3]}")

    listed = []
    cursor = None
    page = 0
    while True:
        node = (a, b)[page % 2]
        path = f"/api/v1/key-results/{kr}/check-ins?limit=70" + (f"&cursor={cursor}" if cursor else "")
        body = expect(node.request("GET", path, headers=bearer), 200, f"listing check-ins on {node.name}").json()
        listed.extend(body["items"])
        cursor = body["next"]
        page += 1
        if not cursor:
            break
        check(page < 100, "the check-in list does not end")

    total = THREADS * CHECK_INS_PER_THREAD
    ids = [c["id"] for c in listed]
    notes = [c["note"] for c in listed]
    lost = sorted(set(posted) - set(notes))
    duplicated = len(notes) - len(set(notes))
    check(len(posted) == total, f"{len(posted)} of {total} check-ins were accepted")
    check(len(set(ids)) == len(ids), f"{len(ids) - len(set(ids))} check-in ids listed twice")
    check(not lost, f"{len(lost)} check-ins lost, e.g. {lost[:3]}")
    check(duplicated == 0, f"{duplicated} check-ins listed twice")
    check(len(listed) == total, f"{len(listed)} check-ins listed, {total} posted")
    wrong = [c for c in listed if posted.get(c["note"]) != c["value"]]
    check(not wrong, f"{len(wrong)} check-ins carry another value than posted, e.g. {wrong[:2]}")

    # Derived state: the key result's current value is (one of) the latest check-in(s), and the
    # objective's stored progress (the dashboard's) follows it.
    latest = max(instant(c["at"]) for c in listed)
    newest_values = {c["value"] for c in listed if instant(c["at"]) == latest}
    view = expect(a.request("GET", f"/api/v1/key-results/{kr}", headers=bearer), 200, "reading the key result").json()
    check(view["current"] in newest_values,
          f"the key result's current value {view['current']} is not the latest check-in's {sorted(newest_values)}")
    dashboard = expect(b.request("GET", f"/api/v1/dashboard?cycleId={cycle}", headers=bearer), 200,
                       "reading the dashboard").json()
    check(abs(dashboard["progress"] - view["progress"]) < 1e-9,
          f"the objective's stored progress {dashboard['progress']} is not its key result's {view['progress']}")
    step(f"{total} check-ins posted by {THREADS} threads over 2 nodes in {elapsed:.1f} s; listed "
         f"{len(listed)} over {page} pages: 0 lost, 0 duplicated; current value {view['current']:g} is the latest, "
         f"the stored progress follows")
    return total


def idempotent_check_ins_across_nodes(a, b, bearer, cycle):
    """A check-in sent with one Idempotency-Key to both nodes at once (a retry after a lost answer that lands on
    the other node), then once more to b: stored once, every answer the first's."""
    objective = expect(a.request("POST", "/api/v1/objectives", {
        "cycleId": cycle, "title": "Retry safely across nodes", "level": "COMPANY",
        "keyResults": [{"title": "Check-ins sent twice", "type": "INCREASE", "startValue": 0, "targetValue": 10}]},
        bearer), 201, "creating an objective for idempotent check-ins").json()
    kr = objective["keyResults"][0]["id"]
    path = f"/api/v1/key-results/{kr}/check-ins"
    rounds = 5
    for r in range(rounds):
        headers = dict(bearer, **{"Idempotency-Key": f"two-nodes-{r}-{base64.urlsafe_b64encode(os.urandom(9)).decode()}"})
        body = {"value": r + 1, "confidence": 7, "note": f"sent twice #{r}"}
        answers = [None, None]
        together = threading.Barrier(2)

        def send(i, node):
            together.wait(timeout=REQUEST_TIMEOUT)
            answers[i] = node.request("POST", path, body, headers)

        threads = [threading.Thread(target=send, args=(i, node)) for i, node in enumerate((a, b))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        for answer, node in zip(answers, (a, b)):
            expect(answer, 201, f"the check-in with one key on {node.name}, round {r}")
        check(answers[0].body == answers[1].body, f"round {r}: a answered {answers[0]}, b {answers[1]}")
        later = expect(b.request("POST", path, body, headers), 201, f"retrying on b, round {r}")
        check(later.body == answers[0].body, f"round {r}: the retry answered {later}, the first {answers[0]}")
    listed = expect(a.request("GET", path + "?limit=100", headers=bearer), 200, "listing the check-ins").json()["items"]
    check(len(listed) == rounds, f"{len(listed)} check-ins stored for {rounds} each sent three times with one key")
    step(f"{rounds} check-ins each sent with one Idempotency-Key to a and b at once and again to b: "
         f"{len(listed)} stored, every answer the first's")

def reactions_once_across_nodes(a, b, bearer, cycle):
    """Reactions to events (Modulith's registry): ingestions into a KPI that measures a key result, sent to both
    nodes at once, each check the key result in once; one key result completed on both nodes at once wins once;
    no publication is left incomplete."""
    expect(a.request("POST", "/api/v1/kpis", {"key": "two-nodes-signups", "name": "Sign-ups", "direction":
                                              "HIGHER_IS_BETTER", "target": 100, "frequency": "DAILY",
                                              "aggregation": "LAST"}, bearer), 201, "creating a KPI")
    objective = expect(b.request("POST", "/api/v1/objectives", {
        "cycleId": cycle, "title": "React once", "level": "COMPANY", "keyResults": [
            {"title": "Reach 100 sign-ups", "type": "INCREASE", "startValue": 0, "targetValue": 100,
             "kpiId": "two-nodes-signups"},
            {"title": "Ship it", "type": "INCREASE", "startValue": 0, "targetValue": 1}]}, bearer), 201,
        "creating an objective measured by a KPI").json()
    measured, shipped = objective["keyResults"][0]["id"], objective["keyResults"][1]["id"]
    rounds = 5
    now = datetime.datetime.now(datetime.timezone.utc)
    for r in range(rounds):
        answers = [None, None]
        together = threading.Barrier(2)

        def send(i, node):
            together.wait(timeout=REQUEST_TIMEOUT)
            if i == 0:
                at = (now - datetime.timedelta(minutes=10 + r)).strftime("%Y-%m-%dT%H:%M:%SZ")
                answers[i] = node.request("POST", "/api/v1/kpis/two-nodes-signups/measurements",
                                          [{"at": at, "value": 10 * (r + 1)}], bearer)
            else:
                answers[i] = node.request("POST", f"/api/v1/key-results/{shipped}/check-ins", {"value": 1}, bearer)

        threads = [threading.Thread(target=send, args=(i, node)) for i, node in enumerate((a, b))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        expect(answers[0], 200, f"ingesting on a, round {r}")
        expect(answers[1], 201, f"checking in on b, round {r}")
    from_kpi = [c for c in expect(b.request("GET", f"/api/v1/key-results/{measured}/check-ins?limit=100",
                                            headers=bearer), 200, "listing the KPI's check-ins").json()["items"]
                if c["source"] == "KPI"]
    check(len(from_kpi) == rounds, f"{len(from_kpi)} check-ins from the KPI after {rounds} ingestions")
    wins = expect(a.request("GET", f"/api/v1/wins?cycleId={cycle}", headers=bearer), 200, "listing wins").json()["items"]
    check([w["subjectId"] for w in wins].count(shipped) == 1, f"the key result done {rounds} times won {len(wins)} times")
    incomplete = pg_value("select count(*) from event_publication where completion_date is null")
    check(incomplete == "0", f"{incomplete} event publications left incomplete")
    step(f"{rounds} ingestions on a beside check-ins on b: {len(from_kpi)} check-ins from the KPI, one win, "
         f"no publication left incomplete")


def concurrent_check_ins_keep_the_stored_progress(a, b, bearer):
    """Four check-ins at once to four key results of one objective, two on each node, round after round: the
    progress stored on the objective (the dashboard's) is the mean of its key results' progress every time."""
    import random
    rounds = 20
    today = datetime.date.today()
    cycle = expect(a.request("POST", "/api/v1/cycles", {
        "name": "Two nodes roll-up", "startDate": str(today - datetime.timedelta(days=30)),
        "endDate": str(today + datetime.timedelta(days=60))}, bearer), 201, "creating a cycle").json()["id"]
    key_results = [{"title": f"Reach 1000 #{i}", "type": "INCREASE", "startValue": 0, "targetValue": 1000}
                   for i in range(4)]
    objective = expect(b.request("POST", "/api/v1/objectives", {
        "cycleId": cycle, "title": "Roll up over two nodes", "level": "COMPANY", "keyResults": key_results},
        bearer), 201, "creating an objective with four key results").json()
    krs = [kr["id"] for kr in objective["keyResults"]]
    rng = random.Random(14)
    stale = []
    for round_ in range(rounds):
        values = [rng.randint(0, 1000) for _ in krs]
        answers = [None] * len(krs)
        start = threading.Barrier(len(krs))

        def writer(i):
            node = a if i % 2 == 0 else b
            start.wait(timeout=REQUEST_TIMEOUT)
            try:
                answers[i] = node.request("POST", f"/api/v1/key-results/{krs[i]}/check-ins",
                                          {"value": values[i]}, bearer)
            except OSError as e:
                answers[i] = f"no answer: {e}"

        threads = [threading.Thread(target=writer, args=(i,)) for i in range(len(krs))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        refused = [str(answer) for answer in answers if getattr(answer, "status", None) != 201]
        check(not refused, f"round {round_}: check-ins refused: {refused}")
        progress = [expect((a, b)[i % 2].request("GET", f"/api/v1/key-results/{kr}", headers=bearer), 200,
                           "reading a key result").json()["progress"] for i, kr in enumerate(krs)]
        mean = sum(progress) / len(progress)
        stored = expect((b, a)[round_ % 2].request("GET", f"/api/v1/dashboard?cycleId={cycle}", headers=bearer), 200,
                        "reading the dashboard").json()["progress"]
        if abs(stored - mean) > 1e-9:
            stale.append(f"round {round_}: key results at {values} of 1000, mean {mean:.4f}, stored {stored:.4f}")
    check(not stale, f"{len(stale)} of {rounds} rounds left the stored progress stale, e.g. {stale[:3]}")
    step(f"{rounds} rounds of 4 simultaneous check-ins to one objective over 2 nodes: the stored progress "
         f"equals the mean of its key results' every time")



def instant(text):
    """An Instant as the API writes it (any number of fraction digits) as (seconds, nanoseconds)."""
    match = re.fullmatch(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?Z", text)
    check(match, f"not an instant: {text!r}")
    seconds = datetime.datetime.fromisoformat(match.group(1)).replace(tzinfo=datetime.timezone.utc).timestamp()
    return int(seconds), int((match.group(2) or "0").ljust(9, "0"))


def stale_update_races(a, b, bearer, kr):
    tally = {}
    for race in range(RACES):
        current = expect((a, b)[race % 2].request("GET", f"/api/v1/key-results/{kr}", headers=bearer), 200,
                         "reading the key result")
        etag = current.header("ETag")
        version = current.json()["version"]
        check(etag, "GET /api/v1/key-results/{id} answered without an ETag")
        barrier = threading.Barrier(2)
        answers = {}

        def patch(node):
            headers = dict(bearer, **{"If-Match": etag})
            body = json.dumps({"title": f"race {race} won by {node.name}"})
            headers["Content-Type"] = "application/json"
            # Connect before the barrier so that both requests leave at the same moment.
            connection = http.client.HTTPConnection("127.0.0.1", node.port, timeout=REQUEST_TIMEOUT)
            try:
                connection.connect()
                barrier.wait(timeout=REQUEST_TIMEOUT)
                connection.request("PATCH", f"/api/v1/key-results/{kr}", body=body, headers=headers)
                response = connection.getresponse()
                answers[node.name] = Answer(response.status, response.getheaders(), response.read().decode())
            except (OSError, threading.BrokenBarrierError) as e:
                barrier.abort()  # the other one must not wait for a request that will never leave
                answers[node.name] = Answer(0, [], f"no answer: {e!r}")
            finally:
                connection.close()

        threads = [threading.Thread(target=patch, args=(node,)) for node in (a, b)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        statuses = sorted(answer.status for answer in answers.values())
        check(statuses in ([200, 409], [200, 412]),
              f"race {race}: expected one 200 and one 409/412, got a: {answers['a']}, b: {answers['b']}")
        winner = next(name for name, answer in answers.items() if answer.status == 200)
        after = expect(b.request("GET", f"/api/v1/key-results/{kr}", headers=bearer), 200,
                       "reading the key result after a race").json()
        check(after["title"] == f"race {race} won by {winner}",
              f"race {race}: {winner} won but the title is {after['title']!r}")
        check(after["version"] == version + 1, f"race {race}: version {version} became {after['version']}")
        tally[winner] = tally.get(winner, 0) + 1
        tally[statuses[1]] = tally.get(statuses[1], 0) + 1
    losers = ", ".join(f"{tally[s]}× {s}" for s in (409, 412) if s in tally)
    step(f"{RACES} races of two PATCHes with one If-Match: one 200 and one 409/412 each time "
         f"(a won {tally.get('a', 0)}, b {tally.get('b', 0)}; the other: {losers}); the winner's title kept, version +1")


def throttle_across_nodes(a, b, bearer):
    password = "correct horse battery staple"
    expect(a.request("POST", "/api/v1/users", {"username": "guessed", "name": "Guessed", "password": password},
                     bearer), 201, "creating the user guessed")
    nodes = (a, b)
    for attempt in range(5):
        expect(nodes[attempt % 2].request("GET", "/api/v1/me", headers=basic("guessed", f"wrong {attempt}")), 401,
               f"wrong password #{attempt + 1} on {nodes[attempt % 2].name}")
    expect(b.request("GET", "/api/v1/me", headers=basic("guessed", "wrong 5")), 429,
           "wrong password #6 on b after 5 failures on a and b")
    for node in nodes:
        locked = expect(node.request("GET", "/api/v1/me", headers=basic("guessed", password)), 429,
                        f"the right password on {node.name} after 5 failures")
        wait = int(locked.header("Retry-After") or 0)
        check(0 < wait <= 60, f"Retry-After on {node.name} after 5 failures: {wait}")
        expect(node.request("GET", "/api/v1/me", headers=basic("admin", ADMIN_PASSWORD)), 200,
               f"another person's right password, same address, on {node.name}")
    expect(a.request("GET", "/api/v1/me", headers=bearer), 200, "admin's token while guessed is throttled")
    step("5 wrong passwords alternating a/b answered 401; the 6th (on b) 429, the right one 429 on both; "
         "another person's password at the same address 200 on both")


def parallel_guesses_across_nodes(a, b, bearer):
    """16 wrong passwords for one account at once, half on each node: still only five are tried."""
    expect(a.request("POST", "/api/v1/users", {"username": "stormed", "name": "Stormed",
                                               "password": "correct horse battery staple"}, bearer),
           201, "creating the user stormed")
    together = threading.Barrier(16)
    statuses = [None] * 16

    def guess(i):
        node = (a, b)[i % 2]
        together.wait()
        statuses[i] = node.request("GET", "/api/v1/me", headers=basic("stormed", f"guess {i}")).status

    threads = [threading.Thread(target=guess, args=(i,)) for i in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    tried = statuses.count(401)
    check(tried == 5 and statuses.count(429) == 11,
          f"16 parallel guesses over both nodes: {tried} tried (401), {statuses.count(429)} refused (429): {statuses}")
    step("16 wrong passwords at once over a and b: 5 tried (401), 11 refused (429)")


def address_limit_across_nodes(a, b, bearer):
    """Made-up names from one address, over both nodes: its failures past 20 a minute answer 429, while
    another person's right password and valid token from that address still work on both nodes."""
    nodes = (a, b)
    statuses = []
    for attempt in range(25):
        node = nodes[attempt % 2]
        statuses.append(node.request("GET", "/api/v1/me", headers=basic(f"made-up-{attempt}", "guess")).status)
        if statuses[-1] == 429:
            break
    check(statuses[-1] == 429 and set(statuses[:-1]) <= {401} and len(statuses) <= 21,
          f"made-up names alternating a/b: expected 401s then a 429 within 21 tries: {statuses}")
    for node in nodes:
        failing = expect(node.request("GET", "/api/v1/me", headers=basic("made-up-again", "guess")), 429,
                         f"another failure from the address on {node.name}")
        check(failing.header("Retry-After") == "60", f"Retry-After on {node.name}: {failing.header('Retry-After')}")
        expect(node.request("GET", "/api/v1/me", headers={"Authorization": "Bearer tdm_revoked"}), 429,
               f"a revoked token from the address on {node.name}")
        expect(node.request("GET", "/api/v1/me", headers=basic("admin", ADMIN_PASSWORD)), 200,
               f"another person's right password from the address on {node.name}")
        expect(node.request("GET", "/api/v1/me", headers=bearer), 200,
               f"another person's valid token from the address on {node.name}")
    step(f"made-up names alternating a/b: {statuses.count(401)} answered 401, then 429 for the address's failures on "
         f"both nodes; another person's password and token from the same address 200 on both")


def main():
    # CI cancelling the job sends SIGTERM: still stop both nodes and drop the database.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(143))
    began = time.monotonic()
    a, b = Node("a", free_port()), Node("b", free_port())
    ok = False
    try:
        check(os.path.isfile(JAR), f"{JAR} is missing: build it with ./mvnw -DskipTests package")
        for tool in ("dropdb", "createdb"):
            check(shutil.which(tool), f"{tool} is not installed")
        pg("dropdb", "--if-exists", "--force", DATABASE)
        pg("createdb", DATABASE)
        # One after the other: on an empty database the first node to be ready has created admin.
        for node in (a, b):
            started = time.monotonic()
            node.start()
            node.wait_until_up()
            step(f"node {node.name} ready on port {node.port} in {time.monotonic() - started:.1f} s")
        bearer, cycle, kr = set_up(a, b)
        session_across_nodes(a, b)
        total = concurrent_check_ins(a, b, bearer, cycle, kr)
        concurrent_check_ins_keep_the_stored_progress(a, b, bearer)
        stale_update_races(a, b, bearer, kr)
        idempotent_check_ins_across_nodes(a, b, bearer, cycle)
        reactions_once_across_nodes(a, b, bearer, cycle)
        throttle_across_nodes(a, b, bearer)
        parallel_guesses_across_nodes(a, b, bearer)
        address_limit_across_nodes(a, b, bearer)
        for node in (a, b):
            check(node.process.poll() is None, f"node {node.name} exited with {node.process.returncode}")
        ok = True
        print(f"two-nodes: OK in {time.monotonic() - began:.0f} s: session A→B ok; {total} check-ins over 2 nodes, "
              f"0 lost, 0 duplicated; reactions to events once; {RACES}/{RACES} races: one 200, one 409/412; "
              f"throttle 429 after 5 failures across nodes, in sequence and in parallel; an address's failures "
              f"past 20 held up, its valid credentials not", flush=True)
    except Failure as e:
        print(f"two-nodes: FAILED: {e}", flush=True)
    except Exception as e:  # an unexpected answer shape, a dead node: still show the logs
        print(f"two-nodes: FAILED with {type(e).__name__}: {e}", flush=True)
    finally:
        for node in (a, b):
            node.stop()
        if not ok:
            for node in (a, b):
                node.print_log()
        try:
            pg("dropdb", "--if-exists", "--force", DATABASE)
        except (Failure, OSError) as e:
            print(f"two-nodes: could not drop the database: {e}", flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
