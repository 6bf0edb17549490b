#!/usr/bin/python3
"""Makes the stacked, bidirectional fixtures in src/test/resources/onnx/ (run once; CI needs neither
torch nor onnx).

    apt-get install python3-torch python3-onnx
    /usr/bin/python3 src/test/python/make_onnx_fixtures.py

For each kind (LSTM, GRU, RNN) one model, embedding -> 2-layer bidirectional recurrent layer ->
linear head at every step, saved three ways from the same weights:

    <kind>_folded.onnx     torch.onnx.export with constant folding on (W, R, B are initializers)
    <kind>_unfolded.onnx   with folding off (W, R, B computed by Slice / Concat / Unsqueeze chains)
    <kind>.pt              torch.save(model.state_dict())

and <kind>.expected.json: what torch computes in float64 for the ids [1, 5, 9, 2, 7]: per layer
direction (layer 0 forward, layer 0 backward, layer 1 forward, ...) h (and c) per step, backward
rows aligned to input positions (row t = state after reading x[T-1] .. x[t]), and the logits
after the last step.
"""
import json
import os

import torch

OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "onnx")
IDS = [1, 5, 9, 2, 7]


class Model(torch.nn.Module):
    def __init__(self, kind):
        super().__init__()
        self.emb = torch.nn.Embedding(10, 4)
        self.rnn = getattr(torch.nn, kind)(4, 5, num_layers=2, bidirectional=True)
        self.fc = torch.nn.Linear(10, 10)

    def forward(self, x):
        out, _ = self.rnn(self.emb(x))
        return self.fc(out)


def direction(kind, rnn, level, suffix, xs):
    """Runs one layer direction step by step with the matching torch cell, in float64."""
    hidden = rnn.hidden_size
    cell = {"LSTM": torch.nn.LSTMCell, "GRU": torch.nn.GRUCell, "RNN": torch.nn.RNNCell}[kind](
        xs.shape[1], hidden).double()
    for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
        getattr(cell, name).data = getattr(rnn, f"{name}_l{level}{suffix}").data.double().clone()
    h = torch.zeros(1, hidden, dtype=torch.float64)
    c = torch.zeros(1, hidden, dtype=torch.float64)
    hs, cs = [], []
    for x in xs:
        if kind == "LSTM":
            h, c = cell(x.unsqueeze(0), (h, c))
            cs.append(c[0].tolist())
        else:
            h = cell(x.unsqueeze(0), h)
        hs.append(h[0].tolist())
    return hs, cs


def expected(kind, model):
    with torch.no_grad():
        xs = model.emb.weight.double()[IDS]
        layers = []
        for level in range(model.rnn.num_layers):
            fh, fc = direction(kind, model.rnn, level, "", xs)
            bh, bc = direction(kind, model.rnn, level, "_reverse", xs.flip(0))
            bh, bc = bh[::-1], bc[::-1]
            for h, c, d in ((fh, fc, "forward"), (bh, bc, "backward")):
                layer = {"kind": kind, "level": level, "direction": d, "h": h}
                if kind == "LSTM":
                    layer["c"] = c
                layers.append(layer)
            xs = torch.tensor([f + b for f, b in zip(fh, bh)], dtype=torch.float64)
        fc = model.fc
        logits = (xs[-1] @ fc.weight.double().T + fc.bias.double()).tolist()
        check = model.double()(torch.tensor([[i] for i in IDS]))[-1, 0].tolist()
        assert max(abs(a - b) for a, b in zip(logits, check)) < 1e-12, "layer-by-layer run disagrees with torch"
        model.float()
    return {"input": IDS, "layers": layers, "output": logits}


def main():
    for kind in ("LSTM", "GRU", "RNN"):
        torch.manual_seed(11)
        model = Model(kind).eval()
        ids = torch.tensor([[1], [2], [3]])
        for folded in (True, False):
            name = f"{kind.lower()}_{'folded' if folded else 'unfolded'}.onnx"
            torch.onnx.export(model, ids, os.path.join(OUT, name), do_constant_folding=folded,
                              opset_version=13, input_names=["ids"], output_names=["logits"])
        torch.save(model.state_dict(), os.path.join(OUT, kind.lower() + ".pt"))
        with open(os.path.join(OUT, kind.lower() + ".expected.json"), "w") as f:
            json.dump(expected(kind, model), f, separators=(",", ":"))
            f.write("\n")


if __name__ == "__main__":
    main()
