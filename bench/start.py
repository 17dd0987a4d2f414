#!/usr/bin/env python3
"""Times Tandem's start from the jar on an empty database: wall time, CPU seconds and idle memory.

    bench/start.py [--jar target/tandem.jar] [--runs 3] [--idle 20] [--java-opts "..."]
                   [--no-postgres] [--no-variants] [--label TEXT] [--results FILE]

Each start: `java [--java-opts] -jar JAR` on a free port with an empty database (H2: a new temporary data
directory; PostgreSQL: a new database, dropped afterwards), polling GET /actuator/health every 20 ms. Reports

  up s     wall time from launching java until /actuator/health answers {"status":"UP"}
  CPU s    the java process's utime + stime (all threads: JIT, GC, ...) at that moment, from /proc/PID/stat
  spring s what Spring's "Started ... in X seconds" line says (from SpringApplication.run, not the JVM's start)
  RSS MB   VmRSS after --idle seconds (default 20) without requests, and the CPU spent meanwhile
  classes  classes loaded then (jstat -class, if there)

--runs starts on H2 and as many on PostgreSQL (if psql reaches it: PGHOST, PGPORT, PGUSER, PGPASSWORD,
default 127.0.0.1, 5432, postgres), then, for comparison on H2 (unless --no-variants), one start each:
  C1 only      -XX:TieredStopAtLevel=1
  extracted    the jar extracted with `java -Djarmode=tools -jar JAR extract --destination DIR`, then
               `java -jar DIR/tandem.jar` (no CDS: what extracting alone gives)
  CDS          after a training run `java -XX:ArchiveClassesAtExit=app.jsa -Dspring.context.exit=onRefresh
               -jar DIR/tandem.jar` (on its own empty H2; its time is printed too),
               `java -XX:SharedArchiveFile=app.jsa -jar DIR/tandem.jar`
Prints a table and BENCH lines; --results appends JSON lines. Python 3 standard library only.
"""

import argparse
import json
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

