#!/usr/bin/python3
"""Reference values for the win-rate statistics, from scipy.stats (float64).

Writes src/test/resources/evaluation/win-rate-references.csv (k, n, rate, one-sided binomial p-value,
one-sided 95 % Clopper-Pearson lower bound, Beta(1+k, 1+n-k) posterior P(WR > 0.5)) and
incomplete-beta-references.csv (x, a, b, I_x(a, b), p, inverse at p).
Run from framework-core: python3 src/test/python/make_win_rate_references.py
"""
import csv
import os

import scipy
from scipy import special, stats

out = os.path.join(os.path.dirname(__file__), "..", "resources", "evaluation")
os.makedirs(out, exist_ok=True)

cases = [(256, 420), (253, 420), (0, 10), (10, 10), (1, 1), (5, 10), (7, 10), (45, 64), (50, 64), (64, 64),
         (33, 64), (130, 200), (600, 1000), (3, 4), (500, 1000), (2000, 3000)]
with open(os.path.join(out, "win-rate-references.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["k", "n", "rate", "p_value", "cp_lower_95", "posterior_above_half"])
    for k, n in cases:
        p = stats.binom.sf(k - 1, n, 0.5)
        lower = 0.0 if k == 0 else stats.beta.ppf(0.05, k, n - k + 1)
        post = stats.beta.sf(0.5, 1 + k, 1 + n - k)
        w.writerow([k, n, repr(k / n), repr(float(p)), repr(float(lower)), repr(float(post))])

grid = [(0.3, 2.0, 3.0), (0.5, 256.0, 165.0), (0.9, 0.5, 0.5), (0.01, 1.5, 40.0), (0.7, 300.0, 120.0),
        (0.999, 5.0, 1.0), (0.2, 1000.0, 3000.0), (0.5, 1.0, 1.0), (0.05, 0.2, 7.0)]
with open(os.path.join(out, "incomplete-beta-references.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["x", "a", "b", "value", "p", "inverse"])
    for x, a, b in grid:
        p = 0.05
        w.writerow([repr(x), repr(a), repr(b), repr(float(special.betainc(a, b, x))), repr(p),
                    repr(float(special.betaincinv(a, b, p)))])
print("scipy", scipy.__version__, "->", os.path.normpath(out))
