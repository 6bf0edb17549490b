#!/usr/bin/python3
"""Makes the PyTorch parity fixtures in src/test/resources/parity/.

What it makes
-------------
For each model below, a small randomly initialised PyTorch module

    embedding: nn.Embedding(V, D)  ->  rnn: nn.RNN(tanh) | nn.GRU | nn.LSTM (one layer)
                                   ->  head: nn.Linear(H, V)

saved in GateScope's model format (docs/model-format.md) as
``<name>.safetensors``, and ``<name>.expected.json`` holding what PyTorch computes on
three token sequences from a zero initial state:

    "lecture"  the cat , which already ate ... , was full .   (11 tokens)
    "random"   40 token ids drawn uniformly from the vocabulary (<unk> included)
    "single"   one token

Per step t (0-based) a case records

    a[t]        the nn module's output a<t>                               [H]
    c[t]        the LSTM memory cell c<t> (LSTM only; for RNN/GRU c = a)  [H]
    probs[t]    softmax(head(a<t>)) over the vocabulary                   [V]
    gates       {key: [T][H]} in the lecture's notation (Quantity.key()):
                  GRU:  u = Γu = 1 - z (PyTorch's z is the keep gate), r = Γr,
                        c_tilde = PyTorch's n (reset after)
                  LSTM: u = Γu = PyTorch's i, f = Γf, o = Γo, c_tilde = PyTorch's g
                  RNN:  no gates

To keep the JSON under 300 KB, the "random" case of gru_h64, lstm_h64 and lstm_f64
records only a (and c); their gates and probabilities are in the other two cases.

Gates are not exposed by nn.GRU / nn.LSTM, so the script recomputes every step with
explicit torch ops from the module's own weights and asserts that this explicit step
reproduces the module (outputs, and c from the module's final state on every prefix)
to 1e-6 (1e-12 for the F64 model); only then are its gates trustworthy.

It also recomputes every case in float64 from the very same (float32) weights, which
is what GateScope's engine does in Java, and asserts that it agrees with PyTorch's
float32 results within a tenth of the Java test's tolerance (1e-5 * max(1, |y|) for
a, c and gates; 1e-5 * |y| for probabilities), so a failing Java parity test points
at the engine, not at float32 noise.

Models: rnn, gru, lstm (D=8, H=6), gru_h64, lstm_h64 (D=32, H=64), all F32, and
lstm_f64 (D=8, H=6) whose weights are written as F64 and whose reference is computed
by PyTorch in float64 (model.double()), for a tighter check (1e-9).

Numbers: an F32 fixture prints each float32 result with the shortest decimal that
reads back as the same float32 (numpy's float32 repr; at most 9 significant digits),
which keeps the files small and loses nothing; the F64 fixture prints full float64
repr (17 significant digits).

How to run
----------
    /usr/bin/python3 src/test/python/make_parity_fixtures.py

from the repository root, with Debian's PyTorch (apt-get install python3-torch) and
numpy; no safetensors package is needed (the file is written by hand below).
Deterministic: every model has its own torch.manual_seed. CI never runs this script;
the fixtures it wrote are committed, and PyTorchParityTest reads them.
"""

import json
import math
import os
import struct
import sys

import numpy as np
import torch
from torch import nn

OUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "parity")

VOCAB = [
    "<unk>", "the", "cat", "cats", ",", "which", "already", "ate", "...", "was", "were",
    "full", ".", "dog", "dogs", "fish", "is", "are", "a", "hungry", "and", "sat", "on", "mat",
]
assert len(VOCAB) == 24 and len(set(VOCAB)) == 24
LECTURE = "the cat , which already ate ... , was full .".split(" ")

# name, cell, D, H, dtype, seed
MODELS = [
    ("rnn", "rnn", 8, 6, torch.float32, 101),
    ("gru", "gru", 8, 6, torch.float32, 102),
    ("lstm", "lstm", 8, 6, torch.float32, 103),
    ("lstm_f64", "lstm", 8, 6, torch.float64, 104),
    ("gru_h64", "gru", 32, 64, torch.float32, 105),
    ("lstm_h64", "lstm", 32, 64, torch.float32, 106),
]
RANDOM_LENGTH = 40
JAVA_TOLERANCE = {torch.float32: 1e-5, torch.float64: 1e-9}


class Net(nn.Module):
    """embedding -> one recurrent layer -> linear head, named as GateScope's files expect."""

    def __init__(self, cell, vocab_size, embed, hidden):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embed)
        module = {"rnn": lambda: nn.RNN(embed, hidden, nonlinearity="tanh", batch_first=True),
                  "gru": lambda: nn.GRU(embed, hidden, batch_first=True),
                  "lstm": lambda: nn.LSTM(embed, hidden, batch_first=True)}[cell]
        self.rnn = module()
        self.head = nn.Linear(hidden, vocab_size)
        self.cell = cell

    def run(self, ids):
        """PyTorch's own result: outputs [T,H], final state(s), probabilities [T,V]."""
        x = self.embedding(ids.unsqueeze(0))
        out, state = self.rnn(x)
        out = out[0]
        probs = torch.softmax(self.head(out), dim=-1)
        return out, state, probs


