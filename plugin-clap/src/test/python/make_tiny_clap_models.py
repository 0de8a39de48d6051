#!/usr/bin/python3
"""Tiny stand-ins for a CLAP ONNX export, with the real export's input and output names, for plugin-clap's tests.

Needs: Debian's /usr/bin/python3 with python3-onnx (apt-get install python3-onnx), numpy and scipy
(the pyenv python3 has no onnx). Run from the repository root, in two steps:

  /usr/bin/python3 plugin-clap/src/test/python/make_tiny_clap_models.py            # models, tokenizer, audio values
  node plugin-clap/src/test/js/make_token_fixtures.mjs ...                        # token ids (see that script)
  /usr/bin/python3 plugin-clap/src/test/python/make_tiny_clap_models.py --text     # text values from those ids

Writes into src/test/resources/tiny-clap/:
  audio.onnx            input_features [B, 1, 1001, 64] float -> audio_embeds [B, 8]
                        (mean over frames, dense 64x16, tanh, dense 16x8)
  audio-1000frames.onnx the same graph declared with 1000 frames (a shape the descriptor must reject)
  audio-negated.onnx    the same graph with the last layer negated (embeddings negated: a model to swap to)
  audio-fusion.onnx     input_features [B, 4, 1001, 64] float, is_longer [B, 1] bool -> audio_embeds [B, 8]
                        (as audio.onnx over all four views, plus a fixed vector where is_longer is true)
  text.onnx             input_ids, attention_mask [B, T] int64 -> text_embeds [B, 8]
                        (embedding table, masked mean over tokens, dense 8x8, tanh)
  tokenizer.json        a byte-level BPE tokenizer (RoBERTa layout: <s> ... </s>, pad 1) over a small vocabulary
  *.descriptor.json, preprocessor_config.json
  expected-audio.json   L2-normalised embeddings, computed here in numpy from the reference features
  expected-text.json    (with --text) L2-normalised embeddings of the ids in token-ids.json
Weights come from fixed formulas, so the files are reproducible bit for bit.
"""
import json
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

sys.path.insert(0, os.path.dirname(__file__))
import make_clap_fixtures as ref  # noqa: E402  (the numpy CLAP feature reference)

OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "tiny-clap")
DIM = 8
HIDDEN = 16
WORDS = ["a", "calm", "piano", "melody", "loud", "drums", "hello", "world", "music", "with"]


def weights(rows, cols, a, b, scale):
    i = np.arange(rows)[:, None]
    j = np.arange(cols)[None, :]
    return (scale * np.sin(a * i + b * j + 0.1)).astype(np.float32)


W1 = weights(64, HIDDEN, 0.37, 1.3, 0.02)
B1 = weights(1, HIDDEN, 0.0, 0.7, 0.5)[0]
W2 = weights(HIDDEN, DIM, 0.91, 0.4, 0.5)
LONGER = weights(1, DIM, 0.0, 2.1, 0.3)[0]


def byte_alphabet():
    printable = list(range(ord("!"), ord("~") + 1)) + list(range(0xA1, 0xAC + 1)) + list(range(0xAE, 0xFF + 1))
    table, extra = {}, 0
    for b in range(256):
        if b in printable:
            table[b] = chr(b)
        else:
            table[b] = chr(256 + extra)
            extra += 1
    return table


def tokenizer_json():
    alphabet = byte_alphabet()
    vocab = {"<s>": 0, "<pad>": 1, "</s>": 2, "<unk>": 3}
    for b in range(256):
        vocab[alphabet[b]] = len(vocab)
    merges = []
    for word in WORDS + ["\u0120" + w for w in WORDS]:  # \u0120 is how the byte alphabet spells a leading space
        symbol = word[0]
        for ch in word[1:]:
            pair = [symbol, ch]
            if pair not in merges:
                merges.append(pair)
            symbol += ch
            vocab.setdefault(symbol, len(vocab))
    specials = [{"id": i, "content": t, "single_word": False, "lstrip": False, "rstrip": False, "normalized": False,
                 "special": True} for t, i in [("<s>", 0), ("<pad>", 1), ("</s>", 2), ("<unk>", 3)]]
    return {
        "version": "1.0", "truncation": None, "padding": None, "added_tokens": specials, "normalizer": None,
        "pre_tokenizer": {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True, "use_regex": True},
        "post_processor": {"type": "RobertaProcessing", "sep": ["</s>", 2], "cls": ["<s>", 0],
                           "trim_offsets": True, "add_prefix_space": False},
        "decoder": {"type": "ByteLevel", "add_prefix_space": True, "trim_offsets": True, "use_regex": True},
        "model": {"type": "BPE", "dropout": None, "unk_token": None, "continuing_subword_prefix": "",
                  "end_of_word_suffix": "", "fuse_unk": False, "byte_fallback": False, "vocab": vocab,
                  "merges": [" ".join(m) for m in merges]},
    }


