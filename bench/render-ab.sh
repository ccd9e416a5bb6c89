#!/usr/bin/env bash
# A/B of the uncached story page (the render cost) and of start-up between two builds, interleaved (A, B, A, B…),
# on loopback only, over a corpus that bench/run.sh generated.
# Usage: bench/render-ab.sh OLD.jar NEW.jar [stories] [rounds] [seconds] [warm-up]      defaults: 10000 3 10 60
#   e.g. git worktree add /tmp/old HEAD~1 && (cd /tmp/old && ./mvnw -q package -DskipTests)
#        ./mvnw -q package -DskipTests && bench/render-ab.sh /tmp/old/target/gazette-*.jar target/gazette-*.jar 100000
# Each jar runs on its own copy of $GAZETTE_BENCH_DIR/<stories> (default /tmp/gazette-bench), in production mode as
# run.sh starts it; a session cookie makes the page cache step aside, so every request renders the page. Every wrk
# run holds /tmp/gazette-bench.lock. The warm-up (seconds of load on each build before the rounds) lets the JIT compile
# the render path: after 20 s on a busy 2-core machine a build still spent twice the CPU per page it settles at.
set -euo pipefail
cd "$(dirname "$0")/.."
OLD="$1"; NEW="$2"; STORIES="${3:-10000}"; ROUNDS="${4:-3}"; SECONDS_EACH="${5:-10}"; WARMUP="${6:-60}"
CORPUS=${GAZETTE_BENCH_DIR:-/tmp/gazette-bench}/$STORIES
LOCK=/tmp/gazette-bench.lock
[ -d "$CORPUS/db" ] || { echo "no corpus in $CORPUS: run bench/run.sh $STORIES first" >&2; exit 1; }
WORK=$(mktemp -d /tmp/gazette-render-ab.XXXXXX)
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

declare -A PID PORT
source bench/lib.sh
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
TICK_US=$((1000000 / $(getconf CLK_TCK)))
drive() { # name port seconds -> "requests/s cpu-us-per-request"
  local before after out total
  before=$(cpu_ticks "${PID[$1]}")
  out=$(flock "$LOCK" wrk -t2 -c32 -d"$3s" -H "Cookie: JSESSIONID=bench" "http://127.0.0.1:$2$STORY")
  after=$(cpu_ticks "${PID[$1]}")
  total=$(echo "$out" | awk '/requests in/ {print $1}')
  echo "$(echo "$out" | awk '/Requests\/sec/ {print $2}') $(( (after - before) * TICK_US / (total > 0 ? total : 1) ))"
}

echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
start "$OLD" 18091 old "-Xms512m -Xmx512m -XX:+UseParallelGC"
start "$NEW" 18092 new "-Xms512m -Xmx512m -XX:+UseParallelGC"
STORY=$(curl -s http://127.0.0.1:18091/en/ | grep -o 'href="/en/[a-z-]*/[0-9][^"]*"' | sed -n 1p | cut -d'"' -f2)
# Both must answer the same page (absolute links name each one's port).
curl -s -H "Cookie: JSESSIONID=bench" "http://127.0.0.1:18091$STORY" | sed -E 's/(:|%3A)18091/\1PORT/g' > "$WORK/old.html"
curl -s -H "Cookie: JSESSIONID=bench" "http://127.0.0.1:18092$STORY" | sed -E 's/(:|%3A)18092/\1PORT/g' > "$WORK/new.html"
if cmp -s "$WORK/old.html" "$WORK/new.html"; then
  echo "both builds answer the same page"
elif command -v python3 > /dev/null && python3 - "$WORK/old.html" "$WORK/new.html" <<'PY'
import json, re, sys
def split(path):  # the page without its JSON-LD, and the JSON-LD read (the order of its keys does not matter)
    page = open(path, encoding="utf-8").read()
    m = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    return (page, None) if m is None else (page.replace(m.group(1), ""), json.loads(m.group(1)))
sys.exit(0 if split(sys.argv[1]) == split(sys.argv[2]) else 1)
PY
then
  echo "both builds answer the same page, but for the order of keys in the JSON-LD"
else
  echo "note: the two builds answer different bytes for $STORY"
fi
echo "uncached story page $STORY, $ROUNDS rounds of ${SECONDS_EACH}s, 32 connections, after $WARMUP s of warm-up each"
drive old 18091 "$WARMUP" > /dev/null
drive new 18092 "$WARMUP" > /dev/null
for round in $(seq 1 "$ROUNDS"); do
  for side in old:18091 new:18092; do
    read -r rps cpu < <(drive "${side%%:*}" "${side#*:}" "$SECONDS_EACH")
    echo "round $round ${side%%:*}: $rps requests/s, $cpu µs CPU per request"
  done
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
