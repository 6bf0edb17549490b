"""PyTorch reference for `gatescope bench --reference`: the same cases, the same line format.

Started by bench once per thread count, with OMP_NUM_THREADS and OPENBLAS_NUM_THREADS set to that
count before torch is imported; torch.set_num_threads(n) as well. It reads one case per line on
standard input (kind:cell:H:D[:V]) and answers with one row, right after GateScope timed the same
case, so both see the same load. PyTorch computes in float32 (its default); GateScope in double.
Timing as LayerBenchmark: warm up for a second, then the median of --repeats timed repeats of at
least half a second each. By hand: echo lm-train:gru:64:32:5000 | OMP_NUM_THREADS=1
OPENBLAS_NUM_THREADS=1 python3 bench_reference.py --threads 1

Cases:
  trace     nn.LSTM / nn.GRU forward at batch 1 over --trace-length tokens, no grad
  train     the layer's forward + backward (loss = sum of outputs) + Adam, batch 32, T = 20
  lm-train  nn.Embedding(V, D) -> nn.LSTM/GRU -> nn.Linear(H, V), mean cross-entropy over all V
            words, backward, Adam, batch 32, T = 20
  lm-trace  the same model at batch 1 over --lm-trace-length tokens, softmax at every token, no grad
"""
import argparse
import statistics
import sys
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, required=True)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--trace-length", type=int, default=2000)
    parser.add_argument("--lm-trace-length", type=int, default=500)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--steps", type=int, default=20)
    args = parser.parse_args()
    try:
        import torch
    except ImportError as e:
        print("torch is not installed for %s (%s)" % (sys.executable, e))
        sys.stdout.flush()
        sys.exit(3)
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    print("info: PyTorch %s, %d threads, BLAS %s" % (torch.__version__, torch.get_num_threads(), blas(torch)))
    sys.stdout.flush()
    while True:
        line = sys.stdin.readline()
        if not line:
            break
        item = line.strip()
        if item:
            try:
                print(measure(torch, item, args))
            except Exception as e:  # one bad case must not end the session
                print("error: %s: %s" % (item, e))
            sys.stdout.flush()


def blas(torch):
    """The BLAS library torch loaded (Debian's torch links libblas.so.3: the reference one unless OpenBLAS is chosen)."""
    torch.randn(64, 64) @ torch.randn(64, 64)
    try:
        with open("/proc/self/maps", encoding="utf-8") as maps:
            for line in maps:
                path = line.split()[-1]
                if "blas" in path.rsplit("/", 1)[-1]:
                    return path
    except OSError:
        pass
    return "unknown"


def measure(torch, item, args):
    parts = item.split(":")
    kind, cell, hidden, embed = parts[0], parts[1], int(parts[2]), int(parts[3])
    vocab = int(parts[4]) if len(parts) > 4 else 0
    if kind == "trace":
        micros = trace(torch, cell, hidden, embed, args)
        return "trace %s H=%d D=%d us_per_token=%.2f" % (cell, hidden, embed, micros)
    if kind == "train":
        rate = train(torch, cell, hidden, embed, args)
        return ("train %s H=%d D=%d batch=%d T=%d threads=%d tokens_per_s=%.0f"
                % (cell, hidden, embed, args.batch, args.steps, args.threads, rate))
    if kind == "lm-train":
        rate = lm_train(torch, cell, hidden, embed, vocab, args)
        return ("lm-train %s H=%d D=%d V=%d batch=%d T=%d threads=%d tokens_per_s=%.0f"
                % (cell, hidden, embed, vocab, args.batch, args.steps, args.threads, rate))
    if kind == "lm-trace":
        micros = lm_trace(torch, cell, hidden, embed, vocab, args)
        return "lm-trace %s H=%d D=%d V=%d threads=1 us_per_token=%.2f" % (cell, hidden, embed, vocab, micros)
    raise ValueError("unknown case " + kind)


def layer(torch, cell, embed, hidden):
    return (torch.nn.LSTM if cell == "lstm" else torch.nn.GRU)(embed, hidden)


def median_seconds(run, repeats):
    start = time.perf_counter()
    runs = 0
    while time.perf_counter() - start < 1.0 or runs == 0:
        run()
        runs += 1
    per_run = (time.perf_counter() - start) / runs
    count = max(1, int(0.5 / per_run))
    samples = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        for _ in range(count):
            run()
        samples.append((time.perf_counter() - t0) / count)
    return statistics.median(samples)


def trace(torch, cell, hidden, embed, args):
    rnn = layer(torch, cell, embed, hidden)
    x = torch.randn(args.trace_length, 1, embed)

    def run():
        with torch.no_grad():
            rnn(x)
    return median_seconds(run, args.repeats) / args.trace_length * 1e6


def train(torch, cell, hidden, embed, args):
    rnn = layer(torch, cell, embed, hidden)
    optimizer = torch.optim.Adam(rnn.parameters(), lr=1e-3)
    x = torch.randn(args.steps, args.batch, embed)

    def run():
        optimizer.zero_grad()
        out, _ = rnn(x)
        out.sum().backward()
        optimizer.step()
    return args.steps * args.batch / median_seconds(run, args.repeats)


class LanguageModel:
    def __init__(self, torch, cell, hidden, embed, vocab):
        self.embedding = torch.nn.Embedding(vocab, embed)
        self.rnn = layer(torch, cell, embed, hidden)
        self.head = torch.nn.Linear(hidden, vocab)

    def parameters(self):
        return list(self.embedding.parameters()) + list(self.rnn.parameters()) + list(self.head.parameters())

    def logits(self, ids):
        out, _ = self.rnn(self.embedding(ids))
        return self.head(out)


def lm_train(torch, cell, hidden, embed, vocab, args):
    model = LanguageModel(torch, cell, hidden, embed, vocab)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    inputs = torch.randint(vocab, (args.steps, args.batch))
    targets = torch.randint(vocab, (args.steps, args.batch))
    loss_fn = torch.nn.CrossEntropyLoss()

    def run():
        optimizer.zero_grad()
        loss = loss_fn(model.logits(inputs).reshape(-1, vocab), targets.reshape(-1))
        loss.backward()
        optimizer.step()
    return args.steps * args.batch / median_seconds(run, args.repeats)


def lm_trace(torch, cell, hidden, embed, vocab, args):
    model = LanguageModel(torch, cell, hidden, embed, vocab)
    ids = torch.randint(vocab, (args.lm_trace_length, 1))

    def run():
        with torch.no_grad():
            torch.softmax(model.logits(ids), dim=-1)
    return median_seconds(run, args.repeats) / args.lm_trace_length * 1e6


if __name__ == "__main__":
    main()