def audio_model(frames, sign=1.0):
    x = helper.make_tensor_value_info("input_features", TensorProto.FLOAT, ["batch", 1, frames, 64])
    y = helper.make_tensor_value_info("audio_embeds", TensorProto.FLOAT, ["batch", DIM])
    nodes = [
        helper.make_node("ReduceMean", ["input_features"], ["pooled"], axes=[1, 2], keepdims=0),
        helper.make_node("MatMul", ["pooled", "W1"], ["h"]),
        helper.make_node("Add", ["h", "B1"], ["hb"]),
        helper.make_node("Tanh", ["hb"], ["t"]),
        helper.make_node("MatMul", ["t", "W2"], ["audio_embeds"]),
    ]
    init = [numpy_helper.from_array(W1, "W1"), numpy_helper.from_array(B1, "B1"), numpy_helper.from_array((sign * W2).astype(np.float32), "W2")]
    graph = helper.make_graph(nodes, "tiny_clap_audio", [x], [y], init)
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="dragon-tests")


def fusion_audio_model():
    x = helper.make_tensor_value_info("input_features", TensorProto.FLOAT, ["batch", 4, 1001, 64])
    flag = helper.make_tensor_value_info("is_longer", TensorProto.BOOL, ["batch", 1])
    y = helper.make_tensor_value_info("audio_embeds", TensorProto.FLOAT, ["batch", DIM])
    nodes = [
        helper.make_node("ReduceMean", ["input_features"], ["pooled"], axes=[1, 2], keepdims=0),
        helper.make_node("MatMul", ["pooled", "W1"], ["h"]),
        helper.make_node("Add", ["h", "B1"], ["hb"]),
        helper.make_node("Tanh", ["hb"], ["t"]),
        helper.make_node("MatMul", ["t", "W2"], ["e"]),
        helper.make_node("Cast", ["is_longer"], ["flagf"], to=TensorProto.FLOAT),
        helper.make_node("Mul", ["flagf", "LONGER"], ["shift"]),
        helper.make_node("Add", ["e", "shift"], ["audio_embeds"]),
    ]
    init = [numpy_helper.from_array(W1, "W1"), numpy_helper.from_array(B1, "B1"), numpy_helper.from_array(W2, "W2"),
            numpy_helper.from_array(LONGER, "LONGER")]
    graph = helper.make_graph(nodes, "tiny_clap_audio_fusion", [x, flag], [y], init)
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="dragon-tests")


def text_tables(vocab_size):
    return weights(vocab_size, DIM, 0.13, 0.77, 1.0), weights(DIM, DIM, 0.59, 1.1, 0.6)


def text_model(vocab_size):
    table, proj = text_tables(vocab_size)
    ids = helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "sequence"])
    mask = helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "sequence"])
    y = helper.make_tensor_value_info("text_embeds", TensorProto.FLOAT, ["batch", DIM])
    nodes = [
        helper.make_node("Gather", ["E", "input_ids"], ["emb"]),
        helper.make_node("Cast", ["attention_mask"], ["maskf"], to=TensorProto.FLOAT),
        helper.make_node("Unsqueeze", ["maskf", "axis2"], ["mask3"]),
        helper.make_node("Mul", ["emb", "mask3"], ["masked"]),
        helper.make_node("ReduceSum", ["masked", "axis1"], ["summed"], keepdims=0),
        helper.make_node("ReduceSum", ["mask3", "axis1"], ["count"], keepdims=0),
        helper.make_node("Div", ["summed", "count"], ["mean"]),
        helper.make_node("MatMul", ["mean", "P"], ["proj"]),
        helper.make_node("Tanh", ["proj"], ["text_embeds"]),
    ]
    init = [numpy_helper.from_array(table, "E"), numpy_helper.from_array(proj, "P"),
            numpy_helper.from_array(np.array([2], dtype=np.int64), "axis2"),
            numpy_helper.from_array(np.array([1], dtype=np.int64), "axis1")]
    graph = helper.make_graph(nodes, "tiny_clap_text", [ids, mask], [y], init)
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="dragon-tests")


def normalise(v):
    v = np.asarray(v, dtype=np.float64)
    return v / np.linalg.norm(v)


def audio_embedding(features, longer=None):
    """features [views, 1001, 64] float32 -> the audio model's normalised output, in float64; longer: the fused
    model's is_longer flag (None for the unfused model)."""
    pooled = features.astype(np.float64).mean(axis=(0, 1))
    e = np.tanh(pooled @ W1.astype(np.float64) + B1) @ W2.astype(np.float64)
    if longer:
        e = e + LONGER.astype(np.float64)
    return normalise(e)


