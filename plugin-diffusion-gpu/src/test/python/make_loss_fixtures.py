#!/usr/bin/env python3
"""Reference values for the Diffusion-DPO / Diffusion-KTO losses and the cosine noise schedule.

Writes plain-text fixtures read by the Java tests (PreferenceLossesTest, NoiseScheduleTest):
one array per line, "name d0,d1,...: v0 v1 ..." (row-major, float64 printed with 17 significant digits;
a scalar has an empty shape). Gradients are the analytic derivatives of the batch-mean loss with respect
to the policy's predicted noise, written out by hand below (not by autograd), so the Java autograd result
is checked against an independent derivation.

Usage (numpy only):  python3 make_loss_fixtures.py  [output folder]
Default output: ../resources/dev/dragon/diffusion/training/ and ../resources/dev/dragon/diffusion/sampling/
"""
import os
import sys

import numpy as np


def fmt(name, a):
    a = np.asarray(a, dtype=np.float64)
    shape = ",".join(str(s) for s in a.shape)
    return f"{name} {shape}: " + " ".join(repr(float(v)) for v in a.ravel()) + "\n"


def sigmoid(x):
    return 0.5 * (1.0 + np.tanh(0.5 * x))  # accurate for every x, no overflow


def mean_error(eps, pred):
    axes = tuple(range(1, eps.ndim))
    return ((eps - pred) ** 2).mean(axis=axes)


def dpo_case(rng, name, pairs, sample_shape, beta, spread):
    shape = (pairs,) + sample_shape
    n = int(np.prod(sample_shape))
    eps = rng.standard_normal(shape)
    pol_w = eps + spread * rng.standard_normal(shape)
    pol_l = eps + spread * rng.standard_normal(shape)
    ref_w = eps + spread * rng.standard_normal(shape)
    ref_l = eps + spread * rng.standard_normal(shape)
    m_pw, m_pl, m_rw, m_rl = (mean_error(eps, p) for p in (pol_w, pol_l, ref_w, ref_l))
    delta = (m_pw - m_pl) - (m_rw - m_rl)
    u = -(beta / 2.0) * delta
    loss_per_pair = np.logaddexp(0.0, -u)  # -log sigmoid(u)
    loss = loss_per_pair.mean()
    # dL/dDelta for the batch mean, then dm/dpred = 2 (pred - eps) / n
    dl_ddelta = (beta / 2.0) * sigmoid(-u) / pairs
    scale = (dl_ddelta * 2.0 / n).reshape((pairs,) + (1,) * len(sample_shape))
    grad_w = scale * (pol_w - eps)
    grad_l = -scale * (pol_l - eps)
    margin = (m_rw - m_pw) - (m_rl - m_pl)
    out = fmt(f"{name}.beta", beta)
    for key, value in [("eps", eps), ("policyWinner", pol_w), ("policyLoser", pol_l),
                       ("referenceWinner", ref_w), ("referenceLoser", ref_l),
                       ("mPolicyWinner", m_pw), ("mPolicyLoser", m_pl),
                       ("mReferenceWinner", m_rw), ("mReferenceLoser", m_rl),
                       ("lossPerPair", loss_per_pair), ("loss", loss), ("margin", margin),
                       ("gradPolicyWinner", grad_w), ("gradPolicyLoser", grad_l)]:
        out += fmt(f"{name}.{key}", value)
    return out


