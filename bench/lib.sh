# Shared by the A/B scripts (source it). Needs WORK (a scratch folder), CORPUS (a corpus made by run.sh), and the
# arrays PIDS (indexed), PID and PORT (associative, declared by the caller).

# Starts a jar on its own copy of the corpus and waits for it: start jar port name java-options [app-args]
start() {
  mkdir -p "$WORK/$3"
  cp -r "$CORPUS/." "$WORK/$3/data"
  # shellcheck disable=SC2086
  java $4 -jar "$1" --server.port="$2" --server.address=127.0.0.1 --gazette.data-dir="$WORK/$3/data" \
    --gazette.demo-content=false ${5:-} > "$WORK/$3/log" 2>&1 &
  PIDS+=($!); PID[$3]=$!; PORT[$3]=$2
  for _ in $(seq 1 600); do
    grep -q "Started GazetteApplication" "$WORK/$3/log" && break
    kill -0 "${PID[$3]}" 2>/dev/null || { cat "$WORK/$3/log" >&2; exit 1; }
    sleep 0.5
  done
  echo "$3 ($4 ${5:-}): $(grep -o 'Started GazetteApplication in [0-9.]* seconds' "$WORK/$3/log")"
}
