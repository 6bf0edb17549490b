package org.gatescope.cli;

import static org.gatescope.cli.CommandLineTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gatescope.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trace} on models trained elsewhere: the layer structure and the model's own output as additive keys. */
class TraceImportedModelTest {

    @TempDir
    Path dir;

    @Test
    void aStackedBidirectionalModelListsEveryLayerDirectionPerStep() throws IOException {
        Map<?, ?> json = trace("trace", "--model", fixture("lstm_folded.onnx").toString(), "--ids", "1,5,9,2,7");
        List<?> layers = (List<?>) json.get("layers");
        assertEquals(4, layers.size(), "two levels, each forward and backward");
        assertEquals("backward", ((Map<?, ?>) layers.get(1)).get("direction"));
        assertEquals(5L, ((Map<?, ?>) layers.get(0)).get("units"));
        Map<?, ?> step = (Map<?, ?>) ((List<?>) json.get("steps")).get(0);
        assertEquals(4, ((List<?>) step.get("layers")).size());
        assertEquals(step.get("a"), ((Map<?, ?>) ((List<?>) step.get("layers")).get(2)).get("a"),
                "today's keys describe the last layer's forward direction");
        assertEquals(10, ((List<?>) json.get("output")).size());
        assertEquals("none", json.get("output_activation"));
    }

    @Test
    void textGoesThroughTheModelsOwnVocabulary() throws IOException {
        Path vocab = Files.writeString(dir.resolve("vocab.json"), "[\"<pad>\", \"the\", \"cat\", \"sat\", \"on\", \"a\","
                + " \"mat\", \"dog\", \"ran\", \"far\"]");
        Map<?, ?> json = trace("trace", "--model", fixture("gru.pt").toString(), "--vocab", vocab.toString(),
                "--text", "The cat sat on a mat");
        assertEquals(List.of("the", "cat", "sat", "on", "a", "mat"), json.get("tokens"));
        assertEquals(List.of("<pad>", "the", "cat", "sat", "on", "a", "mat", "dog", "ran", "far"), json.get("output_labels"));
    }

    @Test
    void numericRowsFeedAModelWithoutAnEmbedding() throws IOException {
        Path csv = Files.writeString(dir.resolve("rows.csv"), "0.1,0.2,0.3,0.4\n0.5,0.6,0.7,0.8\n");
        CommandLineTest.Result result = run("trace", "--model", fixture("rnn.pt").toString(), "--input-csv", csv.toString());
        assertEquals(2, result.status(), "rnn.pt has an embedding: rows are refused");
        assertTrue(result.err().contains("token ids"), result.err());
    }

    @Test
    void headTellsAPyTorchStateDictItsHeadsActivation() throws IOException {
        Map<?, ?> json = trace("trace", "--model", fixture("gru.pt").toString(), "--ids", "1,5,9", "--head", "softmax");
        assertEquals("softmax", json.get("output_activation"));
        double total = ((List<?>) json.get("output")).stream().mapToDouble(v -> ((Number) v).doubleValue()).sum();
        assertEquals(1.0, total, 1e-12);
        Map<?, ?> logits = trace("trace", "--model", fixture("gru.pt").toString(), "--ids", "1,5,9");
        assertEquals("none", logits.get("output_activation"), "logits unless told");
        assertRefusal(run("trace", "--model", fixture("gru_folded.onnx").toString(), "--ids", "1", "--head", "softmax"),
                "records its own");
        assertRefusal(run("trace", "--model", fixture("gru.pt").toString(), "--ids", "1", "--head", "tanh"), "--head");
    }

    @Test
    void mistakesAreOneLineRefusals() throws IOException {
        String model = fixture("gru.pt").toString();
        assertRefusal(run("trace", "--model", model, "--text", "hello"), "--vocab");
        assertRefusal(run("trace", "--model", model, "--ids", "1,x"), "\"x\"");
        assertRefusal(run("trace", "--model", model, "--ids", "1,99"), "99");
        Path empty = Files.write(dir.resolve("empty.onnx"), new byte[0]);
        assertRefusal(run("trace", "--model", empty.toString(), "--ids", "1"), "empty");
    }

    @Test
    void importKeepsEveryLayerAndTracesTheSameAfterwards() throws IOException {
        Path out = dir.resolve("imported.safetensors");
        CommandLineTest.Result imported = run("import", fixture("gru_unfolded.onnx").toString(), "--out", out.toString());
        assertEquals(0, imported.status(), imported.err());
        Map<?, ?> original = trace("trace", "--model", fixture("gru_unfolded.onnx").toString(), "--ids", "1,5,9,2,7");
        Map<?, ?> roundTrip = trace("trace", "--model", out.toString(), "--ids", "1,5,9,2,7");
        assertEquals(((List<?>) original.get("layers")).size(), ((List<?>) roundTrip.get("layers")).size());
        List<?> a = (List<?>) original.get("output");
        List<?> b = (List<?>) roundTrip.get("output");
        for (int i = 0; i < a.size(); i++) {
            assertEquals(((Number) a.get(i)).doubleValue(), ((Number) b.get(i)).doubleValue(), 1e-6, "output " + i);
        }
        CommandLineTest.Result info = run("info", "--model", out.toString());
        assertEquals(0, info.status(), info.err());
        assertTrue(info.out().contains("imported_from") && info.out().contains("GRU"), info.out());
    }

    @Test
    void infoDescribesLayersAndConventionsOfAnyFile() throws IOException {
        CommandLineTest.Result info = run("info", "--model", fixture("lstm.pt").toString());
        assertEquals(0, info.status(), info.err());
        assertTrue(info.out().contains("1 forward") && info.out().contains("2 backward"), info.out());
        assertTrue(info.out().contains("PyTorch nn.LSTM i,f,g,o"), info.out());
    }

    @Test
    void heatmapDrawsAnyLayerDirectionOfAnyFile() throws IOException {
        Path png = dir.resolve("layer.png");
        CommandLineTest.Result drawn = run("heatmap", "--model", fixture("gru.pt").toString(), "--ids", "1,5,9",
                "--gate", "u,r", "--layer", "2b", "--out", png.toString());
        assertEquals(0, drawn.status(), drawn.err());
        assertTrue(Files.size(png) > 1000);
        assertRefusal(run("heatmap", "--model", fixture("gru.pt").toString(), "--ids", "1", "--gate", "u",
                "--layer", "3", "--out", png.toString()), "layers: 1, 1b, 2, 2b");
    }

    private static void assertRefusal(CommandLineTest.Result result, String expected) {
        assertEquals(2, result.status(), result.err());
        assertTrue(result.err().contains(expected), result.err());
        assertEquals(1, result.err().strip().lines().count(), "one line: " + result.err());
    }

    private static Map<?, ?> trace(String... args) {
        CommandLineTest.Result result = run(args);
        assertEquals(0, result.status(), result.err());
        return (Map<?, ?>) Json.parse(result.out());
    }

    private Path fixture(String name) throws IOException {
        Path file = dir.resolve(name);
        if (!Files.exists(file)) {
            try (InputStream in = getClass().getResourceAsStream("/onnx/" + name)) {
                Files.copy(in, file);
            }
        }
        return file;
    }
}
