#!/usr/bin/python3
"""Makes the OrleansBatch sample models, data and reference predictions.

Run through samples/make-samples.sh (it installs the Debian packages when missing). Everything is
deterministic (fixed seeds), so a re-run reproduces the committed files byte for byte.

The ONNX graphs are written by hand with onnx.helper from the fitted models' parameters (skl2onnx is
not packaged in Debian); each graph is checked with onnx.checker, and a numpy re-implementation of
what the graph computes (in float32, like ONNX Runtime) is compared with scikit-learn's predictions
before anything is written.
"""

import csv
import json
import os
import struct
import sys
import zlib

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper
from sklearn.datasets import load_breast_cancer, load_digits, load_wine
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
IR_VERSION = 8
OPSET_ONNX = 15
OPSET_ML = 3
PRODUCER = "OrleansBatch samples/make_samples.py"


# ---------------------------------------------------------------- ONNX plumbing

def opsets(ml=False):
    result = [helper.make_opsetid("", OPSET_ONNX)]
    if ml:
        result.append(helper.make_opsetid("ai.onnx.ml", OPSET_ML))
    return result


def float_input(name, dims):
    return helper.make_tensor_value_info(name, TensorProto.FLOAT, dims)


def zipmap_output(name):
    """seq(map(int64, tensor(float))): what ZipMap produces and what skl2onnx declares."""
    value = onnx.TypeProto()
    value.map_type.key_type = TensorProto.INT64
    value.map_type.value_type.tensor_type.elem_type = TensorProto.FLOAT
    return helper.make_value_info(name, helper.make_sequence_type_proto(value))


def save_model(graph, path, ml, doc, metadata):
    model = helper.make_model(graph, opset_imports=opsets(ml), producer_name=PRODUCER,
                              producer_version="1", doc_string=doc)
    model.ir_version = IR_VERSION
    for key, value in metadata.items():
        entry = model.metadata_props.add()
        entry.key = key
        entry.value = value
    # onnx 1.12's strict shape inference cannot merge a declared seq(map(...)) output (ZipMap), so
    # those graphs get the structural check only; ONNX Runtime validates them fully at load.
    has_zipmap = any(node.op_type == "ZipMap" for node in graph.node)
    onnx.checker.check_model(model, full_check=not has_zipmap)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as stream:
        stream.write(model.SerializeToString())


def const(name, array):
    return numpy_helper.from_array(np.asarray(array), name)


# ---------------------------------------------------------------- files

def identifier(name):
    return "".join(c if c.isalnum() else "_" for c in name.strip()).strip("_").lower()


def write_csv(path, header, rows):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def number(value):
    """Shortest text that reads back as the same float64 (integers without a decimal point)."""
    value = float(value)
    return str(int(value)) if value.is_integer() else repr(value)


def prob(value):
    return format(float(value), ".9g")


def check_labels(name, expected, actual):
    mismatches = np.flatnonzero(np.asarray(expected) != np.asarray(actual))
    if mismatches.size:
        sys.exit(f"{name}: the graph's labels differ from scikit-learn's at rows {mismatches[:10]}")


def check_close(name, expected, actual, tolerance):
    worst = float(np.max(np.abs(np.asarray(expected, np.float64) - np.asarray(actual, np.float64))))
    if worst > tolerance:
        sys.exit(f"{name}: the graph's probabilities differ from scikit-learn's by {worst}")
    print(f"  {name}: graph simulation within {worst:.2e} of scikit-learn")


def check_margin(name, probabilities):
    """A near tie between the two top classes could make float32 and float64 pick different labels."""
    top = np.sort(probabilities, axis=1)[:, -2:]
    margin = float(np.min(top[:, 1] - top[:, 0]))
    if margin < 1e-4:
        sys.exit(f"{name}: a row's top two probabilities are only {margin} apart; change the model")


# ---------------------------------------------------------------- (a) breast cancer pipeline

