#!/usr/bin/python3
"""Writes constant-of-shape-bomb.onnx, the memory bomb of issue 11 as the issue describes it.

y = ReduceSum(x + ConstantOfShape([250000000]), axis 1): a tiny file whose every Run asks ONNX Runtime for
250 million floats (1 GB) and then, broadcast over the rows of x, for 1 GB per row. The ReduceSum only keeps
the output one number per row, so a run that were allowed would not also write a gigabyte of CSV.

Needs Debian's python3-onnx (apt-get install python3-onnx); deterministic, so a re-run reproduces the
committed file byte for byte: /usr/bin/python3 tests/Security.Tests/Models/make_constant_of_shape_bomb.py
"""

import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))

shape = numpy_helper.from_array(np.array([250_000_000], dtype=np.int64), "shape")
axes = numpy_helper.from_array(np.array([1], dtype=np.int64), "axes")
graph = helper.make_graph(
    [
        helper.make_node("ConstantOfShape", ["shape"], ["zeros"],
                         value=numpy_helper.from_array(np.array([0], dtype=np.float32))),
        helper.make_node("Add", ["x", "zeros"], ["wide"]),
        helper.make_node("ReduceSum", ["wide", "axes"], ["y"], keepdims=1),
    ],
    "constant_of_shape_bomb",
    [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", 1])],
    [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["N", 1])],
    initializer=[shape, axes],
)
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 15)])
model.ir_version = 8
onnx.checker.check_model(model)
path = os.path.join(HERE, "constant-of-shape-bomb.onnx")
onnx.save(model, path)
print(f"{path}: {os.path.getsize(path)} bytes")