def explicit_steps(net, ids, dtype):
    """Every step with explicit ops on net's weights (cast to dtype), in the lecture's notation."""
    p = {k: v.detach().to(dtype) for k, v in net.named_parameters()}
    w_ih, w_hh = p["rnn.weight_ih_l0"], p["rnn.weight_hh_l0"]
    b_ih, b_hh = p["rnn.bias_ih_l0"], p["rnn.bias_hh_l0"]
    hidden = w_hh.shape[1]
    a = torch.zeros(hidden, dtype=dtype)
    c = torch.zeros(hidden, dtype=dtype)
    rec = {"a": [], "c": [], "probs": [], "gates": {}}

    def keep(key, value):
        rec["gates"].setdefault(key, []).append(value)

    for token in ids.tolist():
        x = p["embedding.weight"][token]
        gi = w_ih @ x + b_ih
        gh = w_hh @ a + b_hh
        if net.cell == "rnn":
            a = torch.tanh(gi + gh)
            c = a
        elif net.cell == "gru":
            i_r, i_z, i_n = gi.chunk(3)
            h_r, h_z, h_n = gh.chunk(3)
            r = torch.sigmoid(i_r + h_r)
            z = torch.sigmoid(i_z + h_z)
            n = torch.tanh(i_n + r * h_n)          # reset after: Γr ⊙ (W_hn c<t-1> + b_hn)
            u = 1 - z                              # Γu, the write gate
            c = u * n + (1 - u) * c
            a = c
            keep("u", u)
            keep("r", r)
            keep("c_tilde", n)
        else:
            i_i, i_f, i_g, i_o = gi.chunk(4)
            h_i, h_f, h_g, h_o = gh.chunk(4)
            u = torch.sigmoid(i_i + h_i)
            f = torch.sigmoid(i_f + h_f)
            g = torch.tanh(i_g + h_g)
            o = torch.sigmoid(i_o + h_o)
            c = u * g + f * c
            a = o * torch.tanh(c)
            keep("u", u)
            keep("f", f)
            keep("o", o)
            keep("c_tilde", g)
        rec["a"].append(a)
        rec["c"].append(c)
        rec["probs"].append(torch.softmax(p["head.weight"] @ a + p["head.bias"], dim=-1))
    rec["a"] = torch.stack(rec["a"])
    rec["c"] = torch.stack(rec["c"])
    rec["probs"] = torch.stack(rec["probs"])
    rec["gates"] = {k: torch.stack(v) for k, v in rec["gates"].items()}
    return rec


def max_abs(x, y):
    return float((x.double() - y.double()).abs().max())


def check_close(what, x, y, tol):
    err = max_abs(x, y)
    if not err <= tol:
        sys.exit(f"{what}: explicit step and PyTorch differ by {err:.3g} > {tol:g}")
    return err


def reference(net, ids, dtype, name, case):
    """PyTorch's result plus the explicit step's gates, checked against each other."""
    tol = 1e-6 if dtype == torch.float32 else 1e-12
    with torch.no_grad():
        out, state, probs = net.run(ids)
        rec = explicit_steps(net, ids, dtype)
        check_close(f"{name}/{case} a", rec["a"], out, tol)
        check_close(f"{name}/{case} probs", rec["probs"], probs, tol)
        if net.cell == "lstm":
            # c<t> from the module itself: the final cell state of every prefix.
            for t in range(len(ids)):
                _, (_, c_n), _ = net.run(ids[: t + 1])
                check_close(f"{name}/{case} c[{t}]", rec["c"][t], c_n[0, 0], tol)
    return {"a": out, "c": rec["c"], "probs": probs, "gates": rec["gates"]}


def check_double_agrees(net, ids, ref, dtype, name, case):
    """What the Java engine computes (double arithmetic on the stored weights) vs the reference."""
    rel = JAVA_TOLERANCE[dtype]
    with torch.no_grad():
        d = explicit_steps(net, ids, torch.float64)
    worst = 0.0
    pairs = [("a", d["a"], ref["a"]), ("c", d["c"], ref["c"])]
    pairs += [(k, d["gates"][k], ref["gates"][k]) for k in ref["gates"]]
    for key, x, y in pairs:
        y = y.double()
        ratio = float(((x - y).abs() / (rel * y.abs().clamp(min=1.0))).max())
        worst = max(worst, ratio)
    y = ref["probs"].double()
    ratio = float(((d["probs"] - y).abs() / (rel * y.abs())).max())
    worst = max(worst, ratio)
    if worst > 0.1:
        sys.exit(f"{name}/{case}: double recomputation uses {worst:.2f} of the Java tolerance")
    return worst


