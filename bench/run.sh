#!/usr/bin/env bash
# Page-serving benchmark: Gazette against nginx serving the same bytes from a file, on loopback, interleaved.
#
#   bench/run.sh [stories] [seconds-per-run] [rounds]      defaults: 10000 10 3
#
# Needs: a JDK 17+, nginx (Debian package nginx-light) and wrk. Each wrk run takes /tmp/gazette-bench.lock so that
# benchmarks of other parts of the project do not run at the same time on the same cores.
set -euo pipefail

STORIES=${1:-10000}
SECONDS_PER_RUN=${2:-10}
ROUNDS=${3:-3}
APP_PORT=${GAZETTE_BENCH_PORT:-8282}
NGINX_PORT=${NGINX_BENCH_PORT:-8283}
HEAP=${GAZETTE_BENCH_HEAP:-512m}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${GAZETTE_BENCH_DIR:-/tmp/gazette-bench}
RUN=$WORK/run-$STORIES
LOCK=/tmp/gazette-bench.lock
BASE=http://127.0.0.1:$APP_PORT
REF=http://127.0.0.1:$NGINX_PORT/story

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

cd "$ROOT"
if ! ls target/gazette-*.jar >/dev/null 2>&1; then
  log "building the jar"
  ./mvnw -q -B -DskipTests package
fi
JAR=$(ls target/gazette-*.jar | head -1)
if [ ! -f target/bench.classpath ] || [ ! -d target/test-classes/news/gazette/bench ]; then
  log "compiling the benchmark helpers"
  ./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
fi
CP=target/test-classes:target/classes:$(cat target/bench.classpath)
H2_JAR=$(tr ':' '\n' < target/bench.classpath | grep '/h2-' | head -1)

# 1. The corpus, generated once per size and copied fresh for every run (the run adds views and stories).
if [ ! -d "$WORK/$STORIES/db" ]; then
  log "generating $STORIES stories into $WORK/$STORIES"
  mkdir -p "$WORK"
  java -cp "$CP" news.gazette.bench.CorpusGenerator "$WORK/$STORIES" "$STORIES" > "$WORK/generate-$STORIES.log" 2>&1
fi
rm -rf "$RUN"
mkdir -p "$RUN/static" "$RUN/nginx-tmp"
cp -r "$WORK/$STORIES/." "$RUN/data"

sql() {
  java -cp "$H2_JAR" org.h2.tools.Shell -url "jdbc:h2:file:$RUN/data/db/gazette;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" \
    -user sa -password "" -sql "$1" | sed -n 2p | tr -d ' '
}

# 2. Gazette in production mode: the jar, no demo loading, a fixed heap.
APP_PID=
NGINX_STARTED=
cleanup() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; fi
  if [ -n "$NGINX_STARTED" ] && [ -f "$RUN/nginx.pid" ]; then kill "$(cat "$RUN/nginx.pid")" 2>/dev/null || true; fi
}
trap cleanup EXIT

# As docs/deployment.md ("JVM options") tells operators: the jar extracted, and a class-data-sharing archive made by a
# training run of that extraction (on a throw-away data folder), made again whenever the jar is newer.
# GAZETTE_BENCH_CDS=0 starts the plain jar instead, to compare.
JVM_OPTS="-Xms$HEAP -Xmx$HEAP -XX:+UseParallelGC"
APP_DIR=$ROOT/target/cds
APP_JAR=$(basename "$JAR")
if [ "${GAZETTE_BENCH_CDS:-1}" = 1 ] && { [ ! -f "$APP_DIR/gazette.jsa" ] || [ "$JAR" -nt "$APP_DIR/gazette.jsa" ]; }; then
  log "extracting the jar and making its class-data-sharing archive (a training run)"
  rm -rf "$APP_DIR" "$WORK/cds-training"
  java -Djarmode=tools -jar "$JAR" extract --destination "$APP_DIR" > /dev/null
  (cd "$APP_DIR" && java $JVM_OPTS -XX:ArchiveClassesAtExit=gazette.jsa -Dspring.context.exit=onRefresh -jar "$APP_JAR" \
    --gazette.data-dir="$WORK/cds-training" --gazette.demo-content=false --server.port=0 > "$WORK/cds-training.log" 2>&1)
  rm -rf "$WORK/cds-training"
fi