CLK_TCK = os.sysconf("SC_CLK_TCK")
HERE = os.path.dirname(os.path.abspath(__file__))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat", encoding="ascii") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def rss_mb(pid):
    with open(f"/proc/{pid}/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return None


def loadavg():
    with open("/proc/loadavg", encoding="ascii") as f:
        return [float(x) for x in f.read().split()[:3]]


def classes_loaded(pid):
    if not shutil.which("jstat"):
        return None
    out = subprocess.run(["jstat", "-class", str(pid)], capture_output=True, text=True)
    lines = out.stdout.split("\n")
    try:
        return int(lines[1].split()[0])
    except (IndexError, ValueError):
        return None


def psql(sql):
    out = subprocess.run(["psql", "-X", "-d", "postgres", "-Atqc", sql], capture_output=True, text=True,
                         env=dict(os.environ, PGOPTIONS="-c client_min_messages=warning"))
    return out.returncode == 0, out.stdout.strip() or out.stderr.strip()


def healthy(port):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/actuator/health", timeout=2) as r:
            return r.status == 200 and json.load(r).get("status") == "UP"
    except (OSError, ValueError):
        return False


def start(name, command, env, idle, timeout, log_path, cwd=None):
    """Launches `command`, waits for health UP, measures, waits idle, measures, stops. Returns a dict."""
    port = free_port()
    env = dict(os.environ, **env, SERVER_PORT=str(port), TANDEM_ADMIN_PASSWORD="bench-start-passphrase")
    with open(log_path, "w", encoding="utf-8") as log:
        began = time.perf_counter()
        process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=cwd)
    result = {"run": name, "command": " ".join(shlex.quote(c) for c in command)}
    try:
        while True:
            if process.poll() is not None:
                raise SystemExit(f"{name}: java exited with {process.returncode}; see {log_path}")
            if healthy(port):
                up = time.perf_counter() - began
                cpu = cpu_seconds(process.pid)
                break
            if time.perf_counter() - began > timeout:
                raise SystemExit(f"{name}: not UP after {timeout} s; see {log_path}")
            time.sleep(0.02)
        rss_up = rss_mb(process.pid)
        time.sleep(idle)
        rss_idle, cpu_idle = rss_mb(process.pid), cpu_seconds(process.pid)
        classes = classes_loaded(process.pid)
        result.update(up_s=round(up, 2), cpu_s=round(cpu, 2), rss_up_mb=round(rss_up), rss_idle_mb=round(rss_idle),
                      idle_cpu_s=round(cpu_idle - cpu, 2), classes=classes)
    finally:
        process.terminate()
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    with open(log_path, encoding="utf-8", errors="replace") as f:
        m = re.search(r"Started \w+ in ([0-9.]+) seconds \(process running for ([0-9.]+)\)", f.read())
    if m:
        result.update(spring_s=float(m.group(1)), process_running_s=float(m.group(2)))
    print(f"  {name}: UP after {result['up_s']:.2f} s, {result['cpu_s']:.2f} CPU-s, RSS {result['rss_idle_mb']} MB "
          f"after {idle:g} s idle", file=sys.stderr, flush=True)
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jar", default=os.path.join(os.path.dirname(HERE), "target", "tandem.jar"))
    parser.add_argument("--runs", type=int, default=3, help="starts per database (default 3)")
    parser.add_argument("--idle", type=float, default=20, help="seconds idle before reading RSS (default 20)")
    parser.add_argument("--java-opts", default="", help="JVM options for every start (default none)")
    parser.add_argument("--timeout", type=float, default=180)
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--no-variants", action="store_true", help="skip the C1-only, extracted and CDS starts")
    parser.add_argument("--label", default="")
    parser.add_argument("--results", help="append one JSON line per start to this file")
    args = parser.parse_args()
    os.environ.setdefault("PGHOST", "127.0.0.1")
    os.environ.setdefault("PGUSER", "postgres")
    jar = os.path.abspath(args.jar)
    if not os.path.exists(jar):
        raise SystemExit(f"No jar at {jar}: build it with ./mvnw -DskipTests package")
    out = os.path.join(HERE, "out")
    os.makedirs(out, exist_ok=True)
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    java_opts = shlex.split(args.java_opts)
    work = tempfile.mkdtemp(prefix="tandem-start-")
    rows = []

    def h2_start(name, command, cwd=None):
        data = tempfile.mkdtemp(prefix="h2-", dir=work)
        try:
            return start(name, command, {"TANDEM_DATA_DIR": data}, args.idle, args.timeout,
                         os.path.join(out, f"start-{name}-{stamp}.log"), cwd)
        finally:
            shutil.rmtree(data, ignore_errors=True)

    load_before = loadavg()
    try:
        for i in range(1, args.runs + 1):
            rows.append(dict(h2_start(f"h2-{i}", ["java", *java_opts, "-jar", jar]), database="h2"))
        postgres, why = (False, "--no-postgres") if args.no_postgres else psql("select 1")
        if postgres:
            for i in range(1, args.runs + 1):
                db = f"tandem_bench_start_{i}"
                psql(f"drop database if exists {db}")
                ok, message = psql(f"create database {db}")
                if not ok:
                    raise SystemExit(f"create database {db}: {message}")
                host, port = os.environ["PGHOST"], os.environ.get("PGPORT", "5432")
                env = {"SPRING_DATASOURCE_URL": f"jdbc:postgresql://{host}:{port}/{db}",
                       "SPRING_DATASOURCE_USERNAME": os.environ["PGUSER"],
                       "SPRING_DATASOURCE_PASSWORD": os.environ.get("PGPASSWORD", "")}
                try:
                    rows.append(dict(start(f"postgres-{i}", ["java", *java_opts, "-jar", jar], env, args.idle,
                                           args.timeout, os.path.join(out, f"start-postgres-{i}-{stamp}.log")),
                                     database="postgresql"))
                finally:
                    psql(f"drop database if exists {db}")
        else:
            print(f"  PostgreSQL not reachable ({why}): H2 only", file=sys.stderr)
        if not args.no_variants:
            rows.append(dict(h2_start("h2-c1", ["java", *java_opts, "-XX:TieredStopAtLevel=1", "-jar", jar]),
                             database="h2"))
            extracted = os.path.join(work, "extracted")
            subprocess.run(["java", "-Djarmode=tools", "-jar", jar, "extract", "--destination", extracted],
                           check=True, capture_output=True)
            app = os.path.join(extracted, os.path.basename(jar))
            rows.append(dict(h2_start("h2-extracted", ["java", *java_opts, "-jar", app], cwd=extracted), database="h2"))
            archive = os.path.join(extracted, "app.jsa")
            data = tempfile.mkdtemp(prefix="h2-training-", dir=work)
            began = time.perf_counter()
            with open(os.path.join(out, f"start-cds-training-{stamp}.log"), "w", encoding="utf-8") as log:
                subprocess.run(["java", *java_opts, f"-XX:ArchiveClassesAtExit={archive}",
                                "-Dspring.context.exit=onRefresh", "-jar", app], cwd=extracted, stdout=log,
                               stderr=subprocess.STDOUT, check=True, timeout=args.timeout,
                               env=dict(os.environ, TANDEM_DATA_DIR=data, SERVER_PORT=str(free_port()),
                                        TANDEM_ADMIN_PASSWORD="bench-start-passphrase"))
            training = time.perf_counter() - began
            shutil.rmtree(data, ignore_errors=True)
            size = os.path.getsize(archive) / 1048576
            print(f"  CDS training run: {training:.1f} s, archive {size:.0f} MB", file=sys.stderr, flush=True)
            rows.append(dict(h2_start("h2-cds", ["java", *java_opts, f"-XX:SharedArchiveFile={archive}", "-jar", app],
                                      cwd=extracted),
                             database="h2", training_s=round(training, 1), archive_mb=round(size)))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    load_after = loadavg()

    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.split("\n")[0]
    print(f"\nTandem start{f' ({args.label})' if args.label else ''}: {jar}, {java}, JVM options "
          f"'{args.java_opts}', {os.cpu_count()} CPUs; load average {load_before} before, {load_after} after")
    print(f"{'run':<16}{'up s':>7}{'CPU s':>8}{'spring s':>10}{'RSS up MB':>11}{'RSS idle MB':>13}"
          f"{'idle CPU s':>12}{'classes':>9}")
    for r in rows:
        print(f"{r['run']:<16}{r['up_s']:>7.2f}{r['cpu_s']:>8.2f}{r.get('spring_s', float('nan')):>10.2f}"
              f"{r['rss_up_mb']:>11}{r['rss_idle_mb']:>13}{r['idle_cpu_s']:>12.2f}{r['classes'] or '':>9}")
    for r in rows:
        r.update(label=args.label, java_opts=args.java_opts, loadavg=[load_before, load_after])
        fields = " ".join(f"{k}={v}" for k, v in r.items() if k not in ("label", "loadavg", "command", "java_opts"))
        print(f"BENCH start label={json.dumps(args.label)} {fields}")
    if args.results:
        with open(args.results, "a", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
