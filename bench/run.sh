#!/usr/bin/env bash
# Benchmarks Tandem's dashboard and objective list on H2 and PostgreSQL (see bench/README.md).
#
#   bench/run.sh [h2|postgres|both] [N ...]        default: both databases, N = 1000 10000
#
# For each database and N: generates bench/out/org-N.json if needed (bench/generate.py), starts a
# fresh Tandem from the jar on a free port (H2: a new data dir under bench/out/; PostgreSQL: a new
# database tandem_bench_N, dropped afterwards), restores the file with POST /api/v1/import (timed),
# checks one objective, runs bench/timing.py, and stops the app.
#
# Environment (all optional):
#   TANDEM_JAR          the jar (default: <repo>/target/tandem.jar; build it with ./mvnw -DskipTests package)
#   BENCH_JAVA_OPTS     JVM options (default: -Xmx2g)
#   BENCH_REQUESTS      timed requests per endpoint (default 300)
#   BENCH_WARMUP        warm-up requests per endpoint (default 50)
#   BENCH_MAX_SECONDS   time budget per endpoint in timing.py (default 300)
#   BENCH_ORDER         interleaved (default) or grouped: see timing.py --order
#   BENCH_SEED          generator seed (default 42)
#   BENCH_KEEP=1        keep the H2 data dir / PostgreSQL database afterwards
#   BENCH_PAGES=0       leave out bench/pages.py (the web pages as the admin sees them, after timing.py)
#   PGHOST PGPORT PGUSER PGPASSWORD   PostgreSQL (default 127.0.0.1 5432 postgres, no password)
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$BENCH_DIR")
OUT=$BENCH_DIR/out
JAR=${TANDEM_JAR:-$REPO/target/tandem.jar}
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xmx2g}
REQUESTS=${BENCH_REQUESTS:-300}
WARMUP=${BENCH_WARMUP:-50}
MAX_SECONDS=${BENCH_MAX_SECONDS:-300}
ORDER=${BENCH_ORDER:-interleaved}
SEED=${BENCH_SEED:-42}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER
ADMIN_PASSWORD=bench-sesame-passphrase

dbs=(h2 postgres)
case "${1:-}" in
  h2|postgres) dbs=("$1"); shift ;;
  both) shift ;;
  -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
esac
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
for n in "${sizes[@]}"; do
  [[ $n =~ ^[0-9]+$ ]] || { echo "N must be a number of objectives, not '$n' (usage: bench/run.sh [h2|postgres|both] [N ...])" >&2; exit 2; }
done

if [ ! -f "$JAR" ]; then
  echo "No jar at $JAR: build it first with ./mvnw -DskipTests package (or set TANDEM_JAR)" >&2
  exit 1
fi
command -v java >/dev/null || { echo "java is not on the PATH" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl is not on the PATH" >&2; exit 1; }
if [[ " ${dbs[*]} " == *" postgres "* ]] && ! psql -d postgres -Atqc 'select 1' >/dev/null 2>&1; then
  echo "Cannot reach PostgreSQL as $PGUSER@$PGHOST:$PGPORT with psql (set PGHOST/PGPORT/PGUSER/PGPASSWORD)" >&2
  exit 1
fi

mkdir -p "$OUT"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RESULTS=$OUT/results-$STAMP.jsonl
LOG=$OUT/run-$STAMP.log
exec > >(tee -a "$LOG") 2>&1
echo "Tandem benchmark $STAMP: databases ${dbs[*]}, N = ${sizes[*]}"
echo "jar $JAR ($(date -u -r "$JAR" +%FT%TZ)), java: $(java -version 2>&1 | head -1), JVM options $JAVA_OPTS"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); results in $RESULTS"

APP_PID=
DB_NAME=
DATA_DIR=
cleanup() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=
  if [ "${BENCH_KEEP:-0}" != 1 ]; then
    if [ -n "$DB_NAME" ]; then psql -d postgres -qc "drop database if exists $DB_NAME" >/dev/null 2>&1 || true; fi
    if [ -n "$DATA_DIR" ]; then rm -rf "$DATA_DIR"; fi
  fi
  DB_NAME=
  DATA_DIR=
}
trap cleanup EXIT
trap 'echo "interrupted" >&2; exit 130' INT TERM

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Generates org-N.json unless one made by this generate.py with the same seed on the same day is there.
ensure_data() {
  local n=$1 file=$OUT/org-$1.json today
  today=$(date -u +%F)
  if [ -f "$file" ] && [ -f "$file.meta.json" ] && [ "$file" -nt "$BENCH_DIR/generate.py" ] && python3 - "$file.meta.json" "$SEED" "$today" <<'EOF'
import json, sys
meta = json.load(open(sys.argv[1]))
sys.exit(0 if meta["seed"] == int(sys.argv[2]) and meta["today"] == sys.argv[3] else 1)
EOF
  then
    echo "Using $file (seed $SEED, generated for $today)"
  else
    python3 "$BENCH_DIR/generate.py" --objectives "$n" --seed "$SEED" --out "$file" >/dev/null
  fi
}

