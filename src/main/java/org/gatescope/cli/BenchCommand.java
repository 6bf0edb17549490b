package org.gatescope.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.Precision;
import org.gatescope.engine.cell.Tiling;
import org.gatescope.engine.cell.Workers;
import org.gatescope.engine.train.LayerBenchmark;

/**
 * {@code bench}: times the recurrent layer and the word-level language model, one line per case,
 * in a fixed form anyone can compare across machines:
 * {@code trace lstm H=64 D=32 us_per_token=3.1},
 * {@code train lstm H=64 D=32 batch=32 T=20 threads=1 tokens_per_s=80000},
 * {@code lm-train gru H=64 D=32 V=5000 batch=32 T=20 threads=2 tokens_per_s=9000} and
 * {@code lm-trace gru H=64 D=32 V=5000 threads=1 us_per_token=30.5}. With {@code --reference} the
 * same shapes run in PyTorch in the same run ({@link TorchReference}) and the ratios follow.
 */
final class BenchCommand implements Command {

    private static final List<String> CASES = List.of("trace", "train", "lm-train", "lm-trace");

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "time the recurrent layer and a word-level language model (--reference: against PyTorch)";
    }

    @Override
    public String usage() {
        return "bench [--cells lstm,gru,peephole_lstm] [--hidden 16,64,256] [--embed 32] [--lm-cells gru,lstm]"
                + " [--lm-hidden 64,256] [--vocab 5000] [--case trace|train|lm-train|lm-trace|lm|all,…]"
                + " [--threads N[,M]] [--precision float64,float32] [--repeats 5] [--in-process] [--reference]"
                + " [--python /usr/bin/python3] [--blas DIR]";
    }

    @Override
    public int run(String[] args, InputStream in, PrintStream out, PrintStream err) throws Exception {
        Options options = Options.parse(name(), args, 0, Set.of("cells", "hidden", "embed", "case", "repeats",
                "threads", "lm-cells", "lm-hidden", "vocab", "python", "blas", "precision"), Set.of("reference",
                "in-process"));
        List<CellKind> cells = cells(options.get("cells", "lstm,gru,peephole_lstm"), "cells");
        List<Integer> hiddenSizes = sizes(options.get("hidden", "16,64,256"), "hidden", 4096);
        List<CellKind> lmCells = cells(options.get("lm-cells", "gru,lstm"), "lm-cells");
        List<Integer> lmHiddenSizes = sizes(options.get("lm-hidden", "64,256"), "lm-hidden", 4096);
        int embed = options.intValue("embed", 32, 1, 4096);
        int vocab = options.intValue("vocab", 5000, 2, 100_000);
        Set<String> which = cases(options.get("case", "all"));
        int repeats = options.intValue("repeats", 5, 1, 100);
        List<Precision> precisions = precisions(options.get("precision", "float64,float32"));
        boolean reference = options.has("reference");
        int cores = Workers.availableThreads();
        // With --reference: one thread and every core, so that both ratios exist.
        List<Integer> threads = sizes(options.get("threads", reference && cores > 1 ? "1," + cores
                : Integer.toString(cores)), "threads", 256);
        LayerBenchmark.Settings defaults = LayerBenchmark.Settings.defaults();
        LayerBenchmark bench = new LayerBenchmark(new LayerBenchmark.Settings(defaults.traceLength(),
                defaults.batch(), defaults.steps(), defaults.warmupSeconds(), defaults.measureSeconds(), repeats));
        List<BenchRow> rows = new ArrayList<>();
        List<BenchRow> torchRows = new ArrayList<>();
        // Each case in a JVM of its own unless --in-process (BenchCases says why); a JVM that times
        // cases warms the tiles up first: they take over from the loops only once compiled (Tiling).
        BenchCases cases = options.has("in-process") ? null : BenchCases.forked(repeats).orElse(null);
        if (cases == null) {
            long warmUpStart = System.nanoTime();
            Tiling.warmUpNow();
            out.println("kernels: " + Tiling.describe() + (Tiling.warm() ? String.format(java.util.Locale.ROOT,
                    " (warmed up in %.1f s)", (System.nanoTime() - warmUpStart) / 1e9) : ""));
            cases = BenchCases.inProcess(bench);
        } else {
            out.println("kernels: " + Tiling.kernels() + "; each case in a JVM of its own, which warms them up first");
        }
        try (TorchReference torch = reference ? new TorchReference(options.get("python", TorchReference.DEFAULT_PYTHON),
                options.get("blas"), repeats, defaults.traceLength(), LayerBenchmark.LM_TRACE_LENGTH) : null) {
            // PyTorch's row for a shape, measured once for GateScope's rows of both precisions.
            java.util.Map<String, java.util.Optional<BenchRow>> measured = new java.util.HashMap<>();
            Emitter emit = row -> {
                rows.add(row);
                out.println(row.format());
                out.flush();
                if (torch != null && torch.available() && !measured.containsKey(row.key())) {
                    var theirs = torch.measure(row);
                    measured.put(row.key(), theirs);
                    for (String note : torch.takeNotes()) {
                        out.println("reference: " + note + (note.contains("/blas/libblas") ? " (Debian's reference"
                                + " BLAS, not OpenBLAS: PyTorch's products run unoptimised; see --blas)" : ""));
                    }
                    theirs.ifPresent(t -> {
                        torchRows.add(t);
                        out.println("torch " + t.format());
                    });
                    if (!torch.available()) {
                        out.println("reference: " + torch.message());
                    }
                    out.flush();
                }
            };
            measure(emit, which, cells, hiddenSizes, lmCells, lmHiddenSizes, threads, precisions, embed, vocab,
                    cases, defaults);
        }
        for (String line : BenchRow.ratios(rows, torchRows)) {
            out.println(line);
        }
        out.flush();
        return 0;
    }

    /** Prints a measured row (and, with --reference, PyTorch's beside it). */
    private interface Emitter {
        void emit(BenchRow row);
    }

    private static void measure(Emitter out, Set<String> which, List<CellKind> cells, List<Integer> hiddenSizes,
                                List<CellKind> lmCells, List<Integer> lmHiddenSizes, List<Integer> threads,
                                List<Precision> precisions, int embed, int vocab, BenchCases bench,
                                LayerBenchmark.Settings defaults) {
        if (which.contains("trace")) {
            for (CellKind cell : cells) {
                for (int h : hiddenSizes) {
                    out.emit(BenchRow.trace(cell.id(), h, embed, bench.trace(cell, h, embed)));
                }
            }
        }
        if (which.contains("train")) {
            for (int n : threads) {
                for (CellKind cell : cells) {
                    for (int h : hiddenSizes) {
                        for (Precision p : precisions) {
                            out.emit(BenchRow.train(cell.id(), h, embed, defaults.batch(), defaults.steps(), n, p.id(),
                                    bench.train(cell, h, embed, n, p)));
                        }
                    }
                }
            }
        }
        if (which.contains("lm-train")) {
            for (int n : threads) {
                for (CellKind cell : lmCells) {
                    for (int h : lmHiddenSizes) {
                        for (Precision p : precisions) {
                            out.emit(BenchRow.languageModelTrain(cell.id(), h, embed, vocab, defaults.batch(),
                                    defaults.steps(), n, p.id(),
                                    bench.languageModelTrain(cell, h, embed, vocab, n, p)));
                        }
                    }
                }
            }
        }
        if (which.contains("lm-trace")) {
            for (CellKind cell : lmCells) {
                for (int h : lmHiddenSizes) {
                    out.emit(BenchRow.languageModelTrace(cell.id(), h, embed, vocab,
                            bench.languageModelTrace(cell, h, embed, vocab)));
                }
            }
        }
    }

    private List<Precision> precisions(String list) throws UsageException {
        List<Precision> chosen = new ArrayList<>();
        for (String id : list.split(",")) {
            Precision p = Precision.fromId(id.trim()).orElseThrow(() -> new UsageException(name()
                    + ": --precision takes float64, float32 or both (float64,float32), got '" + id.trim() + "'"));
            if (!chosen.contains(p)) {
                chosen.add(p);
            }
        }
        return chosen;
    }

    private List<CellKind> cells(String list, String option) throws UsageException {
        List<CellKind> cells = new ArrayList<>();
        for (String id : list.split(",")) {
            cells.add(CellKind.fromId(id.trim()).orElseThrow(
                    () -> new UsageException(name() + ": --" + option + ": unknown cell '" + id.trim() + "'")));
        }
        return cells;
    }

    private List<Integer> sizes(String list, String option, int max) throws UsageException {
        List<Integer> sizes = new ArrayList<>();
        for (String h : list.split(",")) {
            try {
                int value = Integer.parseInt(h.trim());
                if (value < 1 || value > max) {
                    throw new NumberFormatException();
                }
                sizes.add(value);
            } catch (NumberFormatException e) {
                throw new UsageException(name() + ": --" + option + " takes numbers from 1 to " + max + ", got '"
                        + h.trim() + "'");
            }
        }
        return sizes;
    }

    private Set<String> cases(String list) throws UsageException {
        Set<String> chosen = new java.util.LinkedHashSet<>();
        for (String c : list.split(",")) {
            String name = c.trim();
            switch (name) {
                case "all" -> chosen.addAll(CASES);
                case "lm" -> chosen.addAll(List.of("lm-train", "lm-trace"));
                default -> {
                    if (!CASES.contains(name)) {
                        throw new UsageException(name() + ": --case takes trace, train, lm-train, lm-trace, lm or all,"
                                + " got '" + name + "'");
                    }
                    chosen.add(name);
                }
            }
        }
        return chosen;
    }
}
