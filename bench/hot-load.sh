#!/usr/bin/env bash
# How long a running `./dragon serve` takes to pick up a plugin jar dropped into plugins/ (issue 8's acceptance:
# within 2 s, shown by `./dragon status`) and to drop it again when the jar is deleted. Starts a serve, drops the
# example plugin (examples/spectral-flatness-reward, built with examples/build.sh when missing) ROUNDS times
# (default 10) and prints each latency and the median and maximum of both. A measurement, not a test: nothing fails.
# Latencies are read through the status socket (one read, no JVM), polled every 20 ms.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-10}
jar=$(ls examples/spectral-flatness-reward/target/spectral-flatness-reward-*.jar 2>/dev/null | head -n 1 || true)
[ -n "$jar" ] || jar=$(bash examples/build.sh | tail -n 1)
out=bench/target/hot-load
mkdir -p "$out"

./dragon serve >"$out/serve.out" 2>"$out/serve.err" &
serve=$!
trap 'rm -f plugins/bench-hot-load.jar; kill -TERM $serve 2>/dev/null; wait $serve 2>/dev/null' EXIT
until grep -q "ready in" "$out/serve.out" 2>/dev/null; do kill -0 $serve || { cat "$out/serve.err"; exit 1; }; sleep 0.1; done

lists_tonality() {
  python3 - run/serve.sock <<'PY' 2>/dev/null | grep -q '"id": "tonality"'
import socket, sys
s = socket.socket(socket.AF_UNIX); s.connect(sys.argv[1]); print(s.makefile().read())
PY
}
millis_until() { # command... -> ms from $start until it succeeds (60 s at most)
  while [ $(( ($(date +%s%N) - start) / 1000000 )) -lt 60000 ]; do
    "$@" && { echo $(( ($(date +%s%N) - start) / 1000000 )); return; }
    sleep 0.02
  done
  echo "timeout"
}
not() { ! "$@"; }

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); FileInstall polls every $(sed -n "s/.*felix.fileinstall.poll=\([0-9]*\).*/\1/p" launcher/profiles/common.bnd) ms"
printf 'round\tin status (ms)\tgone (ms)\n' | tee "$out/latencies.tsv"
for round in $(seq 1 "$ROUNDS"); do
  cp "$jar" "$out/bench-hot-load.jar"
  start=$(date +%s%N); mv "$out/bench-hot-load.jar" plugins/bench-hot-load.jar
  seen=$(millis_until lists_tonality)
  start=$(date +%s%N); rm -f plugins/bench-hot-load.jar
  gone=$(millis_until not lists_tonality)
  printf '%s\t%s\t%s\n' "$round" "$seen" "$gone" | tee -a "$out/latencies.tsv"
done
python3 - "$out/latencies.tsv" <<'PY'
import statistics, sys
rows = [l.split("\t") for l in open(sys.argv[1]).read().split("\n")[1:] if l]
for name, col in (("in status", 1), ("gone", 2)):
    values = [int(r[col]) for r in rows if r[col].strip().isdigit()]
    lost = len(rows) - len(values)
    print(f"{name}: median {statistics.median(values):.0f} ms, max {max(values)} ms over {len(values)} drops"
          + (f", {lost} never seen in 60 s" if lost else "") + ("; target 2000 ms" if col == 1 else ""))
PY
