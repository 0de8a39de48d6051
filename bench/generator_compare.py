#!/usr/bin/env python3
"""Prints the generator benchmark side by side: DJL (Java) and PyTorch Python, per thread count, with ratios.

Usage: generator_compare.py OUT_DIR "machine line"
Reads OUT_DIR/java-t{T}-r{R}.json and torch-t{T}-r{R}.json (single shots in seconds). Per round and case the median
shot is taken (robust against other builds on a shared machine); the table shows the median over rounds, and the
spread (min..max of the round medians) when there is more than one round. Throughput: clips/s = 16 / time for
sampling, steps/s = 1 / time for the DPO step. Ratio = Java time / PyTorch time (target <= 1.3).
"""
import glob
import json
import os
import re
import statistics
import sys

BATCH = 16
ROWS = [
    ("sample_latent_20", "DDIM 20 steps, CFG 3, latent only", "clips/s", BATCH),
    ("sample_full_20", "DDIM 20 + decoder + Griffin-Lim 32", "clips/s", BATCH),
    ("sample_latent_10", "DDIM 10 steps, CFG 3, latent only", "clips/s", BATCH),
    ("sample_full_10", "DDIM 10 + decoder + Griffin-Lim 32", "clips/s", BATCH),
    ("dpo_step", "Diffusion-DPO step, 8 pairs", "steps/s", 1),
    ("denoiser_pass_b32", "breakdown: one denoiser pass, batch 32", "passes/s", 1),
    ("decode_vocode", "breakdown: decoder + Griffin-Lim, 16 clips", "clips/s", BATCH),
    ("tiny_add_x1000", "binding cost: 1000 adds of 4 floats", "k-ops/s", 1),
]
TARGET = 1.3


def load(out, side):
    """{threads: {case: [median of round 1, median of round 2, ...]}} and the engine lines."""
    runs, engines = {}, set()
    for path in sorted(glob.glob(os.path.join(out, f"{side}-t*-r*.json"))):
        threads = int(re.search(r"-t(\d+)-r", path).group(1))
        data = json.load(open(path))
        engines.add(data["engine"] + "; weights " + data["weights"])
        for case, shots in data["seconds"].items():
            runs.setdefault(threads, {}).setdefault(case, []).append(statistics.median(shots))
    return runs, engines


def main():
    out, machine = sys.argv[1], sys.argv[2]
    java, java_engines = load(out, "java")
    torch, torch_engines = load(out, "torch")
    print(f"machine: {machine}")
    for line in sorted(java_engines):
        print(f"java:    {line}")
    for line in sorted(torch_engines):
        print(f"python:  {line}")
    load_file = os.path.join(out, "load.txt")
    if os.path.exists(load_file):
        print("load (1/5/15 min): " + " | ".join(l.strip() for l in open(load_file)))
    failures = 0
    for threads in sorted(java):
        rounds = len(next(iter(java[threads].values())))
        print(f"\n{threads} intra-op thread(s), 1 inter-op thread, {rounds} round(s); median per round, then over rounds")
        print(f"{'case':44} {'java s':>9} {'torch s':>9} {'java':>10} {'torch':>10} {'unit':>8} {'java/torch':>10}")
        for case, text, unit, per in ROWS:
            if case not in java[threads] or case not in torch.get(threads, {}):
                continue
            j_rounds, t_rounds = java[threads][case], torch[threads][case]
            j, t = statistics.median(j_rounds), statistics.median(t_rounds)
            ratio = j / t
            mark = "" if case.startswith(("denoiser", "decode", "tiny")) else ("  ok" if ratio <= TARGET else "  SLOW")
            if mark == "  SLOW":
                failures += 1
            print(f"{text:44} {j:9.3f} {t:9.3f} {per / j:10.2f} {per / t:10.2f} {unit:>8} {ratio:9.2f}x{mark}")
            if len(j_rounds) > 1:
                ratios = [a / b for a, b in zip(j_rounds, t_rounds)]
                print(f"{'  spread over rounds':44} {min(j_rounds):.3f}..{max(j_rounds):.3f}  "
                      f"{min(t_rounds):.3f}..{max(t_rounds):.3f}  ratio {min(ratios):.2f}..{max(ratios):.2f}")
    print(f"\n{'all' if failures == 0 else 'NOT all'} headline cases within {TARGET}x of PyTorch ({failures} over)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