def kto_case(rng, name, labels, sample_shape, beta, lam_pos, lam_neg, spread, reference_spread):
    labels = np.asarray(labels, dtype=np.float64)
    batch = labels.shape[0]
    shape = (batch,) + sample_shape
    n = int(np.prod(sample_shape))
    eps = rng.standard_normal(shape)
    pol = eps + spread * rng.standard_normal(shape)
    ref = eps + reference_spread * rng.standard_normal(shape)
    m_p, m_r = mean_error(eps, pol), mean_error(eps, ref)
    g = m_r - m_p
    z = max(0.0, g.mean())
    s = labels * beta * (g - z)
    lam = np.where(labels > 0, lam_pos, lam_neg)
    loss_per_sample = lam * (1.0 - sigmoid(s))
    loss = loss_per_sample.mean()
    # z is detached: dL_i/dg_i = -lam * sigma'(s) * y * beta; dg/dpred = -2 (pred - eps) / n
    sig = sigmoid(s)
    dl_dg = -lam * sig * (1.0 - sig) * labels * beta / batch
    grad = -(dl_dg * 2.0 / n).reshape((batch,) + (1,) * len(sample_shape)) * (pol - eps)
    out = fmt(f"{name}.beta", beta) + fmt(f"{name}.lambdaPositive", lam_pos) + fmt(f"{name}.lambdaNegative", lam_neg)
    for key, value in [("labels", labels), ("eps", eps), ("policy", pol), ("reference", ref),
                       ("mPolicy", m_p), ("mReference", m_r), ("implicitReward", g), ("baseline", z),
                       ("lossPerSample", loss_per_sample), ("loss", loss), ("gradPolicy", grad)]:
        out += fmt(f"{name}.{key}", value)
    return out


def cosine_schedule(steps, offset=0.008, max_beta=0.999):
    """Nichol & Dhariwal cosine schedule: betas from the cosine alpha-bar curve, clipped, then re-accumulated."""
    def f(t):
        return np.cos((t / steps + offset) / (1 + offset) * np.pi / 2) ** 2
    t = np.arange(steps + 1, dtype=np.float64)
    alpha_bar_curve = f(t) / f(0.0)
    betas = np.minimum(1.0 - alpha_bar_curve[1:] / alpha_bar_curve[:-1], max_beta)
    return betas, np.cumprod(1.0 - betas)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    resources = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "resources", "dev", "dragon", "diffusion")
    rng = np.random.default_rng(20250415)
    losses = "# written by src/test/python/make_loss_fixtures.py; do not edit by hand\n"
    losses += dpo_case(rng, "dpoSmallBeta", pairs=3, sample_shape=(4, 3), beta=2.0, spread=0.5)
    losses += dpo_case(rng, "dpoMidBeta", pairs=4, sample_shape=(5, 2), beta=50.0, spread=0.2)
    losses += dpo_case(rng, "dpoLargeBeta", pairs=2, sample_shape=(6,), beta=5000.0, spread=0.05)
    # mean g > 0 (reference worse than policy): the baseline z is active
    losses += kto_case(rng, "ktoActiveBaseline", [1, -1, 1, -1, -1], (4, 3), beta=3.0, lam_pos=1.0, lam_neg=0.7,
                       spread=0.3, reference_spread=0.5)
    # mean g < 0: z clamps to 0
    losses += kto_case(rng, "ktoClampedBaseline", [1, 1, -1, -1], (3, 2), beta=20.0, lam_pos=1.3, lam_neg=1.0,
                       spread=0.35, reference_spread=0.25)
    losses += kto_case(rng, "ktoLargeBeta", [1, -1, 1], (8,), beta=1000.0, lam_pos=1.0, lam_neg=1.0,
                       spread=0.1, reference_spread=0.1)
    os.makedirs(os.path.join(resources, "training"), exist_ok=True)
    with open(os.path.join(resources, "training", "loss-fixtures.txt"), "w") as f:
        f.write(losses)

    schedule = "# written by src/test/python/make_loss_fixtures.py; do not edit by hand\n"
    for steps in (1000, 50):
        betas, alpha_bar = cosine_schedule(steps)
        schedule += fmt(f"cosine{steps}.betas", betas) + fmt(f"cosine{steps}.alphaBar", alpha_bar)
    os.makedirs(os.path.join(resources, "sampling"), exist_ok=True)
    with open(os.path.join(resources, "sampling", "schedule-fixtures.txt"), "w") as f:
        f.write(schedule)


if __name__ == "__main__":
    main()