def breast_cancer():
    print("breast-cancer")
    data = load_breast_cancer()
    x, y = data.data, data.target
    names = [identifier(n) for n in data.feature_names]
    pipeline = Pipeline([("scale", StandardScaler()),
                         ("classify", LogisticRegression(max_iter=5000, random_state=0))])
    pipeline.fit(x, y)
    scaler, classifier = pipeline.named_steps["scale"], pipeline.named_steps["classify"]
    out = os.path.join(HERE, "breast-cancer")

    # preprocess.onnx: scaled = (features - mean) / scale, as StandardScaler.transform.
    mean = scaler.mean_.astype(np.float32)
    scale = scaler.scale_.astype(np.float32)
    graph = helper.make_graph(
        [helper.make_node("Sub", ["features", "mean"], ["centred"]),
         helper.make_node("Div", ["centred", "scale"], ["scaled"])],
        "standard_scaler",
        [float_input("features", ["N", 30])],
        [float_input("scaled", ["N", 30])],
        [const("mean", mean), const("scale", scale)])
    save_model(graph, os.path.join(out, "preprocess.onnx"), False,
               "StandardScaler fitted on the breast-cancer data: scaled = (features - mean) / scale",
               {"feature_names": ",".join(names)})

    # model.onnx: logistic regression; probabilities through ZipMap like skl2onnx's output.
    weights = classifier.coef_.T.astype(np.float32)            # [30, 1]
    intercept = classifier.intercept_.astype(np.float32)       # [1]
    graph = helper.make_graph(
        [helper.make_node("MatMul", ["scaled", "weights"], ["product"]),
         helper.make_node("Add", ["product", "intercept"], ["decision"]),
         helper.make_node("Sigmoid", ["decision"], ["positive"]),
         helper.make_node("Sub", ["one", "positive"], ["negative"]),
         helper.make_node("Concat", ["negative", "positive"], ["class_probabilities"], axis=1),
         helper.make_node("ArgMax", ["class_probabilities"], ["label"], axis=1, keepdims=0),
         helper.make_node("ZipMap", ["class_probabilities"], ["probabilities"],
                          domain="ai.onnx.ml", classlabels_int64s=[0, 1])],
        "logistic_regression",
        [float_input("scaled", ["N", 30])],
        [helper.make_tensor_value_info("label", TensorProto.INT64, ["N"]), zipmap_output("probabilities")],
        [const("weights", weights), const("intercept", intercept),
         const("one", np.array([1.0], np.float32))])
    save_model(graph, os.path.join(out, "model.onnx"), True,
               "LogisticRegression on standardised breast-cancer features; classes 0 (malignant), 1 (benign)",
               {"classes": "0,1"})

    expected_labels = pipeline.predict(x)
    expected = pipeline.predict_proba(x)
    x32 = x.astype(np.float32)
    scaled = (x32 - mean) / scale
    decision = scaled @ weights + intercept
    positive = 1.0 / (1.0 + np.exp(-decision.astype(np.float64)))
    simulated = np.hstack([1.0 - positive, positive])
    check_close("breast-cancer", expected, simulated, 1e-4)
    check_labels("breast-cancer", expected_labels, np.argmax(simulated, axis=1))
    check_margin("breast-cancer", expected)

    rows = [[number(v) for v in row] for row in x]
    write_csv(os.path.join(out, "data", "breast_cancer.csv"), names, rows)
    with open(os.path.join(out, "data", "breast_cancer.jsonl"), "w") as stream:
        for row in x:
            stream.write(json.dumps({n: float(v) for n, v in zip(names, row)}) + "\n")
    write_csv(os.path.join(out, "expected.csv"),
              ["file_name", "row", "label", "probabilities_0", "probabilities_1"],
              [["breast_cancer.csv", i, int(expected_labels[i]), prob(p[0]), prob(p[1])]
               for i, p in enumerate(expected)])


# ---------------------------------------------------------------- (b) tree ensemble