meta() { python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$1" "$2"; }

failures=0
bench_one() {
  local db=$1 n=$2 file=$OUT/org-$2.json port base log started code secs total bytes
  echo
  echo "=== $db, $n objectives ==="
  ensure_data "$n"
  local token cycle
  token=$(meta "$file.meta.json" token)
  cycle=$(meta "$file.meta.json" cycle_id)
  total=$(meta "$file.meta.json" total_rows)
  bytes=$(stat -c %s "$file")
  port=$(free_port)
  base=http://127.0.0.1:$port
  log=$OUT/app-$db-$n-$STAMP.log
  local env=(TANDEM_ADMIN_PASSWORD=$ADMIN_PASSWORD SERVER_PORT=$port)
  if [ "$db" = h2 ]; then
    DATA_DIR=$OUT/h2-$n-data
    rm -rf "$DATA_DIR"
    env+=(TANDEM_DATA_DIR=$DATA_DIR)
  else
    DB_NAME=tandem_bench_$n
    PGOPTIONS="-c client_min_messages=warning" psql -d postgres -v ON_ERROR_STOP=1 -qc "drop database if exists $DB_NAME" >/dev/null
    psql -d postgres -v ON_ERROR_STOP=1 -qc "create database $DB_NAME" >/dev/null
    env+=(SPRING_DATASOURCE_URL=jdbc:postgresql://$PGHOST:$PGPORT/$DB_NAME SPRING_DATASOURCE_USERNAME=$PGUSER
          SPRING_DATASOURCE_PASSWORD=${PGPASSWORD:-})
  fi
  local args=()
  if [ "$bytes" -gt 268435456 ]; then
    args+=(--tandem.max-import-bytes=$((bytes + 1048576)))
    echo "The file is $((bytes / 1048576)) MiB, above the default import limit: raising tandem.max-import-bytes"
  fi

  started=$(date +%s%3N)
  # shellcheck disable=SC2086
  env "${env[@]}" java $JAVA_OPTS -jar "$JAR" "${args[@]}" >"$log" 2>&1 &
  APP_PID=$!
  echo "Started Tandem (pid $APP_PID) on port $port, log $log"
  local up=
  for _ in $(seq 1 360); do
    if ! kill -0 "$APP_PID" 2>/dev/null; then break; fi
    if curl -sf -o /dev/null "$base/actuator/health"; then up=1; break; fi
    sleep 0.5
  done
  if [ -z "$up" ]; then
    echo "Tandem did not come up within 180 s; the end of its log:" >&2
    tail -30 "$log" >&2
    failures=$((failures + 1)); cleanup; return
  fi
  local ms=$(( $(date +%s%3N) - started ))
  echo "Healthy after $((ms / 1000)).$(( (ms % 1000) / 100 )) s"

  echo "Importing $file ($((bytes / 1048576)) MiB, $total rows) ..."
  local response=$OUT/import-$db-$n-$STAMP.json
  started=$(date +%s)
  curl -sS -o "$response" -w '%{http_code} %{time_total}\n' -X POST -T "$file" -H 'Expect:' \
       -H 'Content-Type: application/json' -u "admin:$ADMIN_PASSWORD" "$base/api/v1/import" >"$response.status" &
  local curl_pid=$!
  local tick=0
  while kill -0 "$curl_pid" 2>/dev/null; do
    sleep 1
    tick=$((tick + 1))
    if [ $((tick % 15)) = 0 ] && kill -0 "$curl_pid" 2>/dev/null; then
      echo "  ... importing, $(( $(date +%s) - started )) s"
    fi
  done
  wait "$curl_pid" || true
  read -r code secs <"$response.status" || true
  if [ "$code" != 200 ]; then
    echo "Import answered ${code:-nothing} after ${secs:-?} s:" >&2
    head -c 3000 "$response" >&2; echo >&2
    tail -20 "$log" >&2
    failures=$((failures + 1)); cleanup; return
  fi
  python3 - "$response" "$secs" "$total" "$db n=$n" "$RESULTS" <<'EOF'
import json, sys
counts = json.load(open(sys.argv[1]))["imported"]
secs, total = float(sys.argv[2]), int(sys.argv[3])
rows = sum(counts.values())
print(f"Import: 200 in {secs:.1f} s, {rows:,} rows ({rows / secs:,.0f} rows/s): "
      + ", ".join(f"{t} {c:,}" for t, c in counts.items()))
if rows != total:
    print(f"WARNING: the file holds {total:,} rows but {rows:,} were imported")
with open(sys.argv[5], "a") as f:
    f.write(json.dumps({"label": sys.argv[4], "endpoint": "import", "seconds": round(secs, 2), "rows": rows,
                        "rows_per_s": round(rows / secs)}) + "\n")
EOF

  # One objective, as a person would look at it: its progress and key results after the restore.
  python3 - "$base" "$token" "$cycle" "$ADMIN_PASSWORD" <<'EOF' || { echo "The check of an objective failed" >&2; failures=$((failures + 1)); }
import base64, json, sys, urllib.request
base, token, cycle, password = sys.argv[1:5]
def get(path, auth="Bearer " + token):
    request = urllib.request.Request(base + path, headers={"Authorization": auth})
    with urllib.request.urlopen(request, timeout=120) as response:
        return json.load(response)
basic = "Basic " + base64.b64encode(f"admin:{password}".encode()).decode()
me = get("/api/v1/me", basic)
print(f"Check: the restored admin signs in with HTTP Basic ({me.get('username')}) and the generated token works "
      f"({get('/api/v1/me').get('username')})")
page = get(f"/api/v1/objectives?cycleId={cycle}&limit=50")
chosen = next((o for o in page["items"] if len(o["keyResults"]) >= 3), page["items"][0])
o = get(f"/api/v1/objectives/{chosen['id']}")
print(f"Check: objective {o['id']} '{o['title']}' ({o['level']}, {o['type']}): progress {o['progress']:.2f}, "
      f"expected {o['expectedProgress']:.2f}, status {o['status']}, score {o['score']:.2f}")
for kr in o["keyResults"]:
    print(f"  KR {kr['type']:<9} current {kr['current']!s:>8} achieved {kr['achieved']!s:>5} "
          f"confidence {kr['confidence']!s:>4} progress {kr['progress']:.2f} status {kr['status']}")
EOF

  if [ "$db" = postgres ] && [ "$(psql -d "$DB_NAME" -Atc 'show autovacuum')" = off ]; then
    # A restore rewrites every objective and key result once more (their roll-ups, lines and revisions): with
    # autovacuum off, as on the benchmark machine, the dead rows would stay and slow every scan of them.
    echo "Autovacuum is off here: VACUUM ANALYZE after the restore, as autovacuum would in time"
    psql -d "$DB_NAME" -qc 'vacuum analyze' >/dev/null
  fi

  python3 "$BENCH_DIR/timing.py" --base "$base" --token "$token" --cycle-id "$cycle" \
          --requests "$REQUESTS" --warmup "$WARMUP" --max-seconds "$MAX_SECONDS" --order "$ORDER" \
          --label "$db n=$n" --results "$RESULTS" || { echo "timing.py failed" >&2; failures=$((failures + 1)); }
  if [ "${BENCH_PAGES:-1}" != 0 ]; then
    python3 "$BENCH_DIR/pages.py" --base "$base" --user admin --password "$ADMIN_PASSWORD" \
            --requests "$REQUESTS" --warmup "$WARMUP" --max-seconds "$MAX_SECONDS" --search Grow \
            --label "$db n=$n" --results "$RESULTS" || { echo "pages.py failed" >&2; failures=$((failures + 1)); }
  fi
  echo "Stopping Tandem (pid $APP_PID)"
  cleanup
}

for db in "${dbs[@]}"; do
  for n in "${sizes[@]}"; do
    bench_one "$db" "$n"
  done
done

echo
echo "=== Summary ($RESULTS) ==="
python3 - "$RESULTS" <<'EOF'
import json, os, sys
if not os.path.exists(sys.argv[1]):
    sys.exit(0)
rows = [json.loads(line) for line in open(sys.argv[1])]
print(f"{'run':<18}{'endpoint':<12}{'n':>6}{'p50 ms':>10}{'p90 ms':>10}{'p99 ms':>10}{'max ms':>10}{'p99/health':>12}")
for r in rows:
    if r["endpoint"] == "import":
        print(f"{r['label']:<18}{'import':<12}{r['rows']:>6}  {r['seconds']:.1f} s, {r['rows_per_s']:,} rows/s")
    elif r["status"] == "skipped":
        print(f"{r['label']:<18}{r['endpoint']:<12}{0:>6}  skipped: {r['reason']}")
    else:
        print(f"{r['label']:<18}{r['endpoint']:<12}{r['n']:>6}{r['p50_ms']:>10.2f}{r['p90_ms']:>10.2f}"
              f"{r['p99_ms']:>10.2f}{r['max_ms']:>10.2f}{r['p99_over_health']:>11.1f}x")
EOF
echo "Log: $LOG"
exit $(( failures > 0 ))
