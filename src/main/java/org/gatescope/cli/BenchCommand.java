package org.gatescope.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.train.LayerBenchmark;

/**
 * {@code bench}: times the recurrent layer, one line per case, in a fixed form anyone can
 * compare across machines:
 * {@code trace lstm H=64 D=32 us_per_token=3.1} and
 * {@code train lstm H=64 D=32 batch=32 T=20 tokens_per_s=80000}.
 */
final class BenchCommand implements Command {

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "time the recurrent layer: trace (batch 1) and train (forward+backward+Adam), single thread";
    }

    @Override
    public String usage() {
        return "bench [--cells lstm,gru,peephole_lstm] [--hidden 16,64,256] [--embed 32] [--case trace|train|all]"
                + " [--repeats 5]";
    }

    @Override
    public int run(String[] args, InputStream in, PrintStream out, PrintStream err) throws Exception {
        Options options = Options.parse(name(), args, 0, Set.of("cells", "hidden", "embed", "case", "repeats"),
                Set.of());
        List<CellKind> cells = new ArrayList<>();
        for (String id : options.get("cells", "lstm,gru,peephole_lstm").split(",")) {
            cells.add(CellKind.fromId(id.trim()).orElseThrow(
                    () -> new UsageException(name() + ": unknown cell '" + id.trim() + "'")));
        }
        List<Integer> hiddenSizes = new ArrayList<>();
        for (String h : options.get("hidden", "16,64,256").split(",")) {
            try {
                int value = Integer.parseInt(h.trim());
                if (value < 1 || value > 4096) {
                    throw new NumberFormatException();
                }
                hiddenSizes.add(value);
            } catch (NumberFormatException e) {
                throw new UsageException(name() + ": --hidden takes sizes from 1 to 4096, got '" + h.trim() + "'");
            }
        }
        int embed = options.intValue("embed", 32, 1, 4096);
        String which = options.choice("case", "all", Set.of("trace", "train", "all"));
        int repeats = options.intValue("repeats", 5, 1, 100);
        LayerBenchmark.Settings defaults = LayerBenchmark.Settings.defaults();
        LayerBenchmark bench = new LayerBenchmark(new LayerBenchmark.Settings(defaults.traceLength(),
                defaults.batch(), defaults.steps(), defaults.warmupSeconds(), defaults.measureSeconds(), repeats));
        if (!which.equals("train")) {
            for (CellKind cell : cells) {
                for (int h : hiddenSizes) {
                    double micros = bench.traceMicrosPerToken(cell, h, embed);
                    out.printf(Locale.ROOT, "trace %s H=%d D=%d us_per_token=%.2f%n", cell.id(), h, embed, micros);
                    out.flush();
                }
            }
        }
        if (!which.equals("trace")) {
            for (CellKind cell : cells) {
                for (int h : hiddenSizes) {
                    double rate = bench.trainTokensPerSecond(cell, h, embed);
                    out.printf(Locale.ROOT, "train %s H=%d D=%d batch=%d T=%d tokens_per_s=%.0f%n", cell.id(), h,
                            embed, defaults.batch(), defaults.steps(), rate);
                    out.flush();
                }
            }
        }
        return 0;
    }
}
