#!/usr/bin/env python3
"""Reference value of CLIP's symmetric InfoNCE for ContrastiveLossTest (numpy, float64).

audio rows are L2-normalised, text rows are used as given (already normalised), logits = exp(s) * a @ t.T,
loss = mean over rows and columns of the cross-entropy with the diagonal as the target, averaged over the two.
Run: python3 plugin-clap/src/test/python/make_infonce_reference.py
"""
import numpy as np

audio = np.array([[1.0, 2.0, 0.5, -1.0], [0.0, -1.0, 2.0, 1.0], [3.0, 0.5, -0.5, 0.0]])
text = np.array([[0.6, 0.8, 0.0, 0.0], [0.0, 0.0, 0.8, 0.6], [1.0, 0.0, 0.0, 0.0]])
for log_scale in (0.0, np.log(10.0), np.log(200.0)):
    a = audio / np.linalg.norm(audio, axis=1, keepdims=True)
    logits = np.exp(min(log_scale, np.log(100.0))) * a @ text.T
    def ce(l):
        l = l - l.max(axis=1, keepdims=True)
        return -(np.diag(l) - np.log(np.exp(l).sum(axis=1))).mean()
    print(repr((ce(logits) + ce(logits.T)) / 2))