def number(dtype):
    if dtype == torch.float32:
        return lambda v: str(np.float32(v))   # shortest decimal that reads back as this float32
    return lambda v: repr(float(v))


def to_json(value, fmt, indent=0):
    """Compact JSON: one unindented line per step row, numbers through fmt."""
    pad = "  " * indent
    if isinstance(value, dict):
        items = [f'{pad}  {json.dumps(k)}: {to_json(v, fmt, indent + 1).lstrip()}' for k, v in value.items()]
        return pad + "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(value, torch.Tensor):
        value = value.tolist()
    if isinstance(value, list):
        if value and isinstance(value[0], list):
            return "[\n" + ",\n".join(to_json(row, fmt) for row in value) + "]"
        if value and isinstance(value[0], dict):
            return pad + "[\n" + ",\n".join(to_json(v, fmt, indent + 1) for v in value) + "\n" + pad + "]"
        return "[" + ",".join(json.dumps(v) if isinstance(v, (int, str)) else fmt(v) for v in value) + "]"
    if isinstance(value, float):
        return fmt(value)
    return json.dumps(value)


def write_safetensors(path, tensors, metadata, dtype):
    """safetensors by hand: u64 LE header length, JSON header (space-padded to 8), LE data."""
    code, np_type = ("F32", "<f4") if dtype == torch.float32 else ("F64", "<f8")
    header = {"__metadata__": metadata}
    blobs = []
    offset = 0
    for name, tensor in tensors:
        data = tensor.detach().to(dtype).contiguous().numpy().astype(np_type).tobytes()
        header[name] = {"dtype": code, "shape": list(tensor.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    text = json.dumps(header, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for blob in blobs:
            f.write(blob)


def make(name, cell, embed, hidden, dtype, seed):
    torch.manual_seed(seed)
    net = Net(cell, len(VOCAB), embed, hidden)   # PyTorch's default initialisation
    net = net.to(dtype)
    net.eval()
    tensor_names = ["embedding.weight", "rnn.weight_ih_l0", "rnn.weight_hh_l0", "rnn.bias_ih_l0",
                    "rnn.bias_hh_l0", "head.weight", "head.bias"]
    params = dict(net.named_parameters())
    assert set(params) == set(tensor_names), sorted(params)
    metadata = {"cell": cell}
    if cell == "gru":
        metadata["gru_reset"] = "after"
    metadata["vocab"] = json.dumps(VOCAB, ensure_ascii=False)
    metadata["tokenizer"] = "lower-words"
    metadata["source"] = "PyTorch parity fixture, src/test/python/make_parity_fixtures.py, torch " + torch.__version__
    write_safetensors(os.path.join(OUT_DIR, name + ".safetensors"),
                      [(n, params[n]) for n in tensor_names], metadata, dtype)

    generator = torch.Generator().manual_seed(seed + 1000)
    sequences = [
        ("lecture", torch.tensor([VOCAB.index(w) for w in LECTURE])),
        ("random", torch.randint(0, len(VOCAB), (RANDOM_LENGTH,), generator=generator)),
        ("single", torch.randint(0, len(VOCAB), (1,), generator=generator)),
    ]
    cases = []
    worst = 0.0
    for case, ids in sequences:
        ref = reference(net, ids, dtype, name, case)
        worst = max(worst, check_double_agrees(net, ids, ref, dtype, name, case))
        entry = {"name": case, "tokens": ids.tolist(), "a": ref["a"]}
        if cell == "lstm":
            entry["c"] = ref["c"]
        # Size budget (< 300 KB of JSON): the long random case records only the states
        # (a, and c for LSTMs) for the H = 64 models and lstm_f64; their gates and
        # probabilities are checked on the other two cases, and on every case of the
        # small F32 models.
        full = case != "random" or (hidden <= 8 and dtype == torch.float32)
        if full:
            entry["probs"] = ref["probs"]
        if ref["gates"] and full:
            entry["gates"] = ref["gates"]
        cases.append(entry)
    doc = {"model": name + ".safetensors", "dtype": "F32" if dtype == torch.float32 else "F64",
           "cell": cell, "torch": torch.__version__, "cases": cases}
    path = os.path.join(OUT_DIR, name + ".expected.json")
    with open(path, "w", encoding="utf-8") as f:
        f.write(to_json(doc, number(dtype)) + "\n")
    print(f"{name}: {os.path.getsize(path)} B json, "
          f"{os.path.getsize(os.path.join(OUT_DIR, name + '.safetensors'))} B model, "
          f"double recomputation uses {worst:.4f} of the Java tolerance")


def main():
    os.makedirs(OUT_DIR, exist_ok=True)
    torch.set_num_threads(1)
    for spec in MODELS:
        make(*spec)


if __name__ == "__main__":
    main()
