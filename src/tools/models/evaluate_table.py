#!/usr/bin/env python3
"""Prints the README's agreement table of the bundled trained models from `evaluate --format json`.

Run from the repository root after `mvn package`:

    python3 src/tools/models/evaluate_table.py > /tmp/table.md

Every figure comes from the command (`evaluate --model NAME --format json`, and `trace --probs`
for the lecture sentence's rows), so the table is the command's output, never typed by hand.
Optional arguments: the jar (default target/gatescope.jar) and the model names or files.
"""
import json
import subprocess
import sys

MODELS = ["lstm", "gru", "peephole_lstm", "gru_simple", "rnn"]
LECTURE = [("lecture sentence: p(was) / (p(was) + p(were))", "The cat, which already ate ..., was full.", "was", "were"),
           ('"The cats, …": p(were) / (p(was) + p(were))', "The cats, which already ate ..., were full.", "were", "was")]


def run(jar, *args):
    return json.loads(subprocess.run(["java", "-jar", jar, *args], check=True, capture_output=True, text=True).stdout)


def share(jar, model, text, right, wrong):
    trace = run(jar, "trace", "--model", model, "--text", text, "--probs")
    verb = trace["tokens"].index(right)
    probs = trace["steps"][verb - 1]["probs"]
    return probs[right] / (probs[right] + probs[wrong])


def main():
    jar = sys.argv[1] if len(sys.argv) > 1 else "target/gatescope.jar"
    models = sys.argv[2:] or MODELS
    rows = {}
    order = []
    for model in models:
        for row in run(jar, "evaluate", "--model", model, "--format", "json")["breakdown"]:
            label = row["label"] if row["group"] == "overall" else row["group"] + ": " + row["label"]
            key = "%s (%d)" % (label, row["count"])
            if key not in rows:
                rows[key] = []
                order.append(key)
            rows[key].append("%.1f%%" % (100 * row["accuracy"]))
    print("| | " + " | ".join(m.split("/")[-1].removesuffix(".safetensors") for m in models) + " |")
    print("|---" * (len(models) + 1) + "|")
    for key in order:
        print("| %s | %s |" % (key, " | ".join(rows[key])))
    for label, text, right, wrong in LECTURE:
        print("| %s | %s |" % (label, " | ".join("%.4f" % share(jar, m, text, right, wrong) for m in models)))


if __name__ == "__main__":
    main()
