#!/usr/bin/python3
"""Makes the Keras-layout fixtures in src/test/resources/keras/ (run once; CI needs neither Keras nor h5py).

    apt-get install python3-h5py
    /usr/bin/python3 src/test/python/make_keras_fixtures.py

Keras itself is not packaged by Debian, so the files are written with h5py following Keras's
documented layouts, and <name>.expected.json holds what Keras's equations give (numpy, float64,
on the stored float32 weights) for the ids [1, 5, 9, 2, 7]: every layer's h (and c) per step and
the model's output. Cases:

    gru2_reset_before.h5   Keras 2.2.4 full model: Embedding -> GRU(reset_after absent, bias (3H,),
                           hard_sigmoid) -> GRU(reset_after=True, bias (2, 3H)) -> Dense softmax
                           over the last step (a sequence classifier)
    lstm2_keras3.keras     Keras 3 archive: Embedding -> LSTM(hard_sigmoid, Keras 3's definition,
                           return_sequences) -> LSTM -> Dense sigmoid on the last step
"""
import io
import json
import os
import zipfile

import h5py
import numpy as np

OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "keras")
IDS = [1, 5, 9, 2, 7]
RNG = np.random.default_rng(20261202)


def w(*shape):
    return (RNG.standard_normal(shape) * 0.5).astype(np.float32)


def hard_sigmoid(x, keras3):
    return np.clip(x / 6 + 0.5, 0, 1) if keras3 else np.clip(0.2 * x + 0.5, 0, 1)


def gru(xs, kernel, recurrent, bias, reset_after, keras3=False):
    h_units = recurrent.shape[0]
    k, rk = kernel.astype(np.float64), recurrent.astype(np.float64)
    h = np.zeros(h_units)
    hs = []
    for x in xs:
        if reset_after:
            b_in, b_rec = bias[0].astype(np.float64), bias[1].astype(np.float64)
            xz, xr, xh = np.split(x @ k + b_in, 3)
            hz, hr, hh = np.split(h @ rk + b_rec, 3)
            z, r = hard_sigmoid(xz + hz, keras3), hard_sigmoid(xr + hr, keras3)
            candidate = np.tanh(xh + r * hh)
        else:
            b = bias.astype(np.float64)
            xz, xr, xh = np.split(x @ k + b, 3)
            z = hard_sigmoid(xz + h @ rk[:, :h_units], keras3)
            r = hard_sigmoid(xr + h @ rk[:, h_units:2 * h_units], keras3)
            candidate = np.tanh(xh + (r * h) @ rk[:, 2 * h_units:])
        h = z * h + (1 - z) * candidate
        hs.append(h.copy())
    return hs


def lstm(xs, kernel, recurrent, bias, keras3):
    h_units = recurrent.shape[0]
    h, c = np.zeros(h_units), np.zeros(h_units)
    hs, cs = [], []
    for x in xs:
        i, f, g, o = np.split(x @ kernel.astype(np.float64) + h @ recurrent.astype(np.float64)
                              + bias.astype(np.float64), 4)
        i, f, o = hard_sigmoid(i, keras3), hard_sigmoid(f, keras3), hard_sigmoid(o, keras3)
        c = f * c + i * np.tanh(g)
        h = o * np.tanh(c)
        hs.append(h.copy())
        cs.append(c.copy())
    return hs, cs


def softmax(v):
    e = np.exp(v - v.max())
    return e / e.sum()


def sequential_config(layers):
    return {"class_name": "Sequential", "config": {"name": "sequential", "layers": layers}}