def tree_ensemble():
    print("tree-ensemble")
    data = load_wine()
    x, y = data.data, data.target
    names = [identifier(n) for n in data.feature_names]
    forest = RandomForestClassifier(n_estimators=15, max_depth=4, random_state=0)
    forest.fit(x, y)
    classes = [int(c) for c in forest.classes_]
    attributes = {key: [] for key in (
        "nodes_treeids", "nodes_nodeids", "nodes_featureids", "nodes_values", "nodes_modes",
        "nodes_truenodeids", "nodes_falsenodeids", "class_treeids", "class_nodeids", "class_ids",
        "class_weights")}
    for tree_id, estimator in enumerate(forest.estimators_):
        tree = estimator.tree_
        for node in range(tree.node_count):
            leaf = tree.children_left[node] == -1
            attributes["nodes_treeids"].append(tree_id)
            attributes["nodes_nodeids"].append(node)
            attributes["nodes_featureids"].append(0 if leaf else int(tree.feature[node]))
            attributes["nodes_values"].append(0.0 if leaf else float32_at_most(tree.threshold[node]))
            attributes["nodes_modes"].append("LEAF" if leaf else "BRANCH_LEQ")
            attributes["nodes_truenodeids"].append(0 if leaf else int(tree.children_left[node]))
            attributes["nodes_falsenodeids"].append(0 if leaf else int(tree.children_right[node]))
            if leaf:
                # sklearn 1.2 stores class counts at a leaf; a tree's probability is their share, and
                # the forest averages the trees: weight = share / n_estimators, summed (post_transform NONE).
                counts = tree.value[node][0]
                for class_index, share in enumerate(counts / counts.sum()):
                    attributes["class_treeids"].append(tree_id)
                    attributes["class_nodeids"].append(node)
                    attributes["class_ids"].append(class_index)
                    attributes["class_weights"].append(float(share / len(forest.estimators_)))
    graph = helper.make_graph(
        [helper.make_node("TreeEnsembleClassifier", ["input"], ["label", "class_probabilities"],
                          domain="ai.onnx.ml", classlabels_int64s=classes, post_transform="NONE",
                          **attributes),
         helper.make_node("ZipMap", ["class_probabilities"], ["probabilities"],
                          domain="ai.onnx.ml", classlabels_int64s=classes)],
        "random_forest",
        [float_input("input", ["N", 13])],
        [helper.make_tensor_value_info("label", TensorProto.INT64, ["N"]), zipmap_output("probabilities")])
    out = os.path.join(HERE, "tree-ensemble")
    save_model(graph, os.path.join(out, "model.onnx"), True,
               "RandomForestClassifier (15 trees, depth 4) on the wine data; classes 0, 1, 2",
               {"feature_names": ",".join(names), "classes": ",".join(map(str, classes))})

    expected_labels = forest.predict(x)
    expected = forest.predict_proba(x)
    simulated = simulate_forest(attributes, x.astype(np.float32), len(classes))
    check_close("tree-ensemble", expected, simulated, 1e-5)
    check_labels("tree-ensemble", expected_labels, np.argmax(simulated, axis=1))
    check_margin("tree-ensemble", expected)

    write_csv(os.path.join(out, "data", "wine.csv"), names, [[number(v) for v in row] for row in x])
    write_csv(os.path.join(out, "expected.csv"),
              ["file_name", "row", "label"] + [f"probabilities_{c}" for c in classes],
              [["wine.csv", i, int(expected_labels[i])] + [prob(v) for v in p]
               for i, p in enumerate(expected)])


def float32_at_most(threshold):
    """The largest float32 <= a float64 threshold. sklearn compares float32 inputs with float64
    thresholds; rounding a threshold to nearest could put it above an input it was below
    (0.2499999925 -> 0.25), sending that row the other way. Rounding down keeps x <= t exact."""
    value = np.float32(threshold)
    if float(value) > threshold:
        value = np.nextafter(value, np.float32(-np.inf))
    return float(value)


