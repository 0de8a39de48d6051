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
  rm -f "$home/plugins/cli-test-sample-reward.jar" "$home/plugins/cli-test-sample-generator.jar" "$home/plugins/dev.dragon.itest.sample.generator.cfg"
  rm -f "$home/plugins/cli-test-tonality.jar" "$home/plugins/org.example.dragon.tonality.cfg" "$home/plugins/cli-test-dragon-api.jar"
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

# Waits (up to 120 s: a loaded machine starts a JVM slowly) until FILE contains PATTERN; false when it never does.
wait_for() { # file, pattern
  local i
  for i in $(seq 1 1200); do grep -q -- "$2" "$1" 2>/dev/null && return 0; sleep 0.1; done
  return 1
}

# SIGKILLs the JVM a backgrounded ./dragon started (a crash, not a stop); the script too when its JVM never appeared,
# so that a wait on it cannot hang.
kill_java_of() { # pid of the ./dragon script
  local java="" i
  for i in $(seq 1 100); do java=$(pgrep -P "$1" java) && break; sleep 0.1; done
  if [ -n "$java" ]; then kill -KILL "$java" 2>/dev/null; else kill -KILL "$1" 2>/dev/null; fi
}

# Cheap reads of a running serve's status through its socket (each `dragon status` starts a JVM).
socket_read() { # socket file -> the status JSON
  python3 - "$1" <<'PY'
import socket, sys
s = socket.socket(socket.AF_UNIX); s.connect(sys.argv[1]); print(s.makefile().read())
PY
}
socket_lists() { # id [socket] -> true when the serve reports a plugin with that id (default: this home's serve)
  socket_read "${2:-$home/run/serve.sock}" 2>/dev/null | grep -q "\"id\": \"$1\""
}
socket_lacks() { ! socket_lists "$@"; }

# Prints the milliseconds from $start until the command succeeds (polled every 50 ms); fails after 30 s, a
# correctness bound for a loaded machine.
millis_until() { # command...
  while [ $(( ($(date +%s%N) - start) / 1000000 )) -lt 30000 ]; do
    if "$@"; then echo $(( ($(date +%s%N) - start) / 1000000 )); return 0; fi
    sleep 0.05
  done
  return 1
}
eventually() { local start; start=$(date +%s%N); millis_until "$@" >/dev/null; }

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

# 1b. the built-in audio tower and the CLAP score over it are active by configuration alone; embed a corpus-like clip
out=$(./dragon plugins 2>"$work/err"); rc=$?
if [ $rc -eq 0 ] && grep -qE '^encoder +builtin-clap-audio ' <<<"$out" && grep -qE '^reward +clap-score +INSTANCE' <<<"$out"; then
  record plugins-lists-builtin-clap-audio-and-clap-score 0
else record plugins-lists-builtin-clap-audio-and-clap-score 1 "rc=$rc: $out $(cat "$work/err")"; fi
out=$(./dragon embed --encoder builtin-clap-audio --audio framework-core/src/test/resources/io/pcm24-stereo-48000.wav --out "$work/x.npy" 2>"$work/err"); rc=$?
if [ $rc -eq 0 ] && grep -q "1 x 384 embeddings from encoder 'builtin-clap-audio'" <<<"$out" && [ -s "$work/x.npy" ]; then
  record embed-with-builtin-clap-audio 0
else record embed-with-builtin-clap-audio 1 "rc=$rc: $out $(head -c 400 "$work/err")"; fi
# the suite reads its 11 rewards from the demo profile's dev.dragon.suite.cfg; a name it does not have is a usage error
./dragon suite --only no-such-reward --out "$work/suite" >"$work/out" 2>"$work/err"; rc=$?
if [ $rc -eq 2 ] && [ "$(wc -l <"$work/err")" -eq 1 ] \
   && grep -qF "the suite has no reward 'no-such-reward' (rewards: fad-song-latent-piano, fad-song-latent-organ," "$work/err" \
   && grep -qF "clap-score, fad-song-latent-flute, aesthetics)" "$work/err" && [ ! -e "$work/suite" ]; then
  record suite-refuses-an-unknown-reward 0
else record suite-refuses-an-unknown-reward 1 "rc=$rc: $(head -c 400 "$work/err")"; fi

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