def gru_reset_before():
    vocab, dim, h1, h2, classes = 12, 4, 5, 3, 3
    emb = w(vocab, dim)
    k1, r1, b1 = w(dim, 3 * h1), w(h1, 3 * h1), w(3 * h1)
    k2, r2, b2 = w(h1, 3 * h2), w(h2, 3 * h2), w(2, 3 * h2)
    dk, db = w(h2, classes), w(classes)
    config = sequential_config([
        {"class_name": "Embedding", "config": {"name": "embedding_1", "input_dim": vocab, "output_dim": dim,
                                               "mask_zero": False, "batch_input_shape": [None, 5]}},
        {"class_name": "GRU", "config": {"name": "gru_1", "units": h1, "activation": "tanh",
                                         "recurrent_activation": "hard_sigmoid", "return_sequences": True,
                                         "use_bias": True}},
        {"class_name": "GRU", "config": {"name": "gru_2", "units": h2, "activation": "tanh",
                                         "recurrent_activation": "hard_sigmoid", "return_sequences": False,
                                         "reset_after": True, "use_bias": True}},
        {"class_name": "Dense", "config": {"name": "dense_1", "units": classes, "activation": "softmax"}}])
    path = os.path.join(OUT, "gru2_reset_before.h5")
    with h5py.File(path, "w") as f:
        f.attrs["keras_version"] = b"2.2.4"
        f.attrs["backend"] = b"tensorflow"
        f.attrs["model_config"] = json.dumps(config).encode()
        mw = f.create_group("model_weights")
        layers = [("embedding_1", [("embeddings:0", emb)]),
                  ("gru_1", [("kernel:0", k1), ("recurrent_kernel:0", r1), ("bias:0", b1)]),
                  ("gru_2", [("kernel:0", k2), ("recurrent_kernel:0", r2), ("bias:0", b2)]),
                  ("dense_1", [("kernel:0", dk), ("bias:0", db)])]
        mw.attrs["layer_names"] = np.array([name.encode() for name, _ in layers])
        for name, weights in layers:
            group = mw.create_group(name)
            group.attrs["weight_names"] = np.array([f"{name}/{w_name}".encode() for w_name, _ in weights])
            for w_name, value in weights:
                group.create_dataset(f"{name}/{w_name}", data=value)
    xs = emb.astype(np.float64)[IDS]
    hs1 = gru(xs, k1, r1, b1, reset_after=False)
    hs2 = gru(np.array(hs1), k2, r2, b2, reset_after=True)
    output = softmax(hs2[-1] @ dk.astype(np.float64) + db.astype(np.float64))
    return "gru2_reset_before", [{"kind": "GRU", "h": hs1}, {"kind": "GRU", "h": hs2}], output


def lstm_keras3():
    vocab, dim, h1, h2 = 12, 4, 4, 3
    emb = w(vocab, dim)
    k1, r1, b1 = w(dim, 4 * h1), w(h1, 4 * h1), w(4 * h1)
    k2, r2, b2 = w(h1, 4 * h2), w(h2, 4 * h2), w(4 * h2)
    dk, db = w(h2, 1), w(1)
    layer = lambda cls, cfg: {"module": "keras.layers", "class_name": cls, "config": cfg, "registered_name": None}
    config = sequential_config([
        layer("InputLayer", {"name": "input_layer", "batch_shape": [None, 5]}),
        layer("Embedding", {"name": "embedding", "input_dim": vocab, "output_dim": dim, "mask_zero": False}),
        layer("LSTM", {"name": "lstm", "units": h1, "activation": "tanh", "recurrent_activation": "hard_sigmoid",
                       "return_sequences": True, "use_bias": True}),
        layer("LSTM", {"name": "lstm_1", "units": h2, "activation": "tanh", "recurrent_activation": "hard_sigmoid",
                       "return_sequences": False, "use_bias": True}),
        layer("Dense", {"name": "dense", "units": 1, "activation": "sigmoid"})])
    weights = io.BytesIO()
    with h5py.File(weights, "w") as f:
        for name, values, cell in (("embedding", [emb], False), ("lstm", [k1, r1, b1], True),
                                   ("lstm_1", [k2, r2, b2], True), ("dense", [dk, db], False)):
            group = f.create_group(f"layers/{name}" + ("/cell" if cell else ""))
            for i, value in enumerate(values):
                group.create_dataset(f"vars/{i}", data=value)
    path = os.path.join(OUT, "lstm2_keras3.keras")
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("metadata.json", json.dumps({"keras_version": "3.5.0"}))
        z.writestr("config.json", json.dumps(config))
        z.writestr("model.weights.h5", weights.getvalue())
    xs = emb.astype(np.float64)[IDS]
    hs1, cs1 = lstm(xs, k1, r1, b1, keras3=True)
    hs2, cs2 = lstm(np.array(hs1), k2, r2, b2, keras3=True)
    output = 1 / (1 + np.exp(-(hs2[-1] @ dk.astype(np.float64) + db.astype(np.float64))))
    return "lstm2_keras3", [{"kind": "LSTM", "h": hs1, "c": cs1}, {"kind": "LSTM", "h": hs2, "c": cs2}], output


def main():
    for name, layers, output in (gru_reset_before(), lstm_keras3()):
        for layer in layers:
            for key in ("h", "c"):
                if key in layer:
                    layer[key] = [list(map(float, row)) for row in layer[key]]
        with open(os.path.join(OUT, name + ".expected.json"), "w") as f:
            json.dump({"input": IDS, "layers": layers, "output": list(map(float, output))}, f, separators=(",", ":"))
            f.write("\n")


if __name__ == "__main__":
    main()
