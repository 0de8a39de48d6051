#!/usr/bin/env python3
"""Checks ONNX files with onnx.checker (full check, with shape inference) and prints their inputs and outputs.

Run: /usr/bin/python3 plugin-clap/src/test/python/check_onnx.py plugin-clap/models/builtin-clap-audio/audio.onnx
(Debian's python3-onnx; AudioTowerExportTest runs it on a fresh export.)
"""
import sys

import onnx


def describe(values):
    return ", ".join(
        f"{v.name} {[d.dim_param or d.dim_value for d in v.type.tensor_type.shape.dim]}" for v in values)


for path in sys.argv[1:]:
    model = onnx.load(path)
    onnx.checker.check_model(model, full_check=True)
    print(f"{path}: ok (ir {model.ir_version}, opset {model.opset_import[0].version}, "
          f"{len(model.graph.node)} nodes; inputs {describe(model.graph.input)}; outputs {describe(model.graph.output)})")
