package org.gatescope.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.gatescope.TestModels;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.GruReset;
import org.gatescope.engine.Model;
import org.gatescope.engine.Weights;
import org.gatescope.text.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ModelFilesTest {

    @TempDir
    Path dir;

    static Stream<Arguments> everyCell() {
        return Stream.of(
                Arguments.of(CellKind.RNN, GruReset.AFTER),
                Arguments.of(CellKind.GRU_SIMPLE, GruReset.AFTER),
                Arguments.of(CellKind.GRU, GruReset.AFTER),
                Arguments.of(CellKind.GRU, GruReset.BEFORE),
                Arguments.of(CellKind.LSTM, GruReset.AFTER),
                Arguments.of(CellKind.PEEPHOLE_LSTM, GruReset.AFTER));
    }

    // ---- round trips ----

    @ParameterizedTest(name = "{0} reset {1}")
    @MethodSource("everyCell")
    void f64RoundTripIsExact(CellKind cell, GruReset reset) throws Exception {
        Model model = TestModels.random(cell, reset, 12, 5, 4, 42);
        Path file = dir.resolve("m.safetensors");
        ModelFiles.write(file, model, DType.F64);

        Model read = ModelFiles.read(file);
        assertEquals(model.spec(), read.spec());
        assertEquals(model.vocabulary().tokens(), read.vocabulary().tokens());
        assertEquals(Model.LOWER_WORDS, read.tokenizer());
        assertEquals(Map.of(), read.metadata());
        for (Weights.Parameter p : model.weights().parameters()) {
            assertArrayEquals(p.values().data, read.weights().parameter(p.name()).values().data, p.name());
        }
    }

    @Test
    void f32RoundTripKeepsFloatPrecision() throws Exception {
        Model model = TestModels.random(CellKind.PEEPHOLE_LSTM, GruReset.AFTER, 10, 3, 6, 7);
        Path file = dir.resolve("m.safetensors");
        ModelFiles.write(file, model);

        Model read = ModelFiles.read(file);
        for (Weights.Parameter p : model.weights().parameters()) {
            double[] expected = p.values().data;
            double[] actual = read.weights().parameter(p.name()).values().data;
            for (int i = 0; i < expected.length; i++) {
                assertEquals((float) expected[i], actual[i], p.name() + "[" + i + "]");
            }
        }
        assertTrue(SafeTensors.read(file).tensors().values().stream().allMatch(t -> t.dtype() == DType.F32));
    }

    @Test
    void writtenMetadataNamesCellResetVocabAndTokenizer() throws Exception {
        Path file = dir.resolve("m.safetensors");
        ModelFiles.write(file, TestModels.random(CellKind.GRU, GruReset.BEFORE, 4, 2, 2, 1));
        assertEquals(Map.of("cell", "gru", "gru_reset", "before", "vocab", "[\"<unk>\",\"the\",\"cat\",\"cats\"]",
                "tokenizer", "lower-words"), SafeTensors.read(file).metadata());
    }

    @Test
    void gruResetIsWrittenForTheFullGruOnly() throws Exception {
        Path file = dir.resolve("m.safetensors");
        ModelFiles.write(file, TestModels.random(CellKind.GRU_SIMPLE, GruReset.AFTER, 4, 2, 2, 1));
        assertFalse(SafeTensors.read(file).metadata().containsKey("gru_reset"));
    }

    @Test
    void tensorsAreWrittenInParameterOrder() throws Exception {
        Model model = TestModels.random(CellKind.LSTM, GruReset.AFTER, 4, 2, 2, 1);
        Path file = dir.resolve("m.safetensors");
        ModelFiles.write(file, model);
        assertEquals(model.weights().parameters().stream().map(Weights.Parameter::name).toList(),
                List.copyOf(SafeTensors.read(file).tensors().keySet()));
    }

    @Test
    void extraMetadataIsKept() throws Exception {
        Map<String, String> extra = Map.of("number_units", "[3, 7]", "source", "trained by GateScope");
        Path file = dir.resolve("m.safetensors");
        ModelFiles.write(file, TestModels.random(CellKind.LSTM, GruReset.AFTER, 4, 2, 2, 1).withMetadata(extra));
        assertEquals(extra, ModelFiles.read(file).metadata());
    }

    @Test
    void reservedKeysInModelMetadataCannotContradictTheModel() throws Exception {
        Model lstm = TestModels.random(CellKind.LSTM, GruReset.AFTER, 4, 2, 2, 1)
                .withMetadata(Map.of("cell", "rnn", "gru_reset", "before", "vocab", "[]"));
        Path file = dir.resolve("m.safetensors");
        ModelFiles.write(file, lstm);
        Model read = ModelFiles.read(file);
        assertEquals(CellKind.LSTM, read.cell());
        assertEquals(lstm.vocabulary().tokens(), read.vocabulary().tokens());
        assertEquals(Map.of(), read.metadata());
    }

    @Test
    void vocabularyWithQuotesBackslashesAndUnicodeRoundTrips() throws Exception {
        Model random = TestModels.random(CellKind.RNN, GruReset.AFTER, 6, 2, 2, 1);
        List<String> tokens = List.of("<unk>", "\"", "\\", "…", "naïve", "don't");
        Model model = new Model(random.spec(), new Vocabulary(tokens), random.weights());
        Path file = dir.resolve("m.safetensors");
        ModelFiles.write(file, model);
        assertEquals(tokens, ModelFiles.read(file).vocabulary().tokens());
    }

    @Test
    void missingTokenizerMeansLowerWords() throws Exception {
        Path file = broken(lstm(), metadata -> metadata.remove("tokenizer"), tensors -> { });
        assertEquals(Model.LOWER_WORDS, ModelFiles.read(file).tokenizer());
    }

    @Test
    void missingGruResetMeansAfter() throws Exception {
        Model gru = TestModels.random(CellKind.GRU, GruReset.BEFORE, 4, 2, 2, 1);
        Path file = broken(gru, metadata -> metadata.remove("gru_reset"), tensors -> { });
        assertEquals(GruReset.AFTER, ModelFiles.read(file).spec().gruReset());
    }

    @Test
    void tensorOrderInTheFileDoesNotMatter() throws Exception {
        // PyTorch's exporter sorts tensors by name.
        Model model = lstm();
        Path file = broken(model, metadata -> { }, tensors -> {
            List<String> names = new ArrayList<>(tensors.keySet());
            Collections.sort(names);
            Map<String, Tensor> sorted = new LinkedHashMap<>();
            names.forEach(n -> sorted.put(n, tensors.get(n)));
            tensors.clear();
            tensors.putAll(sorted);
        });
        assertEquals(model.spec(), ModelFiles.read(file).spec());
    }

    // ---- metadata that is refused ----

    @Test
    void missingCellIsRefusedListingTheKnownCells() throws Exception {
        Path file = broken(lstm(), metadata -> metadata.remove("cell"), tensors -> { });
        assertEquals("metadata has no \"cell\"; expected one of rnn, gru_simple, gru, lstm, peephole_lstm",
                refusal(file));
    }

    @Test
    void unknownCellIsRefusedListingTheKnownCells() throws Exception {
        Path file = broken(lstm(), metadata -> metadata.put("cell", "transformer"), tensors -> { });
        assertEquals("unknown cell \"transformer\"; expected one of rnn, gru_simple, gru, lstm, peephole_lstm",
                refusal(file));
    }

    @Test
    void gruResetOtherThanAfterOrBeforeIsRefused() throws Exception {
        Model gru = TestModels.random(CellKind.GRU, GruReset.AFTER, 4, 2, 2, 1);
        Path file = broken(gru, metadata -> metadata.put("gru_reset", "sometimes"), tensors -> { });
        assertEquals("metadata gru_reset is \"sometimes\"; expected after or before", refusal(file));
    }

    @Test
    void gruResetOnAnotherCellIsRefused() throws Exception {
        Path file = broken(lstm(), metadata -> metadata.put("gru_reset", "after"), tensors -> { });
        assertEquals("metadata gru_reset is for cell gru only, but cell is lstm", refusal(file));
    }

    @Test
    void missingVocabIsRefused() throws Exception {
        Path file = broken(lstm(), metadata -> metadata.remove("vocab"), tensors -> { });
        assertEquals("metadata has no \"vocab\" (a JSON array of the V token strings)", refusal(file));
    }

    @Test
    void vocabThatIsNotJsonIsRefusedSayingWhere() throws Exception {
        Path file = broken(lstm(), metadata -> metadata.put("vocab", "[\"<unk>\" \"the\"]"), tensors -> { });
        assertEquals("metadata vocab is not valid JSON: invalid JSON at offset 9: expected ',' or ']', found '\"'",
                refusal(file));
    }

    @Test
    void vocabThatIsNotAnArrayIsRefused() throws Exception {
        Path file = broken(lstm(), metadata -> metadata.put("vocab", "{\"<unk>\": 0}"), tensors -> { });
        assertEquals("metadata vocab must be a JSON array of strings, but is an object", refusal(file));
    }

    @Test
    void vocabWithANonStringItemIsRefusedNamingTheItem() throws Exception {
        Path file = broken(lstm(), metadata -> metadata.put("vocab", "[\"<unk>\", \"the\", 3, \"cats\"]"),
                tensors -> { });
        assertEquals("metadata vocab must be a JSON array of strings, but item 2 is a number", refusal(file));
    }

    @Test
    void vocabWithADuplicateIsRefusedNamingTheToken() throws Exception {
        Path file = broken(lstm(), metadata -> metadata.put("vocab", "[\"<unk>\", \"the\", \"cat\", \"the\"]"),
                tensors -> { });
        assertEquals("vocab lists \"the\" twice (at 1 and 3)", refusal(file));
    }

    @Test
    void vocabWithoutUnkIsRefused() throws Exception {
        Path file = broken(lstm(), metadata -> metadata.put("vocab", "[\"a\", \"the\", \"cat\", \"cats\"]"),
                tensors -> { });
        assertEquals("vocab does not contain <unk>", refusal(file));
    }

    @Test
    void unsupportedTokenizerIsRefused() throws Exception {
        Path file = broken(lstm(), metadata -> metadata.put("tokenizer", "bpe"), tensors -> { });
        assertEquals("unsupported tokenizer \"bpe\"; GateScope knows lower-words", refusal(file));
    }

    // ---- tensors that are refused ----

    @Test
    void missingTensorIsRefusedNamingItsExpectedShape() throws Exception {
        Model model = TestModels.random(CellKind.LSTM, GruReset.AFTER, 12, 8, 16, 1);
        Path file = broken(model, metadata -> { }, tensors -> tensors.remove(Weights.HEAD_BIAS));
        assertEquals("missing tensor head.bias (expected shape [12], V)", refusal(file));
    }

    @Test
    void missingEmbeddingIsRefused() throws Exception {
        Model model = TestModels.random(CellKind.LSTM, GruReset.AFTER, 12, 8, 16, 1);
        Path file = broken(model, metadata -> { }, tensors -> tensors.remove(Weights.EMBEDDING));
        assertEquals("missing tensor embedding.weight (expected shape [12, D], V × D)", refusal(file));
    }

    @Test
    void missingRecurrentWeightsAreRefused() throws Exception {
        Model model = TestModels.random(CellKind.LSTM, GruReset.AFTER, 12, 8, 16, 1);
        Path file = broken(model, metadata -> { }, tensors -> tensors.remove(Weights.WEIGHT_HH));
        assertEquals("missing tensor rnn.weight_hh_l0 (expected shape [4·H, H], 4·H × H for lstm)", refusal(file));
    }

    @Test
    void wrongRecurrentShapeIsRefusedWithTheExpectedShape() throws Exception {
        Model model = TestModels.random(CellKind.LSTM, GruReset.AFTER, 12, 8, 16, 1);
        Path file = broken(model, metadata -> { }, tensors -> reshape(tensors, Weights.WEIGHT_HH, 48, 16));
        assertEquals("tensor rnn.weight_hh_l0 has shape [48, 16], expected [64, 16] (4·H × H for lstm)",
                refusal(file));
    }

    @Test
    void wrongBiasShapeIsRefusedWithTheExpectedShape() throws Exception {
        Model gru = TestModels.random(CellKind.GRU, GruReset.AFTER, 12, 8, 4, 1);
        Path file = broken(gru, metadata -> { }, tensors -> reshape(tensors, Weights.BIAS_IH, 13));
        assertEquals("tensor rnn.bias_ih_l0 has shape [13], expected [12] (3·H for gru)", refusal(file));
    }

    @Test
    void wrongInputWeightShapeOfAVanillaRnnIsRefused() throws Exception {
        Model rnn = TestModels.random(CellKind.RNN, GruReset.AFTER, 12, 8, 4, 1);
        Path file = broken(rnn, metadata -> { }, tensors -> reshape(tensors, Weights.WEIGHT_IH, 4, 7));
        assertEquals("tensor rnn.weight_ih_l0 has shape [4, 7], expected [4, 8] (H × D for rnn)", refusal(file));
    }

    @Test
    void headWithTheWrongHiddenSizeIsRefused() throws Exception {
        Model model = TestModels.random(CellKind.GRU_SIMPLE, GruReset.AFTER, 12, 8, 4, 1);
        Path file = broken(model, metadata -> { }, tensors -> reshape(tensors, Weights.HEAD_WEIGHT, 12, 5));
        assertEquals("tensor head.weight has shape [12, 5], expected [12, 4] (V × H)", refusal(file));
    }

    @Test
    void vocabularyShorterThanTheEmbeddingIsRefused() throws Exception {
        Model model = TestModels.random(CellKind.LSTM, GruReset.AFTER, 13, 8, 16, 1);
        List<String> twelve = model.vocabulary().tokens().subList(0, 12);
        Path file = broken(model, metadata -> metadata.put("vocab", jsonArray(twelve)), tensors -> { });
        assertEquals("vocab has 12 tokens but embedding.weight has 13 rows", refusal(file));
    }

    @Test
    void embeddingThatIsNotAMatrixIsRefused() throws Exception {
        Model model = TestModels.random(CellKind.LSTM, GruReset.AFTER, 12, 8, 16, 1);
        Path file = broken(model, metadata -> { }, tensors -> reshape(tensors, Weights.EMBEDDING, 96));
        assertEquals("tensor embedding.weight has shape [96], expected [12, D] (V × D)", refusal(file));
    }

    @Test
    void zeroHiddenSizeIsRefused() throws Exception {
        Model model = TestModels.random(CellKind.LSTM, GruReset.AFTER, 12, 8, 16, 1);
        Path file = broken(model, metadata -> { }, tensors -> reshape(tensors, Weights.WEIGHT_HH, 0, 0));
        assertEquals("tensor rnn.weight_hh_l0 has shape [0, 0]; the hidden size H must be at least 1",
                refusal(file));
    }

    @Test
    void peepholeTensorsInAPlainLstmAreRefusedNamingThem() throws Exception {
        Model peephole = TestModels.random(CellKind.PEEPHOLE_LSTM, GruReset.AFTER, 4, 2, 2, 1);
        Path file = broken(peephole, metadata -> metadata.put("cell", "lstm"), tensors -> tensors.remove(
                Weights.PEEPHOLE_O));
        assertEquals("unexpected tensors rnn.peephole_u, rnn.peephole_f: peepholes belong to cell peephole_lstm,"
                + " but cell is lstm", refusal(file));
    }

    @Test
    void peepholeLstmWithoutItsPeepholesIsRefused() throws Exception {
        Model peephole = TestModels.random(CellKind.PEEPHOLE_LSTM, GruReset.AFTER, 4, 2, 3, 1);
        Path file = broken(peephole, metadata -> { }, tensors -> tensors.remove(Weights.PEEPHOLE_O));
        assertEquals("missing tensor rnn.peephole_o (expected shape [3], H)", refusal(file));
    }

    @Test
    void unexpectedTensorIsRefusedNamingIt() throws Exception {
        Model gru = TestModels.random(CellKind.GRU, GruReset.AFTER, 4, 2, 2, 1);
        Path file = broken(gru, metadata -> { }, tensors -> tensors.put("rnn.weight_ih_l1",
                new Tensor("rnn.weight_ih_l1", DType.F32, new int[] {6, 2}, new double[12])));
        assertEquals("unexpected tensor rnn.weight_ih_l1: a gru model holds only embedding.weight, rnn.weight_ih_l0,"
                + " rnn.weight_hh_l0, rnn.bias_ih_l0, rnn.bias_hh_l0, head.weight, head.bias", refusal(file));
    }

    @Test
    void nanIsRefusedNamingTheTensorAndIndex() throws Exception {
        Path file = broken(lstm(), metadata -> { }, tensors -> poke(tensors, Weights.HEAD_BIAS, 3, Double.NaN));
        assertEquals("tensor head.bias holds NaN at index [3]", refusal(file));
    }

    @Test
    void infinityIsRefusedNamingItsRowAndColumn() throws Exception {
        Model model = TestModels.random(CellKind.LSTM, GruReset.AFTER, 4, 3, 6, 1);
        Path file = broken(model, metadata -> { }, tensors -> poke(tensors, Weights.WEIGHT_HH, 2 * 6 + 5,
                Double.NEGATIVE_INFINITY));
        assertEquals("tensor rnn.weight_hh_l0 holds -Infinity at index [2, 5]", refusal(file));
    }

    @Test
    void fileThatIsNotSafetensorsIsRefusedWithTheFormatProblem() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.safetensors"), "hello");
        assertEquals("not a safetensors file: it is 5 bytes long, too short for the 8-byte header length",
                refusal(file));
    }

    // ---- writing that is refused ----

    @Test
    void modelWithNanIsNotSaved() {
        Weights weights = lstm().weights();
        weights.headBias.data[0] = Double.NaN;
        Model model = lstm().withWeights(weights);
        Path file = dir.resolve("m.safetensors");
        var e = assertThrows(ModelFileException.class, () -> ModelFiles.write(file, model));
        assertEquals(file + ": cannot save: tensor head.bias holds NaN at index [0]", e.getMessage());
        assertFalse(Files.exists(file));
    }

    @Test
    void unwritableLocationIsRefusedWithAClearMessage() throws Exception {
        Path notADir = Files.writeString(dir.resolve("plain.txt"), "x");
        Path file = notADir.resolve("m.safetensors");
        var e = assertThrows(ModelFileException.class, () -> ModelFiles.write(file, lstm()));
        assertEquals(file + ": cannot write: " + notADir + " is not a directory", e.getMessage());
    }

    // ---- helpers ----

    private static Model lstm() {
        return TestModels.random(CellKind.LSTM, GruReset.AFTER, 4, 2, 2, 1);
    }

    /** Writes {@code model}, lets the test break its metadata and tensors, and writes the result. */
    private Path broken(Model model, Consumer<Map<String, String>> editMetadata,
                        Consumer<Map<String, Tensor>> editTensors) throws Exception {
        Path file = dir.resolve("broken.safetensors");
        ModelFiles.write(file, model);
        SafeTensorsFile contents = SafeTensors.read(file);
        Map<String, String> metadata = new LinkedHashMap<>(contents.metadata());
        Map<String, Tensor> tensors = new LinkedHashMap<>(contents.tensors());
        editMetadata.accept(metadata);
        editTensors.accept(tensors);
        SafeTensors.write(file, new SafeTensorsFile(metadata, tensors));
        return file;
    }

    /** The problem ModelFiles.read reports, checked to be one line that starts with the file. */
    private static String refusal(Path file) {
        var e = assertThrows(ModelFileException.class, () -> ModelFiles.read(file));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e.problem();
    }

    private static void reshape(Map<String, Tensor> tensors, String name, int... shape) {
        int size = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        tensors.put(name, new Tensor(name, DType.F32, shape, new double[size]));
    }

    private static void poke(Map<String, Tensor> tensors, String name, int index, double value) {
        Tensor t = tensors.get(name);
        double[] data = t.data().clone();
        data[index] = value;
        tensors.put(name, new Tensor(name, t.dtype(), t.shape(), data));
    }

    private static String jsonArray(List<String> tokens) {
        StringBuilder json = new StringBuilder();
        try {
            JsonWriter writer = new JsonWriter(json, true).beginArray();
            for (String token : tokens) {
                writer.value(token);
            }
            writer.endArray();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        return json.toString();
    }
}
