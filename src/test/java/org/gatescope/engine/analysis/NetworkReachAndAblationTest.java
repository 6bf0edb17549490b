package org.gatescope.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.gatescope.TestModels;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.GateActivation;
import org.gatescope.engine.GruReset;
import org.gatescope.engine.Model;
import org.gatescope.engine.Network;
import org.gatescope.engine.NetworkLayer;
import org.gatescope.engine.NetworkTrace;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.TextbookModels;
import org.gatescope.engine.cell.NetworkTracer;
import org.junit.jupiter.api.Test;

/**
 * The reach and the ablation of a model trained elsewhere: on GateScope's own model seen as a network
 * they give what the own-model analyses give; on a bidirectional layer the backward direction reaches
 * forward and is silenced from its reading of a step on.
 */
class NetworkReachAndAblationTest {

    private static final List<String> LECTURE = List.of("the", "cat", ",", "which", "already", "ate", "...", ",",
            "was", "full", ".");

    @Test
    void onGateScopesOwnModelTheNetworkReachIsTheMemoryReach() {
        Model model = TextbookModels.lstm();
        Network network = Network.of(model);
        NetworkTrace traced = trace(network, model, LECTURE);
        int was = model.vocabulary().indexOf("was");
        MemoryReach expected = MemoryReach.of(model, LECTURE, 7, "was");
        MemoryReach found = NetworkReach.of(network, traced, 0, 7, was);
        assertArrayEquals(expected.memoryCell(), found.memoryCell(), 1e-12);
        assertArrayEquals(expected.input(), found.input(), 1e-12);
        assertEquals("was", found.target());
        assertEquals("log p(was)", found.objective());
        assertEquals("layer 1", found.layer());
    }

    @Test
    void theDefaultOutputOfANextTokenModelIsTheTokenReadNext() {
        Model model = TestModels.random(CellKind.GRU, GruReset.AFTER, 9, 3, 4, 5);
        Network network = Network.of(model);
        List<String> tokens = model.vocabulary().tokens().subList(2, 7);
        NetworkTrace traced = trace(network, model, tokens);
        assertEquals(model.vocabulary().indexOf(tokens.get(3)), NetworkOutputs.defaultOutput(network, traced, 2));
        MemoryReach reach = NetworkReach.atStep(network, traced, 0, 2);
        assertEquals(tokens.get(3), reach.target());
        assertEquals(0.0, reach.memoryCell()[3], "nothing after the output's step reaches it");
        assertTrue(reach.memoryCell()[0] > 0);
    }

    @Test
    void theBackwardDirectionReachesForwardFromTheOutputsStep() {
        Network network = bidirectional(Network.Readout.EVERY_STEP);
        NetworkTrace traced = NetworkTracer.trace(network, new int[] {1, 2, 3, 4, 5, 6}, labels(6), new int[0]);
        MemoryReach forward = NetworkReach.of(network, traced, 0, 2, 1);
        MemoryReach backward = NetworkReach.of(network, traced, 1, 2, 1);
        assertEquals("layer 1 (backward)", backward.layer());
        for (int t = 0; t < 6; t++) {
            assertEquals(t <= 2, forward.memoryCell()[t] > 0, "forward at " + t);
            assertEquals(t >= 2, backward.memoryCell()[t] > 0, "backward at " + t);
        }
    }

    @Test
    void aClassifiersReachSpansTheWholeInputInBothDirections() {
        Network network = bidirectional(Network.Readout.LAST_STEP);
        NetworkTrace traced = NetworkTracer.trace(network, new int[] {1, 2, 3, 4, 5, 6}, labels(6), new int[0]);
        MemoryReach backward = NetworkReach.atStep(network, traced, 1, 0);
        assertEquals(5, backward.position(), "a classifier's output is read after the whole input");
        for (int t = 0; t < 6; t++) {
            assertTrue(backward.memoryCell()[t] > 0, "backward at " + t);
        }
        assertTrue(backward.memoryCell()[0] > backward.memoryCell()[5], "the head reads the backward state at x<1>");
    }