def simulate_forest(a, x, class_count):
    """What TreeEnsembleClassifier computes: float32 input <= float32 threshold, leaf weights summed."""
    nodes = {}
    for i, (tree, node) in enumerate(zip(a["nodes_treeids"], a["nodes_nodeids"])):
        nodes[(tree, node)] = i
    leaves = {}
    for tree, node, class_id, weight in zip(a["class_treeids"], a["class_nodeids"], a["class_ids"],
                                            a["class_weights"]):
        leaves.setdefault((tree, node), np.zeros(class_count, np.float64))[class_id] += np.float32(weight)
    trees = sorted(set(a["nodes_treeids"]))
    result = np.zeros((len(x), class_count))
    for row_index, row in enumerate(x):
        for tree in trees:
            node = 0
            while a["nodes_modes"][nodes[(tree, node)]] != "LEAF":
                i = nodes[(tree, node)]
                go_left = row[a["nodes_featureids"][i]] <= np.float32(a["nodes_values"][i])
                node = a["nodes_truenodeids"][i] if go_left else a["nodes_falsenodeids"][i]
            result[row_index] += leaves[(tree, node)]
    return result


# ---------------------------------------------------------------- (c) digits images

def digits():
    print("digits")
    data = load_digits()
    x, y = data.data, data.target                      # x: pixel intensities 0..16
    x_train, x_test, y_train, _ = train_test_split(x, y, test_size=0.25, random_state=0)
    classifier = LogisticRegression(max_iter=5000, random_state=0)
    classifier.fit(x_train, y_train)

    # The graph takes raw 8-bit pixel values (what a PNG holds) and rescales them to the 0..16 range
    # the model was trained on: normalising is the model's job, not the scorer's.
    weights = classifier.coef_.T.astype(np.float32)            # [64, 10]
    intercept = classifier.intercept_.astype(np.float32)       # [10]
    rescale = np.array([16.0 / 255.0], np.float32)
    graph = helper.make_graph(
        [helper.make_node("Flatten", ["image"], ["pixels"], axis=1),
         helper.make_node("Mul", ["pixels", "rescale"], ["intensities"]),
         helper.make_node("MatMul", ["intensities", "weights"], ["product"]),
         helper.make_node("Add", ["product", "intercept"], ["decision"]),
         helper.make_node("Softmax", ["decision"], ["probabilities"], axis=1),
         helper.make_node("ArgMax", ["probabilities"], ["label"], axis=1, keepdims=0)],
        "digits_logistic_regression",
        [float_input("image", ["N", 1, 8, 8])],
        [helper.make_tensor_value_info("label", TensorProto.INT64, ["N"]),
         float_input("probabilities", ["N", 10])],
        [const("rescale", rescale), const("weights", weights), const("intercept", intercept)])
    out = os.path.join(HERE, "digits")
    save_model(graph, os.path.join(out, "model.onnx"), False,
               "LogisticRegression on scikit-learn's 8x8 digits; input: raw 8-bit pixels 0..255, [N,1,8,8]",
               {"classes": ",".join(str(c) for c in range(10))})

    # 60 held-out digits as 8-bit images: pixel = round(v * 255 / 16), half up.
    count = 60
    pixels = np.floor(x_test[:count] * 255.0 / 16.0 + 0.5).astype(np.uint8)          # [60, 64]
    model_input = pixels.astype(np.float64) * 16.0 / 255.0
    expected_labels = classifier.predict(model_input)
    expected = classifier.predict_proba(model_input)
    decision = (pixels.astype(np.float32) * rescale) @ weights + intercept
    decision = decision.astype(np.float64)
    simulated = np.exp(decision - decision.max(axis=1, keepdims=True))
    simulated /= simulated.sum(axis=1, keepdims=True)
    check_close("digits", expected, simulated, 1e-4)
    check_labels("digits", expected_labels, np.argmax(simulated, axis=1))
    check_margin("digits", expected)

    names = [f"digit_{i:03d}" for i in range(count)]
    images = os.path.join(out, "images")
    os.makedirs(images, exist_ok=True)
    for i, name in enumerate(names):
        grid = pixels[i].reshape(8, 8)
        # Each scanline uses filter (row + image) % 5, so every image mixes all five filter types.
        write_png(os.path.join(images, name + ".png"), grid[:, :, None], 0,
                  [(r + i) % 5 for r in range(8)])
    header = ["file_name", "row", "label"] + [f"probabilities_{c}" for c in range(10)]
    write_csv(os.path.join(out, "expected.csv"), header,
              [[n + ".png", 0, int(expected_labels[i])] + [prob(v) for v in expected[i]]
               for i, n in enumerate(names)])
    write_csv(os.path.join(out, "pixels.csv"), ["file_name"] + [f"p{i}" for i in range(64)],
              [[n + ".png"] + [int(v) for v in pixels[i]] for i, n in enumerate(names)])

    # Colour variants of the first digits: gray replicated into RGB, plus an alpha channel of 255.
    color = os.path.join(out, "images-color")
    os.makedirs(color, exist_ok=True)
    variants = [(0, "rgb", 2, 3), (1, "rgba", 6, 4), (2, "rgb", 2, 3), (3, "gray_alpha", 4, 2)]
    color_rows = []
    for i, kind, color_type, channels in variants:
        grid = pixels[i].reshape(8, 8)
        opaque = np.full_like(grid, 255)
        planes = {"rgb": [grid] * 3, "rgba": [grid] * 3 + [opaque], "gray_alpha": [grid, opaque]}[kind]
        file_name = f"{names[i]}_{kind}.png"
        write_png(os.path.join(color, file_name), np.stack(planes, axis=2), color_type,
                  [(r + 2 * i) % 5 for r in range(8)], idat_size=20)
        color_rows.append([file_name, int(expected_labels[i])] + [prob(v) for v in expected[i]])
    write_csv(os.path.join(out, "expected-color.csv"), header,
              [[r[0], 0] + r[1:] for r in sorted(color_rows)])

    # .npy copies of the first ten digits: [1, 8, 8] raw pixel values, mostly float32.
    npy = os.path.join(out, "npy")
    os.makedirs(npy, exist_ok=True)
    npy_rows = []
    for i in range(10):
        dtype, suffix = {8: (np.float64, "_float64"), 9: (np.uint8, "_uint8")}.get(i, (np.float32, ""))
        file_name = f"{names[i]}{suffix}.npy"
        write_npy(os.path.join(npy, file_name), pixels[i].reshape(1, 8, 8).astype(dtype))
        npy_rows.append([file_name, 0, int(expected_labels[i])] + [prob(v) for v in expected[i]])
    write_csv(os.path.join(out, "expected-npy.csv"), header, sorted(npy_rows))


