#!/usr/bin/env bash
# Issue 16, Web Push: one breaking alert to N subscriptions of one edition, handed to a stand-in push service on
# loopback that checks every VAPID signature and decrypts every message with BouncyCastle
# (src/test/java/news/gazette/push/PushBench.java). A reference (the same messages encrypted and sent without queue or
# database) runs before and after, so the ratio holds on a shared machine.
# Usage: bench/push.sh [n] [h2|postgres] [batches at once] [requests at once]     default 100000 h2 4 32
# Runs under flock so benchmarks on this machine never overlap.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-100000}"
DB="${2:-h2}"
./mvnw -B -q -o -DskipTests test-compile
./mvnw -B -q -o dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
# A private copy of the classes, so a build running meanwhile cannot pull them from under the benchmark.
rm -rf target/push-bench-classes && mkdir -p target/push-bench-classes \
  && cp -r target/classes/. target/test-classes/. target/push-bench-classes/
CP="target/push-bench-classes:$(cat target/bench.classpath)"
exec flock /tmp/gazette-bench.lock java -Xmx1g ${BENCH_JAVA_OPTS:-} -cp "$CP" \
  news.gazette.push.PushBench "$N" "${3:-4}" 1000 "$DB" 20000 "${4:-32}"