def write_json(name, value):
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(value, f, indent=1)


def build():
    os.makedirs(OUT, exist_ok=True)
    tok = tokenizer_json()
    write_json("tokenizer.json", tok)
    onnx.save(audio_model(1001), os.path.join(OUT, "audio.onnx"))
    onnx.save(audio_model(1000), os.path.join(OUT, "audio-1000frames.onnx"))
    onnx.save(audio_model(1001, -1.0), os.path.join(OUT, "audio-negated.onnx"))
    onnx.save(fusion_audio_model(), os.path.join(OUT, "audio-fusion.onnx"))
    onnx.save(text_model(len(tok["model"]["vocab"])), os.path.join(OUT, "text.onnx"))
    write_json("audio.descriptor.json", {
        "modality": "audio", "sample_rate": 48000,
        "inputs": [{"name": "input_features", "role": "features", "shape": [-1, 1, 1001, 64]}],
        "output": {"name": "audio_embeds", "shape": [-1, DIM]}, "pooling": "none", "normalize": True})
    write_json("text.descriptor.json", {
        "modality": "text", "max_length": 77,
        "inputs": [{"name": "input_ids", "role": "input_ids", "shape": [-1, -1]},
                   {"name": "attention_mask", "role": "attention_mask", "shape": [-1, -1]}],
        "output": {"name": "text_embeds", "shape": [-1, DIM]}, "pooling": "none", "normalize": True})
    write_json("audio-fusion.descriptor.json", {
        "modality": "audio", "sample_rate": 48000,
        "inputs": [{"name": "input_features", "role": "features", "shape": [-1, 4, 1001, 64]},
                   {"name": "is_longer", "role": "is_longer", "shape": [-1, 1]}],
        "output": {"name": "audio_embeds", "shape": [-1, DIM]}, "pooling": "none", "normalize": True})
    cfg = json.load(open(os.path.join(ref.OUT, "preprocessor_config.unfused.json")))
    write_json("preprocessor_config.json", cfg)
    fusion_cfg = json.load(open(os.path.join(ref.OUT, "preprocessor_config.fusion.json")))
    write_json("preprocessor_config.fusion.json", fusion_cfg)

    sr = cfg["sampling_rate"]
    cases = []
    # whole-clip framing: one crop (seed 7) of a 12.5 s clip
    clip = ref.test_signal(int(12.5 * sr), sr)
    views, starts = ref.features(clip, cfg, 7)
    cases.append({"samples": len(clip), "framing": "clip", "seed": 7, "crop_starts": starts,
                  "embeddings": [list(audio_embedding(views))]})
    # FAD framing: 10 s windows every 1 s, tail zero-padded, of a 3.3 s clip
    short = ref.test_signal(int(3.3 * sr), sr)
    window = int(cfg["max_length_s"] * sr)
    rows = []
    for start in range(0, len(short), sr):
        piece = short[start:start + window]
        piece = np.concatenate([piece, np.zeros(window - len(piece), dtype=np.float32)])
        rows.append(list(audio_embedding(ref.features(piece, cfg, 7)[0])))
    cases.append({"samples": len(short), "framing": "windows", "seed": 7, "crop_starts": [], "embeddings": rows})
    write_json("expected-audio.json", cases)

    # the fused model, whole-clip framing: a 25 s clip (four fused views, is_longer true) and a 3.3 s clip (false)
    fusion_cases = []
    for seconds in (25, 3.3):
        clip = ref.test_signal(int(seconds * sr), sr)
        views, starts = ref.features(clip, fusion_cfg, 11)
        longer = len(starts) > 0
        fusion_cases.append({"samples": len(clip), "framing": "clip", "seed": 11, "crop_starts": starts,
                             "is_longer": longer, "embeddings": [list(audio_embedding(views, longer))]})
    write_json("expected-audio-fusion.json", fusion_cases)
    print("models, tokenizer and expected-audio.json written")


def text_expectations():
    tok = json.load(open(os.path.join(OUT, "tokenizer.json")))
    table, proj = text_tables(len(tok["model"]["vocab"]))
    out = []
    for case in json.load(open(os.path.join(OUT, "token-ids.json"))):
        ids = np.array(case["ids"], dtype=np.int64)
        mean = table.astype(np.float64)[ids].mean(axis=0)
        out.append({"text": case["text"], "embedding": list(normalise(np.tanh(mean @ proj.astype(np.float64))))})
    write_json("expected-text.json", out)
    print("expected-text.json written")


if __name__ == "__main__":
    if "--text" in sys.argv:
        text_expectations()
    else:
        build()
