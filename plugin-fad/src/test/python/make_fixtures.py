#!/usr/bin/env python3
"""Writes the numeric fixtures of plugin-fad's tests: small .npy inputs and expected values.

Large inputs (d = 512) are not stored: both this script and the Java tests (GeneratedEmbeddings) generate them
bit-identically from a splitmix64 counter stream, so only their recipe and expected value go into the file.

Expected values:
- full-rank covariances: tr sqrt(S1 S2) through scipy.linalg.sqrtm, the public FAD toolkit's formula;
- rank-deficient (n < d or T < d): the exact reduction tr sqrt = sum sqrt eig(C^T S C), C = (X - mean)^T / sqrt(n-1),
  a small symmetric problem (the full d x d routes pick up spurious square roots there, see DRAGON-BRIEF section 7).
Eigenvalues below order * eps * max|lambda| count as zero, as in the Java code.

Run from the repository root:  python3 plugin-fad/src/test/python/make_fixtures.py
"""
import os
import numpy as np
import scipy.linalg

OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "dev", "dragon", "fad")
MASK = np.uint64(0xFFFFFFFFFFFFFFFF)


def splitmix_uniform(seed, count):
    """Values in [-1, 1): splitmix64 of seed + (i+1)*golden, top 53 bits."""
    with np.errstate(over="ignore"):
        i = np.arange(1, count + 1, dtype=np.uint64)
        z = np.uint64(seed) + i * np.uint64(0x9E3779B97F4A7C15)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
    v = (z >> np.uint64(11)).astype(np.float64) * 2.0 ** -53
    return 2.0 * v - 1.0


def generate(seed, rows, cols, mix1, mix2, shift):
    """Correlated rows: x[:, j] = u[:, j] + mix1*u[:, j+1] + mix2*u[:, j+5] + shift (columns cyclic)."""
    u = splitmix_uniform(seed, rows * cols).reshape(rows, cols)
    return u + mix1 * np.roll(u, -1, axis=1) + mix2 * np.roll(u, -5, axis=1) + shift


def stats(x):
    return x.mean(axis=0), np.cov(x, rowvar=False, ddof=1)


def sqrt_trace_cutoff(values):
    values = np.asarray(values)
    cutoff = len(values) * np.finfo(float).eps * np.max(np.abs(values))
    return float(np.sum(np.sqrt(values[values > cutoff])))


def fd_sqrtm(mu1, s1, mu2, s2):
    """The public toolkit's formula."""
    covmean = scipy.linalg.sqrtm(s1 @ s2)
    return float(np.sum((mu1 - mu2) ** 2) + np.trace(s1) + np.trace(s2) - 2 * np.trace(covmean).real)


def fd_reduced(x1, mu2, s2):
    """Exact: the first set's covariance as C C^T, C = (X - mean)^T / sqrt(n-1)."""
    mu1 = x1.mean(axis=0)
    c = (x1 - mu1).T / np.sqrt(x1.shape[0] - 1)
    m = c.T @ s2 @ c
    m = 0.5 * (m + m.T)
    tr_sqrt = sqrt_trace_cutoff(np.linalg.eigvalsh(m))
    return float(np.sum((mu1 - mu2) ** 2) + np.sum(c * c) + np.trace(s2) - 2 * tr_sqrt)


def main():
    os.makedirs(OUT, exist_ok=True)
    lines = []

    def recipe(name, seed, rows, cols, mix1, mix2, shift):
        lines.append(f"gen.{name} = {seed},{rows},{cols},{mix1!r},{mix2!r},{shift!r}")
        return generate(seed, rows, cols, mix1, mix2, shift)

    def expect(key, value):
        lines.append(f"{key} = {value!r}")

    # small stored inputs (d = 8): also used by the command-line tests
    a_small = generate(101, 40, 8, 0.6, 0.3, 0.0)
    b_small = generate(102, 50, 8, 0.2, -0.5, 0.25)
    song_long = generate(103, 20, 8, 0.4, 0.1, 0.5)
    song_short = generate(104, 5, 8, 0.4, 0.1, 0.5)
    for name, arr in [("a-small", a_small), ("b-small", b_small), ("song-long", song_long), ("song-short", song_short)]:
        np.save(os.path.join(OUT, name + ".npy"), arr)
    ma, sa = stats(a_small)
    mb, sb = stats(b_small)
    expect("dataset.small", fd_sqrtm(ma, sa, mb, sb))
    ml, sl = stats(song_long)
    expect("song.long", fd_sqrtm(ml, sl, mb, sb))
    expect("song.short", fd_reduced(song_short, mb, sb))

    # generated inputs up to d = 512
    for name, d, n1, n2 in [("full128", 128, 300, 400), ("full512", 512, 600, 700)]:
        x1 = recipe(f"dataset.{name}.a", 11 + d, n1, d, 0.6, 0.3, 0.0)
        x2 = recipe(f"dataset.{name}.b", 12 + d, n2, d, 0.2, -0.5, 0.1)
        m1, s1 = stats(x1)
        m2, s2 = stats(x2)
        value = fd_sqrtm(m1, s1, m2, s2)
        exact = fd_reduced(x1, m2, s2)
        assert abs(value - exact) <= 1e-10 * abs(exact), (name, value, exact)
        expect(f"dataset.{name}", value)
    x1 = recipe("dataset.rankdef512.a", 31, 100, 512, 0.6, 0.3, 0.0)
    x2 = recipe("dataset.rankdef512.b", 32, 150, 512, 0.2, -0.5, 0.1)
    m2, s2 = stats(x2)
    expect("dataset.rankdef512", fd_reduced(x1, m2, s2))

    ref_full = recipe("ref.full512", 41, 600, 512, 0.2, -0.5, 0.1)
    ref_def = recipe("ref.rankdef512", 42, 200, 512, 0.2, -0.5, 0.1)
    song = recipe("song.512", 43, 30, 512, 0.4, 0.1, 0.05)
    for ref_name, ref in [("full512", ref_full), ("rankdef512", ref_def)]:
        mr, sr = stats(ref)
        expect(f"song.512.vs.{ref_name}", fd_reduced(song, mr, sr))

    ref64 = recipe("ref.64", 51, 300, 64, 0.2, -0.5, 0.1)
    mr, sr = stats(ref64)
    for i in range(5):
        s = recipe(f"batch.{i}", 60 + i, 10 + 3 * i, 64, 0.4, 0.1, 0.05 * i)
        expect(f"batch.{i}", fd_reduced(s, mr, sr))

    with open(os.path.join(OUT, "expected.properties"), "w") as f:
        f.write("# written by src/test/python/make_fixtures.py (numpy %s, scipy %s)\n" % (np.__version__, scipy.__version__))
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
