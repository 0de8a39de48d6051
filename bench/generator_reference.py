#!/usr/bin/env python3
"""The shipped generator's architecture written directly in PyTorch, timed on the same cases as GeneratorBenchmark.java.

Usage: generator_reference.py THREADS [REPETITIONS] [WARMUPS]; prints JSON (single shots in seconds) like the Java side.

What is mirrored, shape for shape (plugin-diffusion-gpu's classes in brackets):
- denoiser [LatentDenoiser, EncoderLayer]: input projection 32 -> 128, learned positions [25, 128], sinusoidal time
  features (64 sin + 64 cos, max period 1e4) through Linear-GELU-Linear, condition projection 384 -> 128 added to every
  frame, 4 pre-norm encoder layers (LN -> 4-head attention with q/k/v/output projections, softmax(QK^T/sqrt(d))V ->
  residual; LN -> Linear 256 -> GELU -> Linear 128 -> residual), final LN, projection back to 32 channels;
- decoder [MelAutoencoder]: per-latent-frame MLP 32 -> 384 -> 384 -> 640 (GELU), reshaped to 250 frames x 64 bands;
- DDIM, eta 0, cosine schedule of 1000 steps, classifier-free guidance 3 as one batch of 2B per step
  [DdimSampler, GuidedNoisePredictor];
- vocoder [MelSpectrogram.binMagnitudes, GriffinLimVocoder]: band power -> bin magnitudes with 50 multiplicative
  refinements, then 32 Griffin-Lim iterations with torch.fft, reflect-padded centred frames of 1024, hop 256,
  periodic Hann window, overlap-add divided by the summed squared window;
- Diffusion-DPO step on 8 pairs [PreferenceTrainer.dpoStep]: frozen reference pass without gradients, policy pass with
  gradients, loss softplus(beta/2 * inner), backward, global-norm clipping to 1, AdamW (lr 1e-5, wd 0.01).
Weights are random (timing does not depend on them). Sampling runs under torch.no_grad(), as any PyTorch user would.
"""
import json
import math
import platform
import sys
import time

import torch
import torch.nn.functional as F
from torch import nn

BATCH = 16
PAIRS = 8
GUIDANCE = 3.0
VOCODER_ITERATIONS = 32
SAMPLING_STEPS = (20, 10)
# MelSettings.BUILT_IN
RATE, FFT, HOP, BANDS, FRAMES, FLOOR_DB, CENTER_DB, SCALE_DB = 16000, 1024, 256, 64, 250, -60.0, 0.0, 30.0
BINS = FFT // 2 + 1
CLIP = FRAMES * HOP
MAX_DB = 70.0
POWER_REFINEMENTS = 50
PEAK_LIMIT = 0.95
# AutoencoderConfig(64, 250, 10, 384, 32), DenoiserConfig(25, 32, 384, 128, 4, 4, 256)
PATCH, HIDDEN, LATENT_CHANNELS = 10, 384, 32
LATENT_FRAMES = FRAMES // PATCH
CONDITION, WIDTH, LAYERS, HEADS, FEED_FORWARD = 384, 128, 4, 4, 256
SCHEDULE_STEPS = 1000


class Attention(nn.Module):
    """Multi-head self-attention laid out like DJL's ScaledDotProductAttentionBlock (no mask, no dropout)."""

    def __init__(self, width, heads):
        super().__init__()
        self.heads = heads
        self.query = nn.Linear(width, width)
        self.key = nn.Linear(width, width)
        self.value = nn.Linear(width, width)
        self.result = nn.Linear(width, width)

    def forward(self, x):
        b, n, w = x.shape
        d = w // self.heads

        def split(t):
            return t.reshape(b, n, self.heads, d).transpose(1, 2)

        q, k, v = split(self.query(x)), split(self.key(x)), split(self.value(x))
        scores = (q @ k.transpose(-1, -2)) * (1.0 / math.sqrt(d))
        out = scores.softmax(-1) @ v
        return self.result(out.transpose(1, 2).reshape(b, n, w))


