#!/usr/bin/env bash
# Issue 16, target 1: an alert or live-blog entry saved on node A, received by an event-stream client of node B.
# Two nodes on one embedded PostgreSQL in one JVM (src/test/java/news/gazette/bench/LiveToOtherNode.java).
# Usage: bench/live-latency.sh [rounds]      default 100; prints each latency and p50 / p95 / max.
set -euo pipefail
cd "$(dirname "$0")/.."
CP=target/test-classes:target/classes:$(cat target/bench.classpath)
java -Xmx768m -cp "$CP" news.gazette.bench.LiveToOtherNode "${1:-100}"
