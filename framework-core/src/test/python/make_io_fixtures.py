#!/usr/bin/env python3
"""Writes the WAV and .npy fixtures of framework-core's I/O tests with numpy/scipy (independent writers).

Run from the repository root:  python3 framework-core/src/test/python/make_io_fixtures.py
Each WAV file comes with <name>.expected.npy: the float64 samples (frames x channels) a correct reader returns.
"""
import pathlib

import numpy as np
from scipy.io import wavfile

OUT = pathlib.Path(__file__).resolve().parents[1] / "resources" / "io"
OUT.mkdir(parents=True, exist_ok=True)
rng = np.random.default_rng(20261128)


def signal(frames, channels):
    t = np.arange(frames)
    x = np.stack([0.8 * np.sin(2 * np.pi * (c + 1) * t / 37.0) for c in range(channels)], axis=1)
    x[3] = 1.0   # full scale, both signs: the extremes of every encoding
    x[4] = -1.0
    return x


def write_int(name, bits, frames, channels, rate):
    x = signal(frames, channels)
    scale = 2 ** (bits - 1)
    q = np.clip(np.round(x * scale), -scale, scale - 1).astype(np.int64)
    if bits == 24:
        # scipy writes 24-bit only from int32 holding 24-bit values shifted into the top bytes; do it by hand instead
        raw = b"".join(int(v).to_bytes(3, "little", signed=True) for v in q.reshape(-1))
        header = riff_header(1, channels, rate, bits, len(raw))
        (OUT / name).write_bytes(header + raw)
    else:
        dtype = {16: np.int16, 32: np.int32}[bits]
        wavfile.write(OUT / name, rate, q.astype(dtype))
    np.save(OUT / (name + ".expected.npy"), q / scale)


def riff_header(tag, channels, rate, bits, data_len):
    block = channels * bits // 8
    fmt = (tag.to_bytes(2, "little") + channels.to_bytes(2, "little") + rate.to_bytes(4, "little")
           + (rate * block).to_bytes(4, "little") + block.to_bytes(2, "little") + bits.to_bytes(2, "little"))
    body = b"WAVE" + b"fmt " + len(fmt).to_bytes(4, "little") + fmt + b"data" + data_len.to_bytes(4, "little")
    return b"RIFF" + (len(body) + data_len - 4 + 4).to_bytes(4, "little") + body


def write_float(name, frames, channels, rate):
    x = signal(frames, channels).astype(np.float32)
    x[5] = 1.5  # floats may exceed full scale: a reader must keep them
    wavfile.write(OUT / name, rate, x)
    np.save(OUT / (name + ".expected.npy"), x.astype(np.float64))


write_int("pcm16-mono-44100.wav", 16, 200, 1, 44100)
write_int("pcm16-stereo-22050.wav", 16, 150, 2, 22050)
write_int("pcm24-stereo-48000.wav", 24, 120, 2, 48000)
write_int("pcm32-mono-8000.wav", 32, 100, 1, 8000)
write_float("float32-3ch-16000.wav", 90, 3, 16000)

# A file with an extra chunk before the data (LIST), which readers must skip
rate, data = wavfile.read(OUT / "pcm16-mono-44100.wav")
raw = data.astype("<i2").tobytes()
fmt = (1).to_bytes(2, "little") + (1).to_bytes(2, "little") + rate.to_bytes(4, "little") + (rate * 2).to_bytes(4, "little") \
    + (2).to_bytes(2, "little") + (16).to_bytes(2, "little")
listchunk = b"LIST" + (5).to_bytes(4, "little") + b"INFOx" + b"\x00"  # odd size: padded to even
body = b"WAVE" + b"fmt " + len(fmt).to_bytes(4, "little") + fmt + listchunk + b"data" + len(raw).to_bytes(4, "little") + raw
(OUT / "pcm16-with-list-chunk.wav").write_bytes(b"RIFF" + len(body).to_bytes(4, "little") + body)

# Broken files
full = (OUT / "pcm16-stereo-22050.wav").read_bytes()
(OUT / "truncated.wav").write_bytes(full[: len(full) - 101])
(OUT / "not-a-wav.wav").write_bytes(b"ID3\x03\x00\x00\x00\x00\x00\x00 this is an mp3 tag, not RIFF")
alaw = bytearray((OUT / "pcm16-mono-44100.wav").read_bytes())
alaw[20:22] = (6).to_bytes(2, "little")  # format tag 6 = A-law
(OUT / "alaw.wav").write_bytes(bytes(alaw))

# .npy: C and Fortran order, float32 and float64, big-endian, and unsupported dtypes and shapes
m = rng.standard_normal((5, 7))
np.save(OUT / "c-float64.npy", m)
np.save(OUT / "c-float32.npy", m.astype(np.float32))
np.save(OUT / "f-float64.npy", np.asfortranarray(m))
np.save(OUT / "f-float32.npy", np.asfortranarray(m.astype(np.float32)))
np.save(OUT / "be-float64.npy", m.astype(">f8"))
np.save(OUT / "expected-5x7.npy", m)  # what every float64 variant above must read as (float32 ones: rounded)
np.save(OUT / "int64.npy", np.arange(12).reshape(3, 4))
np.save(OUT / "rank3.npy", rng.standard_normal((2, 3, 4)))
np.save(OUT / "vector.npy", rng.standard_normal(6))
with open(OUT / "expected-5x7.npy", "rb") as f:
    whole = f.read()
(OUT / "truncated.npy").write_bytes(whole[:-16])
print("wrote fixtures to", OUT)
