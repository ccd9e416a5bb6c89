#!/usr/bin/env bash
# Search benchmark: builds a generated corpus across three editions and times searches.
# Usage: bench/search/run.sh [stories] [queries-per-client] [reuse|merge[=N]]     e.g. bench/search/run.sh 1000000
# "reuse" keeps the index built by an earlier run of the same size (same code), timing the queries only;
# "merge" (or "merge=N") reuses it too, but first merges each edition down to 1 (N) segments.
# BENCH_JAVA_OPTS adds JVM options, e.g. BENCH_JAVA_OPTS=-XX:StartFlightRecording=filename=/tmp/search.jfr
# Runs under flock so benchmarks on this machine never overlap.
set -euo pipefail
cd "$(dirname "$0")/../.."
STORIES="${1:-100000}"
PER_CLIENT="${2:-2000}"
REUSE="${3:-}"
DIR="${GAZETTE_BENCH_DIR:-/tmp/gazette-bench}/index-$STORIES"
./mvnw -B -q -o test-compile 2>/dev/null || ./mvnw -B -q test-compile
./mvnw -B -q -o dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null 2>&1 \
  || ./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
# A private copy of the classes, so a build running meanwhile cannot pull them from under the benchmark.
rm -rf target/bench-classes && mkdir -p target/bench-classes && cp -r target/classes/. target/test-classes/. target/bench-classes/
CP="target/bench-classes:$(cat target/bench-classpath.txt)"
exec flock /tmp/gazette-bench.lock java -Xms4g -Xmx4g -XX:+UseParallelGC ${BENCH_JAVA_OPTS:-} -cp "$CP" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  news.gazette.search.SearchBenchmark "$STORIES" "$DIR" "$PER_CLIENT" $REUSE
