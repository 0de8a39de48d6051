#!/usr/bin/env python3
"""Times the numpy/scipy routes that bench/run.sh compares with the Java benchmarks; prints JSON (seconds).

Routes, on the same shapes as the JMH benchmarks:
- fad_sqrtm_d{512,2048}: the public FAD toolkit's formula, scipy.linalg.sqrtm(S1 @ S2), from two covariances;
- fad_eigvals_d{512,2048}: sum of square roots of numpy.linalg.eigvals(S1 @ S2);
- persong_sqrtm_1000x30_d512: per-song FAD of 1000 clips x 30 frames with the toolkit formula. sqrtm takes
  ~0.3 s a clip, so SAMPLE_CLIPS clips are timed and the mean per clip is multiplied by 1000 (stated in the output);
- vendi_numpy_primal / vendi_numpy_dual_n1000_d512: Vendi (q = 1) through eigvalsh of the n x n kernel K/n (the
  direct definition) and of the d x d X^T X / n.
Median over the repetitions after one untimed warm-up (compare.py takes JMH's median too).
"""
import json
import platform
import sys
import time

import numpy as np
import scipy
import scipy.linalg

SAMPLE_CLIPS = 40


def rows(rng, n, d):
    u = rng.uniform(-1, 1, size=(n, d))
    return u + 0.5 * np.roll(u, -1, axis=1)


def cov_of(rng, d):
    x = rows(rng, 2 * d, d)
    return x.mean(axis=0), np.cov(x, rowvar=False)


def fd_sqrtm(mu1, s1, mu2, s2):
    covmean, _ = scipy.linalg.sqrtm(s1.dot(s2), disp=False)
    covmean = covmean.real
    return float(np.sum((mu1 - mu2) ** 2) + np.trace(s1) + np.trace(s2) - 2 * np.trace(covmean))


def fd_eigvals(mu1, s1, mu2, s2):
    lam = np.linalg.eigvals(s1 @ s2)
    tr = np.sum(np.sqrt(np.clip(lam.real, 0, None)))
    return float(np.sum((mu1 - mu2) ** 2) + np.trace(s1) + np.trace(s2) - 2 * tr)


def vendi_primal(x):
    xn = x / np.linalg.norm(x, axis=1, keepdims=True)
    lam = np.linalg.eigvalsh(xn @ xn.T / x.shape[0])
    lam = lam[lam > 0]
    return float(np.exp(-np.sum(lam * np.log(lam))))


def vendi_dual(x):
    xn = x / np.linalg.norm(x, axis=1, keepdims=True)
    lam = np.linalg.eigvalsh(xn.T @ xn / x.shape[0])
    lam = lam[lam > 0]
    return float(np.exp(-np.sum(lam * np.log(lam))))


def timed(fn, reps):
    fn()
    times = []
    for _ in range(reps):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    times.sort()
    return times[len(times) // 2]


def main():
    rng = np.random.default_rng(0)
    results = {}
    for d, reps in [(512, 5), (2048, 3)]:
        mu1, s1 = cov_of(rng, d)
        mu2, s2 = cov_of(rng, d)
        results[f"fad_sqrtm_d{d}"] = timed(lambda: fd_sqrtm(mu1, s1, mu2, s2), reps)
        results[f"fad_eigvals_d{d}"] = timed(lambda: fd_eigvals(mu1, s1, mu2, s2), reps)
        print(f"d={d} done", file=sys.stderr)

    mu_r, s_r = cov_of(rng, 512)
    songs = [rows(rng, 30, 512) for _ in range(SAMPLE_CLIPS)]

    def per_song():
        for s in songs:
            fd_sqrtm(s.mean(axis=0), np.cov(s, rowvar=False), mu_r, s_r)

    results["persong_sqrtm_1000x30_d512"] = timed(per_song, 1) / SAMPLE_CLIPS * 1000

    x = rows(rng, 1000, 512)
    results["vendi_numpy_primal_n1000_d512"] = timed(lambda: vendi_primal(x), 10)
    results["vendi_numpy_dual_n1000_d512"] = timed(lambda: vendi_dual(x), 10)

    try:
        import threadpoolctl
        blas = [{k: i.get(k) for k in ("internal_api", "version", "architecture", "num_threads")} for i in threadpoolctl.threadpool_info()]
    except ImportError:
        blas = "threadpoolctl missing"
    print(json.dumps({
        "python": platform.python_version(), "numpy": np.__version__, "scipy": scipy.__version__, "blas": blas,
        "persong_note": f"timed on {SAMPLE_CLIPS} clips, scaled to 1000",
        "seconds": results,
    }, indent=1))


if __name__ == "__main__":
    main()
