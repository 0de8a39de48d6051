#!/usr/bin/env python3
"""Prints the Java (JMH) and numpy/scipy timings (medians) side by side, with ratios and the issue's acceptance checks.

Usage: compare.py JMH.json REFERENCE.json
"""
import json
import sys


def jmh_seconds(path):
    out = {}
    for r in json.load(open(path)):
        name = r["benchmark"].rsplit(".", 2)[-2] + "." + r["benchmark"].rsplit(".", 1)[-1]
        params = r.get("params") or {}
        key = name + "".join(f"[{k}={v}]" for k, v in sorted(params.items()))
        unit = r["primaryMetric"]["scoreUnit"]
        scale = {"ms/op": 1e-3, "s/op": 1.0, "us/op": 1e-6}[unit]
        # median of the single shots: robust against other work on a shared 2-core machine
        shots = sorted(x for fork in r["primaryMetric"]["rawData"] for x in fork)
        out[key] = shots[len(shots) // 2] * scale
    return out


def main():
    java = jmh_seconds(sys.argv[1])
    ref = json.load(open(sys.argv[2]))
    py = ref["seconds"]
    rows = [
        ("dataset FAD d=512", java["DatasetFadBenchmark.fad[d=512]"], [("scipy sqrtm", py["fad_sqrtm_d512"]), ("numpy eigvals(S1 S2)", py["fad_eigvals_d512"])]),
        ("dataset FAD d=2048", java["DatasetFadBenchmark.fad[d=2048]"], [("scipy sqrtm", py["fad_sqrtm_d2048"]), ("numpy eigvals(S1 S2)", py["fad_eigvals_d2048"])]),
        ("per-song FAD 1000x30 d=512", java["PerSongFadBenchmark.thousandClips"], [("scipy sqrtm (" + ref["persong_note"] + ")", py["persong_sqrtm_1000x30_d512"])]),
        ("Vendi n=1000 d=512", java["VendiBenchmark.vendi"], [("numpy n x n eigvalsh", py["vendi_numpy_primal_n1000_d512"]), ("numpy d x d eigvalsh", py["vendi_numpy_dual_n1000_d512"])]),
    ]
    print(f"numpy {ref['numpy']}, scipy {ref['scipy']}, BLAS {ref['blas']}")
    print(f"{'case':30} {'java':>10}  {'other route':48} {'other':>10} {'other/java':>10}")
    for case, j, others in rows:
        for route, seconds in others:
            print(f"{case:30} {j:9.4f}s  {route:48} {seconds:9.4f}s {seconds / j:9.2f}x")
    checks = [
        ("dataset FAD d=2048 >= 5x faster than sqrtm", py["fad_sqrtm_d2048"] / java["DatasetFadBenchmark.fad[d=2048]"] >= 5),
        ("dataset FAD d=2048 within 1.5x of numpy eigvals", java["DatasetFadBenchmark.fad[d=2048]"] / py["fad_eigvals_d2048"] <= 1.5),
        ("per-song FAD >= 50x faster than sqrtm", py["persong_sqrtm_1000x30_d512"] / java["PerSongFadBenchmark.thousandClips"] >= 50),
    ]
    for text, ok in checks:
        print(("PASS " if ok else "FAIL ") + text)
    return 0 if all(ok for _, ok in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