# 5. serve + status: a jar dropped into plugins/ is active and reported; deleting it removes it. The latencies are
# printed; the 2-s acceptance is measured by bench/hot-load.sh (a timed test fails on a loaded machine).
sample=$(ls itest/sample-reward/target/sample-reward-*.jar 2>/dev/null | grep -v sources | head -n 1)
./dragon serve >"$work/serve.out" 2>"$work/serve.err" &
serve_pid=$!
wait_for "$work/serve.out" "ready in"
ready=$(grep -o "ready in [0-9]* ms" "$work/serve.out")
if [ -n "$ready" ]; then record serve-becomes-ready 0; echo "     ($ready from JVM start)"; else record serve-becomes-ready 1 "$(cat "$work/serve.out" "$work/serve.err")"; fi

status_has() { ./dragon status 2>/dev/null | grep -q "\"id\": \"$1\""; }
if [ -z "$sample" ]; then
  record hot-load-shows-in-status 1 "no sample plugin jar (build itest/sample-reward first)"
else
  cp "$sample" "$work/cli-test-sample-reward.jar"
  start=$(date +%s%N)
  mv "$work/cli-test-sample-reward.jar" plugins/cli-test-sample-reward.jar
  seen=$(millis_until socket_lists sample-reward)
  if [ -n "$seen" ] && status_has sample-reward; then record hot-load-shows-in-status 0; echo "     (reported after $seen ms)"
  else record hot-load-shows-in-status 1 "not in status within 30 s: $(./dragon status 2>&1 | head -c 400)"; fi

  start=$(date +%s%N)
  rm -f plugins/cli-test-sample-reward.jar
  gone=$(millis_until socket_lacks sample-reward)
  if [ -n "$gone" ] && ! status_has sample-reward && status_has trivial-loudness && kill -0 "$serve_pid" 2>/dev/null; then
    record delete-unloads-and-framework-stays-up 0; echo "     (gone after $gone ms)"
  else record delete-unloads-and-framework-stays-up 1 "still listed or serve died: $(./dragon status 2>&1 | head -c 400)"; fi
fi

# 5b. a DRAGON run in another process publishes its progress (run/runs/PID.json); status on serve lists it
mkdir -p run/runs
printf '{"folder": "%s/run-x", "iteration": 3, "iterations": 20, "phase": "iteration 3/20 rollouts", "progress": "4/16", "lastReward": {"fad": -12.5}, "pid": %d}\n' "$work" $$ >"run/runs/$$.json"
out=$(./dragon status 2>/dev/null)
rm -f "run/runs/$$.json"
if grep -q '"phase": "iteration 3/20 rollouts"' <<<"$out" && grep -q '"fad": -12.5' <<<"$out"; then record status-shows-run-progress 0
else record status-shows-run-progress 1 "$(head -c 400 <<<"$out")"; fi

# 6. status without a server is a clear error; SIGTERM stops serve cleanly and removes its socket
kill -TERM "$serve_pid"; wait "$serve_pid"; rc=$?; serve_pid=""
# 143 = terminated by SIGTERM, the conventional status; what matters is the orderly stop (socket removed)
if { [ $rc -eq 0 ] || [ $rc -eq 143 ]; } && [ ! -e run/serve.sock ]; then record serve-stops-cleanly-on-sigterm 0; else record serve-stops-cleanly-on-sigterm 1 "rc=$rc, socket left: $(ls run)"; fi
# 7. a server killed with SIGKILL leaves its socket file behind: the next serve replaces it; a second concurrent
#    serve is refused with one line
./dragon serve >"$work/serve.out" 2>/dev/null &
serve_pid=$!
wait_for "$work/serve.out" "ready in"
kill_java_of "$serve_pid"; wait "$serve_pid" 2>/dev/null; serve_pid=""
stale=$([ -S run/serve.sock ] && echo yes)
: >"$work/serve.out"
./dragon serve >"$work/serve.out" 2>/dev/null &
serve_pid=$!
wait_for "$work/serve.out" "ready in"
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

