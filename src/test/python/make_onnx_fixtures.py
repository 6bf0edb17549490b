#!/usr/bin/python3
"""Makes the ONNX fixtures in src/test/resources/onnx/ (run once; CI never needs torch or onnx).

    apt-get install python3-torch python3-onnx
    /usr/bin/python3 src/test/python/make_onnx_fixtures.py

Each model (embedding -> 2-layer bidirectional LSTM / GRU / RNN -> linear head) is exported by
torch.onnx.export twice from the same weights: <kind>_folded.onnx with constant folding on (the
recurrent nodes' W, R, B are initializers named onnx::LSTM_…) and <kind>_unfolded.onnx with it
off (W, R, B are computed from rnn.weight_ih_l0 … by Slice / Concat / Unsqueeze chains), so the
Java constant folder is checked against the exporter's own folding.
"""
import os

import torch

OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "onnx")


class Model(torch.nn.Module):
    def __init__(self, kind):
        super().__init__()
        self.emb = torch.nn.Embedding(10, 4)
        self.rnn = getattr(torch.nn, kind)(4, 5, num_layers=2, bidirectional=True)
        self.fc = torch.nn.Linear(10, 10)

    def forward(self, x):
        out, _ = self.rnn(self.emb(x))
        return self.fc(out)


def main():
    for kind in ("LSTM", "GRU", "RNN"):
        torch.manual_seed(11)
        model = Model(kind).eval()
        ids = torch.tensor([[1], [2], [3]])
        for folded in (True, False):
            name = f"{kind.lower()}_{'folded' if folded else 'unfolded'}.onnx"
            torch.onnx.export(model, ids, os.path.join(OUT, name), do_constant_folding=folded,
                              opset_version=13, input_names=["ids"], output_names=["logits"])


if __name__ == "__main__":
    main()