start_app() {
  if [ "${GAZETTE_BENCH_CDS:-1}" = 1 ]; then
    (cd "$APP_DIR" && exec java $JVM_OPTS -XX:SharedArchiveFile=gazette.jsa -jar "$APP_JAR" --server.port=$APP_PORT \
      --server.address=127.0.0.1 --gazette.data-dir="$RUN/data" --gazette.demo-content=false > "$RUN/app.log" 2>&1) &
  else
    java $JVM_OPTS -jar "$JAR" --server.port=$APP_PORT --server.address=127.0.0.1 \
      --gazette.data-dir="$RUN/data" --gazette.demo-content=false > "$RUN/app.log" 2>&1 &
  fi
  APP_PID=$!
  for _ in $(seq 1 900); do
    if grep -q "Started GazetteApplication" "$RUN/app.log"; then
      STARTUP_CPU=$(awk -v t="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / t}' "/proc/$APP_PID/stat")
      return
    fi
    if ! kill -0 "$APP_PID" 2>/dev/null; then cat "$RUN/app.log" >&2; exit 1; fi
    sleep 0.2
  done
  log "Gazette did not start"; exit 1
}

STORY_ID=$(sql "select min(id) from stories where edition = 'en' and status = 'published' and image_id is not null and headline like '%(%'")
VIEWS_BEFORE=$(sql "select views from stories where id = $STORY_ID")
log "starting Gazette with $(sql "select count(*) from stories") stories"
# The first start on a corpus migrates it and brings the search indexes in step with it (the generator does not build
# them); it is reported, then the measured start is a restart, as a node restarted in production does it.
start_app
FIRST_START=$(grep -o "Started GazetteApplication in [0-9.]* seconds" "$RUN/app.log" | grep -o "[0-9.]*" | head -1)
FIRST_START_CPU=$STARTUP_CPU
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
start_app
STARTUP=$(grep -o "Started GazetteApplication in [0-9.]* seconds" "$RUN/app.log" | grep -o "[0-9.]*" | head -1)
STORY=$(curl -s -o /dev/null -w '%{redirect_url}' "$BASE/en/x/$STORY_ID" | sed "s#$BASE##")
SECTION=$(echo "$STORY" | cut -d/ -f1-3)/
FRONT=/en/
log "story page $STORY, section page $SECTION"

# 3. The reference: the story page's exact bytes (as sent without Accept-Encoding), served by nginx from a file.
curl -s "$BASE$STORY" > /dev/null
curl -s -D "$RUN/story.headers" "$BASE$STORY" -o "$RUN/static/story.html"
grep -qi "^X-Cache: HIT" "$RUN/story.headers" || { log "story page not served from the cache"; exit 1; }
sed "s#@RUN@#$RUN#g; s#@PORT@#$NGINX_PORT#g" bench/nginx.conf.template > "$RUN/nginx.conf"
nginx -c "$RUN/nginx.conf" -p "$RUN"
NGINX_STARTED=1
cmp -s <(curl -s "$REF") "$RUN/static/story.html" || { log "nginx does not serve the same bytes"; exit 1; }
PAGE_BYTES=$(wc -c < "$RUN/static/story.html")

# wrk, parsed into "requests/s p50-ms p99-ms non-2xx".
to_ms() { awk '{v=$1; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; printf "%.2f", v}'; }
# CPU time (user + system, in clock ticks) used so far by the process answering a URL: Gazette, or nginx's workers.
cpu_ticks() { # url
  local pids
  if [[ $1 == *":$NGINX_PORT"* ]]; then pids=$(pgrep -P "$(cat "$RUN/nginx.pid")"); else pids=$APP_PID; fi
  for pid in $pids; do awk '{print $14 + $15}' "/proc/$pid/stat"; done | awk '{s += $1} END {print s}'
}
TICK_US=$((1000000 / $(getconf CLK_TCK)))
drive() { # url connections [wrk args...] -> "requests/s p50-ms p99-ms non-2xx cpu-us-per-request requests"
  local url=$1 conns=$2; shift 2
  local out before after
  before=$(cpu_ticks "$url")
  out=$(flock "$LOCK" wrk -t2 -c"$conns" -d"${SECONDS_PER_RUN}s" --latency "$@" "$url")
  after=$(cpu_ticks "$url")
  echo "$out" >> "$RUN/wrk.log"
  local rps p50 p99 bad total cpu
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1 == "50%" {print $2}' | to_ms)
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}' | to_ms)
  bad=$(echo "$out" | awk '/Non-2xx/ {print $5}')
  total=$(echo "$out" | awk '/requests in/ {print $1}')
  cpu=$(( (after - before) * TICK_US / (total > 0 ? total : 1) ))
  echo "$rps $p50 $p99 ${bad:-0} $cpu $total"
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

declare -A RESULT
record() { # name rps p50 p99 bad cpu
  RESULT[$1]+="$2 $3 $4 $5 $6
"
}
stat() { # name column -> median
  printf '%s' "${RESULT[$1]}" | awk -v c="$2" 'NF {print $c}' | median
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
log "warming up"
SAVED=$SECONDS_PER_RUN; SECONDS_PER_RUN=15
drive "$BASE$STORY" 32 > /dev/null
drive "$BASE$STORY" 32 -H "Cookie: JSESSIONID=bench" > /dev/null
drive "$REF" 32 > /dev/null
SECONDS_PER_RUN=$SAVED

for conns in 32 128; do
  for round in $(seq 1 "$ROUNDS"); do
    log "story page, $conns connections, round $round: Gazette, then nginx"
    read -r rps p50 p99 bad cpu _ < <(drive "$BASE$STORY" "$conns"); record "gazette-$conns" "$rps" "$p50" "$p99" "$bad" "$cpu"
    read -r rps p50 p99 bad cpu _ < <(drive "$REF" "$conns"); record "nginx-$conns" "$rps" "$p50" "$p99" "$bad" "$cpu"
  done
done
for round in $(seq 1 "$ROUNDS"); do
  log "round $round: uncached story, front page, section page"
  read -r rps p50 p99 bad cpu _ < <(drive "$BASE$STORY" 32 -H "Cookie: JSESSIONID=bench"); record uncached "$rps" "$p50" "$p99" "$bad" "$cpu"
  read -r rps p50 p99 bad cpu _ < <(drive "$BASE$FRONT" 32); record front "$rps" "$p50" "$p99" "$bad" "$cpu"
  read -r rps p50 p99 bad cpu _ < <(drive "$BASE$SECTION" 32); record section "$rps" "$p50" "$p99" "$bad" "$cpu"
done
BEACON_SENT=0
for round in $(seq 1 "$ROUNDS"); do
  log "round $round: view beacon"
  read -r rps p50 p99 bad cpu total < <(drive "$BASE/views/$STORY_ID" 32 -s bench/beacon.lua); record beacon "$rps" "$p50" "$p99" "$bad" "$cpu"
  BEACON_SENT=$((BEACON_SENT + total))
done
BEACON_FAILED=$(grep -o "beacon-not-200: [0-9]*" "$RUN/wrk.log" | awk '{s+=$2} END {print s+0}')

jcmd "$APP_PID" GC.run > /dev/null
HEAP_USED=$(jcmd "$APP_PID" GC.heap_info | awk '/total/ && /used/ {for (i=1;i<=NF;i++) if ($i=="used") print $(i+1)}' | tr -d 'K,' | awk '{s+=$1} END {printf "%.0f", s/1024}')
RSS=$(ps -o rss= -p "$APP_PID" | awk '{printf "%.0f", $1/1024}')
log "stopping Gazette (a graceful stop flushes the counted views)"
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=
VIEWS_AFTER=$(sql "select views from stories where id = $STORY_ID")
COUNTED=$((VIEWS_AFTER - VIEWS_BEFORE))

log "publish to visible on the front page"
PUBLISH=$(java -cp "$CP" news.gazette.bench.PublishToVisible "$RUN/data" "$APP_PORT" 20 2>&1 | grep "publish-to-visible:" | sed 's/.*publish-to-visible: //')

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a/b}'; }
row() { # label name
  printf '| %s | %.0f | %s | %s | %s |\n' "$1" "$(stat "$2" 1)" "$(stat "$2" 2)" "$(stat "$2" 3)" "$(stat "$2" 5)"
}
{
  echo "Corpus: $STORIES generated stories + demo; story page $PAGE_BYTES bytes; $ROUNDS interleaved rounds of ${SECONDS_PER_RUN} s; wrk -t2; heap -Xmx$HEAP."
  echo
  echo "| Run | Requests/s (median) | p50 ms | p99 ms | CPU µs per request (server) |"
  echo "|---|---:|---:|---:|---:|"
  row "Story page, Gazette (cache), 32 connections" gazette-32
  row "Story page, nginx (file), 32 connections" nginx-32
  row "Story page, Gazette (cache), 128 connections" gazette-128
  row "Story page, nginx (file), 128 connections" nginx-128
  row "Story page, cache bypassed (render), 32 connections" uncached
  row "Front page (cache), 32 connections" front
  row "Section page (cache), 32 connections" section
  row "View beacon, a new reader per request, 32 connections" beacon
  echo
  echo "- Load average before the runs: $LOAD_BEFORE; after: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine counts against both servers)"
  echo "- Gazette/nginx at 32 connections: $(ratio "$(stat gazette-32 1)" "$(stat nginx-32 1)"); at 128: $(ratio "$(stat gazette-128 1)" "$(stat nginx-128 1)")"
  echo "- Beacon: wrk completed $BEACON_SENT requests ($BEACON_FAILED not 200); the database gained $COUNTED views after the flush (requests still in flight when wrk stops are counted by the server but not by wrk)"
  echo "- Publish to visible on the front page: $PUBLISH"
  echo "- Start-up: $STARTUP s ($STARTUP_CPU s of CPU; class-data-sharing archive: $([ "${GAZETTE_BENCH_CDS:-1}" = 1 ] && echo yes || echo no); the first start on the corpus, migrating it and building the search indexes: $FIRST_START s, $FIRST_START_CPU s of CPU); heap used after a full GC: $HEAP_USED MB; resident memory: $RSS MB"
} | tee "$RUN/summary.md"