# 8. DRAGON commands: bad options and unknown ids are one line each, exit 2 (usage) or 1, no stack trace
expect_command_error() { # name, expected exit code, expected fragment, command...
  local name=$1 code=$2 fragment=$3; shift 3
  ./dragon "$@" >"$work/out" 2>"$work/err"; local rc=$?
  if [ "$rc" -eq "$code" ] && [ "$(wc -l <"$work/err")" -eq 1 ] && grep -qF -- "$fragment" "$work/err" \
     && ! grep -qE '^\s+at |Exception' "$work/err"; then record "$name" 0
  else record "$name" 1 "rc=$rc: $(head -c 300 "$work/err")"; fi
}
printf 'id\tcaption\na\tslow piano\n' >"$work/prompts.tsv"
expect_command_error run-unknown-option 2 "dragon run: unknown option '--itertions' (run knows: --batch" run --itertions 3
expect_command_error run-bad-number 2 "dragon run: option --batch: 'many' is not a whole number" run --train-prompts "$work/prompts.tsv" --batch many
expect_command_error run-bad-select 2 "dragon run: option --select: unknown checkpoint selection 'last' (one of: final, best)" run --train-prompts "$work/prompts.tsv" --select last
expect_command_error run-unknown-generator 1 "dragon run: unknown generator 'no-such-generator' (available:" run --train-prompts "$work/prompts.tsv" --generator no-such-generator
expect_command_error eval-not-a-run 1 "neither a run folder (config.json) nor a complete checkpoint" eval --checkpoint "$work"

# 9. a DRAGON run killed with SIGKILL mid-run and resumed: no torn file, at most one checkpoint interval redone, and the
#    result bit-identical to an uninterrupted run (the sample generator plugin: deterministic, 150 ms per update)
generator_jar=$(ls itest/sample-generator/target/sample-generator-*.jar 2>/dev/null | grep -v sources | head -n 1)
if [ -z "$generator_jar" ]; then
  record run-killed-and-resumed 1 "no sample generator jar (build itest/sample-generator first)"
else
  cp "$generator_jar" plugins/cli-test-sample-generator.jar
  printf 'step.millis = 150\n' >plugins/dev.dragon.itest.sample.generator.cfg
  printf 'id\tcaption\n' >"$work/train.tsv"; for i in 1 2 3 4 5 6; do printf 'p%d\tprompt %d\n' $i $i >>"$work/train.tsv"; done
  args=(--generator sample-generator --reward trivial-loudness --train-prompts "$work/train.tsv" --iterations 12 --batch 2
        --checkpoint-every 3 --lr 0.5 --seed 5)
  ./dragon run "${args[@]}" --out "$work/reference" >"$work/reference.out" 2>"$work/reference.err"; rc_ref=$?
  ./dragon run "${args[@]}" --out "$work/killed" >/dev/null 2>&1 &
  run_pid=$!
  for _ in $(seq 1 600); do [ -f "$work/killed/metrics.csv" ] && [ "$(wc -l <"$work/killed/metrics.csv")" -ge 6 ] && break; sleep 0.05; done
  kill_java_of "$run_pid"; wait "$run_pid" 2>/dev/null
  rows_at_kill=$(grep -c '"iteration"' "$work/killed/metrics.jsonl" 2>/dev/null || echo 0)
  last_ckpt=$(ls -d "$work"/killed/checkpoints/iter-* 2>/dev/null | sed 's/.*iter-0*//' | sort -n | tail -n 1)
  last_ckpt=${last_ckpt:-0}
  ./dragon run --resume "$work/killed" >"$work/resume.out" 2>"$work/resume.err"; rc_resume=$?
  iterations=$(tail -n +2 "$work/killed/metrics.csv" | cut -d, -f1 | tr '\n' ' ')
  if [ "$rc_ref" -eq 0 ] && [ "$rc_resume" -eq 0 ] && [ "$rows_at_kill" -lt 12 ] && [ $((rows_at_kill - last_ckpt)) -lt 3 ] \
     && [ "$iterations" = "1 2 3 4 5 6 7 8 9 10 11 12 " ] \
     && cmp -s "$work/reference/checkpoints/iter-000012/model/mean.txt" "$work/killed/checkpoints/iter-000012/model/mean.txt" \
     && [ -z "$(ls -A "$work/killed/checkpoints" | grep -v '^iter-')" ] && [ "$(tail -n 1 "$work/resume.out")" = "$work/killed" ]; then
    record run-killed-and-resumed 0; echo "     (killed after $rows_at_kill iteration(s), resumed from checkpoint $last_ckpt)"
  else
    record run-killed-and-resumed 1 "rc=$rc_ref/$rc_resume rows_at_kill=$rows_at_kill ckpt=$last_ckpt iterations=[$iterations] $(tail -n 2 "$work/resume.err" "$work/reference.err" | head -c 400)"
  fi
  rm -f plugins/cli-test-sample-generator.jar plugins/dev.dragon.itest.sample.generator.cfg