class EncoderLayer(nn.Module):
    """Pre-norm: x + attention(LN(x)), then + MLP(LN(x))."""

    def __init__(self, width, heads, feed_forward):
        super().__init__()
        self.attention_norm = nn.LayerNorm(width)
        self.attention = Attention(width, heads)
        self.feed_forward_norm = nn.LayerNorm(width)
        self.feed_forward_in = nn.Linear(width, feed_forward)
        self.feed_forward_out = nn.Linear(feed_forward, width)

    def forward(self, x):
        x = x + self.attention(self.attention_norm(x))
        return x + self.feed_forward_out(F.gelu(self.feed_forward_in(self.feed_forward_norm(x))))


class LatentDenoiser(nn.Module):
    def __init__(self):
        super().__init__()
        self.input_projection = nn.Linear(LATENT_CHANNELS, WIDTH)
        self.positions = nn.Parameter(torch.randn(LATENT_FRAMES, WIDTH) * 0.02)
        self.time_embedding = nn.Sequential(nn.Linear(WIDTH, WIDTH), nn.GELU(), nn.Linear(WIDTH, WIDTH))
        self.condition_projection = nn.Linear(CONDITION, WIDTH)
        self.layers = nn.ModuleList(EncoderLayer(WIDTH, HEADS, FEED_FORWARD) for _ in range(LAYERS))
        self.output_norm = nn.LayerNorm(WIDTH)
        self.output_projection = nn.Linear(WIDTH, LATENT_CHANNELS)
        half = WIDTH // 2
        self.register_buffer("frequencies", torch.exp(torch.arange(half, dtype=torch.float64)
                                                      * (-math.log(10_000) / half)).float())

    def forward(self, noisy, timesteps, conditions):
        tokens = self.input_projection(noisy) + self.positions
        angles = timesteps.float()[:, None] * self.frequencies[None, :]
        time = self.time_embedding(torch.cat([angles.sin(), angles.cos()], 1))
        tokens = tokens + (time + self.condition_projection(conditions))[:, None, :]
        for layer in self.layers:
            tokens = layer(tokens)
        return self.output_projection(self.output_norm(tokens))


class Decoder(nn.Module):
    """MelAutoencoder's decoder: latent frames -> patches of 10 log-mel frames."""

    def __init__(self):
        super().__init__()
        self.mlp = nn.Sequential(nn.Linear(LATENT_CHANNELS, HIDDEN), nn.GELU(), nn.Linear(HIDDEN, HIDDEN), nn.GELU(),
                                 nn.Linear(HIDDEN, PATCH * BANDS))

    def forward(self, latent):
        return self.mlp(latent).reshape(latent.shape[0], FRAMES, BANDS)


def cosine_alpha_bar(steps):
    def curve(t):
        return math.cos((t / steps + 0.008) / 1.008 * math.pi / 2) ** 2
    product, out = 1.0, []
    for t in range(steps):
        product *= 1 - min(1 - curve(t + 1) / curve(t), 0.999)
        out.append(product)
    return out


ALPHA_BAR = cosine_alpha_bar(SCHEDULE_STEPS)


def ddim_timesteps(n):
    last = SCHEDULE_STEPS - 1
    return [last] if n == 1 else [int(math.floor(last * (n - 1 - i) / (n - 1) + 0.5)) for i in range(n)]


def sample(denoiser, conditions, steps, generator):
    """DDIM (eta 0) with classifier-free guidance: the conditional and empty-condition halves as one batch of 2B."""
    x = torch.randn(conditions.shape[0], LATENT_FRAMES, LATENT_CHANNELS, generator=generator)
    with_empty = torch.cat([conditions, torch.zeros_like(conditions)])
    timesteps = ddim_timesteps(steps)
    clean = None
    for i, t in enumerate(timesteps):
        ab = ALPHA_BAR[t]
        both = denoiser(torch.cat([x, x]), torch.full((2 * x.shape[0],), float(t)), with_empty)
        conditional, unconditional = both.chunk(2)
        eps = unconditional + (conditional - unconditional) * GUIDANCE
        clean = (x - eps * math.sqrt(1 - ab)) / math.sqrt(ab)
        if i + 1 < len(timesteps):
            previous = ALPHA_BAR[timesteps[i + 1]]
            x = clean * math.sqrt(previous) + eps * math.sqrt(1 - previous)
    return clean


