#!/usr/bin/python3
"""Reference values for plugin-aesthetics' tests, from numpy/scipy (Debian's /usr/bin/python3).

Run from the repository root:  /usr/bin/python3 plugin-aesthetics/src/test/python/make_fixtures.py
Writes plugin-aesthetics/src/test/resources/dev/dragon/aesthetics/fixtures.txt: one array per line,
"name v1 v2 ...", every value with repr() (round-trips a float64). Inputs come from a seeded numpy generator and are
written too, so the Java tests read inputs and expected values from the same file.

- KRR: closed form alpha = solve(K + lambda I, y) with numpy.linalg.solve (no eigendecomposition, unlike the Java
  code), predictions K(query, train) alpha, for the cosine kernel and an RBF kernel exp(-gamma |x - y|^2), two lambdas.
- PLCC / SRCC: scipy.stats.pearsonr and scipy.stats.spearmanr (average ranks for ties); per-prompt SRCC = mean of
  spearmanr within each group that has >= 2 items and ratings that are not all equal.
"""
import os

import numpy as np
from scipy import stats

OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "dev", "dragon", "aesthetics", "fixtures.txt")
rng = np.random.default_rng(20261128)
lines = []


def put(name, values):
    values = np.asarray(values, dtype=np.float64).ravel()
    lines.append(name + " " + " ".join(repr(float(v)) for v in values))


def unit_rows(m, d):
    x = rng.normal(size=(m, d))
    return x / np.linalg.norm(x, axis=1, keepdims=True)


# --- kernel ridge regression ---
n, m, d = 15, 5, 6
X = unit_rows(n, d)
Q = unit_rows(m, d)
y = rng.normal(size=n)
put("krr.n", [n]); put("krr.m", [m]); put("krr.d", [d])
put("krr.x", X); put("krr.q", Q); put("krr.y", y)


def sqdist(a, b):
    return np.maximum(0, (a * a).sum(1)[:, None] + (b * b).sum(1)[None, :] - 2 * a @ b.T)


kernels = {"cosine": lambda a, b: a @ b.T, "rbf1.5": lambda a, b: np.exp(-1.5 * sqdist(a, b))}
for kname, k in kernels.items():
    K = k(X, X)
    Kq = k(Q, X)
    put(f"krr.{kname}.gram", K)
    put(f"krr.{kname}.cross", Kq)
    for lam in (0.05, 2.0):
        alpha = np.linalg.solve(K + lam * np.eye(n), y)
        put(f"krr.{kname}.{lam}.alpha", alpha)
        put(f"krr.{kname}.{lam}.pred", Kq @ alpha)

# --- correlations ---
N = 40
rated = rng.integers(0, 5, size=N).astype(np.float64)           # ties on purpose
predicted = rated + rng.normal(scale=1.2, size=N)
predicted[3] = predicted[7]                                      # a tie among predictions too
groups = np.array([i // 5 for i in range(N)])                    # 8 groups of 5
groups[35:] = 8 + np.arange(5)                                   # five singleton groups (ignored)
rated[10:15] = 2.0                                               # group 2: equal ratings (skipped)
put("corr.rated", rated)
put("corr.predicted", predicted)
put("corr.groups", groups)
put("corr.plcc", [stats.pearsonr(predicted, rated)[0]])
put("corr.srcc", [stats.spearmanr(predicted, rated)[0]])
per = []
for g in np.unique(groups):
    idx = groups == g
    if idx.sum() < 2 or np.all(rated[idx] == rated[idx][0]):
        continue
    per.append(stats.spearmanr(predicted[idx], rated[idx])[0])
put("corr.per_prompt", [np.mean(per)])
put("corr.per_prompt_count", [len(per)])
put("corr.ranks", stats.rankdata(predicted))

with open(OUT, "w") as f:
    f.write("# written by plugin-aesthetics/src/test/python/make_fixtures.py (numpy %s, scipy %s); do not edit\n"
            % (np.__version__, __import__("scipy").__version__))
    f.write("\n".join(lines) + "\n")
print("wrote", OUT)
