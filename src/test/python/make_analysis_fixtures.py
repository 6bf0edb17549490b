#!/usr/bin/python3
"""Makes src/test/resources/analysis/pca.expected.json: principal components and a ridge probe computed
independently of GateScope, with numpy (LAPACK's SVD) and cross-checked with PyTorch (float64), so that
PcaParityTest and LinearProbeParityTest can hold EJML's results to 1e-9.

Run from the repository root:  /usr/bin/python3 src/test/python/make_analysis_fixtures.py
Deterministic (fixed seeds); CI never runs it: the JSON is committed.

Cases (each: "states" n x H, "k"; then what PCA gives):
  gaussian     200 x 16 correlated Gaussian states (a random mixing of scaled axes)
  low_rank     30 x 12 states on a 3-dimensional subspace plus tiny noise
  few_tokens   5 x 16: fewer states than units (the SVD is wide)
  lstm_trace   11 x 6: c<t> of the committed parity LSTM on the lecture sentence, as PyTorch computed it
               (src/test/resources/parity/lstm.expected.json, "lecture")

PCA conventions, as scikit-learn's PCA and GateScope's Pca:
  centred X = U S V^T;  components = rows of V^T for the k largest s;
  explained_variance = s^2 / (n - 1);  explained_variance_ratio = s^2 / sum(all s^2);
  each component's sign makes its largest |loading| positive (first of equals);
  points = (X - mean) @ components^T.

Probe case "probe": states (n x H) and labels 0/1; the probe z-scores each unit (population sd), then solves
(A^T A + lambda n I') w = A^T y with A = [z 1], y = +-1, I' sparing the bias, lambda = 1e-3 (LinearProbe.RIDGE).
"""
import json
import os

import numpy as np
import torch

OUT = os.path.join("src", "test", "resources", "analysis", "pca.expected.json")
RIDGE = 1e-3


def orient(v):
    largest = 0
    for j in range(1, len(v)):
        if abs(v[j]) > abs(v[largest]) + 1e-12:
            largest = j
    return -v if v[largest] < 0 else v


def pca(states, k):
    x = np.asarray(states, dtype=np.float64)
    n = x.shape[0]
    mean = x.mean(axis=0)
    centred = x - mean
    _, s, vt = np.linalg.svd(centred, full_matrices=False)
    total = float((s ** 2).sum())
    comps = np.array([orient(vt[i].copy()) for i in range(k)])
    # independent check: PyTorch's SVD (float64) gives the same singular values
    s_torch = torch.linalg.svdvals(torch.tensor(centred, dtype=torch.float64)).numpy()
    assert np.allclose(s, s_torch, rtol=1e-12, atol=1e-12), (s, s_torch)
    # and the covariance's eigenvalues are the explained variances
    eig = np.sort(np.linalg.eigvalsh(np.cov(centred, rowvar=False)))[::-1]
    assert np.allclose(eig[:k], (s[:k] ** 2) / (n - 1), rtol=1e-9, atol=1e-12)
    return {
        "mean": mean.tolist(),
        "explained_variance": ((s[:k] ** 2) / (n - 1)).tolist(),
        "explained_variance_ratio": ((s[:k] ** 2) / total).tolist(),
        "components": comps.tolist(),
        "points": (centred @ comps.T).tolist(),
    }


def lstm_states():
    """c<t> of the parity LSTM on the lecture sentence, as PyTorch computed it (parity/lstm.expected.json)."""
    path = os.path.join("src", "test", "resources", "parity", "lstm.expected.json")
    with open(path) as f:
        cases = json.load(f)["cases"]
    lecture = next(case for case in cases if case["name"] == "lecture")
    return lecture["c"]


def probe(states, labels):
    x = np.asarray(states, dtype=np.float64)
    n, h = x.shape
    mean = x.mean(axis=0)
    sd = x.std(axis=0)
    sd[sd <= 1e-12] = 1
    a = np.hstack([(x - mean) / sd, np.ones((n, 1))])
    y = np.where(np.asarray(labels) == 1, 1.0, -1.0)
    reg = RIDGE * n * np.eye(h + 1)
    reg[h, h] = 0
    w = np.linalg.solve(a.T @ a + reg, a.T @ y)
    return w[:h].tolist(), float(w[h])


def main():
    rng = np.random.default_rng(20260716)
    cases = []
    mixing = rng.normal(size=(16, 16))
    gaussian = (rng.normal(size=(200, 16)) * np.linspace(3, 0.2, 16)) @ mixing
    cases.append(("gaussian", gaussian.tolist(), 3))
    basis = np.linalg.qr(rng.normal(size=(12, 3)))[0]
    low = rng.normal(size=(30, 3)) * [2.0, 1.0, 0.5] @ basis.T + 1e-6 * rng.normal(size=(30, 12)) + 0.3
    cases.append(("low_rank", low.tolist(), 2))
    cases.append(("few_tokens", rng.uniform(-1, 1, size=(5, 16)).tolist(), 4))
    cases.append(("lstm_trace", lstm_states(), 2))
    out = {"cases": []}
    for name, states, k in cases:
        entry = {"name": name, "k": k, "states": states}
        entry.update(pca(states, k))
        out["cases"].append(entry)

    labels = rng.integers(0, 2, size=120)
    direction = rng.normal(size=8)
    states = rng.normal(size=(120, 8)) + np.outer(np.where(labels == 1, 1.0, -1.0), direction) * 0.7
    states[:, 5] = 0.25  # a constant unit: weight 0
    weights, bias = probe(states, labels)
    out["probe"] = {"states": states.tolist(), "labels": labels.tolist(), "ridge": RIDGE, "weights": weights,
                    "bias": bias}
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump(out, f, indent=1)
    print("wrote", OUT, os.path.getsize(OUT), "bytes; numpy", np.__version__, "torch", torch.__version__)


if __name__ == "__main__":
    main()
