#!/usr/bin/env bash
# A/B of the cached story page between two builds (or two JVM settings), against nginx serving the same bytes from a
# file, interleaved (old, new, nginx, old, new, nginx…) at 32 and 128 connections, on loopback only.
# Usage: bench/hit-ab.sh OLD.jar NEW.jar [stories] [rounds] [seconds] [warm-up]      defaults: 10000 3 10 30
#   e.g. git worktree add /tmp/old HEAD~1 && (cd /tmp/old && ./mvnw -q package -DskipTests)
#        ./mvnw -q package -DskipTests && bench/hit-ab.sh /tmp/old/target/gazette-*.jar target/gazette-*.jar
# The same jar twice compares JVM or server settings: OLD_JAVA / NEW_JAVA replace the JVM options (default
# "-Xms512m -Xmx512m -XX:+UseParallelGC", as run.sh and docs/deployment.md), OLD_ARGS / NEW_ARGS are added to the
# application's arguments (e.g. NEW_ARGS=--server.tomcat.threads.max=16).
# Each jar runs on its own copy of $GAZETTE_BENCH_DIR/<stories> (default /tmp/gazette-bench; made by bench/run.sh).
# Every wrk run holds /tmp/gazette-bench.lock. Each line gives requests/s, p99 and the server's CPU time per request
# (user + system from /proc, nginx's workers summed), the figure a shared machine disturbs least.
set -euo pipefail
cd "$(dirname "$0")/.."
OLD="$1"; NEW="$2"; STORIES="${3:-10000}"; ROUNDS="${4:-3}"; SECONDS_EACH="${5:-10}"; WARMUP="${6:-30}"
JAVA_DEFAULT="-Xms512m -Xmx512m -XX:+UseParallelGC"
OLD_JAVA=${OLD_JAVA:-$JAVA_DEFAULT}; NEW_JAVA=${NEW_JAVA:-$JAVA_DEFAULT}
OLD_ARGS=${OLD_ARGS:-}; NEW_ARGS=${NEW_ARGS:-}
CORPUS=${GAZETTE_BENCH_DIR:-/tmp/gazette-bench}/$STORIES
LOCK=/tmp/gazette-bench.lock
NGINX_PORT=18103
[ -d "$CORPUS/db" ] || { echo "no corpus in $CORPUS: run bench/run.sh $STORIES first" >&2; exit 1; }
WORK=$(mktemp -d /tmp/gazette-hit-ab.XXXXXX)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

declare -A PID PORT
source bench/lib.sh

echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
start "$OLD" 18101 old "$OLD_JAVA" "$OLD_ARGS"
start "$NEW" 18102 new "$NEW_JAVA" "$NEW_ARGS"
STORY=$(curl -s http://127.0.0.1:18101/en/ | grep -o 'href="/en/[a-z-]*/[0-9][^"]*"' | sed -n 1p | cut -d'"' -f2)
curl -s -o /dev/null "http://127.0.0.1:18101$STORY"; curl -s -o /dev/null "http://127.0.0.1:18102$STORY"
# The reference: the old build's page as sent without Accept-Encoding, served from a file by nginx.
mkdir -p "$WORK/static" "$WORK/nginx-tmp"
curl -s -D "$WORK/old.headers" "http://127.0.0.1:18101$STORY" -o "$WORK/static/story.html"
curl -s -D "$WORK/new.headers" "http://127.0.0.1:18102$STORY" -o "$WORK/new.html"
grep -qi "^X-Cache: HIT" "$WORK/old.headers" && grep -qi "^X-Cache: HIT" "$WORK/new.headers" \
  || { echo "the story page is not served from the cache" >&2; exit 1; }
sed "s#@RUN@#$WORK#g; s#@PORT@#$NGINX_PORT#g" bench/nginx.conf.template > "$WORK/nginx.conf"
nginx -c "$WORK/nginx.conf" -p "$WORK"
PID[nginx]=; PORT[nginx]=$NGINX_PORT
echo "story page $STORY: $(wc -c < "$WORK/static/story.html") bytes (new build: $(wc -c < "$WORK/new.html")); headers, old: $(grep -c : "$WORK/old.headers"), new: $(grep -c : "$WORK/new.headers")"

cpu_ticks() { # side
  local pids=${PID[$1]}
  [ "$1" = nginx ] && pids=$(pgrep -P "$(cat "$WORK/nginx.pid")")
  for pid in $pids; do awk '{print $14 + $15}' "/proc/$pid/stat"; done | awk '{s += $1} END {print s}'
}
TICK_US=$((1000000 / $(getconf CLK_TCK)))
url() { [ "$1" = nginx ] && echo "http://127.0.0.1:$NGINX_PORT/story" || echo "http://127.0.0.1:${PORT[$1]}$STORY"; }
drive() { # side connections seconds -> "requests/s p99 cpu-us-per-request"
  local before after out total
  before=$(cpu_ticks "$1")
  out=$(flock "$LOCK" wrk -t2 -c"$2" -d"$3s" --latency "$(url "$1")")
  after=$(cpu_ticks "$1")
  total=$(echo "$out" | awk '/requests in/ {print $1}')
  echo "$(echo "$out" | awk '/Requests\/sec/ {print $2}') $(echo "$out" | awk '$1 == "99%" {print $2}') $(( (after - before) * TICK_US / (total > 0 ? total : 1) ))"
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

echo "warm-up: ${WARMUP}s on each build, 10 s on nginx"
drive old 32 "$WARMUP" > /dev/null
drive new 32 "$WARMUP" > /dev/null
drive nginx 32 10 > /dev/null
declare -A RPS CPU
for conns in 32 128; do
  for round in $(seq 1 "$ROUNDS"); do
    for side in old new nginx; do
      read -r rps p99 cpu < <(drive "$side" "$conns" "$SECONDS_EACH")
      RPS[$side-$conns]+="$rps "; CPU[$side-$conns]+="$cpu "
      printf '%s connections, round %s, %-5s: %8.0f requests/s, p99 %s, %s µs CPU per request\n' \
        "$conns" "$round" "$side" "$rps" "$p99" "$cpu"
    done
  done
done
echo "medians:"
for conns in 32 128; do
  nginx_rps=$(echo "${RPS[nginx-$conns]}" | tr ' ' '\n' | grep . | median)
  for side in old new nginx; do
    rps=$(echo "${RPS[$side-$conns]}" | tr ' ' '\n' | grep . | median)
    cpu=$(echo "${CPU[$side-$conns]}" | tr ' ' '\n' | grep . | median)
    printf '%s connections, %-5s: %8.0f requests/s, %s µs CPU per request, %.2f× nginx\n' \
      "$conns" "$side" "$rps" "$cpu" "$(awk -v a="$rps" -v b="$nginx_rps" 'BEGIN {print a / b}')"
  done
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
