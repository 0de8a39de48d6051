#!/usr/bin/env bash
# How much a result depends on the run seed: runs `./dragon demo` or `./dragon suite` once per seed (the run seed
# draws each iteration's prompts, the on-policy samples' noise and the evaluation's noise) and prints the target's
# win rate per seed, their mean and range. A measurement, not a test.
#   bash bench/seeds.sh demo 1 2 3 4      # about 3.5 min a seed on 2 cores
#   bash bench/seeds.sh suite 1 2         # about 25 min a seed
# Folders: runs/seeds/JOB-sSEED (an existing one is continued: a finished demo is not rerun, a suite skips its finished
# rewards). PROFILE picks the launcher profile (default demo); JOBS runs that many seeds at once (default 1; each run
# uses one PyTorch thread).
set -euo pipefail
cd "$(dirname "$0")/.."
job=${1:?usage: bench/seeds.sh demo|suite SEED...}; shift
[ "$job" = demo ] || [ "$job" = suite ] || { echo "bench/seeds.sh: the job is 'demo' or 'suite', got '$job'" >&2; exit 2; }
[ $# -gt 0 ] || { echo "bench/seeds.sh: name at least one seed" >&2; exit 2; }
mkdir -p runs/seeds
./dragon plugins >/dev/null   # builds once, before runs start side by side

one() { # seed
  local dir=runs/seeds/$job-s$1
  if [ "$job" = demo ] && [ -f "$dir/eval/evaluation.json" ]; then return; fi
  ./dragon --profile "${PROFILE:-demo}" "$job" --seed "$1" --out "$dir" >"runs/seeds/$job-s$1.log" 2>&1 \
    || echo "seed $1 failed: runs/seeds/$job-s$1.log" >&2
}
running=0
for seed in "$@"; do
  one "$seed" &
  running=$((running + 1))
  if [ "$running" -ge "${JOBS:-1}" ]; then wait -n; running=$((running - 1)); fi
done
wait

python3 - "$job" "$@" <<'PY'
import csv, json, os, statistics, sys
job, seeds = sys.argv[1], sys.argv[2:]
rates = {}
if job == "demo":
    print("seed  win rate           CP95 lower  before -> after (target)")
    for s in seeds:
        path = f"runs/seeds/demo-s{s}/eval/evaluation.json"
        if not os.path.exists(path):
            print(f"{s:>4}  (no evaluation: see runs/seeds/demo-s{s}.log)"); continue
        r = next(x for x in json.load(open(path))["results"] if x["target"])
        w = r["winRate"]; n = w["wins"] + w["losses"] + w["ties"]
        rates[s] = w["rate"]
        print(f"{s:>4}  {100*w['rate']:6.2f} % ({w['wins']}/{n})  {100*w['clopperPearsonLower95']:6.2f} %    "
              f"{r['before']:.2f} -> {r['after']:.2f}")
else:
    table = {}
    for s in seeds:
        path = f"runs/seeds/suite-s{s}/suite.csv"
        if not os.path.exists(path): continue
        for row in csv.DictReader(open(path)):
            table.setdefault(row["reward"], {})[s] = row["win_rate"]
        avg = json.load(open(f"runs/seeds/suite-s{s}/suite.json")).get("averageWinRate")
        if avg is not None: rates[s] = avg
    print("reward".ljust(26) + "".join(f"seed {s}".rjust(10) for s in seeds))
    for reward, per in table.items():
        print(reward.ljust(26) + "".join((f"{100*float(per[s]):8.1f} %" if per.get(s) else "         -").rjust(10) for s in seeds))
    print("average".ljust(26) + "".join((f"{100*rates[s]:8.2f} %" if s in rates else "         -").rjust(10) for s in seeds))
if rates:
    v = list(rates.values())
    print(f"over {len(v)} seed(s): mean {100*statistics.mean(v):.2f} %, min {100*min(v):.2f} %, max {100*max(v):.2f} %")
PY
