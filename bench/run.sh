#!/usr/bin/env bash
# Runs the JMH benchmarks and the numpy/scipy reference on this machine, one after the other, and prints both
# side by side with ratios. Takes about 5 minutes on 2 cores. PYTHON picks the interpreter (default: Debian's).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-/usr/bin/python3}
OUT=bench/target
# OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE pin old kernels on some machines; both sides pick their own kernel here
unset OPENBLAS_CORETYPE OPENBLAS_L2_SIZE

# one reactor build that also copies the class path: the jars of this checkout, never whatever another build
# installed into ~/.m2 meanwhile
mvn -q -B -Pbench -pl bench -am package dependency:copy-dependencies -DskipTests -DincludeScope=runtime
CP="$OUT/dependency/*"
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/Mem:/{print $2}') GB, $(java -version 2>&1 | head -1)"
java -cp "$OUT/classes:$CP" org.openjdk.jmh.Main -rf json -rff "$OUT/jmh.json" "${@:-.*}"
# Debian's OpenBLAS 0.3.21 does not recognise recent Xeons and falls back to its slowest kernel (Prescott); give
# numpy the kernel this CPU supports (override with NUMPY_CORETYPE), the JVM's OpenBLAS 0.3.30 detects it itself
if [ -z "${NUMPY_CORETYPE:-}" ]; then
  if grep -q avx512_bf16 /proc/cpuinfo; then NUMPY_CORETYPE=Cooperlake
  elif grep -q avx512f /proc/cpuinfo; then NUMPY_CORETYPE=SkylakeX
  elif grep -q avx2 /proc/cpuinfo; then NUMPY_CORETYPE=Haswell
  fi
fi
OPENBLAS_CORETYPE=${NUMPY_CORETYPE:-} "$PY" bench/reference.py > "$OUT/reference.json"
"$PY" bench/compare.py "$OUT/jmh.json" "$OUT/reference.json"
