package org.gatescope.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code bench --reference}: times each of GateScope's cases in PyTorch right after GateScope's own
 * measurement, so that both see the same load on a shared machine. The script bundled beside this
 * class ({@code bench_reference.py}) runs as one process per thread count, started with
 * {@code OMP_NUM_THREADS} and {@code OPENBLAS_NUM_THREADS} set (it also calls
 * {@code torch.set_num_threads}), and answers one case per line on its standard input. Without
 * Python or torch it is {@linkplain #available() unavailable} with a one-line reason, and the
 * caller still prints GateScope's rows.
 */
final class TorchReference implements AutoCloseable {

    static final String DEFAULT_PYTHON = "/usr/bin/python3";
    private static final String SCRIPT = "bench_reference.py";

    private final String python;
    private final int repeats;
    private final int traceLength;
    private final int lmTraceLength;
    private final Map<Integer, Session> sessions = new LinkedHashMap<>();
    private final String blasDirectory;
    private Path script;
    private String failure;
    private final java.util.List<String> notes = new java.util.ArrayList<>();

    /**
     * @param blasDirectory a directory put first on the script's {@code LD_LIBRARY_PATH} (one holding
     *     OpenBLAS's {@code libblas.so.3}, for a PyTorch that links the system's BLAS), or null
     */
    TorchReference(String python, String blasDirectory, int repeats, int traceLength, int lmTraceLength) {
        this.python = python;
        this.blasDirectory = blasDirectory;
        this.repeats = repeats;
        this.traceLength = traceLength;
        this.lmTraceLength = lmTraceLength;
    }

    /** False once PyTorch could not be run; {@link #message()} says why. */
    boolean available() {
        return failure == null;
    }

    String message() {
        return failure;
    }

    /** What the scripts said about themselves (PyTorch's version, threads, BLAS) since the last call. */
    java.util.List<String> takeNotes() {
        java.util.List<String> taken = java.util.List.copyOf(notes);
        notes.clear();
        return taken;
    }

    /**
     * PyTorch's row for the case and shape of {@code ours}, or empty if PyTorch has no such case (a
     * peephole LSTM) or is not available.
     */
    Optional<BenchRow> measure(BenchRow ours) {
        Optional<String> item = caseOf(ours);
        if (item.isEmpty() || !available()) {
            return Optional.empty();
        }
        Integer threads = ours.fields().getOrDefault("threads", 1);
        try {
            Session session = sessions.get(threads);
            if (session == null) {
                session = start(threads);
                sessions.put(threads, session);
            }
            return Optional.of(session.ask(item.get()));
        } catch (IOException e) {
            failure = "PyTorch not run with " + python + ": " + e.getMessage() + "; GateScope's rows stand alone";
            return Optional.empty();
        }
    }

    /** The script's name for a case, {@code kind:cell:H:D[:V]}; empty for cells PyTorch lacks. */
    static Optional<String> caseOf(BenchRow row) {
        if (row.cell().equals("peephole_lstm")) {
            return Optional.empty();
        }
        StringBuilder item = new StringBuilder(row.kind()).append(':').append(row.cell()).append(':')
                .append(row.fields().get("H")).append(':').append(row.fields().get("D"));
        if (row.fields().containsKey("V")) {
            item.append(':').append(row.fields().get("V"));
        }
        return Optional.of(item.toString());
    }

    private Session start(int threads) throws IOException {
        if (script == null) {
            try (InputStream in = TorchReference.class.getResourceAsStream(SCRIPT)) {
                if (in == null) {
                    throw new IOException("the reference script is missing from this build");
                }
                script = Files.createTempFile("gatescope-bench-", ".py");
                Files.write(script, in.readAllBytes());
            }
        }
        ProcessBuilder builder = new ProcessBuilder(python, script.toString(), "--threads", Integer.toString(threads),
                "--repeats", Integer.toString(repeats), "--trace-length", Integer.toString(traceLength),
                "--lm-trace-length", Integer.toString(lmTraceLength)).redirectErrorStream(true);
        for (String variable : new String[] {"OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"}) {
            builder.environment().put(variable, Integer.toString(threads));
        }
        if (blasDirectory != null) {
            String inherited = builder.environment().get("LD_LIBRARY_PATH");
            builder.environment().put("LD_LIBRARY_PATH", blasDirectory
                    + (inherited == null || inherited.isEmpty() ? "" : java.io.File.pathSeparator + inherited));
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IOException("cannot start it (" + e.getMessage() + ")");
        }
        return new Session(process, notes);
    }

    @Override
    public void close() {
        for (Session session : sessions.values()) {
            session.close();
        }
        sessions.clear();
        if (script != null) {
            try {
                Files.deleteIfExists(script);
            } catch (IOException ignored) {
                // a temporary file left behind is harmless
            }
        }
    }

    /** One running script: a case per line in, its row (after any warnings) out. */
    private static final class Session {
        private final Process process;
        private final PrintWriter toScript;
        private final BufferedReader fromScript;
        private final java.util.List<String> notes;

        Session(Process process, java.util.List<String> notes) {
            this.process = process;
            this.notes = notes;
            this.toScript = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8),
                    true);
            this.fromScript = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
        }

        BenchRow ask(String item) throws IOException {
            toScript.println(item);
            if (toScript.checkError()) {
                throw new IOException(lastWords("it stopped"));
            }
            String line;
            while ((line = fromScript.readLine()) != null) {
                Optional<BenchRow> row = BenchRow.parse(line);
                if (row.isPresent()) {
                    return row.get();
                }
                if (line.startsWith("info: ")) {
                    notes.add(line.substring("info: ".length()));
                    continue;
                }
                if (line.startsWith("error: ")) {
                    throw new IOException(line.substring("error: ".length()));
                }
                if (!line.isBlank()) {
                    lastLine = line.trim();
                }
            }
            throw new IOException(lastWords("it stopped"));
        }

        private String lastLine;

        private String lastWords(String fallback) {
            return lastLine != null ? lastLine : fallback;
        }

        void close() {
            toScript.close();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroy();
                }
            } catch (InterruptedException e) {
                process.destroy();
                Thread.currentThread().interrupt();
            }
        }
    }
}
