#!/usr/bin/env bash
# End-to-end tests of the `dragon` command as a user runs it: the real script, the exported launcher jar, real files.
# Writes a JUnit-style report to launcher/target/cli-reports/TEST-cli.xml and prints one PASS/FAIL line per test.
# Usage: bash launcher/src/test/cli/run-cli-tests.sh   (after `mvn install`; the script builds on first use anyway)
set -uo pipefail
home=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)
cd "$home" || exit 1
reports="$home/launcher/target/cli-reports"
work=$(mktemp -d)
mkdir -p "$reports"
passed=0; failed=0; cases=""
serve_pid=""
cleanup() {
  [ -n "$serve_pid" ] && kill -TERM "$serve_pid" 2>/dev/null && wait "$serve_pid" 2>/dev/null
  rm -f "$home/plugins/cli-test-sample-reward.jar"
  rm -rf "$work"
}
trap cleanup EXIT

record() { # name, status (0 = pass), message
  local name=$1 status=$2 message=${3:-}
  if [ "$status" -eq 0 ]; then
    passed=$((passed + 1)); echo "PASS $name"
    cases+="<testcase classname=\"cli\" name=\"$name\"/>"
  else
    failed=$((failed + 1)); echo "FAIL $name: $message"
    cases+="<testcase classname=\"cli\" name=\"$name\"><failure message=\"$(printf '%s' "$message" | sed 's/&/\&amp;/g; s/"/\&quot;/g; s/</\&lt;/g')\"/></testcase>"
  fi
}

# A bad input must give exactly one stderr line that names the file, a non-zero exit, and no stack trace.
expect_one_line_error() { # name, expected fragment, file
  local name=$1 fragment=$2 file=$3
  ./dragon inspect "$file" >"$work/out" 2>"$work/err"; local rc=$?
  local lines; lines=$(wc -l <"$work/err")
  if [ "$rc" -ne 0 ] && [ "$lines" -eq 1 ] && grep -qF "$file" "$work/err" && grep -qF "$fragment" "$work/err" \
     && ! grep -qE '^\s+at |Exception' "$work/err"; then
    record "$name" 0
  else
    record "$name" 1 "rc=$rc, $lines stderr line(s): $(head -c 300 "$work/err")"
  fi
}

# 1. plugins lists the built-in trivial reward
out=$(./dragon plugins 2>"$work/err"); rc=$?
if [ $rc -eq 0 ] && grep -qE '^reward +trivial-loudness +INSTANCE' <<<"$out"; then record plugins-lists-builtin-reward 0
else record plugins-lists-builtin-reward 1 "rc=$rc: $out $(cat "$work/err")"; fi

# 2. bad input: one clear line each
fixtures=framework-core/src/test/resources/io
expect_one_line_error truncated-wav "truncated: data chunk declares" "$fixtures/truncated.wav"
expect_one_line_error non-wav "not a WAV file" "$fixtures/not-a-wav.wav"
expect_one_line_error npy-unsupported-dtype "unsupported dtype '<i8'" "$fixtures/int64.npy"
expect_one_line_error npy-unsupported-shape "unsupported shape for embeddings" "$fixtures/rank3.npy"
expect_one_line_error missing-file "no such file" "$work/does-not-exist.wav"

# 3. good input is described
out=$(./dragon inspect "$fixtures/pcm24-stereo-48000.wav" "$fixtures/f-float32.npy" 2>"$work/err"); rc=$?
if [ $rc -eq 0 ] && grep -q "WAV PCM_24, 2 channel(s), 48000 Hz, 120 frames" <<<"$out" && grep -q "NPY float32, 5 rows x 7 dimensions" <<<"$out"; then
  record inspect-describes-good-files 0
else record inspect-describes-good-files 1 "rc=$rc: $out"; fi

# 4. --verbose adds the stack trace that is otherwise hidden
./dragon --verbose inspect "$fixtures/truncated.wav" >/dev/null 2>"$work/err"
if grep -qE '^\s+at ' "$work/err"; then record verbose-shows-stack-trace 0; else record verbose-shows-stack-trace 1 "$(head -c 300 "$work/err")"; fi

# 5. serve + status: a jar dropped into plugins/ is active and reported within 2 s; deleting it removes it
sample=$(ls itest/sample-reward/target/sample-reward-*.jar 2>/dev/null | grep -v sources | head -n 1)
./dragon serve >"$work/serve.out" 2>"$work/serve.err" &
serve_pid=$!
for _ in $(seq 1 100); do grep -q "ready in" "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
ready=$(grep -o "ready in [0-9]* ms" "$work/serve.out")
if [ -n "$ready" ]; then record serve-becomes-ready 0; echo "     ($ready from JVM start)"; else record serve-becomes-ready 1 "$(cat "$work/serve.out" "$work/serve.err")"; fi

status_has() { ./dragon status 2>/dev/null | grep -q "\"id\": \"$1\""; }
if [ -z "$sample" ]; then
  record hot-load-within-2s 1 "no sample plugin jar (build itest/sample-reward first)"
