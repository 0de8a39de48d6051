#!/usr/bin/env python3
"""Reference CLAP log-mel features for plugin-clap's ClapFeatureExtractorTest.

Needs: python3 with numpy and scipy (the pyenv python3 or Debian's /usr/bin/python3 both work).
Run from the repository root:  python3 plugin-clap/src/test/python/make_clap_fixtures.py

Written from the published parameters of the CLAP feature extractor (DRAGON-BRIEF.md section 5a and the
hub's preprocessor_config.json), not from its source: periodic Hann window, reflect-padded centred STFT, power
spectrum of the complex64-rounded transform, triangular mel banks (Slaney scale and area norm for
"rand_trunc", HTK scale without norm for "fusion"), 10*log10(max(1e-10, mel)) cast to float32.

Crops are not random here or in Java: both draw them from SplitMix64 seeded by the case's seed, so the fixture
pins the crop positions too. The test signals come from a formula that the Java test evaluates identically,
so only the features are stored: rows 0, 10, 20, ..., 1000 of every view (about 26 KB per view).
"""
import json
import os

import numpy as np
import scipy.signal

OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "clap-features")
MASK = (1 << 64) - 1
ROW_STRIDE = 10


def test_signal(num_samples, sample_rate):
    """Two tones, a slow chirp with tremolo and a little LCG noise, in float64, then rounded to float32."""
    n = np.arange(num_samples, dtype=np.int64)
    t = n / sample_rate
    noise = ((n * 1103515245 + 12345) % (1 << 31)) / 2147483648.0 * 2.0 - 1.0
    x = (0.4 * np.sin(2 * np.pi * 440.0 * t)
         + 0.25 * np.sin(2 * np.pi * (150.0 + 400.0 * t) * t) * (0.5 + 0.5 * np.sin(2 * np.pi * 0.7 * t))
         + 0.05 * noise)
    return x.astype(np.float32)


class SplitMix64:
    """The seeded generator both sides use to pick crop starts: start = next() mod range (unsigned)."""

    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def below(self, bound):
        return self.next() % bound


def hz_to_mel(f, scale):
    f = np.asarray(f, dtype=np.float64)
    if scale == "htk":
        return 2595.0 * np.log10(1.0 + f / 700.0)
    return np.where(f >= 1000.0, 15.0 + np.log(np.maximum(f, 1e-300) / 1000.0) * (27.0 / np.log(6.4)), 3.0 * f / 200.0)


def mel_to_hz(m, scale):
    m = np.asarray(m, dtype=np.float64)
    if scale == "htk":
        return 700.0 * (10.0 ** (m / 2595.0) - 1.0)
    return np.where(m >= 15.0, 1000.0 * np.exp(np.log(6.4) / 27.0 * (m - 15.0)), 200.0 * m / 3.0)


