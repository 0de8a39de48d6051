#!/usr/bin/python3
"""A hand-made audio encoder for measuring the aesthetics head when no trained audio model is at hand.

No learned weights: the embedding of a clip is the mean and the standard deviation over time of each of the 64 CLAP
log-mel bands (centred and scaled: (mean + 60 dB) / 20 dB and std / 10 dB), 128-d. It is written as an ONNX model
with the input/output contract of a LAION-CLAP audio export, so plugin-clap's general ONNX encoder loads it by
configuration alone (its CLAP feature extractor makes the log-mel input), exactly like a real export.

Usage (Debian's python3 with python3-onnx):
  /usr/bin/python3 plugin-aesthetics/src/test/python/make_logmel_stats_encoder.py OUTDIR
Writes OUTDIR/logmel-stats.onnx, logmel-stats.descriptor.json and preprocessor_config.json (the laion/clap-htsat-unfused
settings: 48 kHz, 10 s, rand_trunc, repeatpad, 64 mel bands 50-14000 Hz), and prints the .cfg that registers it.
"""
import json
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

out = sys.argv[1] if len(sys.argv) > 1 else "run/logmel-stats"
os.makedirs(out, exist_ok=True)
FRAMES, MELS = 1001, 64

nodes = [
    helper.make_node("ReduceMean", ["input_features"], ["mean_keep"], axes=[2], keepdims=1),
    helper.make_node("Sub", ["input_features", "mean_keep"], ["centred"]),
    helper.make_node("Mul", ["centred", "centred"], ["squared"]),
    helper.make_node("ReduceMean", ["squared"], ["variance"], axes=[2], keepdims=0),
    helper.make_node("Sqrt", ["variance"], ["std"]),
    helper.make_node("ReduceMean", ["input_features"], ["mean"], axes=[2], keepdims=0),
    helper.make_node("Add", ["mean", "offset"], ["mean_shifted"]),
    helper.make_node("Div", ["mean_shifted", "mean_scale"], ["mean_scaled"]),
    helper.make_node("Div", ["std", "std_scale"], ["std_scaled"]),
    helper.make_node("Concat", ["mean_scaled", "std_scaled"], ["both"], axis=2),
    helper.make_node("Reshape", ["both", "shape"], ["audio_embeds"]),
]
initializers = [
    numpy_helper.from_array(np.array(60.0, dtype=np.float32), "offset"),
    numpy_helper.from_array(np.array(20.0, dtype=np.float32), "mean_scale"),
    numpy_helper.from_array(np.array(10.0, dtype=np.float32), "std_scale"),
    numpy_helper.from_array(np.array([-1, 2 * MELS], dtype=np.int64), "shape"),
]
graph = helper.make_graph(nodes, "logmel-stats",
                          [helper.make_tensor_value_info("input_features", TensorProto.FLOAT, [None, 1, FRAMES, MELS])],
                          [helper.make_tensor_value_info("audio_embeds", TensorProto.FLOAT, [None, 2 * MELS])], initializers)
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="dragon make_logmel_stats_encoder.py")
model.ir_version = 7
onnx.checker.check_model(model)
onnx.save(model, os.path.join(out, "logmel-stats.onnx"))

json.dump({"modality": "audio", "sample_rate": 48000,
           "inputs": [{"name": "input_features", "role": "features", "shape": [-1, 1, FRAMES, MELS]}],
           "output": {"name": "audio_embeds", "shape": [-1, 2 * MELS]}, "pooling": "none", "normalize": True},
          open(os.path.join(out, "logmel-stats.descriptor.json"), "w"), indent=1)
json.dump({"chunk_length_s": 10, "feature_extractor_type": "ClapFeatureExtractor", "feature_size": MELS,
           "fft_window_size": 1024, "frequency_max": 14000, "frequency_min": 50, "hop_length": 480, "max_length_s": 10,
           "n_fft": 1024, "nb_frequency_bins": 513, "nb_max_frames": 1000, "nb_max_samples": 480000,
           "padding": "repeatpad", "padding_side": "right", "padding_value": 0.0, "processor_class": "ClapProcessor",
           "return_attention_mask": False, "sampling_rate": 48000, "top_db": None, "truncation": "rand_trunc"},
          open(os.path.join(out, "preprocessor_config.json"), "w"), indent=1)
path = os.path.abspath(out)
print("# plugins/dev.dragon.encoder.onnx-logmel.cfg")
print("encoder.id=logmel-stats")
print(f"modelPath={path}/logmel-stats.onnx")
print(f"descriptorPath={path}/logmel-stats.descriptor.json")
print(f"preprocessorConfigPath={path}/preprocessor_config.json")
print("framing=clip\ncropSeed=0\nuseCuda=false")
