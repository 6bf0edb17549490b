package org.gatescope.cli;

import static org.gatescope.cli.CommandLineTest.assertRefused;
import static org.gatescope.cli.CommandLineTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.GruReset;
import org.gatescope.io.Json;
import org.gatescope.io.ModelFiles;
import org.gatescope.io.ModelLibrary;
import org.gatescope.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code states}, {@code probe} and {@code search}: the documented JSON, on every bundled model and an imported one. */
class AnalysisCommandsTest {

    private static final String CAT = "The cat, which already ate ..., was full.";

    @TempDir
    Path dir;

    @Test
    void statesPrintsTheDocumentedJsonOnEveryBundledModel() {
        for (String model : ModelLibrary.available()) {
            Map<?, ?> json = json(run("states", "--model", model, "--text", CAT, "--pca", "2", "--format", "json"));
            assertEquals(List.of("explained_variance_ratio", "components", "points"), List.copyOf(json.keySet()), model);
            List<?> ratio = (List<?>) json.get("explained_variance_ratio");
            double first = ((Number) ratio.get(0)).doubleValue();
            double second = ((Number) ratio.get(1)).doubleValue();
            assertTrue(first >= second && second >= 0 && first + second <= 1 + 1e-12, model + ": " + ratio);
            assertEquals(2, ((List<?>) json.get("components")).size());
            List<?> points = (List<?>) json.get("points");
            assertEquals(11, points.size(), model + ": one point per token");
            assertEquals(2, ((List<?>) points.get(0)).size());
        }
    }

    @Test
    void aSavedBasisProjectsAnotherSentenceAsTheCorpusFitDoes() throws Exception {
        Path basis = dir.resolve("lstm-basis.json");
        Map<?, ?> fitted = json(run("states", "--model", "lstm", "--text", "The cats, which already ate ..., were full.",
                "--fit-on", "agreement", "--save-basis", basis.toString()));
        assertTrue(Files.exists(basis));
        Map<?, ?> reused = json(run("states", "--model", "lstm", "--text", "The cats, which already ate ..., were full.",
                "--basis", basis.toString()));
        assertEquals(fitted, reused, "the same basis, the same points");
    }

    @Test
    void aBasisFromAModelOfAnotherSizeIsRefused() throws Exception {
        Path small = dir.resolve("small.safetensors");
        ModelFiles.write(small, TestModels.random(CellKind.LSTM, GruReset.AFTER, 16, 4, 5, 1));
        Path basis = dir.resolve("small-basis.json");
        assertEquals(0, run("states", "--model", small.toString(), "--text", "a b c d", "--save-basis",
                basis.toString()).status());
        assertRefused(run("states", "--model", "lstm", "--text", CAT, "--basis", basis.toString()),
                "5 units", "another model");
    }

    @Test
    void aTextOfOneTokenIsNotEnoughForPca() {
        assertRefused(run("states", "--model", "gru", "--text", "cat"), "at least two");
    }

    @Test
    void searchRanksEveryUnitForTheSpan() {
        Map<?, ?> json = json(run("search", "--model", "lstm", "--text", CAT, "--span", "1-1"));
        assertEquals(List.of(1L, 1L), json.get("span"));
        assertEquals(List.of("cat"), json.get("span_tokens"));
        assertEquals("correlation", json.get("method"));
        List<?> units = (List<?>) json.get("units");
        double previous = Double.POSITIVE_INFINITY;
        for (Object unit : units) {
            double r = ((Number) ((Map<?, ?>) unit).get("correlation")).doubleValue();
            assertTrue(r <= previous && r >= -1 - 1e-12 && r <= 1 + 1e-12);
            previous = r;
        }
        assertEquals(3, ((List<?>) json.get("pattern_units")).size());
    }

    @Test
    void aSpanOutsideTheTextIsRefused() {
        assertRefused(run("search", "--model", "lstm", "--text", CAT, "--span", "20-21"), "not inside", "11 tokens");
        assertRefused(run("search", "--model", "lstm", "--text", CAT, "--span", "x"), "--span");
    }

    @Test
    void probeReportsHeldOutAccuracyPerPositionAndTheTopUnits() {
        Map<?, ?> json = json(run("probe", "--model", "lstm", "--format", "json"));
        assertEquals("number", json.get("property"));
        double accuracy = ((Number) json.get("accuracy")).doubleValue();
        assertTrue(accuracy >= 0 && accuracy <= 1);
        List<?> positions = (List<?>) json.get("accuracy_per_position");
        long tokens = positions.stream().mapToLong(p -> ((Number) ((Map<?, ?>) p).get("tokens")).longValue()).sum();
        assertEquals(((Number) json.get("held_out_tokens")).longValue(), tokens);
        assertEquals(8, ((List<?>) json.get("top_units")).size());
        assertTrue(json.containsKey("number_units_accuracy") && json.containsKey("best_single_unit"));
    }