else
  cp "$sample" "$work/cli-test-sample-reward.jar"
  start=$(date +%s%N)
  mv "$work/cli-test-sample-reward.jar" plugins/cli-test-sample-reward.jar
  # poll the bundle state cheaply through the socket (each `dragon status` starts a JVM; the check below is the bound)
  seen=""
  while [ $(( ($(date +%s%N) - start) / 1000000 )) -lt 2000 ]; do
    if grep -q '"id": "sample-reward"' < <(python3 - "$home/run/serve.sock" <<'PY'
import socket, sys
s = socket.socket(socket.AF_UNIX); s.connect(sys.argv[1]); print(s.makefile().read())
PY
    ); then seen=$(( ($(date +%s%N) - start) / 1000000 )); break; fi
    sleep 0.05
  done
  if [ -n "$seen" ] && status_has sample-reward; then record hot-load-within-2s 0; echo "     (reported after $seen ms)"
  else record hot-load-within-2s 1 "not in status within 2 s: $(./dragon status 2>&1 | head -c 400)"; fi

  rm -f plugins/cli-test-sample-reward.jar
  start=$(date +%s%N); gone=""
  while [ $(( ($(date +%s%N) - start) / 1000000 )) -lt 2000 ]; do
    if ! grep -q '"id": "sample-reward"' < <(python3 - "$home/run/serve.sock" <<'PY'
import socket, sys
s = socket.socket(socket.AF_UNIX); s.connect(sys.argv[1]); print(s.makefile().read())
PY
    ); then gone=$(( ($(date +%s%N) - start) / 1000000 )); break; fi
    sleep 0.05
  done
  if [ -n "$gone" ] && ! status_has sample-reward && status_has trivial-loudness && kill -0 "$serve_pid" 2>/dev/null; then
    record delete-unloads-and-framework-stays-up 0; echo "     (gone after $gone ms)"
  else record delete-unloads-and-framework-stays-up 1 "still listed or serve died: $(./dragon status 2>&1 | head -c 400)"; fi
fi

# 6. status without a server is a clear error; SIGTERM stops serve cleanly and removes its socket
kill -TERM "$serve_pid"; wait "$serve_pid"; rc=$?; serve_pid=""
# 143 = terminated by SIGTERM, the conventional status; what matters is the orderly stop (socket removed)
if { [ $rc -eq 0 ] || [ $rc -eq 143 ]; } && [ ! -e run/serve.sock ]; then record serve-stops-cleanly-on-sigterm 0; else record serve-stops-cleanly-on-sigterm 1 "rc=$rc, socket left: $(ls run)"; fi
# 7. a server killed with SIGKILL leaves its socket file behind: the next serve replaces it; a second concurrent
#    serve is refused with one line
./dragon serve >"$work/serve.out" 2>/dev/null &
serve_pid=$!
for _ in $(seq 1 100); do grep -q "ready in" "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
kill -KILL "$(pgrep -P "$serve_pid" java)" 2>/dev/null; wait "$serve_pid" 2>/dev/null; serve_pid=""
stale=$([ -S run/serve.sock ] && echo yes)
: >"$work/serve.out"
./dragon serve >"$work/serve.out" 2>/dev/null &
serve_pid=$!
for _ in $(seq 1 100); do grep -q "ready in" "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
./dragon serve >/dev/null 2>"$work/err"; rc=$?
# (serve logs at INFO on stderr; the error itself is one "dragon serve:" line, no stack trace)
if [ "$stale" = yes ] && grep -q "ready in" "$work/serve.out" && [ $rc -eq 1 ] \
   && [ "$(grep -c "^dragon serve: another 'dragon serve' is already answering" "$work/err")" -eq 1 ] \
   && ! grep -qE '^\s+at |Exception' "$work/err"; then
  record stale-socket-replaced-and-second-serve-refused 0
else record stale-socket-replaced-and-second-serve-refused 1 "stale=$stale rc=$rc $(cat "$work/err") $(cat "$work/serve.out")"; fi
kill -TERM "$serve_pid"; wait "$serve_pid"; serve_pid=""

./dragon status >/dev/null 2>"$work/err"; rc=$?
if [ $rc -ne 0 ] && grep -q "no 'dragon serve' is running" "$work/err"; then record status-without-serve-is-clear 0; else record status-without-serve-is-clear 1 "rc=$rc $(cat "$work/err")"; fi

# 8. aesthetics: a bad ratings file is one stderr line naming the file and the line, exit 1, before any encoder is needed
mkdir -p "$work/ratings/audio"
: >"$work/ratings/audio/a.wav"
printf 'file,rating\naudio/a.wav,3\naudio/a.wav,good\n' >"$work/ratings/bad-rating.csv"
printf 'file,rating\naudio/a.wav,3\naudio/missing.wav,2\n' >"$work/ratings/missing.csv"
printf 'file,rating,prompt\naudio/a.wav,3\n' >"$work/ratings/columns.csv"
for c in "bad-rating.csv|line 3: rating 'good' is not a number" "missing.csv|line 3: audio file 'audio/missing.wav' not found" \
         "columns.csv|line 2: expected 3 columns (file, rating, prompt) like the first row, got 2"; do
  f=${c%%|*}; fragment=${c#*|}
  ./dragon aesthetics train --ratings "$work/ratings/$f" --encoder none --out "$work/model" >/dev/null 2>"$work/err"; rc=$?
  if [ $rc -eq 1 ] && [ "$(wc -l <"$work/err")" -eq 1 ] && grep -qF "$work/ratings/$f: $fragment" "$work/err" && ! grep -qE '^\s+at |Exception' "$work/err"; then
    record "aesthetics-csv-error-${f%.csv}" 0
  else record "aesthetics-csv-error-${f%.csv}" 1 "rc=$rc $(head -c 300 "$work/err")"; fi
done

printf '<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name="cli" tests="%d" failures="%d" errors="0" skipped="0">%s</testsuite>\n' \
  $((passed + failed)) "$failed" "$cases" >"$reports/TEST-cli.xml"
echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