fi

# 10. aesthetics: a bad ratings file is one stderr line naming the file and the line, exit 1, before any encoder is needed
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

# 11. the plugin SDK (API baseline, the example plugin) and the launcher profiles: launcher/src/test/cli/sdk-tests.sh
source "$home/launcher/src/test/cli/sdk-tests.sh"
sdk_test_api_baseline
sdk_test_example_plugin
sdk_test_profiles

# 12. trust: a profile in allowlist mode (its own dev.dragon.trust.cfg) refuses an unlisted jar with one stderr line and
#     never starts it — present at launch or dropped later —, starts it once its SHA-256 is listed, and ignores a trust
#     configuration dropped into plugins/ (fail closed). Runs in a scratch home: the real script and launcher jar, its
#     own profile folder and plugins/.
trust_tests() {
  local sample generator th serve=""
  sample=$(ls itest/sample-reward/target/sample-reward-*.jar 2>/dev/null | grep -v sources | head -n 1)
  generator=$(ls itest/sample-generator/target/sample-generator-*.jar 2>/dev/null | grep -v sources | head -n 1)
  if [ -z "$sample" ] || [ -z "$generator" ]; then record trust-allowlist 1 "no sample plugin jars (build itest/ first)"; return; fi
  th="$work/trust-home"
  mkdir -p "$th/launcher/profiles/demo" "$th/plugins"
  cp "$home/dragon" "$th/"; ln -s "$home/launcher/target" "$th/launcher/target"; cp "$home/launcher/profiles/demo.bndrun" "$th/launcher/profiles/"
  local other_hash sample_hash generator_hash
  other_hash=$(printf 'not a plugin' | sha256sum | cut -c1-64)
  sample_hash=$(sha256sum "$sample" | cut -c1-64); generator_hash=$(sha256sum "$generator" | cut -c1-64)
  printf 'mode = allowlist\nallow = %s\n' "$other_hash" >"$th/launcher/profiles/demo/dev.dragon.trust.cfg"
  cp "$sample" "$th/plugins/cli-trust-reward.jar"
  # older than the launcher jar, so that the copied script does not rebuild
  find "$th" -path "$th/launcher/target" -prune -o -exec touch -h -d 2000-01-01 {} +
  trust_answers() { socket_read "$th/run/serve.sock" >"$work/trust-status.json" 2>&1 && grep -q '"state"' "$work/trust-status.json"; }
  trust_lists() { socket_lists "$1" "$th/run/serve.sock"; }
  "$th/dragon" serve >"$work/trust.out" 2>"$work/trust.err" &
  serve=$!; serve_pid=$serve   # the global cleanup stops it if the script is interrupted
  wait_for "$work/trust.out" "ready in"
  local line="refused plugin plugins/cli-trust-reward.jar: SHA-256 $sample_hash is not on the allowlist of profile 'demo'"
  # the socket is bound when "ready" prints and answers a moment later: wait for an answer
  eventually trust_answers
  local ready lines named listed refused
  ready=$(grep -c "ready in" "$work/trust.out"); lines=$(wc -l <"$work/trust.out"); named=$(grep -c "cli-trust-reward.jar" "$work/trust.err")
  listed=$(grep -c '"id": "sample-reward"' "$work/trust-status.json"); refused=$(grep -cF "\"$line\"" "$work/trust-status.json")
  if [ "$ready" -eq 1 ] && [ "$lines" -eq 1 ] && [ "$named" -eq 1 ] && grep -qF "$line" "$work/trust.err" && [ "$listed" -eq 0 ] && [ "$refused" -eq 1 ]; then
    record trust-refuses-unlisted-jar-at-launch 0
  else record trust-refuses-unlisted-jar-at-launch 1 "ready=$ready stdout-lines=$lines stderr-lines-naming-it=$named in-status=$listed refused-in-status=$refused; stdout: $(head -c 300 "$work/trust.out"); status: $(head -c 300 "$work/trust-status.json")"; fi

  cp "$generator" "$work/cli-trust-generator.jar"; mv "$work/cli-trust-generator.jar" "$th/plugins/"
  eventually grep -q "cli-trust-generator.jar" "$work/trust.err"
  sleep 1.5   # three more FileInstall polls: a refusal is logged once, not on every poll
  if [ "$(grep -c "cli-trust-generator.jar" "$work/trust.err")" -eq 1 ] \
     && grep -qF "refused plugin plugins/cli-trust-generator.jar: SHA-256 $generator_hash is not on the allowlist of profile 'demo'" "$work/trust.err" \
     && [ "$(grep -c "cli-trust-reward.jar" "$work/trust.err")" -eq 1 ] && ! grep -qE '^\s+at |Exception' "$work/trust.err" "$work/trust.out"; then
    record trust-refuses-dropped-jar-with-one-line 0
  else record trust-refuses-dropped-jar-with-one-line 1 "$(grep -v djl "$work/trust.err" | head -c 600)"; fi

  printf 'mode = allowlist\nallow = %s, %s\n' "$other_hash" "$sample_hash" >"$th/launcher/profiles/demo/dev.dragon.trust.cfg"
  touch -d 2000-01-02 "$th/launcher/profiles/demo/dev.dragon.trust.cfg"
  if eventually trust_lists sample-reward && [ "$(grep -c "cli-trust-reward.jar" "$work/trust.err")" -eq 1 ]; then record trust-starts-jar-once-listed 0
  else record trust-starts-jar-once-listed 1 "$(grep -v djl "$work/trust.err" | tail -n 5 | head -c 600)"; fi

  printf 'mode = any\n' >"$th/plugins/dev.dragon.trust.cfg"
  eventually grep -q "read from plugins/dev.dragon.trust.cfg" "$work/trust.err"
  rm -f "$th/plugins/cli-trust-generator.jar"; cp "$generator" "$work/cli-trust-generator2.jar"; mv "$work/cli-trust-generator2.jar" "$th/plugins/"
  eventually grep -q "cli-trust-generator2.jar" "$work/trust.err"
  if grep -q "refused plugin plugins/cli-trust-generator2.jar: the trust configuration of profile 'demo' is invalid (it was read from plugins/dev.dragon.trust.cfg, but trust is configured only in the profile's folder launcher/profiles/demo/)" "$work/trust.err"; then
    record trust-ignores-configuration-in-plugins 0
  else record trust-ignores-configuration-in-plugins 1 "$(grep -v djl "$work/trust.err" | tail -n 4 | head -c 600)"; fi
  # removing it deletes the one configuration: the gate stays closed instead of falling back to mode any
  rm -f "$th/plugins/dev.dragon.trust.cfg"
  eventually grep -q "cli-trust-generator2.jar: .*its configuration was deleted" "$work/trust.err"
  if grep -qF "refused plugin plugins/cli-trust-generator2.jar: the trust configuration of profile 'demo' is invalid (its configuration was deleted while launcher/profiles/demo/dev.dragon.trust.cfg exists; touch that file or restart to apply it again)" "$work/trust.err" \
     && ! trust_lists sample-generator; then
    record trust-stays-closed-when-configuration-deleted 0
  else record trust-stays-closed-when-configuration-deleted 1 "$(grep -v djl "$work/trust.err" | tail -n 4 | head -c 600)"; fi
  kill -TERM "$serve"; wait "$serve" 2>/dev/null; serve_pid=""

  ./dragon trust "$sample" >"$work/trust-line" 2>"$work/err"; local rc=$?
  if [ $rc -eq 0 ] && [ "$(cat "$work/trust-line")" = "$sample_hash  $(basename "$sample")" ]; then record trust-command-prints-sha256sum-line 0
  else record trust-command-prints-sha256sum-line 1 "rc=$rc $(cat "$work/trust-line" "$work/err" | head -c 300)"; fi
  ./dragon trust "$work/no-such.jar" >/dev/null 2>"$work/err"; rc=$?
  if [ $rc -eq 1 ] && [ "$(wc -l <"$work/err")" -eq 1 ] && grep -qF "dragon trust: $work/no-such.jar: no such file" "$work/err"; then record trust-command-missing-file-one-line 0
  else record trust-command-missing-file-one-line 1 "rc=$rc $(head -c 300 "$work/err")"; fi
}
trust_tests

printf '<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name="cli" tests="%d" failures="%d" errors="0" skipped="0">%s</testsuite>\n' \
  $((passed + failed)) "$failed" "$cases" >"$reports/TEST-cli.xml"
echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
