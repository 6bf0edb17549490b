package org.gatescope.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.Precision;
import org.gatescope.engine.GruReset;
import org.gatescope.engine.Model;
import org.gatescope.engine.analysis.NumberUnits;
import org.gatescope.engine.cell.Workers;
import org.gatescope.engine.train.AgreementTask;
import org.gatescope.engine.train.TrainingConfig;
import org.gatescope.engine.train.TrainingControl;
import org.gatescope.engine.train.TrainingProgress;
import org.gatescope.io.ModelFiles;

/**
 * {@code train}: trains a model on the agreement corpus with a progress bar on stderr and
 * writes it atomically, so an interrupted run leaves no half-written file.
 */
final class TrainCommand implements Command {

    @Override
    public String name() {
        return "train";
    }

    @Override
    public String summary() {
        return "train a model on the agreement corpus (deterministic for a seed)";
    }

    @Override
    public String usage() {
        return "train --cell rnn|gru|gru_simple|lstm|peephole_lstm --hidden H [--embed D] [--seed S] [--epochs N]"
                + " [--gru-reset before|after] [--learning-rate 0.01] [--final-learning-rate 0.003] [--patience 5]"
                + " [--sentences 80000] [--threads N] [--precision float64|float32] --out FILE.safetensors";
    }

    @Override
    public int run(String[] args, InputStream in, PrintStream out, PrintStream err) throws Exception {
        Options options = Options.parse(name(), args, 0,
                Set.of("cell", "hidden", "embed", "seed", "epochs", "gru-reset", "out", "learning-rate",
                        "final-learning-rate", "patience", "sentences", "threads", "precision"), Set.of());
        String cellId = options.require("cell");
        CellKind cell = CellKind.fromId(cellId).orElseThrow(() -> new UsageException(name() + ": unknown cell '"
                + cellId + "' (cells: rnn, gru, gru_simple, lstm, peephole_lstm)"));
        options.require("hidden");
        int hidden = options.intValue("hidden", 16, 1, 1024);
        int embed = options.intValue("embed", 16, 1, 1024);
        long seed = options.longValue("seed", 1);
        int epochs = options.intValue("epochs", 20, 1, 10_000);
        GruReset reset = GruReset.fromId(options.choice("gru-reset", "before", Set.of("before", "after"))).get();
        Path target = Path.of(options.require("out"));
        // Refuse an impossible destination now, not after minutes of training.
        Path directory = target.toAbsolutePath().getParent();
        if (!Files.isDirectory(directory)) {
            throw new UsageException(name() + ": cannot write " + target + ": directory " + directory
                    + " does not exist");
        }
        if (!Files.isWritable(directory)) {
            throw new UsageException(name() + ": cannot write " + target + ": directory " + directory
                    + " is not writable");
        }
        TrainingConfig defaults = TrainingConfig.defaults(cell, hidden, embed, seed, epochs);
        double learningRate = positive(options, "learning-rate", defaults.learningRate());
        double finalLearningRate = positive(options, "final-learning-rate",
                Math.min(learningRate, defaults.finalLearningRate()));
        int patience = options.intValue("patience", defaults.patience(), 1, 10_000);
        int sentences = options.intValue("sentences", defaults.sentences(), TrainingConfig.MIN_SENTENCES,
                TrainingConfig.MAX_SENTENCES);
        TrainingConfig config = new TrainingConfig(cell, reset, hidden, embed, seed, epochs, defaults.batchSize(),
                learningRate, finalLearningRate, defaults.clipNorm(), patience, defaults.verbWeight(), sentences,
                Precision.fromId(options.choice("precision", "float64", Set.of("float64", "float32"))).get());
        ProgressBar bar = new ProgressBar(err, System.console() != null);
        // Any count gives the same file (decision 0021), so the recorded command leaves it out.
        int threads = options.intValue("threads", Workers.availableThreads(), 1, 256);
        Model model = AgreementTask.train(config, bar, new TrainingControl(), 250, 0, 0, threads);
        bar.finish();
        ModelFiles.write(target, model);
        err.printf(Locale.ROOT, "wrote %s: %s H=%d D=%d, validation agreement %s%n", target, cell.id(), hidden, embed,
                model.metadata().get("validation_agreement"));
        for (NumberUnits.UnitScore unit : NumberUnits.stored(model)) {
            err.printf(Locale.ROOT, "number unit %d: sign of c encodes the subject's number %.1f%% of the time;"
                            + " silencing it: agreement %.1f%% -> %.1f%%%n", unit.unit(),
                    100 * unit.encodingAccuracy(), 100 * unit.agreementBefore(), 100 * unit.agreementAfter());
        }
        return 0;
    }

    private double positive(Options options, String name, double fallback) throws UsageException {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            double parsed = Double.parseDouble(value);
            if (parsed > 0 && parsed < 10) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new UsageException(name() + ": --" + name + " must be a number between 0 and 10, got '" + value + "'");
    }

    /** Percent, loss, accuracy and ETA on one self-rewriting line (or a line per epoch when not a terminal). */
    private static final class ProgressBar implements Consumer<TrainingProgress> {
        private static final int WIDTH = 30;
        private final PrintStream err;
        private final boolean terminal;
        private boolean drawn;

        ProgressBar(PrintStream err, boolean terminal) {
            this.err = err;
            this.terminal = terminal;
        }

        @Override
        public void accept(TrainingProgress p) {
            if (!terminal && !p.epochEnd()) {
                return;
            }
            int filled = (int) Math.round(p.fractionDone() * WIDTH);
            String line = String.format(Locale.ROOT, "[%s%s] %3.0f%% epoch %d/%d loss %.3f val acc %s ETA %s",
                    "#".repeat(filled), ".".repeat(WIDTH - filled), 100 * p.fractionDone(), p.epoch(), p.epochs(),
                    p.epochEnd() ? p.validationLoss() : p.trainingLoss(),
                    Double.isNaN(p.validationAccuracy()) ? "  -  "
                            : String.format(Locale.ROOT, "%.1f%%", 100 * p.validationAccuracy()),
                    eta(p.secondsLeft()));
            if (terminal) {
                err.print("\r" + line);
                drawn = true;
            } else {
                err.println(line);
            }
            err.flush();
        }

        void finish() {
            if (drawn) {
                err.println();
            }
        }

        private static String eta(double seconds) {
            if (Double.isNaN(seconds)) {
                return "--:--";
            }
            long s = Math.round(seconds);
            return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
        }
    }
}
