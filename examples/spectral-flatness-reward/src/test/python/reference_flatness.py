#!/usr/bin/env python3
"""Reference mean spectral flatness for the test signals, computed with numpy (np.fft.rfft, periodic Hann window).

Writes src/test/resources/reference-flatness.csv. Regenerate: python3 src/test/python/reference_flatness.py
The signals are defined by formula here and in SpectralFlatnessTest.java (float32 samples, like an AudioClip).
"""
import os
import numpy as np

RATE = 16000


def lcg_noise(n, seed):
    """Uniform noise in [-0.5, 0.5) from a 32-bit linear congruential generator (exact in both languages)."""
    out = np.empty(n, dtype=np.float64)
    state = seed
    for i in range(n):
        state = (1664525 * state + 1013904223) % 2**32
        out[i] = state / 2**32 - 0.5
    return out


def signal(name):
    t = np.arange(RATE, dtype=np.float64) / RATE
    if name == "sine440":
        return (0.5 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)
    if name == "chord":
        x = sum(0.2 * np.sin(2 * np.pi * f * t) for f in (261.63, 329.63, 392.0))
        return x.astype(np.float32)
    if name == "noise":
        return lcg_noise(RATE, 12345).astype(np.float32)
    if name == "sine-plus-noise":
        return (0.5 * np.sin(2 * np.pi * 440 * t) + 0.1 * lcg_noise(RATE, 777)).astype(np.float32)
    if name == "short-sine":
        return (0.5 * np.sin(2 * np.pi * 440 * t[:500])).astype(np.float32)
    if name == "silence-then-noise":
        x = np.zeros(RATE, dtype=np.float64)
        x[RATE // 2:] = lcg_noise(RATE - RATE // 2, 99)
        return x.astype(np.float32)
    raise ValueError(name)


def mean_flatness(x, frame, hop, silence_db):
    x = x.astype(np.float64)
    window = 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(frame) / frame)
    frames = 1 if len(x) <= frame else 1 + (len(x) - frame) // hop
    threshold = 10 ** (silence_db / 20)
    values = []
    for f in range(frames):
        seg = np.zeros(frame)
        part = x[f * hop:f * hop + frame]
        seg[:len(part)] = part
        if np.sqrt(np.mean(seg ** 2)) < threshold:
            continue
        power = np.maximum(1e-10, np.abs(np.fft.rfft(seg * window)) ** 2)
        values.append(np.exp(np.mean(np.log(power))) / np.mean(power))
    return float("nan") if not values else float(np.mean(values))


CASES = [("sine440", 2048, 512, -60), ("sine440", 1024, 256, -60), ("chord", 2048, 512, -60),
         ("noise", 2048, 512, -60), ("noise", 512, 512, -60), ("sine-plus-noise", 2048, 512, -60),
         ("short-sine", 2048, 512, -60), ("silence-then-noise", 1024, 512, -60)]

if __name__ == "__main__":
    out = os.path.join(os.path.dirname(__file__), "..", "resources", "reference-flatness.csv")
    with open(out + ".tmp", "w") as f:
        f.write("signal,frameSize,hop,silenceDb,meanFlatness\n")
        for name, frame, hop, silence in CASES:
            f.write("%s,%d,%d,%g,%r\n" % (name, frame, hop, silence, mean_flatness(signal(name), frame, hop, silence)))
    os.replace(out + ".tmp", out)
    print(open(out).read(), end="")
