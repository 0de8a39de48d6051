#!/usr/bin/python3
"""Per-degradation breakdown of an aesthetics evaluation on a proxy rating set.

Usage: python3 plugin-aesthetics/src/test/python/proxy_breakdown.py PROXY_DIR PREDICTIONS.csv
  PROXY_DIR       a folder written by `dragon proxy-ratings` (its items.tsv says what each file is)
  PREDICTIONS.csv written by `dragon aesthetics eval ... --predictions PREDICTIONS.csv` on PROXY_DIR/ratings.csv
Prints, per degradation and severity, the number of clips, the mean predicted rating, and how often the clip scores
below the clean version of the same piece (the pairwise accuracy a DRAGON pairing relies on).
"""
import csv
import sys
from collections import defaultdict

proxy, predictions = sys.argv[1], sys.argv[2]
kind = {}
with open(f"{proxy}/items.tsv") as f:
    for row in csv.DictReader(f, delimiter="\t"):
        kind[row["file"]] = (row["degradation"], int(row["severity"]), row["clip"])
pred = {}
with open(predictions) as f:
    for row in csv.DictReader(f):
        pred[row["file"]] = float(row["predicted"])
clean = {kind[f][2]: p for f, p in pred.items() if kind[f][0] == "clean"}
stats = defaultdict(list)
for f, p in pred.items():
    d, s, clip = kind[f]
    stats[(d, s)].append((p, p < clean[clip]))
print(f"{'degradation':<14} {'sev':>3} {'n':>4} {'mean predicted':>15} {'below its clean':>16}")
for (d, s) in sorted(stats, key=lambda k: (k[0] != "clean", k[0], k[1])):
    v = stats[(d, s)]
    mean = sum(p for p, _ in v) / len(v)
    below = "" if d == "clean" else f"{100 * sum(b for _, b in v) / len(v):.0f} %"
    print(f"{d:<14} {s:>3} {len(v):>4} {mean:>15.3f} {below:>16}")
pairs = [b for (d, s), v in stats.items() if d != "clean" for _, b in v]
print(f"all degraded clips below their clean version: {100 * sum(pairs) / len(pairs):.1f} % of {len(pairs)}")
