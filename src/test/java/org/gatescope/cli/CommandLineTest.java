package org.gatescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.gatescope.TestModels;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.GruReset;
import org.gatescope.engine.TextTooLongException;
import org.gatescope.io.Json;
import org.gatescope.io.ModelFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command-line contract of docs/cli.md: {@code trace} and {@code info} succeed with exit 0
 * on good input, and every kind of bad input gets exit 2 with one line on stderr that names
 * the problem — never a stack trace; a bug is an internal error (exit 1), never passed off as bad input.
 */
class CommandLineTest {

    private static final String LECTURE = "The cat, which already ate ..., was full.";

    @TempDir
    Path dir;
    private Path model;

    /** What one run printed. */
    record Result(int status, String out, String err) {
    }

    @BeforeEach
    void writeModel() throws Exception {
        model = dir.resolve("lstm.safetensors");
        ModelFiles.write(model, TestModels.random(CellKind.LSTM, GruReset.AFTER, 16, 4, 5, 1));
    }

    static Result run(String... args) {
        return runWithInput("", args);
    }

    static Result runWithInput(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CommandLine.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Exit 2 with exactly one line on stderr that mentions every fragment, and no stack trace. */
    static void assertRefused(Result result, String... fragments) {
        assertEquals(2, result.status(), "exit status; stderr: " + result.err());
        String err = result.err().strip();
        assertFalse(err.contains("\n"), "one line on stderr, got: " + err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace: " + err);
        for (String fragment : fragments) {
            assertTrue(err.contains(fragment), "stderr should mention '" + fragment + "': " + err);
        }
    }

    @SuppressWarnings("unchecked")
    @Test
    void traceOfTheLectureSentencePrintsEveryLstmGatePerToken() {
        Result result = run("trace", "--model", model.toString(), "--text", LECTURE, "--probs");
        assertEquals(0, result.status(), result.err());
        Map<String, Object> json = (Map<String, Object>) Json.parse(result.out());
        assertEquals("lstm", json.get("cell"));
        assertEquals(List.of("the", "cat", ",", "which", "already", "ate", "...", ",", "was", "full", "."),
                json.get("tokens"));
        assertEquals(List.of(), json.get("unknown"));
        List<Map<String, Object>> steps = (List<Map<String, Object>>) json.get("steps");
        assertEquals(11, steps.size());
        assertEquals(List.of("u", "f", "o", "c_tilde", "c", "a", "layers", "probs"), List.copyOf(steps.get(0).keySet()),
                "today's keys, then the additive per-layer list");
        assertEquals(5, ((List<?>) steps.get(0).get("u")).size());
        Map<String, Object> probs = (Map<String, Object>) steps.get(8).get("probs");
        double total = probs.values().stream().mapToDouble(p -> ((Number) p).doubleValue()).sum();
        assertEquals(1.0, total, 1e-9);
    }

    @SuppressWarnings("unchecked")
    @Test
    void gruTraceHasRelevanceGateAndNoForgetGate() throws Exception {
        Path gru = dir.resolve("gru.safetensors");
        ModelFiles.write(gru, TestModels.random(CellKind.GRU, GruReset.BEFORE, 16, 4, 3, 2));
        Result result = run("trace", "--model", gru.toString(), "--text", "the cat was full");
        assertEquals(0, result.status(), result.err());
        Map<String, Object> json = (Map<String, Object>) Json.parse(result.out());
        Map<String, Object> step = ((List<Map<String, Object>>) json.get("steps")).get(0);
        assertEquals(List.of("u", "r", "c_tilde", "c", "a", "layers"), List.copyOf(step.keySet()));
        assertEquals("before", json.get("gru_reset"));
    }

    @Test
    void unknownWordsAreReadAsUnkAndListed() {
        Result result = run("trace", "--model", model.toString(), "--text", "the zebra was full");
        assertEquals(0, result.status(), result.err());
        assertTrue(result.out().contains("\"unknown\":[1]"), result.out().substring(0, 200));
    }

    @Test
    void csvHasOneRowPerTokenAndOneColumnPerUnit() {
        Result result = run("trace", "--model", model.toString(), "--text", "the cat", "--format", "csv");
        assertEquals(0, result.status(), result.err());
        String[] lines = result.out().split("\r\n");
        assertEquals(3, lines.length);
        assertEquals(3 + 6 * 5, lines[0].split(",").length);
        assertTrue(lines[1].startsWith("0,the,false,"));
    }

    @Test
    void textFileAndStandardInputWorkLikeText() throws Exception {
        Path text = dir.resolve("sentence.txt");
        Files.writeString(text, LECTURE);
        String inline = run("trace", "--model", model.toString(), "--text", LECTURE).out();
        assertEquals(inline, run("trace", "--model", model.toString(), "--text-file", text.toString()).out());
        assertEquals(inline, runWithInput(LECTURE, "trace", "--model", model.toString(), "--text-file", "-").out());
    }

    @Test
    void outWritesTheFileAndPrintsNothing() throws Exception {
        Path out = dir.resolve("trace.json");
        Result result = run("trace", "--model", model.toString(), "--text", LECTURE, "--out", out.toString());
        assertEquals(0, result.status(), result.err());
        assertEquals("", result.out());
        assertTrue(Files.readString(out).startsWith("{\"cell\":\"lstm\""));
    }

    @Test
    void unwritableOutputIsRefusedAndLeavesNothingBehind() {
        Path out = dir.resolve("no-such-dir").resolve("trace.json");
        assertRefused(run("trace", "--model", model.toString(), "--text", LECTURE, "--out", out.toString()),
                "cannot write");
        assertFalse(Files.exists(out));
    }

    @Test
    void infoDescribesTheModel() {
        Result result = run("info", "--model", model.toString());
        assertEquals(0, result.status(), result.err());
        assertTrue(result.out().contains("lstm (LSTM)"));
        assertTrue(result.out().contains("H = 5"));
        assertTrue(result.out().contains("rnn.weight_hh_l0     [20, 5]"), result.out());
    }

    // --- bad input -------------------------------------------------------------------------

    @Test
    void missingModelFileIsRefused() {
        assertRefused(run("trace", "--model", dir.resolve("nope.safetensors").toString(), "--text", LECTURE),
                "nope.safetensors");
    }

    @Test
    void unknownModelNameIsRefused() {
        assertRefused(run("trace", "--model", "transformer", "--text", LECTURE), "transformer", "bundled");
    }

    @Test
    void directoryAsModelIsRefused() {
        assertRefused(run("trace", "--model", dir.toString() + "/", "--text", LECTURE));
    }

    @Test
    void fileThatIsNotSafetensorsIsRefused() throws Exception {
        Path bogus = dir.resolve("notes.safetensors");
        Files.writeString(bogus, "hello");
        assertRefused(run("info", "--model", bogus.toString()), "notes.safetensors");
    }

    @Test
    void truncatedFileIsRefused() throws Exception {
        byte[] bytes = Files.readAllBytes(model);
        Path cut = write("cut.safetensors", Arrays.copyOf(bytes, bytes.length - 10));
        assertRefused(run("info", "--model", cut.toString()), "cut.safetensors");
    }

    @Test
    void headerLengthPastTheEndIsRefused() throws Exception {
        byte[] bytes = Files.readAllBytes(model);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(0, bytes.length + 100L);
        assertRefused(run("info", "--model", write("long.safetensors", bytes).toString()), "header");
    }

    @Test
    void invalidHeaderJsonIsRefused() throws Exception {
        Path broken = rewriteHeader("json.safetensors", header -> header.replaceFirst("\\{", "["));
        assertRefused(run("info", "--model", broken.toString()), "JSON");
    }

    @Test
    void overlappingTensorOffsetsAreRefused() throws Exception {
        Path broken = rewriteHeader("overlap.safetensors", header -> header.replaceFirst(
                "(\"head\\.bias\":\\{[^}]*\"data_offsets\":\\[)\\d+,\\s*(\\d+)\\]", "$10,$2]"));
        assertRefused(run("info", "--model", broken.toString()), "overlap");
    }

    @Test
    void offsetsOutOfRangeAreRefused() throws Exception {
        Path broken = rewriteHeader("range.safetensors", header -> header.replaceFirst(
                "(\"head\\.bias\":\\{[^}]*\"data_offsets\":\\[\\d+,\\s*)\\d+\\]", "$199999999]"));
        assertRefused(run("info", "--model", broken.toString()), "head.bias");
    }

    @Test
    void missingTensorIsRefusedNamingIt() throws Exception {
        Path broken = rewriteHeader("missing2.safetensors", header -> header.replace("\"head.bias\"", "\"head.bias_renamed\""));
        assertRefused(run("info", "--model", broken.toString()), "head.bias");
    }

    @Test
    void wrongShapeIsRefusedNamingTensorExpectedAndFound() throws Exception {
        // A GRU's weights in a file that says lstm: 3·H rows where 4·H are expected.
        Path gru = dir.resolve("gru.safetensors");
        ModelFiles.write(gru, TestModels.random(CellKind.GRU, GruReset.AFTER, 16, 4, 5, 1));
        Path broken = rewriteHeader(gru, "mislabelled.safetensors",
                header -> header.replace("\"cell\":\"gru\",\"gru_reset\":\"after\"", "\"cell\":\"lstm\""));
        assertRefused(run("info", "--model", broken.toString()), "rnn.weight_ih_l0", "[15, 4]", "[20, 4]");
    }

    @Test
    void unknownCellIsRefused() throws Exception {
        Path broken = rewriteHeader("cell.safetensors", header -> header.replace("\"cell\":\"lstm\"",
                "\"cell\":\"transformer\""));
        assertRefused(run("info", "--model", broken.toString()), "transformer");
    }

    @Test
    void missingVocabIsRefused() throws Exception {
        Path broken = rewriteHeader("novocab.safetensors", header -> header.replace("\"vocab\"", "\"vocabulary\""));
        assertRefused(run("info", "--model", broken.toString()), "vocab");
    }

    @Test
    void vocabNotMatchingVIsRefused() throws Exception {
        Path broken = rewriteHeader("shortvocab.safetensors", header -> header.replace(",\\\"fish\\\"", ""));
        assertRefused(run("info", "--model", broken.toString()), "vocab");
    }

    @Test
    void nanWeightIsRefusedNamingTheTensor() throws Exception {
        Path broken = overwriteValue("nan.safetensors", "rnn.weight_hh_l0", 3, Float.NaN);
        assertRefused(run("trace", "--model", broken.toString(), "--text", LECTURE), "rnn.weight_hh_l0", "NaN");
    }

    @Test
    void infiniteWeightIsRefusedNamingTheTensor() throws Exception {
        Path broken = overwriteValue("inf.safetensors", "head.bias", 0, Float.POSITIVE_INFINITY);
        assertRefused(run("trace", "--model", broken.toString(), "--text", LECTURE), "head.bias");
    }

    @Test
    void emptyTextIsRefused() {
        assertRefused(run("trace", "--model", model.toString(), "--text", "   "), "empty");
    }

    @Test
    void missingTextIsRefused() {
        assertRefused(run("trace", "--model", model.toString()), "--text");
    }

    @Test
    void missingTextFileIsRefused() {
        assertRefused(run("trace", "--model", model.toString(), "--text-file", dir.resolve("x.txt").toString()),
                "x.txt");
    }

    @Test
    void unknownOptionAndCommandAreRefused() {
        assertRefused(run("trace", "--model", model.toString(), "--txt", "hi"), "--txt");
        assertRefused(run("frobnicate"), "frobnicate");
        assertRefused(run("trace", "--model", model.toString(), "--text", "hi", "--format", "xml"), "xml");
    }

    @Test
    void textOfAHundredThousandTokensTracesWithinMemory() {
        String text = "the cat , which already ate ... , was full . ".repeat(10_000);
        // The output is counted, not kept: a buffer of the whole JSON would measure this test, not the command.
        CountingStream out = new CountingStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CommandLine.run(new String[] {"trace", "--model", model.toString(), "--text", text},
                InputStream.nullInputStream(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertTrue(out.count > 1_000_000, out.count + " bytes");
        assertEquals('\n', out.lastByte, "the JSON is written to its end");
    }

    /** Counts the bytes written to it and keeps only the last. */
    private static final class CountingStream extends java.io.OutputStream {
        long count;
        int lastByte = -1;

        @Override
        public void write(int b) {
            count++;
            lastByte = b & 0xff;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            count += length;
            if (length > 0) {
                lastByte = bytes[offset + length - 1] & 0xff;
            }
        }
    }

    @Test
    void textTooLargeForMemoryIsRefusedBeforeAnyWork() throws Exception {
        Path huge = dir.resolve("huge.txt");
        // 64 MB of text is refused up front, without reading it.
        try (var channel = Files.newByteChannel(huge, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            channel.position(65L * 1024 * 1024);
            channel.write(ByteBuffer.wrap(new byte[] {' '}));
        }
        assertRefused(run("trace", "--model", model.toString(), "--text-file", huge.toString()), "MB");
    }

    // --- a user's mistake or a bug -----------------------------------------------------------

    @Test
    void aBadOptionValueIsAUsageMistakeWithExitStatus2() {
        Result result = run("heatmap", "--model", model.toString(), "--text", LECTURE, "--gate", "u",
                "--first", "-1", "--out", dir.resolve("u.png").toString());
        assertRefused(result, "gatescope heatmap: --first must be between 0 and", "got -1");
        assertEquals(CommandLine.BAD_INPUT, result.status());
        assertFalse(Files.exists(dir.resolve("u.png")));
    }

    @Test
    void aCorpusTooSmallToTrainOnIsRefusedBeforeTraining() {
        Result result = run("train", "--cell", "lstm", "--hidden", "8", "--sentences", "5", "--out",
                dir.resolve("m.safetensors").toString());
        assertRefused(result, "gatescope train: --sentences must be between 1000 and 1000000, got 5");
        assertEquals(CommandLine.BAD_INPUT, result.status());
        assertFalse(Files.exists(dir.resolve("m.safetensors")));
    }

    @Test
    void aNonNumberWhereANumberBelongsIsAUsageMistake() {
        assertRefused(run("train", "--cell", "lstm", "--hidden", "many", "--out", dir.resolve("m.safetensors")
                .toString()), "gatescope train: --hidden must be a whole number, got 'many'");
    }

    @Test
    void aFileNameTheSystemCannotUseIsBadInput() {
        assertRefused(run("trace", "--model", model.toString(), "--text-file", "notes\u0000.txt"),
                "gatescope trace:", "is not a usable file name");
    }

    @Test
    void theEnginesRefusalOfATextTooLongForMemoryIsBadInput() {
        Command tooLong = new FailingCommand(new TextTooLongException("the text has 9,000,000 tokens; split it"));
        assertRefused(runCommands(List.of(tooLong), "failing"), "gatescope failing: the text has 9,000,000 tokens");
    }

    @Test
    void anIllegalArgumentExceptionFromABugIsAnInternalErrorNotBadInput() {
        IllegalArgumentException bug = new IllegalArgumentException("index 7 outside 0..4");
        List<LogRecord> logged = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord logRecord) {
                logged.add(logRecord);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger(CommandLine.class.getName());
        boolean parentHandlers = log.getUseParentHandlers();
        log.setUseParentHandlers(false);
        log.addHandler(handler);
        try {
            Result result = runCommands(List.of(new FailingCommand(bug)), "failing");

            assertEquals(CommandLine.INTERNAL_ERROR, result.status(), result.err());
            assertNotEquals(CommandLine.BAD_INPUT, CommandLine.INTERNAL_ERROR);
            String err = result.err().strip();
            assertFalse(err.contains("\n") || err.contains("\tat "), "one line, no stack trace: " + err);
            assertTrue(err.startsWith("gatescope failing: internal error"), err);
            assertTrue(err.contains("index 7 outside 0..4"), err);
            assertTrue(err.contains("please report it"), err);
            assertEquals(List.of(bug), logged.stream().map(LogRecord::getThrown).toList(),
                    "the stack trace goes to the log");
            assertEquals(Level.SEVERE, logged.get(0).getLevel());
        } finally {
            log.removeHandler(handler);
            log.setUseParentHandlers(parentHandlers);
        }
    }

    // --- helpers -----------------------------------------------------------------------------

    /** A command named "failing" that throws {@code failure}, standing in for a command with a bug. */
    private record FailingCommand(RuntimeException failure) implements Command {
        @Override
        public String name() {
            return "failing";
        }

        @Override
        public String summary() {
            return "throws";
        }

        @Override
        public String usage() {
            return "failing";
        }

        @Override
        public int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
            throw failure;
        }
    }

    private static Result runCommands(List<Command> commands, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CommandLine.run(commands, args, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }


    private Path write(String name, byte[] bytes) throws IOException {
        Path path = dir.resolve(name);
        Files.write(path, bytes);
        return path;
    }

    /** Copies the model with one F32 value of {@code tensor} replaced (the writer refuses NaN itself). */
    @SuppressWarnings("unchecked")
    private Path overwriteValue(String name, String tensor, int index, float value) throws IOException {
        byte[] bytes = Files.readAllBytes(model);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength = (int) buffer.getLong(0);
        Map<String, Object> header = (Map<String, Object>) Json.parse(
                new String(bytes, 8, headerLength, StandardCharsets.UTF_8));
        List<Number> offsets = (List<Number>) ((Map<String, Object>) header.get(tensor)).get("data_offsets");
        buffer.putFloat(8 + headerLength + offsets.get(0).intValue() + 4 * index, value);
        return write(name, bytes);
    }

    private Path rewriteHeader(String name, java.util.function.UnaryOperator<String> edit) throws IOException {
        return rewriteHeader(model, name, edit);
    }

    /** Copies {@code source} with its JSON header edited; the data buffer is kept byte for byte. */
    private Path rewriteHeader(Path source, String name, java.util.function.UnaryOperator<String> edit)
            throws IOException {
        byte[] bytes = Files.readAllBytes(source);
        int headerLength = (int) ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
        String header = new String(bytes, 8, headerLength, StandardCharsets.UTF_8).strip();
        String edited = edit.apply(header);
        assertFalse(edited.equals(header), "the edit should change the header: " + header);
        byte[] newHeader = edited.getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(8 + newHeader.length + bytes.length - 8 - headerLength)
                .order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(newHeader.length).put(newHeader).put(bytes, 8 + headerLength, bytes.length - 8 - headerLength);
        return write(name, out.array());
    }
}
