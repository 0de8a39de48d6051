# Command-line tests of the plugin SDK and the launcher profiles. Sourced by run-cli-tests.sh, which provides
# $home, $work, record, status_has, wait_for, socket_lists, millis_until, eventually and serve_pid (its cleanup stops a serve left running); each function is one group.

# The API guard: a breaking change without a major bump fails the build, a minor change passes with a minor bump.
sdk_test_api_baseline() {
  local line name
  while IFS= read -r line; do
    case "$line" in
      "PASS "*) record "${line#PASS }" 0 ;;
      "FAIL "*) name=${line#FAIL }; record "${name%%:*}" 1 "${name#*: }" ;;
    esac
  done < <(bash "$home/api/src/test/baseline/check-breaking-change.sh" 2>&1)
}

# The example plugin: one command builds it; a running serve picks the jar up (shown by status; the latency is
# printed, and measured against the 2-s acceptance by bench/hot-load.sh, not here: a timed test fails on a loaded
# machine), a .cfg reconfigures it live; `dragon run --reward ID` uses it.
sdk_test_example_plugin() {
  local jar
  if ! jar=$(bash "$home/examples/build.sh" 2>"$work/example-build.err" | tail -n 1) || [ ! -f "$jar" ]; then
    record example-plugin-builds-with-one-command 1 "$(tail -n 5 "$work/example-build.err" | head -c 600)"; return
  fi
  record example-plugin-builds-with-one-command 0
  local tests; tests=$(grep -ho 'tests="[0-9]*"' "$home"/examples/*/target/surefire-reports/TEST-*.xml | grep -o '[0-9]*' | awk '{s+=$1} END {print s+0}')
  echo "     ($jar; its own unit tests: $tests)"

  ./dragon serve >"$work/sdk-serve.out" 2>"$work/sdk-serve.err" &
  serve_pid=$!
  wait_for "$work/sdk-serve.out" "ready in"
  cp "$jar" "$work/cli-test-tonality.jar"
  local seen; start=$(date +%s%N)
  mv "$work/cli-test-tonality.jar" plugins/cli-test-tonality.jar
  seen=$(millis_until socket_lists tonality)
  if [ -n "$seen" ] && ./dragon status 2>/dev/null | grep -q '"id": "tonality"'; then
    record example-plugin-picked-up-by-serve 0; echo "     (in status after $seen ms)"
  else record example-plugin-picked-up-by-serve 1 "not in status within 30 s: $(./dragon status 2>&1 | head -c 400)"; fi

  printf '# cli test\nreward.id = tonality-cli\nframeSize = 1024\n' >"$work/org.example.dragon.tonality.cfg"
  mv "$work/org.example.dragon.tonality.cfg" plugins/org.example.dragon.tonality.cfg
  if eventually socket_lists tonality-cli && ! socket_lists tonality; then record example-plugin-reconfigured-by-cfg 0
  else record example-plugin-reconfigured-by-cfg 1 "$(./dragon status 2>&1 | head -c 400)"; fi
  rm -f plugins/org.example.dragon.tonality.cfg
  kill -TERM "$serve_pid"; wait "$serve_pid" 2>/dev/null; serve_pid=""

  # a short DRAGON run of the built-in generator toward the example's reward
  printf 'id\tcaption\np1\tslow piano melody\np2\tbright organ chords\n' >"$work/sdk-prompts.tsv"
  ./dragon run --profile demo --generator builtin-music --reward tonality --train-prompts "$work/sdk-prompts.tsv" --iterations 2 --batch 2 \
    --demo-steps 4 --out "$work/sdk-run" >"$work/sdk-run.out" 2>"$work/sdk-run.err"; local rc=$?
  if [ $rc -eq 0 ] && head -n 1 "$work/sdk-run/metrics.csv" | grep -q 'reward:tonality' \
     && [ "$(tail -n +2 "$work/sdk-run/metrics.csv" | cut -d, -f2 | sort -u)" = trained ] \
     && python3 -c "
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
assert len(rows) == 2 and all(0 <= float(r['reward:tonality']) <= 1 for r in rows)" "$work/sdk-run/metrics.csv"; then
    record run-with-example-reward 0
  else record run-with-example-reward 1 "rc=$rc $(tail -n 3 "$work/sdk-run.err" | head -c 400)"; fi
  # the API jar is compile-time only: dropped into plugins/ by mistake it never resolves (a second copy of the API
  # packages would cut plugins off from the orchestrator), and the plugin next to it still works; the trust gate, which
  # starts admitted plugins, reports it with one warning line on stderr, no stack trace
  local api_jar; api_jar=$(ls api/target/dragon-api-*.jar 2>/dev/null | grep -v -- '-sources.jar$' | head -n 1)
  cp "$api_jar" plugins/cli-test-dragon-api.jar
  out=$(./dragon plugins 2>"$work/err"); rc=$?
  rm -f plugins/cli-test-dragon-api.jar
  if [ $rc -eq 0 ] && grep -qE '^reward +tonality +INSTANCE +1\.0\.0 +org\.example\.dragon\.tonality ' <<<"$out" \
     && [ "$(grep -c "cli-test-dragon-api.jar" "$work/err")" -eq 1 ] \
     && grep -q "cli-test-dragon-api.jar is admitted but could not be started: Unable to resolve dev.dragon.api .*osgi.unresolvable" "$work/err" \
     && ! grep -qE '^\s+at ' "$work/err" && ! grep -q "cli-test-dragon-api.jar" <<<"$out"; then
    record api-jar-in-plugins-never-resolves 0
  else record api-jar-in-plugins-never-resolves 1 "rc=$rc: $(grep -E 'tonality' <<<"$out") $(head -c 300 "$work/err")"; fi
  rm -f plugins/cli-test-tonality.jar
}

# Profiles: eval (scoring only), gpu (external libtorch), a user's own profile layered on a shipped one.
sdk_test_profiles() {
  local out rc
  # eval: encoders and rewards, no generator; --profile given after the command works too
  out=$(./dragon plugins --profile eval 2>"$work/err"); rc=$?
  if [ $rc -eq 0 ] && grep -qE '^reward +clap-score ' <<<"$out" && grep -qE '^reward +aesthetics ' <<<"$out" \
     && grep -qE '^encoder +builtin-clap-audio ' <<<"$out" && ! grep -qE '^generator ' <<<"$out"; then
    record eval-profile-lists-encoders-and-rewards-only 0
  else record eval-profile-lists-encoders-and-rewards-only 1 "rc=$rc: $out $(head -c 300 "$work/err")"; fi
  python3 - "$work" <<'PY'
import sys, numpy as np
r = np.random.default_rng(3)
np.save(sys.argv[1] + "/fa.npy", r.normal(size=(40, 6)))
np.save(sys.argv[1] + "/fb.npy", r.normal(size=(50, 6)) * 1.3 + 0.2)
PY
  out=$(./dragon --profile eval metrics fad --a "$work/fa.npy" --b "$work/fb.npy" 2>"$work/err" | tail -n 1); rc=$?
  if [ $rc -eq 0 ] && python3 - "$work" "$out" <<'PY'
import sys, numpy as np, scipy.linalg
a, b = np.load(sys.argv[1] + "/fa.npy"), np.load(sys.argv[1] + "/fb.npy")
ca, cb = np.cov(a, rowvar=False), np.cov(b, rowvar=False)
ref = np.sum((a.mean(0) - b.mean(0)) ** 2) + np.trace(ca + cb - 2 * scipy.linalg.sqrtm(ca @ cb).real)
sys.exit(0 if abs(float(sys.argv[2]) - ref) <= 1e-9 * abs(ref) else 1)
PY
  then record eval-profile-metrics-fad-matches-scipy 0
  else record eval-profile-metrics-fad-matches-scipy 1 "rc=$rc: '$out' $(head -c 300 "$work/err")"; fi
  printf 'id\tcaption\np1\tslow piano melody\n' >"$work/eval-prompts.tsv"
  ./dragon run --profile eval --train-prompts "$work/eval-prompts.tsv" >/dev/null 2>"$work/err"; rc=$?
  if [ $rc -eq 1 ] && [ "$(wc -l <"$work/err")" -eq 1 ] && grep -qF "unknown generator 'builtin-music' (available: none)" "$work/err"; then
    record eval-profile-run-is-one-clear-line 0
  else record eval-profile-run-is-one-clear-line 1 "rc=$rc: $(head -c 300 "$work/err")"; fi

  # eval scores existing audio: a folder of WAV files with the built-in loudness reward, against numpy
  python3 - "$work/clips" <<'PY'
import os, sys, wave, numpy as np
os.makedirs(sys.argv[1], exist_ok=True)
for name, amp, hz in (("loud.wav", 0.5, 440), ("quiet.wav", 0.05, 220)):
    x = np.round(amp * np.sin(2 * np.pi * hz * np.arange(16000) / 16000) * 32767).astype("<i2")
    with wave.open(os.path.join(sys.argv[1], name), "wb") as w:
        w.setnchannels(1); w.setsampwidth(2); w.setframerate(16000); w.writeframes(x.tobytes())
PY
  out=$(./dragon --profile eval score --reward trivial-loudness --audio "$work/clips" 2>"$work/err"); rc=$?
  if [ $rc -eq 0 ] && python3 - "$work/clips" "$out" <<'PY'
import sys, wave, numpy as np
rows = [line.split("\t") for line in sys.argv[2].strip().splitlines()]
assert rows[0] == ["file", "trivial-loudness"] and [r[0] for r in rows[1:]] == ["loud.wav", "quiet.wav", "set"], rows
ref = []
for name in ("loud.wav", "quiet.wav"):
    with wave.open(sys.argv[1] + "/" + name) as w:
        x = np.frombuffer(w.readframes(w.getnframes()), "<i2") / 32768.0
    ref.append(20 * np.log10(np.sqrt(np.mean(x ** 2))))
ref.append(np.mean(ref))
for row, r in zip(rows[1:], ref):
    assert abs(float(row[1]) - r) <= 1e-9 * abs(r), (row, r)
PY
  then record eval-profile-scores-a-wav-folder 0
  else record eval-profile-scores-a-wav-folder 1 "rc=$rc: '$out' $(head -c 300 "$work/err")"; fi

  # gpu without libtorch: one line naming PYTORCH_LIBRARY_PATH, before any JVM starts
  env -u PYTORCH_LIBRARY_PATH ./dragon --profile gpu plugins >/dev/null 2>"$work/err"; rc=$?
  if [ $rc -eq 1 ] && [ "$(wc -l <"$work/err")" -eq 1 ] && grep -q "^dragon: profile 'gpu': needs an extracted libtorch 2.7.1 (CUDA build): set PYTORCH_LIBRARY_PATH" "$work/err"; then
    record gpu-profile-without-libtorch-is-one-line 0
  else record gpu-profile-without-libtorch-is-one-line 1 "rc=$rc: $(head -c 300 "$work/err")"; fi
  # gpu on this CPU-only machine: libtorch extracted out of the DJL bundle stands in for a CUDA build (flavour cpu);
  # the profile loads it from PYTORCH_LIBRARY_PATH and the JNI library setup.sh installed, and a DRAGON run (sampling
  # and DPO training) gives exactly the numbers the same run gives in the demo profile
  local djl_jar; djl_jar=$(ls runtime/djl-pytorch/target/runtime-djl-pytorch-*.jar 2>/dev/null | head -n 1)
  if [ -z "$djl_jar" ]; then record gpu-profile-on-external-libtorch 1 "no runtime/djl-pytorch jar (build first)"
  else
    unzip -q -o "$djl_jar" 'pytorch/cpu/linux-x86_64/*' -d "$work/libtorch-x"
    export_vars=(ENGINE_CACHE_DIR="$work/djl" PYTORCH_LIBRARY_PATH="$work/libtorch-x/pytorch/cpu/linux-x86_64" PYTORCH_FLAVOR=cpu)
    env "${export_vars[@]}" bash launcher/profiles/gpu/setup.sh "$work/libtorch-x/pytorch/cpu/linux-x86_64" cpu >"$work/setup.out" 2>&1; local rc_setup=$?
    printf 'id\tcaption\np1\tslow piano melody\np2\tbright organ chords\n' >"$work/gpu-prompts.tsv"
    local run_args=(--generator builtin-music --reward trivial-loudness --train-prompts "$work/gpu-prompts.tsv" --iterations 2 --batch 2 --demo-steps 4)
    env "${export_vars[@]}" ./dragon --verbose run --profile gpu "${run_args[@]}" --out "$work/gpu-run" >/dev/null 2>"$work/gpu.err"; rc=$?
    ./dragon run --profile demo "${run_args[@]}" --out "$work/demo-run" >/dev/null 2>&1
    # every column but the wall time
    same_numbers() { cmp -s <(cut -d, -f1-11,13- "$1/metrics.csv") <(cut -d, -f1-11,13- "$2/metrics.csv"); }
    if [ $rc_setup -eq 0 ] && [ $rc -eq 0 ] && grep -q "Loading native library: $work/libtorch-x/pytorch/cpu/linux-x86_64/libtorch_cpu.so" "$work/gpu.err" \
       && grep -q "Loading native library: $work/djl/pytorch/2.7.1-cpu-linux-x86_64/0.36.0-libdjl_torch.so" "$work/gpu.err" \
       && [ "$(grep -c ',trained,' "$work/gpu-run/metrics.csv")" -eq 2 ] && same_numbers "$work/gpu-run" "$work/demo-run"; then
      record gpu-profile-on-external-libtorch 0
    else record gpu-profile-on-external-libtorch 1 "setup=$rc_setup rc=$rc $(cat "$work/setup.out") $(grep -E 'LibUtils|ERROR|rror' "$work/gpu.err" | head -n 5 | head -c 600)"; fi
    rm -rf "$work/libtorch-x" "$work/djl"
  fi

  # a user's profile: a folder with profile.properties layered on a shipped profile; its files add to the base's
  # configuration and replace a base file of the same name; a plugin jar in it is installed like one in plugins/
  local mine="$work/profiles/mine"
  mkdir -p "$mine"
  printf '# my scoring setup\nbase = eval\n' >"$mine/profile.properties"
  printf 'encoder.id = cached-minilm\nsource.target = (encoder.id=minilm-l6-v2)\n' >"$mine/dev.dragon.encoder.cached-minilm.cfg"
  printf 'reward.id = clap-score-mine\naudioEncoder.target = (encoder.id=builtin-clap-audio)\ntextEncoder.target = (encoder.id=minilm-l6-v2)\n' >"$mine/dev.dragon.reward.clap.score.cfg"
  local example_jar; example_jar=$(ls examples/spectral-flatness-reward/target/spectral-flatness-reward-*.jar 2>/dev/null | head -n 1)
  [ -n "$example_jar" ] && cp "$example_jar" "$mine/"
  out=$(DRAGON_PROFILES="$work/profiles" ./dragon --profile mine plugins 2>"$work/err"); rc=$?
  if [ $rc -eq 0 ] && grep -qE '^encoder +cached-minilm ' <<<"$out" && grep -qE '^reward +clap-score-mine ' <<<"$out" \
     && ! grep -qE '^reward +clap-score ' <<<"$out" && grep -qE '^reward +aesthetics ' <<<"$out" \
     && grep -qE '^reward +tonality ' <<<"$out" && ! grep -qE '^generator ' <<<"$out"; then
    record user-profile-layers-on-a-shipped-profile 0
  else record user-profile-layers-on-a-shipped-profile 1 "rc=$rc: $out $(head -c 300 "$work/err")"; fi

  # mistakes are one line each, exit 2, before any JVM starts
  sdk_profile_error() { # name, expected fragment, profile
    DRAGON_PROFILES="$work/profiles" ./dragon --profile "$3" plugins >/dev/null 2>"$work/err"; local rc=$?
    if [ $rc -eq 2 ] && [ "$(wc -l <"$work/err")" -eq 1 ] && grep -qF -- "$2" "$work/err"; then record "$1" 0
    else record "$1" 1 "rc=$rc: $(head -c 300 "$work/err")"; fi
  }
  sdk_profile_error unknown-profile-lists-the-profiles "dragon: no profile 'nosuch' (shipped: demo eval gpu; yours ($work/profiles): mine)" nosuch
  mkdir -p "$work/profiles/demo" "$work/profiles/bad"; echo 'base = demo' >"$work/profiles/demo/profile.properties"
  sdk_profile_error user-profile-may-not-shadow-a-shipped-one "dragon: profile 'demo' is both shipped and yours ($work/profiles/demo): rename yours" demo
  rm -rf "$work/profiles/demo"
  echo 'base = gpu' >"$work/profiles/bad/profile.properties"
  sdk_profile_error user-profile-base-must-have-a-jar "$work/profiles/bad/profile.properties: 'base' must name a shipped profile with its own jar (demo eval), got 'gpu'" bad
}
