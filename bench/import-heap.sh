#!/usr/bin/env bash
# Heap needed to read a large WordPress export (the import's XML side): generates a file of about 200 MB once and
# reads it as an import does, under a small heap.
#
#   bench/import-heap.sh [heap] [posts] [characters-per-post]      defaults: 64m 100000 1000 (226 MB)
#
# Measured (docs/security.md, "Large archives and memory"): with 32m, 24 s, 10 MB of heap in use at most.
set -euo pipefail

HEAP=${1:-64m}
POSTS=${2:-100000}
CHARS=${3:-1000}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${GAZETTE_BENCH_DIR:-/tmp/gazette-bench}
FILE=$WORK/wordpress-$POSTS-$CHARS.xml

cd "$ROOT"
if [ ! -f target/bench.classpath ] || [ ! -f target/test-classes/news/gazette/transfer/WordPressHeapBench.class ]; then
  ./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
fi
mkdir -p "$WORK"
CP=target/test-classes:target/classes:$(cat target/bench.classpath)
java -Xmx"$HEAP" -XX:+UseSerialGC -cp "$CP" news.gazette.transfer.WordPressHeapBench "$FILE" "$POSTS" "$CHARS"
