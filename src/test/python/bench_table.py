"""Turns the output of `gatescope bench --reference` into README's speed table (Markdown).

    java -jar target/gatescope.jar bench --reference | tee bench.txt
    python3 src/test/python/bench_table.py bench.txt

One row per case and shape: GateScope's figure, PyTorch's from the same run, and the ratio
(how many times faster GateScope is; above 1 is faster). Peephole LSTMs have no PyTorch row. A
training row of GateScope's names the precision of its products (float64 or float32, decision 0023);
PyTorch's, in float32, is compared with both.
"""
import re
import sys

ROW = re.compile(r"^(torch )?(trace|train|lm-train|lm-trace) (\S+) (.*) (us_per_token|tokens_per_s)=([\d.]+)$")


def parse(lines):
    """GateScope's rows by (case, cell, shape, precision) in output order; PyTorch's by (case, cell, shape)."""
    ours, torch = {}, {}
    order = []
    for line in lines:
        m = ROW.match(line.strip())
        if not m:
            continue
        shape, precision = split_precision(m.group(4))
        value = float(m.group(6))
        if m.group(1):
            torch[(m.group(2), m.group(3), shape)] = value
        else:
            key = (m.group(2), m.group(3), shape, precision)
            ours[key] = (value, m.group(5))
            order.append(key)
    return order, ours, torch


def split_precision(text):
    """The shape without GateScope's precision=… field, and that precision (float64 where a row names none)."""
    words = text.split()
    precision = "float64"
    kept = []
    for word in words:
        if word.startswith("precision="):
            precision = word.split("=", 1)[1]
        else:
            kept.append(word)
    return " ".join(kept), precision


def fields(text):
    return dict(item.split("=") for item in text.split())


def figure(value, unit):
    if unit == "us_per_token":
        return "%.2f µs" % value if value < 100 else "%.0f µs" % value
    if value >= 10000:
        return "%.0fk/s" % (value / 1000)
    return "%.1fk/s" % (value / 1000) if value >= 1000 else "%.0f/s" % value


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        order, ours, torch = parse(f)
    print("| case | cell | shape | threads | GateScope's products | GateScope | PyTorch (float32) | GateScope ÷ PyTorch |")
    print("|---|---|---|---|---|---|---|---|")
    for key in order:
        kind, cell, shape, precision = key
        value, unit = ours[key]
        f = fields(shape)
        threads = f.pop("threads", "1")
        f.pop("batch", None)
        f.pop("T", None)
        f.pop("D", None)
        shape_text = " ".join("%s=%s" % item for item in f.items())
        theirs = torch.get((kind, cell, shape))
        if theirs is None:
            ratio, theirs_text = "–", "–"
        else:
            speedup = theirs / value if unit == "us_per_token" else value / theirs
            ratio, theirs_text = "%.2f×" % speedup, figure(theirs, unit)
        print("| %s | %s | %s | %s | %s | %s | %s | %s |" % (kind, cell, shape_text, threads, precision,
                                                            figure(value, unit), theirs_text, ratio))


if __name__ == "__main__":
    main()
