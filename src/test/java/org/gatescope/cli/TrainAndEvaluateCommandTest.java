package org.gatescope.cli;

import static org.gatescope.cli.CommandLineTest.assertRefused;
import static org.gatescope.cli.CommandLineTest.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gatescope.TestModels;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.GruReset;
import org.gatescope.engine.Model;
import org.gatescope.engine.Weights;
import org.gatescope.engine.train.AgreementTask;
import org.gatescope.io.Json;
import org.gatescope.io.ModelFiles;
import org.gatescope.text.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train} writes a reproducible model file; {@code evaluate} scores built-in sets and the user's probes. */
class TrainAndEvaluateCommandTest {

    @TempDir
    Path dir;

    @Test
    void trainWritesAModelWithTheCorpusVocabularyAndNumberUnits() throws Exception {
        Path out = dir.resolve("tiny.safetensors");
        CommandLineTest.Result result = run("train", "--cell", "gru", "--hidden", "4", "--embed", "3", "--epochs", "1",
                "--seed", "5", "--out", out.toString());
        assertEquals(0, result.status(), result.err());
        assertTrue(result.err().contains("wrote"), result.err());
        Model model = ModelFiles.read(out);
        assertEquals(CellKind.GRU, model.cell());
        assertEquals(GruReset.BEFORE, model.spec().gruReset());
        assertEquals(AgreementTask.vocabulary().tokens(), model.vocabulary().tokens());
        assertTrue(model.metadata().containsKey("number_units"));
        assertTrue(model.metadata().get("trained_with").contains("--seed 5"));
    }

    @Test
    void trainingTwiceWithTheSameSeedGivesTheSameBytes() throws Exception {
        Path first = dir.resolve("a.safetensors");
        Path second = dir.resolve("b.safetensors");
        for (Path out : List.of(first, second)) {
            assertEquals(0, run("train", "--cell", "lstm", "--hidden", "3", "--embed", "2", "--epochs", "1", "--seed",
                    "9", "--out", out.toString()).status());
        }
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
    }

    @Test
    void aFloat32RunRecordsItsPrecisionAndGivesTheSameBytesOnOneThreadOrTwo() throws Exception {
        Path first = dir.resolve("one.safetensors");
        Path second = dir.resolve("two.safetensors");
        Path reference = dir.resolve("reference.safetensors");
        for (Path out : List.of(first, second)) {
            assertEquals(0, run("train", "--cell", "lstm", "--hidden", "24", "--embed", "8", "--epochs", "1", "--seed",
                    "9", "--sentences", "1000", "--precision", "float32", "--threads", out == first ? "1" : "2",
                    "--out", out.toString()).status());
        }
        assertEquals(0, run("train", "--cell", "lstm", "--hidden", "24", "--embed", "8", "--epochs", "1", "--seed",
                "9", "--sentences", "1000", "--out", reference.toString()).status());
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
        assertTrue(ModelFiles.read(first).metadata().get("trained_with").endsWith("--precision float32"),
                ModelFiles.read(first).metadata().get("trained_with"));
        assertFalse(ModelFiles.read(reference).metadata().get("trained_with").contains("--precision"));
        assertFalse(java.util.Arrays.equals(ModelFiles.read(first).weights().weightHh.data,
                ModelFiles.read(reference).weights().weightHh.data), "float32 and float64 runs round differently");
    }

    @Test
    void trainRefusesBadSettingsBeforeTraining() {
        assertRefused(run("train", "--cell", "transformer", "--hidden", "4", "--out", dir.resolve("x").toString()),
                "transformer");
        assertRefused(run("train", "--cell", "lstm", "--out", dir.resolve("x").toString()), "--hidden");
        assertRefused(run("train", "--cell", "lstm", "--hidden", "0", "--out", dir.resolve("x").toString()),
                "--hidden");
        assertRefused(run("train", "--cell", "lstm", "--hidden", "4", "--out",
                dir.resolve("missing/dir/x.safetensors").toString()), "does not exist");
        assertRefused(run("train", "--cell", "lstm", "--hidden", "4", "--threads", "0", "--out",
                dir.resolve("x").toString()), "--threads");
        assertRefused(run("train", "--cell", "lstm", "--hidden", "4", "--precision", "float16", "--out",
                dir.resolve("x").toString()), "--precision");
    }

