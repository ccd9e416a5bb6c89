#!/usr/bin/env bash
# A/B of the view beacon between two builds of Gazette, interleaved (A, B, A, B…), on loopback only.
# Usage: bench/beacon-ab.sh OLD.jar NEW.jar [rounds] [seconds]
#   e.g. git worktree add /tmp/old HEAD~1 && (cd /tmp/old && ./mvnw -q package -DskipTests)
#        ./mvnw -q package -DskipTests && bench/beacon-ab.sh /tmp/old/target/gazette-*.jar target/gazette-*.jar
# Each jar runs with its own H2 database and demo content under a temporary folder, removed at the end. Each wrk run
# holds /tmp/gazette-bench.lock; each line also gives the server's CPU time per request, the figure a busy machine
# disturbs least.
set -euo pipefail
cd "$(dirname "$0")/.."
OLD="$1"; NEW="$2"; ROUNDS="${3:-3}"; SECONDS_EACH="${4:-8}"
WORK=$(mktemp -d /tmp/gazette-beacon-ab.XXXXXX)
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

start() { # jar port name
  mkdir -p "$WORK/$3"
  java -Xms512m -Xmx512m -XX:+UseParallelGC -jar "$1" --server.port="$2" --server.address=127.0.0.1 \
    --gazette.data-dir="$WORK/$3/data" > "$WORK/$3/log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 180); do
    curl -sf -o /dev/null "http://127.0.0.1:$2/en/" && return 0
    sleep 1
  done
  echo "$3 did not start; see $WORK/$3/log" >&2; exit 1
}

start "$OLD" 18081 old
start "$NEW" 18082 new
STORY=$(curl -s http://127.0.0.1:18081/en/ | grep -o 'href="/en/[a-z-]*/[0-9][^"]*"' | head -1 | cut -d'"' -f2)
ID=$(echo "$STORY" | sed 's|.*/\([0-9]*\)-.*|\1|')
echo "beacon for story $ID, $ROUNDS rounds of ${SECONDS_EACH}s, 32 connections"
# CPU time (user + system, clock ticks) a side's JVM has used so far.
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
TICK_US=$((1000000 / $(getconf CLK_TCK)))
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$ROUNDS"); do
  for side in old:18081:${PIDS[0]} new:18082:${PIDS[1]}; do
    IFS=: read -r name port pid <<< "$side"
    before=$(ticks "$pid")
    out=$(flock /tmp/gazette-bench.lock wrk -t2 -c32 -d"${SECONDS_EACH}s" -s bench/beacon.lua "http://127.0.0.1:$port/views/$ID")
    after=$(ticks "$pid")
    rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    total=$(echo "$out" | awk '/requests in/ {print $1}')
    echo "round $round $name: $rps requests/s, $(( (after - before) * TICK_US / (total > 0 ? total : 1) )) µs of CPU per request"
  done
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
