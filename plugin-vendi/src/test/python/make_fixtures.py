#!/usr/bin/env python3
"""Writes the numeric fixtures of plugin-vendi's tests: a small .npy input and expected Vendi scores.

Inputs are generated bit-identically here and in the Java tests (GeneratedEmbeddings: a splitmix64 counter
stream), so only their recipes are stored. Expected values always use the n x n (primal) kernel
diag(sqrt w) K diag(sqrt w), K the cosine kernel, w the weights normalised to sum 1 (uniform: K/n), whatever the
Java code picks; eigenvalues below n * eps * max|lambda| count as zero, as in the Java code.

Run from the repository root:  python3 plugin-vendi/src/test/python/make_fixtures.py
"""
import os
import numpy as np

OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "dev", "dragon", "vendi")


def splitmix_unit(seed, count):
    """Values in [0, 1): splitmix64 of seed + (i+1)*golden, top 53 bits."""
    with np.errstate(over="ignore"):
        i = np.arange(1, count + 1, dtype=np.uint64)
        z = np.uint64(seed) + i * np.uint64(0x9E3779B97F4A7C15)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
    return (z >> np.uint64(11)).astype(np.float64) * 2.0 ** -53


def generate(seed, rows, cols, mix1, mix2, shift):
    u = 2.0 * splitmix_unit(seed, rows * cols).reshape(rows, cols) - 1.0
    return u + mix1 * np.roll(u, -1, axis=1) + mix2 * np.roll(u, -5, axis=1) + shift


def vendi(x, q, w=None):
    n = x.shape[0]
    xn = x / np.linalg.norm(x, axis=1, keepdims=True)
    k = xn @ xn.T
    w = np.full(n, 1.0 / n) if w is None else w / w.sum()
    kw = np.sqrt(w)[:, None] * k * np.sqrt(w)[None, :]
    lam = np.linalg.eigvalsh(0.5 * (kw + kw.T))
    cutoff = n * np.finfo(float).eps * np.max(np.abs(lam))
    if q == np.inf:
        return float(1.0 / lam.max())
    lam = lam[lam > cutoff]
    if q == 1:
        return float(np.exp(-np.sum(lam * np.log(lam))))
    return float(np.exp(np.log(np.sum(lam ** q)) / (1 - q)))


def main():
    os.makedirs(OUT, exist_ok=True)
    lines = []
    cases = {
        "primal": (71, 40, 64, 0.6, 0.3, 0.1),      # n < d: n x n kernel
        "dual": (72, 300, 16, 0.6, 0.3, 0.1),       # n > d: d x d form
        "wide512": (73, 120, 512, 0.6, 0.3, 0.0),   # d = 512, n < d
        "tall512": (74, 600, 512, 0.6, 0.3, 0.0),   # d = 512, n > d
        "lowrank": (75, 200, 8, 0.0, 0.0, 0.0),     # n > d: the n x n kernel has rank 8
    }
    for name, recipe in cases.items():
        lines.append(f"gen.{name} = " + ",".join(repr(v) for v in recipe))
        x = generate(*recipe)
        for q_name, q in [("0.5", 0.5), ("1", 1.0), ("2", 2.0), ("inf", np.inf)]:
            lines.append(f"{name}.q{q_name} = {vendi(x, q)!r}")
    weights = splitmix_unit(76, 40) + 0.1
    x = generate(*cases["primal"])
    for q_name, q in [("0.5", 0.5), ("1", 1.0), ("inf", np.inf)]:
        lines.append(f"weighted.q{q_name} = {vendi(x, q, weights)!r}")
    x = generate(*cases["dual"])
    w_dual = splitmix_unit(77, 300) + 0.1
    lines.append(f"weighted-dual.q1 = {vendi(x, 1.0, w_dual)!r}")
    np.save(os.path.join(OUT, "x-small.npy"), generate(*cases["primal"]).astype(np.float32))
    lines.append(f"x-small.q1 = {vendi(np.load(os.path.join(OUT, 'x-small.npy')).astype(np.float64), 1.0)!r}")
    with open(os.path.join(OUT, "expected.properties"), "w") as f:
        f.write("# written by src/test/python/make_fixtures.py (numpy %s)\n" % np.__version__)
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