    @Test
    void aLabelFileWithAnUnknownOrMissingLabelIsRefused() throws Exception {
        Path unknown = Files.writeString(dir.resolve("unknown.tsv"), "the\tDET\ncat\tNOUN\n\nthe\tDET\ncats\tPLURAL\n");
        assertRefused(run("probe", "--model", "lstm", "--labels", unknown.toString()), "unknown label \"PLURAL\"");
        Path missing = Files.writeString(dir.resolve("missing.tsv"), "the\tDET\ncat\n");
        assertRefused(run("probe", "--model", "lstm", "--labels", missing.toString()), "line 2", "no label");
    }

    @Test
    void aLabelFileProbesAnyTokenProperty() throws Exception {
        StringBuilder file = new StringBuilder();
        for (String noun : List.of("cat", "dog", "cats", "dogs", "fox", "men", "cat", "dogs", "foxes", "man")) {
            file.append("the\tDET\n").append(noun).append("\tNOUN\nwas\tVERB\n\n");
        }
        Path labels = Files.writeString(dir.resolve("pos.tsv"), file.toString());
        Map<?, ?> json = json(run("probe", "--model", "gru", "--labels", labels.toString()));
        assertEquals(List.of("DET", "NOUN", "VERB"), json.get("classes"));
        assertEquals(6L, json.get("held_out_tokens"), "sentences 5 and 10 held out");
    }

    @Test
    void anImportedModelsLayerIsChosenByLayer() throws Exception {
        Path onnx = dir.resolve("lstm_folded.onnx");
        try (InputStream in = getClass().getResourceAsStream("/onnx/lstm_folded.onnx")) {
            Files.copy(in, onnx);
        }
        Map<?, ?> json = json(run("states", "--model", onnx.toString(), "--ids", "1,5,9,2,7", "--layer", "1b"));
        assertEquals(5, ((List<?>) json.get("points")).size());
        assertEquals(5, ((List<?>) ((List<?>) json.get("components")).get(0)).size(), "the layer's 5 units");
        Map<?, ?> search = json(run("search", "--model", onnx.toString(), "--ids", "1,5,9,2,7", "--span", "2-3",
                "--quantity", "a"));
        assertEquals(5, ((List<?>) search.get("units")).size());
        assertRefused(run("states", "--model", onnx.toString(), "--ids", "1,5,9", "--layer", "7"), "layers: 1, 1b, 2, 2b");
    }

    @Test
    void anImportedModelIsProbedThroughItsVocabularyWordByWord() throws Exception {
        Path pt = dir.resolve("gru.pt");
        try (InputStream in = getClass().getResourceAsStream("/onnx/gru.pt")) {
            Files.copy(in, pt);
        }
        Path vocab = Files.writeString(dir.resolve("vocab.json"), "[\"<pad>\", \"the\", \"cat\", \"sat\", \"on\", \"a\","
                + " \"mat\", \"dog\", \"ran\", \"far\"]");
        StringBuilder file = new StringBuilder();
        for (String sentence : List.of("the cat sat", "a dog ran", "the dog sat", "a cat ran", "the cat ran far",
                "a dog sat on the mat")) {
            for (String word : sentence.split(" ")) {
                String label = switch (word) {
                    case "the", "a" -> "DET";
                    case "cat", "dog", "mat" -> "NOUN";
                    case "on", "far" -> "OTHER";
                    default -> "VERB";
                };
                file.append(word).append('\t').append(label).append('\n');
            }
            file.append('\n');
        }
        Path labels = Files.writeString(dir.resolve("pos.tsv"), file.toString());
        Map<?, ?> json = json(run("probe", "--model", pt.toString(), "--vocab", vocab.toString(), "--labels",
                labels.toString()));
        assertEquals(List.of(), json.get("number_units"), "no ablation test for a model trained elsewhere");
        assertEquals(4L, json.get("held_out_tokens"), "the 5th sentence, \"the cat ran far\"");
        Path unknownWord = Files.writeString(dir.resolve("dogs.tsv"), file.toString().replace("dog\tNOUN", "dogs\tNOUN"));
        assertRefused(run("probe", "--model", pt.toString(), "--vocab", vocab.toString(), "--labels",
                unknownWord.toString()), "\"dogs\"", "line up");
        assertRefused(run("probe", "--model", pt.toString(), "--labels", labels.toString()), "--vocab");
    }

    private static Map<?, ?> json(CommandLineTest.Result result) {
        assertEquals(0, result.status(), result.err());
        return (Map<?, ?>) Json.parse(result.out());
    }
}
