package org.gatescope.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.Precision;
import org.gatescope.engine.cell.Tiling;
import org.gatescope.engine.cell.Workers;
import org.gatescope.engine.train.LayerBenchmark;

/**
 * Where {@code bench} measures a case: in this JVM ({@code --in-process}), or, by default, in a
 * fresh JVM of its own, as JMH forks. In one long-lived JVM a case's figure depended on the cases
 * before it: code compiled for their shapes, their garbage. The language model's trace, timed last,
 * read 235 µs a token against 58–65 µs on its own (decision 0025).
 */
abstract class BenchCases {

    abstract double trace(CellKind cell, int hidden, int embed);

    abstract double train(CellKind cell, int hidden, int embed, int threads, Precision precision);

    abstract double languageModelTrain(CellKind cell, int hidden, int embed, int vocab, int threads,
                                       Precision precision);

    abstract double languageModelTrace(CellKind cell, int hidden, int embed, int vocab);

    /** Cases measured here, by {@code bench}. */
    static BenchCases inProcess(LayerBenchmark bench) {
        return new BenchCases() {
            @Override
            double trace(CellKind cell, int hidden, int embed) {
                return bench.traceMicrosPerToken(cell, hidden, embed);
            }

            @Override
            double train(CellKind cell, int hidden, int embed, int threads, Precision precision) {
                return bench.trainTokensPerSecond(cell, hidden, embed, Workers.of(threads), precision);
            }

            @Override
            double languageModelTrain(CellKind cell, int hidden, int embed, int vocab, int threads,
                                      Precision precision) {
                return bench.languageModelTrainTokensPerSecond(cell, hidden, embed, vocab, Workers.of(threads),
                        precision);
            }

            @Override
            double languageModelTrace(CellKind cell, int hidden, int embed, int vocab) {
                return bench.languageModelTraceMicrosPerToken(cell, hidden, embed, vocab);
            }
        };
    }

    /** Set by the packaged launcher (src/dist/launcher/gatescope) to its own path. */
    static final String LAUNCHER_PROPERTY = "gatescope.launcher";

    /** Each case in a JVM of its own, started as this one was; empty when that cannot be told. */
    static Optional<BenchCases> forked(int repeats) {
        return javaCommand().map(command -> new Forked(command, repeats));
    }

    /**
     * How to start GateScope again: the packaged launcher that started this JVM (it names itself in
     * {@value #LAUNCHER_PROPERTY} and carries the JVM's options), or {@code java} with this JVM's class or
     * module path and, when the tiles run, their module.
     */
    static Optional<List<String>> javaCommand() {
        String launcher = System.getProperty(LAUNCHER_PROPERTY, "");
        if (!launcher.isEmpty() && java.nio.file.Files.isExecutable(java.nio.file.Path.of(launcher))) {
            return Optional.of(List.of(launcher));
        }
        Optional<String> executable = ProcessHandle.current().info().command();
        if (executable.isEmpty()) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(executable.get());
        if (!executable.get().endsWith("/java")) {
            return Optional.of(command);
        }
        if (Tiling.ENABLED) {
            command.add("--add-modules");
            command.add("jdk.incubator.vector");
        }
        String modulePath = System.getProperty("jdk.module.path");
        if (modulePath != null && !modulePath.isEmpty()) {
            command.addAll(List.of("-p", modulePath, "--add-modules", "ALL-MODULE-PATH", "-m",
                    "org.gatescope/org.gatescope.Main"));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.gatescope.Main"));
        }
        return Optional.of(command);
    }

    private static final class Forked extends BenchCases {

        private final List<String> command;
        private final int repeats;

        Forked(List<String> command, int repeats) {
            this.command = command;
            this.repeats = repeats;
        }

        @Override
        double trace(CellKind cell, int hidden, int embed) {
            return run("trace", "--cells", cell.id(), "--hidden", hidden, "--embed", embed);
        }

        @Override
        double train(CellKind cell, int hidden, int embed, int threads, Precision precision) {
            return run("train", "--cells", cell.id(), "--hidden", hidden, "--embed", embed, "--threads", threads,
                    "--precision", precision.id());
        }

        @Override
        double languageModelTrain(CellKind cell, int hidden, int embed, int vocab, int threads,
                                  Precision precision) {
            return run("lm-train", "--lm-cells", cell.id(), "--lm-hidden", hidden, "--embed", embed, "--vocab",
                    vocab, "--threads", threads, "--precision", precision.id());
        }

        @Override
        double languageModelTrace(CellKind cell, int hidden, int embed, int vocab) {
            return run("lm-trace", "--lm-cells", cell.id(), "--lm-hidden", hidden, "--embed", embed, "--vocab",
                    vocab);
        }

        /** Runs one case in a new JVM and reads the figure off its one row. */
        private double run(String kind, Object... options) {
            List<String> args = new ArrayList<>(command);
            args.addAll(List.of("bench", "--in-process", "--case", kind, "--repeats", Integer.toString(repeats)));
            for (Object option : options) {
                args.add(option.toString());
            }
            try {
                ProcessBuilder builder = new ProcessBuilder(args).redirectErrorStream(true);
                Process process = builder.start();
                process.getOutputStream().close();
                String output;
                try (InputStream in = process.getInputStream()) {
                    output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                int status = process.waitFor();
                for (String line : output.split("\n")) {
                    if (line.startsWith(kind + " ") && line.contains("=")) {
                        String value = line.substring(line.lastIndexOf('=') + 1).trim();
                        return Double.parseDouble(value);
                    }
                }
                throw new IllegalStateException(String.format(Locale.ROOT,
                        "the JVM measuring %s (%s) exited %d without a row: %s", kind, String.join(" ", command),
                        status, lastLine(output)));
            } catch (IOException e) {
                throw new IllegalStateException("cannot start a JVM to measure " + kind + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while measuring " + kind, e);
            }
        }

        private static String lastLine(String output) {
            String[] lines = output.strip().split("\n");
            return lines.length == 0 || lines[lines.length - 1].isEmpty() ? "(no output)" : lines[lines.length - 1];
        }
    }
}
