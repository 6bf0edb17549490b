package org.gatescope.cli;

import static org.gatescope.cli.CommandLineTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gatescope.TestModels;
import org.gatescope.engine.CellKind;
import org.gatescope.io.Json;
import org.gatescope.io.ModelFiles;
import org.gatescope.text.HostileText;
import org.gatescope.text.UnknownWordSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trace} lists each unknown word with its signature and what the model read in its place. */
class TraceUnknownWordsTest {

    private static final List<String> WORDS = List.of("<unk>", "the", "key", "to", "cabinet", "is", "on", "table", ".");

    @TempDir
    Path dir;

    private Path model(boolean withSignatures) throws Exception {
        List<String> tokens = new ArrayList<>(WORDS);
        if (withSignatures) {
            tokens.addAll(UnknownWordSignature.tokens());
        }
        Path file = dir.resolve(withSignatures ? "signatures.safetensors" : "plain.safetensors");
        ModelFiles.write(file, TestModels.random(CellKind.LSTM, tokens, 4, 3, 7));
        return file;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> unknownWords(CommandLineTest.Result result) {
        assertEquals(0, result.status(), result.err());
        return (List<Map<String, Object>>) ((Map<String, Object>) Json.parse(result.out())).get("unknown_words");
    }

    @Test
    void aModelWithSignaturesReadsAnUnseenPluralAsItsSignature() throws Exception {
        CommandLineTest.Result result = run("trace", "--model", model(true).toString(), "--text",
                "The keys to the cabinet are on the table.");

        assertEquals(List.of(
                Map.of("position", 1L, "word", "keys", "signature", "s", "read_as", "<unk-s>"),
                Map.of("position", 5L, "word", "are", "signature", "other", "read_as", "<unk>")), unknownWords(result));
        assertTrue(result.err().contains("2 unknown words") && result.err().contains("keys \u2192 <unk-s>"),
                result.err());
    }

    @Test
    void aModelWithoutSignaturesReadsUnkButStillNamesTheSignature() throws Exception {
        CommandLineTest.Result result = run("trace", "--model", model(false).toString(), "--text", "The keys.");

        assertEquals(List.of(Map.of("position", 1L, "word", "keys", "signature", "s", "read_as", "<unk>")),
                unknownWords(result));
    }

    @Test
    void aTextWithNoUnknownWordHasNoListAndNoMessage() throws Exception {
        CommandLineTest.Result result = run("trace", "--model", model(true).toString(), "--text", "The key.");

        assertEquals(null, unknownWords(result));
        assertEquals("", result.err());
    }

    @SuppressWarnings("unchecked")
    @Test
    void aMegabyteOfMixedScriptsEmojiAndControlsIsTracedWithItsUnknownWordsListed() throws Exception {
        Path text = dir.resolve("paste.txt");
        // as a file holds it: UTF-8, the paste's broken surrogate written as "?"
        Files.write(text, HostileText.of(1_000_000, 11).getBytes(StandardCharsets.UTF_8));
        Path out = dir.resolve("trace.json");

        CommandLineTest.Result result = run("trace", "--model", model(true).toString(), "--text-file", text.toString(),
                "--out", out.toString());

        assertEquals(0, result.status(), result.err());
        assertFalse(result.err().contains("Exception"), result.err());
        assertTrue(result.err().contains("\u2026 and "), "a long list is cut short on stderr: " + result.err());
        // the keys before the per-layer description and the steps (the steps are a few hundred MB to parse)
        Map<String, Object> json = (Map<String, Object>) Json.parse(keysBefore(out, ",\"layers\":") + "}");
        List<Map<String, Object>> unknown = (List<Map<String, Object>>) json.get("unknown_words");
        assertEquals(((List<?>) json.get("unknown")).size(), unknown.size());
        assertTrue(unknown.stream().anyMatch(w -> w.get("word").equals("👍🏽")), "an emoji with its skin tone");
        assertTrue(unknown.stream().anyMatch(w -> w.get("read_as").equals("<unk-ing>")), "running");
        List<String> tokens = (List<String>) json.get("tokens");
        assertTrue(tokens.containsAll(List.of("cat", "cats", "!")), "Cat, CATS! read as words and marks");
        assertTrue(tokens.stream().noneMatch(t -> t.chars().anyMatch(Character::isISOControl)), "no control character");
    }

    /** The file's text up to {@code marker}, read no further. */
    private static String keysBefore(Path file, String marker) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] chunk = new char[1 << 20];
        try (java.io.Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int n;
            while ((n = in.read(chunk)) > 0) {
                int from = Math.max(0, text.length() - marker.length());
                text.append(chunk, 0, n);
                int at = text.indexOf(marker, from);
                if (at >= 0) {
                    return text.substring(0, at);
                }
            }
        }
        throw new AssertionError("no " + marker + " in " + file);
    }
}