def write_npy(path, array):
    """np.save writes format version 1.0 with a little-endian ('<f4', '<f8', '|u1') descr."""
    np.save(path, array, allow_pickle=False)


# ---------------------------------------------------------------- PNG writer (zlib + struct)

def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def filter_scanline(kind, line, previous, bpp):
    out = bytearray([kind])
    for i, x in enumerate(line):
        a = line[i - bpp] if i >= bpp else 0
        b = previous[i]
        c = previous[i - bpp] if i >= bpp else 0
        predictor = (0, a, b, (a + b) // 2, paeth(a, b, c))[kind]
        out.append((x - predictor) & 0xFF)
    return bytes(out)


def chunk(kind, payload):
    body = kind + payload
    return struct.pack(">I", len(payload)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def write_png(path, image, color_type, filters, idat_size=None):
    """image: uint8 [height, width, channels]; filters: the filter type of each scanline."""
    height, width, channels = image.shape
    previous = bytes(width * channels)
    raw = bytearray()
    for row in range(height):
        line = image[row].astype(np.uint8).tobytes()
        raw += filter_scanline(filters[row], line, previous, channels)
        previous = line
    compressed = zlib.compress(bytes(raw), 9)
    parts = [compressed] if idat_size is None else \
        [compressed[i:i + idat_size] for i in range(0, len(compressed), idat_size)]
    header = struct.pack(">IIBBBBB", width, height, 8, color_type, 0, 0, 0)
    with open(path, "wb") as stream:
        stream.write(b"\x89PNG\r\n\x1a\n")
        stream.write(chunk(b"IHDR", header))
        for part in parts:
            stream.write(chunk(b"IDAT", part))
        stream.write(chunk(b"IEND", b""))


if __name__ == "__main__":
    np.random.seed(0)
    breast_cancer()
    tree_ensemble()
    digits()
    print("done")
