#!/usr/bin/env bash
# Issue 16, target 2: one node holding 10,000 open event streams while serving the cached story page, as a ratio of
# its throughput without them, interleaved in one run (without, with, without, with…), on 127.0.0.1 only.
# Usage: bench/live-streams.sh [streams] [rounds] [seconds] [clients]       defaults: 10000 3 10 8
# Needs: ./mvnw -q -o -DskipTests test-compile and target/bench.classpath (bench/run.sh makes it; or
#   ./mvnw -q -o dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test).
# Gazette runs in one JVM (demo content on H2 in a temporary folder; Tomcat allowed 12,000 connections, so streams
# stop at 10,976 and 1,024 stay for pages; a 2.5 GB heap, since each open stream holds about 140 KB of Tomcat's
# buffers; the API's per-address rate limit off since every stream comes from 127.0.0.1), the streams and the load in
# another (src/test/java/news/gazette/bench/ManyStreams.java): each side holds 10,000 sockets, under the open-file
# limit (20,000 here; the script raises the soft limit to the hard one and refuses to start below what it needs).
# The whole run holds /tmp/gazette-bench.lock (the machine is shared) and is bounded in time (BENCH_TIMEOUT, 900 s).
set -euo pipefail
cd "$(dirname "$0")/.."
STREAMS="${1:-10000}"; ROUNDS="${2:-3}"; SECONDS_EACH="${3:-10}"; CLIENTS="${4:-8}"
PORT=${GAZETTE_BENCH_PORT:-18110}
# BENCH_CLASSES: a copy of target/classes and target/test-classes (so a build meanwhile cannot change them).
CLASSES=${BENCH_CLASSES:-target}
CP=$CLASSES/test-classes:$CLASSES/classes:$(cat target/bench.classpath)
ulimit -n "$(ulimit -Hn)"
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt $((STREAMS + 1000)) ]; then
  echo "the open-file limit $(ulimit -n) is below $((STREAMS + 1000)): fewer streams, or a higher hard limit" >&2
  exit 1
fi
exec 9>/tmp/gazette-bench.lock
flock 9
DATA=$(mktemp -d /tmp/gazette-live-streams.XXXXXX)
java -Xms2560m -Xmx2560m -XX:+UseParallelGC -cp "$CP" news.gazette.GazetteApplication --server.port="$PORT" \
  --server.address=127.0.0.1 --gazette.data-dir="$DATA" --gazette.demo-content=true \
  --server.tomcat.max-connections=12000 --gazette.api.rate-limit.enabled=false --spring.main.banner-mode=off \
  --logging.level.root=WARN > "$DATA/gazette.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 600); do
  curl -sf -o /dev/null "http://127.0.0.1:$PORT/en/" && break
  kill -0 $SERVER 2>/dev/null || { cat "$DATA/gazette.log"; exit 1; }
  sleep 1
done
STORY=$(curl -s "http://127.0.0.1:$PORT/en/" | grep -o 'href="/en/[a-z-]*/[0-9][^"]*"' | sed -n 1p | cut -d'"' -f2)
curl -s -o /dev/null "http://127.0.0.1:$PORT$STORY"
curl -s -D - -o /dev/null "http://127.0.0.1:$PORT$STORY" | grep -qi '^X-Cache: HIT' || { echo "story not cached" >&2; exit 1; }
echo "story $STORY; $(nproc) processors; load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
timeout "${BENCH_TIMEOUT:-900}" java -Xmx256m -cp "$CP" news.gazette.bench.ManyStreams "$PORT" "$STORY" "$STREAMS" \
  "$ROUNDS" "$SECONDS_EACH" "$CLIENTS" "$SERVER"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
grep -E "OutOfMemory|ERROR" "$DATA/gazette.log" | head -5 || true