    @Test
    void onGateScopesOwnModelTheNetworkAblationIsTheAblation() {
        Model model = TextbookModels.lstm();
        Network network = Network.of(model);
        NetworkTrace traced = trace(network, model, LECTURE);
        Ablation expected = Ablation.silence(model, LECTURE, 0, 0, 7);
        Ablation found = NetworkAblation.silence(network, traced, 0, 0, 0, 7);
        String firstChoice = expected.before().topPredictions(7, 1).get(0).token();
        assertEquals(firstChoice, found.compared().get(0), "the intact model's first choice is compared first");
        for (String verb : List.of(firstChoice, "was", "were")) {
            assertEquals(expected.probabilityBefore(verb), found.probabilityBefore(verb), 1e-12, verb);
            assertEquals(expected.probabilityAfter(verb), found.probabilityAfter(verb), 1e-12, verb);
        }
        assertEquals(0.0, found.after().value(Quantity.MEMORY_CELL, 5, 0));
        assertFalse(found.comparesVerbs());
        assertEquals("next token after \u201C,\u201D", found.describeOutput());
    }

    @Test
    void aBackwardUnitIsSilencedFromItsReadingOfTheStepOn() {
        Network network = bidirectional(Network.Readout.LAST_STEP);
        NetworkTrace traced = NetworkTracer.trace(network, new int[] {1, 2, 3, 4, 5, 6}, labels(6), new int[0]);
        Ablation ablation = NetworkAblation.silence(network, traced, 1, 2, 3, 0);
        for (int t = 0; t < 6; t++) {
            double after = ablation.after().value(Quantity.MEMORY_CELL, t, 2);
            double before = ablation.before().value(Quantity.MEMORY_CELL, t, 2);
            if (t <= 3) {
                assertEquals(0.0, after, "silenced at " + t);
            } else {
                assertEquals(before, after, "read before the silencing began, at " + t);
            }
        }
        assertTrue(ablation.wholeInput());
        assertEquals("class after the whole input", ablation.describeOutput());
        assertEquals(3, ablation.compared().size());
        assertNotEquals(ablation.comparedBefore()[0], ablation.comparedAfter()[0]);
    }

    @Test
    void unitsLayersAndStepsOutsideTheNetworkAreRefused() {
        Network network = bidirectional(Network.Readout.LAST_STEP);
        NetworkTrace traced = NetworkTracer.trace(network, new int[] {1, 2, 3}, labels(3), new int[0]);
        assertThrows(IllegalArgumentException.class, () -> NetworkAblation.silence(network, traced, 2, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> NetworkAblation.silence(network, traced, 0, 4, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> NetworkAblation.silence(network, traced, 0, 0, 3, 0));
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static NetworkTrace trace(Network network, Model model, List<String> tokens) {
        int[] ids = tokens.stream().mapToInt(model.vocabulary()::indexOf).toArray();
        return NetworkTracer.trace(network, ids, tokens, new int[0]);
    }

    private static List<String> labels(int steps) {
        List<String> labels = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            labels.add("x" + t);
        }
        return labels;
    }

    /** Embedding → bidirectional Keras-2 LSTM (hard_sigmoid) → softmax over four classes. */
    private static Network bidirectional(Network.Readout readout) {
        Random random = new Random(4);
        return new Network("bi", Network.InputKind.TOKEN_IDS, 8, matrix(random, 8, 3), false,
                List.of(new Network.Level(lstm(random), lstm(random), Network.Merge.CONCAT)),
                List.of(new Network.Dense(matrix(random, 4, 8), matrix(random, 1, 4), Network.Activation.SOFTMAX)),
                readout, List.of(), Map.of());
    }

    private static NetworkLayer lstm(Random random) {
        return new NetworkLayer(CellKind.LSTM, GruReset.AFTER, GateActivation.HARD_SIGMOID_KERAS2, matrix(random, 16, 3),
                matrix(random, 16, 4), matrix(random, 1, 16), matrix(random, 1, 16), null, "test");
    }

    private static DMatrixRMaj matrix(Random random, int rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = 0.6 * random.nextGaussian();
        }
        return m;
    }
}
