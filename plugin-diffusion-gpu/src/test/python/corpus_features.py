#!/usr/bin/env python3
"""Measures how audibly a built corpus follows its captions' attributes.

Usage: python3 corpus_features.py CORPUS_DIR

For every clip it computes simple audio features (RMS level, spectral centroid, onset rate from spectral flux,
a 40-band log-spectrum summary and a tonic-relative chroma), prints the feature means per attribute value, then
trains a ridge-regression classifier per attribute on the training split and reports its accuracy on the held-out
split (whose attribute combinations training never saw). Needs numpy and scipy only.
"""
import csv
import sys
from pathlib import Path

import numpy as np
from scipy.io import wavfile
from scipy.signal import stft

FRAME, HOP = 512, 128
PITCH_CLASSES = ["C", "D flat", "D", "E flat", "E", "F", "F sharp", "G", "A flat", "A", "B flat", "B"]


def features(path):
    rate, pcm = wavfile.read(path)
    x = pcm.astype(np.float64) / 32768.0
    freqs, _, spec = stft(x, fs=rate, window="hann", nperseg=FRAME, noverlap=FRAME - HOP, boundary=None, padded=False)
    mag = np.abs(spec)  # bins x frames
    rms_db = 20 * np.log10(np.sqrt(np.mean(x ** 2)) + 1e-12)
    centroid = float((mag[1:] * freqs[1:, None]).sum() / mag[1:].sum())
    logmag = np.log1p(1000 * mag)
    flux = np.maximum(np.diff(logmag, axis=1), 0).sum(axis=0)
    med, top = np.median(flux), flux.max()
    threshold = med + 0.25 * (top - med)
    gap = int(np.ceil(0.06 * rate / HOP))
    onsets, last = 0, -gap
    for t in range(1, len(flux) - 1):
        if flux[t] > threshold and flux[t] >= flux[t - 1] and flux[t] >= flux[t + 1] and t - last >= gap:
            onsets, last = onsets + 1, t
    onset_rate = onsets / (len(x) / rate)
    # 40 log-spaced bands from 60 Hz to Nyquist: mean and spread of the log energy over time
    edges = np.geomspace(60, rate / 2, 41)
    band_idx = np.clip(np.searchsorted(edges, freqs) - 1, -1, 39)
    power = mag ** 2
    bands = np.stack([power[band_idx == b].sum(axis=0) for b in range(40)])
    logbands = np.log(bands + 1e-10)
    # chroma from 55 Hz to 4 kHz
    valid = (freqs > 55) & (freqs < 4000)
    midi = 69 + 12 * np.log2(freqs[valid] / 440.0)
    pc = np.mod(np.round(midi), 12).astype(int)
    chroma = np.array([power[valid][pc == k].sum() for k in range(12)])
    chroma = chroma / (chroma.sum() + 1e-12)
    return {
        "rms_db": rms_db, "centroid": centroid, "onset_rate": onset_rate,
        "vector": np.concatenate([logbands.mean(axis=1), logbands.std(axis=1), [onset_rate, rms_db / 10]]),
        "chroma": chroma,
    }


def ridge_accuracy(train_x, train_y, test_x, test_y, alpha=1.0):
    classes = sorted(set(train_y))
    mu, sd = train_x.mean(axis=0), train_x.std(axis=0) + 1e-9
    a, b = (train_x - mu) / sd, (test_x - mu) / sd
    a, b = np.hstack([a, np.ones((len(a), 1))]), np.hstack([b, np.ones((len(b), 1))])
    y = np.array([[1.0 if t == c else 0.0 for c in classes] for t in train_y])
    w = np.linalg.solve(a.T @ a + alpha * np.eye(a.shape[1]), a.T @ y)
    predicted = [classes[i] for i in np.argmax(b @ w, axis=1)]
    return float(np.mean([p == t for p, t in zip(predicted, test_y)])), 1.0 / len(classes)


def main(folder):
    folder = Path(folder)
    with open(folder / "captions.tsv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    for r in rows:
        r.update(features(folder / r["file"]))
        tonic = PITCH_CLASSES.index(r["key"])
        r["relative_chroma"] = np.roll(r["chroma"], -tonic)  # chroma relative to the tonic the caption names
    print(f"{len(rows)} clips")
    for attribute, feature in [("tempo", "onset_rate"), ("register", "centroid"), ("dynamics", "rms_db"),
                               ("instrument", "centroid"), ("rhythm", "onset_rate")]:
        print(f"\n{feature} by {attribute} (training clips, mean ± sd):")
        values = sorted({r[attribute] for r in rows})
        for v in values:
            xs = np.array([r[feature] for r in rows if r[attribute] == v and r["split"] == "train"])
            print(f"  {v:18s} {xs.mean():9.2f} ± {xs.std():7.2f}  (n={len(xs)})")
    print("\nonset_rate by tempo within each melody rhythm (training clips, means; the rhythm sets notes per beat):")
    tempos = ["slow", "moderate", "fast"]
    print("  " + " " * 18 + "".join(f"{t:>10s}" for t in tempos))
    for rhythm in sorted({r["rhythm"] for r in rows}):
        means = [np.mean([r["onset_rate"] for r in rows if r["split"] == "train" and r["rhythm"] == rhythm
                          and r["tempo"] == t]) for t in tempos]
        print(f"  {rhythm:18s}" + "".join(f"{m:10.2f}" for m in means))
    train = [r for r in rows if r["split"] == "train"]
    test = [r for r in rows if r["split"] == "heldout"]
    print("\nridge classifier on audio features, trained on the training split, accuracy on the held-out split:")
    for attribute in ["instrument", "tempo", "register", "dynamics", "drums", "accompaniment", "bass"]:
        acc, chance = ridge_accuracy(np.array([r["vector"] for r in train]), [r[attribute] for r in train],
                                     np.array([r["vector"] for r in test]), [r[attribute] for r in test])
        print(f"  {attribute:14s} {acc:6.1%}  (chance {chance:.1%})")
    acc, chance = ridge_accuracy(np.array([r["relative_chroma"] for r in train]), [r["mode"] for r in train],
                                 np.array([r["relative_chroma"] for r in test]), [r["mode"] for r in test])
    print(f"  {'mode':14s} {acc:6.1%}  (chance {chance:.1%}; from chroma relative to the captioned tonic)")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: corpus_features.py CORPUS_DIR")
    main(sys.argv[1])