def mel_banks(cfg, scale, slaney_norm):
    n_mels = cfg["feature_size"]
    bins = cfg["fft_window_size"] // 2 + 1
    edges = mel_to_hz(np.linspace(hz_to_mel(cfg["frequency_min"], scale), hz_to_mel(cfg["frequency_max"], scale), n_mels + 2), scale)
    freqs = np.linspace(0, cfg["sampling_rate"] // 2, bins)
    banks = np.zeros((bins, n_mels))
    for m in range(n_mels):
        lo, centre, hi = edges[m], edges[m + 1], edges[m + 2]
        rising = (freqs - lo) / (centre - lo)
        falling = (hi - freqs) / (hi - centre)
        banks[:, m] = np.maximum(0.0, np.minimum(rising, falling))
        if slaney_norm:
            banks[:, m] *= 2.0 / (hi - lo)
    return banks


def log_mel(x, cfg, banks):
    n_fft = cfg["fft_window_size"]
    hop = cfg["hop_length"]
    window = scipy.signal.get_window("hann", n_fft, fftbins=True)  # periodic Hann
    padded = np.pad(x.astype(np.float64), n_fft // 2, mode="reflect")
    frames = 1 + (len(padded) - n_fft) // hop
    power = np.empty((frames, n_fft // 2 + 1))
    for i in range(frames):
        spectrum = np.fft.rfft(padded[i * hop:i * hop + n_fft] * window).astype(np.complex64)
        re = spectrum.real.astype(np.float64)
        im = spectrum.imag.astype(np.float64)
        power[i] = re * re + im * im
    mel = np.maximum(1e-10, power @ banks)
    return (10.0 * np.log10(mel)).astype(np.float32)


def shrink_in_time(mel, rows):
    """Bilinear resize along time only, half-pixel centres (align_corners false), computed in float64."""
    total = mel.shape[0]
    scale = total / rows
    src = np.maximum(0.0, scale * (np.arange(rows) + 0.5) - 0.5)
    lower = src.astype(np.int64)
    upper = np.where(lower < total - 1, lower + 1, lower)
    weight = (src - lower)[:, None]
    m = mel.astype(np.float64)
    return ((1.0 - weight) * m[lower] + weight * m[upper]).astype(np.float32)


def features(x, cfg, seed):
    """Returns (views [V, frames, mels] float32, crop starts)."""
    max_samples = int(cfg["max_length_s"] * cfg["sampling_rate"])
    chunk_frames = max_samples // cfg["hop_length"] + 1
    fusion = cfg["truncation"] == "fusion"
    banks = mel_banks(cfg, "htk" if fusion else "slaney", not fusion)
    rng = SplitMix64(seed)
    if len(x) == 0:
        raise ValueError("empty audio")
    if len(x) > max_samples:
        if not fusion:
            start = rng.below(len(x) - max_samples + 1)
            return log_mel(x[start:start + max_samples], cfg, banks)[None], [start]
        mel = log_mel(x, cfg, banks)
        if mel.shape[0] <= chunk_frames:
            return np.stack([mel] * 4), []
        starts = []
        for part in np.array_split(np.arange(mel.shape[0] - chunk_frames + 1), 3):
            part = part if len(part) > 0 else np.array([0])
            starts.append(int(part[0] + rng.below(len(part))))
        views = [shrink_in_time(mel, chunk_frames)] + [mel[s:s + chunk_frames] for s in starts]
        return np.stack(views), starts
    if len(x) < max_samples:
        repeats = max_samples // len(x)
        if cfg["padding"] == "repeatpad":
            x = np.tile(x, repeats)
        elif cfg["padding"] == "repeat":
            x = np.tile(x, repeats + 1)[:max_samples]
        x = np.concatenate([x, np.zeros(max_samples - len(x), dtype=x.dtype)])
    mel = log_mel(x, cfg, banks)
    return (np.stack([mel] * 4) if fusion else mel[None]), []


def main():
    here = OUT
    unfused = json.load(open(os.path.join(here, "preprocessor_config.unfused.json")))
    fused = json.load(open(os.path.join(here, "preprocessor_config.fusion.json")))
    sr = unfused["sampling_rate"]
    cases = [
        ("rand_trunc_long", unfused, "repeatpad", int(12.5 * sr), 7),
        ("rand_trunc_exact", unfused, "repeatpad", 10 * sr, 7),
        ("rand_trunc_short_repeatpad", unfused, "repeatpad", int(3.3 * sr), 7),
        ("rand_trunc_short_repeat", unfused, "repeat", int(3.3 * sr), 7),
        ("rand_trunc_short_pad", unfused, "pad", int(3.3 * sr), 7),
        ("rand_trunc_tiny_repeatpad", unfused, "repeatpad", 1000, 7),
        ("fusion_long", fused, "repeatpad", 25 * sr, 11),
        ("fusion_slightly_long", fused, "repeatpad", 10 * sr + 700, 11),
        ("fusion_short_repeat", fused, "repeat", int(3.3 * sr), 11),
    ]
    manifest = []
    for name, base, padding, samples, seed in cases:
        cfg = dict(base, padding=padding)
        views, starts = features(test_signal(samples, sr), cfg, seed)
        np.save(os.path.join(here, name + ".npy"), views[:, ::ROW_STRIDE, :])
        manifest.append({"name": name, "config": cfg, "samples": samples, "seed": seed, "crop_starts": starts,
                         "views": int(views.shape[0]), "frames": int(views.shape[1]), "row_stride": ROW_STRIDE})
        print(name, views.shape, "crops", starts)
    with open(os.path.join(here, "cases.json"), "w") as f:
        json.dump(manifest, f, indent=1)


if __name__ == "__main__":
    main()
