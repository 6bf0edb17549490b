#!/usr/bin/python3
"""Makes the PyTorch checkpoint fixtures in src/test/resources/torch/ (run once; CI never needs torch).

    apt-get install python3-torch
    /usr/bin/python3 src/test/python/make_torch_fixtures.py

Each <name>.pt is written by torch.save itself; <name>.expected.json holds every tensor as
torch reads it back ({name: {"shape": [...], "values": [...] row-major}}), so the Java reader is
checked against PyTorch's own view of the file, strides, offsets and dtypes included.
"""
import collections
import json
import os

import torch

OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "torch")


def save(name, state, legacy=False):
    path = os.path.join(OUT, name + ".pt")
    torch.save(state, path, _use_new_zipfile_serialization=not legacy)
    loaded = torch.load(path, weights_only=True) if hasattr(torch, "load") else None
    expected = {}
    for key, tensor in loaded.items():
        expected[key] = {"shape": list(tensor.shape),
                         "values": [float(v) for v in tensor.double().flatten().tolist()]}
    with open(os.path.join(OUT, name + ".expected.json"), "w") as f:
        json.dump(expected, f, indent=None, separators=(",", ":"))
        f.write("\n")


def main():
    torch.manual_seed(7)
    model = collections.OrderedDict()
    embedding, gru, fc = torch.nn.Embedding(6, 3), torch.nn.GRU(3, 4), torch.nn.Linear(4, 6)
    for prefix, module in (("embedding.", embedding), ("gru.", gru), ("fc.", fc)):
        for key, value in module.state_dict().items():
            model[prefix + key] = value
    save("gru_state_dict", model)
    save("gru_state_dict_legacy", model, legacy=True)

    wide = torch.randn(4, 5, dtype=torch.float64)
    views = collections.OrderedDict()
    views["transposed"] = wide.t()                 # stride (1, 5): not contiguous
    views["rows_1_to_3"] = wide[1:3]                # offset 5 into the same storage
    views["half"] = torch.tensor([0.5, -2.0, 6.1e-5, 65504.0], dtype=torch.float16)
    views["bfloat16"] = torch.tensor([1.0, -3.5, 1e-3], dtype=torch.bfloat16)
    views["num_batches_tracked"] = torch.tensor(12, dtype=torch.long)
    save("views_and_dtypes", views)


if __name__ == "__main__":
    main()
