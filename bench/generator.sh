#!/usr/bin/env bash
# Times the shipped diffusion generator on DJL/PyTorch (GeneratorBenchmark.java) and the same architecture in PyTorch
# Python (generator_reference.py) in one invocation, with 1 and 2 intra-op threads (1 inter-op thread), ROUNDS times
# alternating Java and Python, and prints a side-by-side table with ratios (Java time / PyTorch time).
# Env: ROUNDS (default 1), REPS timed repetitions per case (default 3; 12 for the short cases), WARMUPS (default 1),
# MODEL a model folder to load (default: the shipped one when it exists, random weights otherwise), PYTHON.
# Takes about 10 minutes a round on 2 idle cores.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-/usr/bin/python3}
OUT=bench/target/generator
ROUNDS=${ROUNDS:-1}
REPS=${REPS:-3}
WARMUPS=${WARMUPS:-1}
MODEL=${MODEL:-plugin-diffusion-gpu/src/main/model/builtin-music}
[ -f "$MODEL/model.json" ] || MODEL=-

if [ -z "${SKIP_BUILD:-}" ]; then
  mvn -q -B -Pbench -pl bench -am package dependency:copy-dependencies -DskipTests -DincludeScope=runtime
fi
CP="bench/target/classes:bench/target/dependency/*"
rm -rf "$OUT" && mkdir -p "$OUT"
machine="$(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/Mem:/{print $2}') GB, $(java -version 2>&1 | head -1)"
echo "machine: $machine"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$OUT/load.txt"
for round in $(seq 1 "$ROUNDS"); do
  for threads in 1 2; do
    # natives from the jar on the class path, never from the network; extracted under bench/target
    java -Dai.djl.offline=true -DENGINE_CACHE_DIR="$PWD/bench/target/djl-cache" -DDJL_CACHE_DIR="$PWD/bench/target/djl-cache" \
      -Dai.djl.pytorch.num_threads="$threads" -Dai.djl.pytorch.num_interop_threads=1 \
      -cp "$CP" dev.dragon.bench.GeneratorBenchmark "$MODEL" "$REPS" "$WARMUPS" > "$OUT/java-t$threads-r$round.json"
    "$PY" bench/generator_reference.py "$threads" "$REPS" "$WARMUPS" > "$OUT/torch-t$threads-r$round.json"
    echo "round $round, $threads thread(s) done; load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/load.txt"
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/load.txt"
"$PY" bench/generator_compare.py "$OUT" "$machine"