def mel_matrices():
    """[bins x bands] HTK triangular filters (peak 1) and the [bands x bins] spread, as MelFilters builds them."""
    nyquist = RATE / 2

    def hz_to_mel(hz):
        return 2595 * math.log10(1 + hz / 700)

    def mel_to_hz(mel):
        return 700 * (10 ** (mel / 2595) - 1)

    top = hz_to_mel(nyquist)
    edges = torch.tensor([mel_to_hz(top * i / (BANDS + 1)) for i in range(BANDS + 2)], dtype=torch.float64)
    f = torch.arange(BINS, dtype=torch.float64)[:, None] * nyquist / (BINS - 1)
    rising = (f - edges[None, :-2]) / (edges[1:-1] - edges[:-2])[None, :]
    falling = (edges[None, 2:] - f) / (edges[2:] - edges[1:-1])[None, :]
    bank = torch.clamp(torch.minimum(rising, falling), min=0).float()
    filter_weight = bank.double().sum(0)
    bin_weight = bank.double().sum(1)
    spread = bank.double() / (bin_weight[:, None] * filter_weight[None, :])
    spread = torch.where(bin_weight[:, None] > 0, spread, torch.zeros_like(spread)).T.contiguous().float()
    return bank, spread


class Vocoder:
    """Normalised log-mel -> bin magnitudes -> Griffin-Lim with torch.fft; framing as MelSpectrogram frames."""

    def __init__(self):
        self.bank, self.spread = mel_matrices()
        self.to_bins = self.bank.T.contiguous()
        self.window = (0.5 - 0.5 * torch.cos(2 * math.pi * torch.arange(FFT, dtype=torch.float64) / FFT)).float()
        ones = self.window.square()[None, :, None].expand(1, FFT, FRAMES)
        self.norm = self.overlap_add(ones).flatten()

    @staticmethod
    def overlap_add(frames):
        """[B, FFT, FRAMES] -> [B, (FRAMES - 1) * HOP + FFT]."""
        return F.fold(frames, output_size=(1, (FRAMES - 1) * HOP + FFT), kernel_size=(1, FFT),
                      stride=(1, HOP)).reshape(frames.shape[0], -1)

    def bin_magnitudes(self, normalised):
        db = (normalised * SCALE_DB + CENTER_DB).clamp(FLOOR_DB, MAX_DB)
        bands = torch.exp(db / 10 * math.log(10))
        power = bands @ self.spread
        target = bands @ self.to_bins
        for _ in range(POWER_REFINEMENTS):
            power = power * target / ((power @ self.bank) @ self.to_bins + 1e-12)
        return power.clamp(min=0).sqrt()

    def frames(self, clips):
        padded = F.pad(clips[:, None, :], (FFT // 2, FFT // 2), mode="reflect")[:, 0, :]
        return padded.unfold(-1, FFT, HOP)[:, :FRAMES, :] * self.window

    def clips(self, frames):
        summed = self.overlap_add((frames * self.window).transpose(1, 2))
        half = FFT // 2
        w = self.norm[half:half + CLIP]
        return torch.where(w > 1e-6, summed[:, half:half + CLIP] / w, torch.zeros(()))

    def vocode(self, normalised, generator):
        magnitude = self.bin_magnitudes(normalised)
        angles = torch.rand(magnitude.shape, generator=generator, dtype=torch.float64) * (2 * math.pi)
        phase = torch.polar(torch.ones_like(angles), angles).to(torch.complex64)
        clips = None
        for i in range(VOCODER_ITERATIONS):
            clips = self.clips(torch.fft.irfft(magnitude * phase, n=FFT, dim=-1))
            if i + 1 < VOCODER_ITERATIONS:
                spectrum = torch.fft.rfft(self.frames(clips), n=FFT, dim=-1)
                phase = spectrum / spectrum.abs().clamp(min=1e-8)
        peak = clips.abs().amax(1, keepdim=True)
        return clips * torch.where(peak > PEAK_LIMIT, PEAK_LIMIT / peak, torch.ones(()))


def denoising_errors(model, x0, conditions, timesteps, noise):
    ab = torch.tensor([ALPHA_BAR[t] for t in timesteps], dtype=torch.float64)
    noisy = x0 * ab.sqrt().float()[:, None, None] + noise * (1 - ab).sqrt().float()[:, None, None]
    predicted = model(noisy, torch.tensor(timesteps, dtype=torch.float32), conditions)
    return (noise - predicted).square().reshape(x0.shape[0], -1).mean(1)


def dpo_step(policy, reference, optimizer, winners, losers, conditions, timesteps, noise, beta):
    samples = torch.cat([winners, losers])
    both = torch.cat([conditions, conditions])
    shared_noise = torch.cat([noise, noise])
    shared_t = timesteps + timesteps
    with torch.no_grad():
        reference_errors = denoising_errors(reference, samples, both, shared_t, shared_noise)
    policy_errors = denoising_errors(policy, samples, both, shared_t, shared_noise)
    pw, pl = policy_errors.chunk(2)
    rw, rl = reference_errors.chunk(2)
    inner = (pw - pl) - (rw - rl)
    loss = F.softplus(inner * (beta / 2)).mean()
    optimizer.zero_grad(set_to_none=False)
    loss.backward()
    margin = ((rw - pw) - (rl - pl)).mean().item()
    norm = torch.nn.utils.clip_grad_norm_(policy.parameters(), 1.0).item()
    optimizer.step()
    return loss.item(), margin, norm


def timed(warmups, repetitions, work):
    for _ in range(warmups):
        work()
    shots = []
    for _ in range(repetitions):
        start = time.perf_counter()
        work()
        shots.append(time.perf_counter() - start)
    return shots


def main():
    threads = int(sys.argv[1])
    repetitions = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    warmups = int(sys.argv[3]) if len(sys.argv) > 3 else 2
    torch.set_num_threads(threads)
    torch.set_num_interop_threads(1)
    torch.manual_seed(42)
    denoiser = LatentDenoiser().eval()
    decoder = Decoder().eval()
    vocoder = Vocoder()
    conditions = F.normalize(torch.randn(BATCH, CONDITION), dim=1)
    generator = torch.Generator().manual_seed(1000)
    seconds = {}

    def audio_of(latent):
        return vocoder.vocode(decoder(latent), torch.Generator().manual_seed(0x5EED))

    with torch.no_grad():
        for steps in SAMPLING_STEPS:
            seconds[f"sample_latent_{steps}"] = timed(warmups, repetitions,
                                                      lambda: sample(denoiser, conditions, steps, generator).numpy())
            seconds[f"sample_full_{steps}"] = timed(warmups, repetitions,
                                                    lambda: audio_of(sample(denoiser, conditions, steps, generator)).numpy())
        latent = sample(denoiser, conditions, 1, generator)
        both = torch.cat([latent, latent])
        with_empty = torch.cat([conditions, torch.zeros_like(conditions)])
        t = torch.full((2 * BATCH,), 500.0)
        seconds["denoiser_pass_b32"] = timed(warmups, repetitions * 4, lambda: denoiser(both, t, with_empty).numpy())
        seconds["decode_vocode"] = timed(warmups, repetitions, lambda: audio_of(latent).numpy())
        tiny = torch.ones(4)

        def chained_adds():
            x = tiny.clone()
            for _ in range(1000):
                x = x + tiny

        seconds["tiny_add_x1000"] = timed(warmups, repetitions * 4, chained_adds)

    policy = denoiser.train()
    reference = LatentDenoiser()
    reference.load_state_dict(policy.state_dict())
    reference.requires_grad_(False)
    optimizer = torch.optim.AdamW(policy.parameters(), lr=1e-5, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.01)
    winners = torch.randn(PAIRS, LATENT_FRAMES, LATENT_CHANNELS)
    losers = torch.randn(PAIRS, LATENT_FRAMES, LATENT_CHANNELS)
    pair_conditions = torch.randn(PAIRS, CONDITION)
    rng = torch.Generator().manual_seed(11)

    def one_step():
        timesteps = torch.randint(0, SCHEDULE_STEPS, (PAIRS,), generator=rng).tolist()
        noise = torch.randn(PAIRS, LATENT_FRAMES, LATENT_CHANNELS, generator=rng)
        dpo_step(policy, reference, optimizer, winners, losers, pair_conditions, timesteps, noise, 5000.0)

    seconds["dpo_step"] = timed(warmups, repetitions * 4, one_step)
    print(json.dumps({
        "engine": f"PyTorch {torch.__version__} (Python {platform.python_version()})",
        "threads": str(threads), "interop_threads": "1",
        "weights": "random (torch default init; timing does not depend on values)",
        "seconds": seconds}))


if __name__ == "__main__":
    main()
