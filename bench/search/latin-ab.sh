#!/bin/bash
# Interleaved: without the Latin-keyboard readings, with, without, with; same index, queries only.
for round in 1 2; do
  for mode in off on; do
    opt=""; [ $mode = off ] && opt="-Dgazette.search.latin-keyboard.off=true"
    echo "=== round $round, latin keyboard $mode ==="
    /tmp/latin-bench/run.sh 50000 400 reuse "$opt"
  done
done
