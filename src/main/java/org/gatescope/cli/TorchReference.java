package org.gatescope.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * {@code bench --reference}: runs the same cases in PyTorch, with the script bundled beside this
 * class ({@code bench_reference.py}), once per thread count with {@code OMP_NUM_THREADS} and
 * {@code OPENBLAS_NUM_THREADS} set (the script also calls {@code torch.set_num_threads}). Without
 * Python or torch it says so and the caller still prints GateScope's rows.
 */
final class TorchReference {

    static final String DEFAULT_PYTHON = "/usr/bin/python3";
    private static final String SCRIPT = "bench_reference.py";

    /** The reference rows, or why there are none. */
    record Outcome(boolean available, String message, List<BenchRow> rows) {
    }

    private final String python;

    TorchReference(String python) {
        this.python = python;
    }

    /**
     * Times in PyTorch every case of {@code ours} it has (peephole LSTMs it has not), at each thread
     * count of {@code threads} (the trace cases at one thread).
     */
    Outcome run(List<BenchRow> ours, List<Integer> threads, int repeats, int lmTraceLength, int traceLength) {
        Path script;
        try {
            script = Files.createTempFile("gatescope-bench-", ".py");
            try (InputStream in = TorchReference.class.getResourceAsStream(SCRIPT)) {
                if (in == null) {
                    return new Outcome(false, "the reference script is missing from this build", List.of());
                }
                Files.write(script, in.readAllBytes());
            }
        } catch (IOException e) {
            return new Outcome(false, "cannot write the reference script: " + e.getMessage(), List.of());
        }
        try {
            List<BenchRow> rows = new ArrayList<>();
            Set<Integer> counts = new LinkedHashSet<>(threads);
            boolean first = true;
            for (int n : counts) {
                String cases = cases(ours, n, first);
                if (cases.isEmpty()) {
                    continue;
                }
                List<String> command = new ArrayList<>(List.of(python, script.toString(), "--threads",
                        Integer.toString(n), "--repeats", Integer.toString(repeats), "--trace-length",
                        Integer.toString(traceLength), "--lm-trace-length", Integer.toString(lmTraceLength),
                        "--cases", cases));
                first = false;
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
                builder.environment().put("OMP_NUM_THREADS", Integer.toString(n));
                builder.environment().put("OPENBLAS_NUM_THREADS", Integer.toString(n));
                builder.environment().put("MKL_NUM_THREADS", Integer.toString(n));
                Process process;
                try {
                    process = builder.start();
                } catch (IOException e) {
                    return new Outcome(false, "PyTorch not run: cannot start " + python + " (" + e.getMessage()
                            + "); GateScope's rows above stand alone", List.of());
                }
                process.getOutputStream().close();
                List<String> other = new ArrayList<>();
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = reader.readLine()) != null) {
                        var row = BenchRow.parse(line);
                        if (row.isPresent()) {
                            rows.add(row.get());
                        } else if (!line.isBlank()) {
                            other.add(line.trim());
                        }
                    }
                }
                int status = process.waitFor();
                if (status != 0) {
                    String why = other.isEmpty() ? "exit status " + status : other.get(other.size() - 1);
                    return new Outcome(false, "PyTorch not run with " + python + ": " + why
                            + "; GateScope's rows above stand alone", List.of());
                }
            }
            return new Outcome(true, "", rows);
        } catch (IOException e) {
            return new Outcome(false, "PyTorch reference failed: " + e.getMessage(), List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, "PyTorch reference interrupted", List.of());
        } finally {
            try {
                Files.deleteIfExists(script);
            } catch (IOException ignored) {
                // a temporary file left behind is harmless
            }
        }
    }

    /**
     * The script's case list for thread count n: every row of ours at that count (the trace rows,
     * single-threaded by nature, in the first run only), as {@code kind:cell:H:D[:V]}.
     */
    static String cases(List<BenchRow> ours, int threads, boolean includeSingleThreadCases) {
        StringJoiner joined = new StringJoiner(",");
        for (BenchRow row : ours) {
            Integer rowThreads = row.fields().get("threads");
            boolean traceLike = row.kind().equals("trace") || row.kind().equals("lm-trace");
            boolean wanted = traceLike ? includeSingleThreadCases : rowThreads != null && rowThreads == threads;
            if (!wanted || row.cell().equals("peephole_lstm")) {
                continue;
            }
            StringBuilder item = new StringBuilder(row.kind()).append(':').append(row.cell()).append(':')
                    .append(row.fields().get("H")).append(':').append(row.fields().get("D"));
            if (row.fields().containsKey("V")) {
                item.append(':').append(row.fields().get("V"));
            }
            joined.add(item);
        }
        return joined.toString();
    }
}
