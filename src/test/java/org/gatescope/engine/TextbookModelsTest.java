package org.gatescope.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gatescope.cli.CommandLine;
import org.gatescope.engine.cell.Tracer;
import org.gatescope.io.ModelFiles;
import org.gatescope.text.AgreementCorpus;
import org.gatescope.text.AgreementSentence;
import org.gatescope.text.Tokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The textbook models show the lecture's idealised picture exactly: Γu ≈ 1 at the subject noun,
 * ≈ 0 on every later token up to the verb (attractor nouns included), Γf ≈ 1, the number unit's c
 * at ≈ +1 (singular) or ≈ −1 (plural) all the way, and the head choosing the verb from it.
 */
class TextbookModelsTest {

    private static final long SEED = 7;
    private static final int PER_SET = 500;
    private static final String PLURAL_LECTURE_SENTENCE = "The cats, which already ate ..., were full.";

    /** The properties the brief and the README promise, with their thresholds. */
    private static final double UPDATE_OPEN = 0.95;
    private static final double UPDATE_SHUT = 0.05;
    private static final double FORGET_KEEPS = 0.99;
    private static final double MEMORY_HELD = 0.9;
    private static final double VERB_CHOICE = 0.99;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = CellKind.class, names = {"LSTM", "GRU"})
    void lectureSentenceWritesSingularAtCatKeepsItThroughTheClauseAndSaysWas(CellKind cell) {
        Model model = TextbookModels.of(cell);
        List<String> tokens = Tokenizer.tokenize(AgreementCorpus.LECTURE_SENTENCE);
        assertEquals(List.of("the", "cat", ",", "which", "already", "ate", "...", ",", "was", "full", "."), tokens);
        Trace trace = Tracer.trace(model, tokens);
        int cat = 1;
        int was = 8;
        assertTrue(trace.value(Quantity.UPDATE_GATE, cat, 0) > UPDATE_OPEN, "Γu at cat");
        for (int t = cat + 1; t < was; t++) {
            assertTrue(trace.value(Quantity.UPDATE_GATE, t, 0) < UPDATE_SHUT,
                    "Γu at \"" + tokens.get(t) + "\": " + trace.value(Quantity.UPDATE_GATE, t, 0));
        }
        for (int t = cat; t < was; t++) {
            assertTrue(trace.value(Quantity.MEMORY_CELL, t, 0) > MEMORY_HELD,
                    "c0 at \"" + tokens.get(t) + "\": " + trace.value(Quantity.MEMORY_CELL, t, 0));
        }
        assertTrue(normalised(trace, was - 1, "was", "were") > VERB_CHOICE, "p(was) / (p(was) + p(were))");
        assertIdealPicture(model, AgreementCorpus.annotate(tokens));
    }

    @ParameterizedTest
    @EnumSource(value = CellKind.class, names = {"LSTM", "GRU"})
    void pluralLectureSentenceWritesMinusOneAtCatsAndSaysWere(CellKind cell) {
        Model model = TextbookModels.of(cell);
        List<String> tokens = Tokenizer.tokenize(PLURAL_LECTURE_SENTENCE);
        Trace trace = Tracer.trace(model, tokens);
        int cats = 1;
        int were = tokens.indexOf("were");
        assertEquals(8, were);
        assertTrue(trace.value(Quantity.UPDATE_GATE, cats, 0) > UPDATE_OPEN, "Γu at cats");
        for (int t = cats + 1; t < were; t++) {
            assertTrue(trace.value(Quantity.UPDATE_GATE, t, 0) < UPDATE_SHUT, "Γu at \"" + tokens.get(t) + "\"");
        }
        for (int t = cats; t < were; t++) {
            assertTrue(trace.value(Quantity.MEMORY_CELL, t, 0) < -MEMORY_HELD,
                    "c0 at \"" + tokens.get(t) + "\": " + trace.value(Quantity.MEMORY_CELL, t, 0));
        }
        assertTrue(normalised(trace, were - 1, "were", "was") > VERB_CHOICE, "p(were) / (p(was) + p(were))");
        assertIdealPicture(model, AgreementCorpus.annotate(tokens));
    }

    @Test
    void lstmForgetGateStaysOpenSoTheNumberIsNeverForgotten() {
        Model model = TextbookModels.lstm();
        Trace trace = Tracer.trace(model, Tokenizer.tokenize(AgreementCorpus.LECTURE_SENTENCE));
        for (int t = 0; t < trace.length(); t++) {
            assertTrue(trace.value(Quantity.FORGET_GATE, t, TextbookModels.NUMBER_UNIT) > FORGET_KEEPS, "Γf at " + t);
        }
    }

    @Test
    void attractorNounsInsideTheClauseDoNotOpenTheUpdateGate() {
        List<String> tokens = Tokenizer.tokenize("the cat , which the dogs near the foxes chased , was happy .");
        for (Model model : List.of(TextbookModels.lstm(), TextbookModels.gru())) {
            Trace trace = Tracer.trace(model, tokens);
            for (String attractor : List.of("dogs", "foxes")) {
                int t = tokens.indexOf(attractor);
                assertTrue(trace.value(Quantity.UPDATE_GATE, t, 0) < 1e-3, model.cell() + " Γu at " + attractor);
                assertTrue(trace.value(Quantity.UPDATE_GATE, t, 1) < 1e-3, model.cell() + " latch Γu at " + attractor);
            }
            assertTrue(normalised(trace, tokens.indexOf("was") - 1, "was", "were") > VERB_CHOICE);
        }
    }

    @ParameterizedTest
    @EnumSource(value = CellKind.class, names = {"LSTM", "GRU"})
    void everyHeldOutLongClauseAndHardSentenceShowsTheIdealPictureWithFullAgreement(CellKind cell) {
        Model model = TextbookModels.of(cell);
        // The constructions the textbook models are meant for: the verb agrees with the first noun.
        List<AgreementSentence> heldOut = new java.util.ArrayList<>();
        for (org.gatescope.text.Construction construction : TextbookModels.COVERED) {
            heldOut.addAll(AgreementCorpus.heldOut(construction, SEED, PER_SET / TextbookModels.COVERED.size()));
        }
        List<AgreementSentence> longClauses = AgreementCorpus.longClauses(SEED, PER_SET);
        List<AgreementSentence> hard = AgreementCorpus.withOppositeAttractors(SEED, PER_SET, 2);
        assertTrue(hard.stream().allMatch(s -> s.oppositeAttractors() >= 2));
        assertTrue(longClauses.stream().allMatch(s -> s.clauseLength() >= AgreementCorpus.LONG_CLAUSE_MIN_LENGTH));
        for (List<AgreementSentence> set : List.of(heldOut, longClauses, hard)) {
            assertEquals(1.0, agreementAccuracy(model, set), "agreement accuracy");
            for (AgreementSentence sentence : set) {
                assertIdealPicture(model, sentence);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = CellKind.class, names = {"LSTM", "GRU"})
    void modelFileRoundTripInF32KeepsTheWeightsAndTheIdealPicture(CellKind cell) throws Exception {
        Model model = TextbookModels.of(cell);
        Path file = dir.resolve(cell.id() + "_textbook.safetensors");
        ModelFiles.write(file, model);
        Model read = ModelFiles.read(file);
        assertEquals(model.spec(), read.spec());
        assertEquals(model.vocabulary().tokens(), read.vocabulary().tokens());
        assertEquals(model.metadata(), read.metadata());
        for (int i = 0; i < model.weights().parameters().size(); i++) {
            Weights.Parameter expected = model.weights().parameters().get(i);
            assertArrayEquals(expected.values().data, read.weights().parameters().get(i).values().data, 0.0,
                    expected.name());
        }
        assertArrayEquals(new int[] {TextbookModels.NUMBER_UNIT},
                Tracer.trace(read, List.of("the", "cat")).numberUnits());
        for (AgreementSentence sentence : AgreementCorpus.withOppositeAttractors(SEED, 100, 2)) {
            assertIdealPicture(read, sentence);
        }
        assertIdealPicture(read, AgreementCorpus.annotate(Tokenizer.tokenize(AgreementCorpus.LECTURE_SENTENCE)));
    }

    @Test
    void sharesTheTrainedModelsVocabularyAndIsSmall() {
        for (Model model : List.of(TextbookModels.lstm(), TextbookModels.gru())) {
            assertEquals(AgreementCorpus.vocabulary(), model.vocabulary().tokens());
            assertEquals(2, model.hiddenSize());
            assertEquals(3, model.spec().embedSize());
            assertEquals("0", model.metadata().get(Model.NUMBER_UNITS_KEY));
            assertTrue(model.metadata().get("description").contains("not trained"));
        }
        assertEquals(GruReset.BEFORE, TextbookModels.gru().spec().gruReset());
        assertThrows(IllegalArgumentException.class, () -> TextbookModels.of(CellKind.RNN));
    }

    @Test
    void aNounWithoutNumberAsSubjectLeavesTheVerbUndecided() {
        Trace trace = Tracer.trace(TextbookModels.gru(), List.of("the", "fish", ",", "which", "ate", "...", ","));
        assertEquals(0.0, trace.value(Quantity.MEMORY_CELL, 6, 0), 1e-12);
        assertEquals(0.5, normalised(trace, 6, "was", "were"), 1e-12);
    }

    @ParameterizedTest
    @EnumSource(value = CellKind.class, names = {"LSTM", "GRU"})
    void textbookCommandRegeneratesTheBundledFileBitForBit(CellKind cell) throws Exception {
        String name = TextbookModels.bundledName(cell);
        Path first = dir.resolve("first.safetensors");
        Path second = dir.resolve("second.safetensors");
        assertEquals(0, cli("textbook", "--cell", cell.id(), "--out", first.toString()).status());
        assertEquals(0, cli("textbook", "--cell", cell.id(), "--out", second.toString()).status());
        byte[] bytes = Files.readAllBytes(first);
        assertArrayEquals(bytes, Files.readAllBytes(second), "two runs write the same bytes");
        try (InputStream bundled = TextbookModels.class.getResourceAsStream("/org/gatescope/models/" + name
                + ".safetensors")) {
            assertNotNull(bundled, name + " is bundled (assets/models/" + name + ".safetensors)");
            assertArrayEquals(bundled.readAllBytes(), bytes, "bundled " + name + " is what the command writes");
        }
        Path asset = Path.of("assets/models", name + ".safetensors");
        if (Files.exists(asset)) {
            assertArrayEquals(Files.readAllBytes(asset), bytes, asset + " is what the command writes");
        }
    }

    @Test
    void textbookCommandRefusesOtherCellsAndAMissingOutputWithOneLine() {
        CliResult rnn = cli("textbook", "--cell", "rnn", "--out", dir.resolve("x.safetensors").toString());
        assertEquals(2, rnn.status());
        assertTrue(rnn.err().contains("--cell must be lstm or gru"), rnn.err());
        assertFalse(rnn.err().strip().contains("\n"), rnn.err());
        CliResult noOut = cli("textbook", "--cell", "gru");
        assertEquals(2, noOut.status());
        assertTrue(noOut.err().contains("--out is required"), noOut.err());
        CliResult noDirectory = cli("textbook", "--cell", "lstm", "--out",
                dir.resolve("missing/x.safetensors").toString());
        assertEquals(2, noDirectory.status());
        assertTrue(noDirectory.err().contains("does not exist"), noDirectory.err());
    }

    /**
     * The whole picture on one sentence: Γu of the number unit open at the subject and shut from
     * the next token up to the verb, Γf ≈ 1 (LSTM), |c₀| &gt; 0.9 with the subject's sign from the
     * subject to the verb, and p(verb) / (p(verb) + p(wrong verb)) &gt; 0.99 before the verb.
     */
    private static void assertIdealPicture(Model model, AgreementSentence sentence) {
        Trace trace = Tracer.trace(model, sentence.tokens());
        int unit = TextbookModels.NUMBER_UNIT;
        int subject = sentence.subjectIndex();
        int verb = sentence.verbIndex();
        double sign = sentence.pluralSubject() ? -1 : 1;
        List<String> problems = new ArrayList<>();
        double open = trace.value(Quantity.UPDATE_GATE, subject, unit);
        if (!(open > UPDATE_OPEN)) {
            problems.add(String.format(Locale.ROOT, "Γu at the subject %.4f", open));
        }
        for (int t = subject; t < verb; t++) {
            double u = trace.value(Quantity.UPDATE_GATE, t, unit);
            if (t > subject && !(u < UPDATE_SHUT)) {
                problems.add(String.format(Locale.ROOT, "Γu at %d \"%s\" %.4f", t, sentence.tokens().get(t), u));
            }
            if (trace.has(Quantity.FORGET_GATE) && !(trace.value(Quantity.FORGET_GATE, t, unit) > FORGET_KEEPS)) {
                problems.add("Γf at " + t);
            }
            double c = sign * trace.value(Quantity.MEMORY_CELL, t, unit);
            if (!(c > MEMORY_HELD)) {
                problems.add(String.format(Locale.ROOT, "c0 at %d \"%s\" %.4f", t, sentence.tokens().get(t),
                        sign * c));
            }
        }
        double choice = normalised(trace, verb - 1, sentence.verb(), sentence.wrongVerb());
        if (!(choice > VERB_CHOICE)) {
            problems.add(String.format(Locale.ROOT, "p(%s) normalised %.4f", sentence.verb(), choice));
        }
        assertTrue(problems.isEmpty(), model.cell() + " on \"" + sentence.text() + "\": " + problems);
    }

    /** p(good) / (p(good) + p(bad)) after token t. */
    private static double normalised(Trace trace, int t, String good, String bad) {
        double pGood = trace.probability(t, good);
        double pBad = trace.probability(t, bad);
        return pGood / (pGood + pBad);
    }

    /** The share of sentences where p(verb) &gt; p(wrong verb) after the token before the verb. */
    private static double agreementAccuracy(Model model, List<AgreementSentence> sentences) {
        int right = 0;
        for (AgreementSentence sentence : sentences) {
            Trace trace = Tracer.trace(model, sentence.prefix());
            int last = sentence.verbIndex() - 1;
            if (trace.probability(last, sentence.verb()) > trace.probability(last, sentence.wrongVerb())) {
                right++;
            }
        }
        return right / (double) sentences.size();
    }

    record CliResult(int status, String out, String err) {
    }

    private static CliResult cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CommandLine.run(args, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CliResult(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