    @Test
    void evaluatePrintsTheBreakdown() throws Exception {
        Path model = writeRandomModel();
        CommandLineTest.Result result = run("evaluate", "--model", model.toString());
        assertEquals(0, result.status(), result.err());
        for (String expected : List.of("overall", "construction", "attractors", "opposite-number attractors",
                "clause length", "longer than training", "subjects never seen in training")) {
            assertTrue(result.out().contains(expected), expected + " in\n" + result.out());
        }
        for (org.gatescope.text.Construction construction : org.gatescope.text.Construction.values()) {
            assertTrue(result.out().contains("  " + construction.id() + " "), construction.id());
        }
    }

    @SuppressWarnings("unchecked")
    @Test
    void evaluateAsJsonGivesARowPerConstructionAndTheTextbookModelIsPerfectOnWhatItCovers() throws Exception {
        CommandLineTest.Result result = run("evaluate", "--model", "lstm_textbook", "--format", "json");
        assertEquals(0, result.status(), result.err());
        Map<String, Object> json = (Map<String, Object>) Json.parse(result.out());
        List<Map<String, Object>> rows = (List<Map<String, Object>>) json.get("breakdown");
        for (org.gatescope.text.Construction construction : org.gatescope.text.Construction.values()) {
            Map<String, Object> row = rows.stream().filter(r -> r.get("group").equals("construction")
                    && r.get("label").equals(construction.id())).findFirst().orElseThrow();
            assertEquals(500.0, ((Number) row.get("count")).doubleValue(), construction.id());
            if (org.gatescope.engine.TextbookModels.COVERED.contains(construction)) {
                assertEquals(1.0, ((Number) row.get("accuracy")).doubleValue(), construction.id());
            }
        }
        assertTrue(rows.stream().anyMatch(r -> r.get("label").toString().contains("longer than training")));
    }

    @SuppressWarnings("unchecked")
    @Test
    void evaluateScoresTheUsersOwnProbesAsJson() throws Exception {
        Path model = writeRandomModel();
        Path probes = dir.resolve("probes.tsv");
        Files.writeString(probes, "the cat , which already ate the fish ,\twas\twere\n\n"
                + "the cats , which already ate the fish ,\twere\twas\n");
        CommandLineTest.Result result = run("evaluate", "--model", model.toString(), "--file", probes.toString(),
                "--format", "json");
        assertEquals(0, result.status(), result.err());
        Map<String, Object> json = (Map<String, Object>) Json.parse(result.out());
        List<Map<String, Object>> scored = (List<Map<String, Object>>) json.get("probes");
        assertEquals(2, scored.size());
        assertEquals("were", scored.get(1).get("good"));
        double pGood = ((Number) scored.get(0).get("p_good")).doubleValue();
        double pBad = ((Number) scored.get(0).get("p_bad")).doubleValue();
        double accuracy = ((Number) json.get("accuracy")).doubleValue();
        assertTrue(pGood > 0 && pGood < 1 && pBad > 0 && pBad < 1);
        assertTrue(accuracy == 0 || accuracy == 0.5 || accuracy == 1);
    }

    @Test
    void malformedProbeFilesAreRefusedNamingTheLine() throws Exception {
        Path model = writeRandomModel();
        Path probes = dir.resolve("bad.tsv");
        Files.writeString(probes, "the cat ,\twas\twere\nthe cats , was were\n");
        assertRefused(run("evaluate", "--model", model.toString(), "--file", probes.toString()), "line 2");
        Files.writeString(probes, "the cat ,\twas\twuz\n");
        assertRefused(run("evaluate", "--model", model.toString(), "--file", probes.toString()), "wuz");
        Files.writeString(probes, "\n\n");
        assertRefused(run("evaluate", "--model", model.toString(), "--file", probes.toString()), "no probes");
        assertRefused(run("evaluate", "--model", model.toString(), "--file", dir.resolve("nope.tsv").toString()),
                "nope.tsv");
        assertFalse(Files.exists(dir.resolve("nope.tsv")));
    }

    /** A random model over the corpus vocabulary, so every probe word is known. */
    private Path writeRandomModel() throws Exception {
        Vocabulary vocabulary = AgreementTask.vocabulary();
        Model random = TestModels.random(CellKind.LSTM, GruReset.AFTER, vocabulary.size(), 4, 5, 3);
        Weights weights = random.weights();
        Model model = new Model(random.spec(), vocabulary, Model.LOWER_WORDS, weights, Map.of());
        Path path = dir.resolve("random.safetensors");
        ModelFiles.write(path, model);
        return path;
    }
}
