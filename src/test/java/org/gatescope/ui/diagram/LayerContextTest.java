package org.gatescope.ui.diagram;

import org.gatescope.render.diagram.CellStructure;
import org.gatescope.render.diagram.LayerContext;
import org.gatescope.render.diagram.Equations;
import org.gatescope.render.diagram.DisplayFrame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.GateActivation;
import org.gatescope.engine.GruReset;
import org.gatescope.engine.Network;
import org.gatescope.engine.NetworkLayer;
import org.gatescope.engine.NetworkTrace;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.Trace;
import org.gatescope.engine.cell.NetworkTracer;
import org.junit.jupiter.api.Test;

/**
 * The diagram of a layer of a model trained elsewhere says what that layer is: a backward direction
 * starts step t from c&lt;t+1&gt; (labels, values and equations alike), and the box at the top right is
 * what the layer feeds — the next layer, or the model's own head with its activation.
 */
class LayerContextTest {

    /** Two bidirectional LSTM levels (concatenated) under a dense relu → sigmoid head read after the whole input. */
    private static Network classifier() {
        Random random = new Random(9);
        return new Network("classifier", Network.InputKind.TOKEN_IDS, 6, matrix(random, 6, 3), false,
                List.of(new Network.Level(lstm(random, 3), lstm(random, 3), Network.Merge.CONCAT),
                        new Network.Level(lstm(random, 8), lstm(random, 8), Network.Merge.CONCAT)),
                List.of(new Network.Dense(matrix(random, 3, 8), matrix(random, 1, 3), Network.Activation.RELU),
                        new Network.Dense(matrix(random, 1, 3), matrix(random, 1, 1), Network.Activation.SIGMOID)),
                Network.Readout.LAST_STEP, List.of(), Map.of());
    }

    @Test
    void aLowerLayerFeedsTheNextLayer() {
        LayerContext context = LayerContext.of(classifier(), 1, "layer 1 (backward)");
        assertTrue(context.backward());
        assertEquals("layer 2", context.output());
        assertNull(context.function());
        assertTrue(context.note().startsWith("[a\u2192<t>; a\u2190<t>] is layer 2's input x<t> (bidirectional LSTM"),
                context.note());
    }

    @Test
    void theTopLayerFeedsTheHeadItReallyHasOnceAfterTheWholeInput() {
        LayerContext context = LayerContext.of(classifier(), 3, "layer 2 (backward)");
        assertEquals("\u0177", context.output(), "one output, not one per step");
        assertEquals("sigmoid", context.function());
        assertTrue(context.note().startsWith("\u0177 = sigmoid(W_2 relu(W_1 [a\u2192<T>; a\u2190<1>] + b_1) + b_2)"),
                context.note());
        assertTrue(context.note().contains("after the whole input"), context.note());
        CellStructure structure = context.apply(CellStructure.of(CellKind.LSTM, GruReset.AFTER));
        assertEquals("\u0177", structure.node("prediction").symbol());
        assertEquals("sigmoid", structure.node("prediction").function());
    }

    @Test
    void kerasHardSigmoidGatesAreTaggedAsSuch() {
        Network network = classifier();
        Network.Level level = network.levels().get(0);
        NetworkLayer hard = new NetworkLayer(CellKind.LSTM, GruReset.AFTER, GateActivation.HARD_SIGMOID_KERAS2,
                level.forward().sharedWeightIh(), level.forward().sharedWeightHh(), level.forward().sharedBiasIh(),
                level.forward().sharedBiasHh(), null, "test");
        Network keras = new Network("keras", network.inputKind(), network.inputSize(), network.sharedEmbedding(), false,
                List.of(new Network.Level(hard, null, Network.Merge.CONCAT)), List.of(), Network.Readout.EVERY_STEP,
                List.of(), Map.of());
        CellStructure structure = LayerContext.of(keras, 0, "layer 1").apply(CellStructure.of(CellKind.LSTM, GruReset.AFTER));
        assertEquals("hard \u03C3", structure.node("forget").function());
        assertEquals("out^<t>", structure.node("prediction").symbol(), "no head: the state is the output");
    }

    @Test
    void aBackwardDirectionStartsFromTheNextStepInLabelsValuesAndEquations() {
        Network network = classifier();
        NetworkTrace traced = NetworkTracer.trace(network, new int[] {1, 2, 3, 4}, List.of("a", "b", "c", "d"),
                new int[0]);
        Trace backward = traced.layers().get(1).trace();
        LayerContext context = LayerContext.of(network, 1, "layer 1 (backward)");
        CellStructure structure = context.apply(CellStructure.of(CellKind.LSTM, GruReset.AFTER));
        assertEquals("c^<t+1>", structure.node("cPrev").symbol());
        assertEquals("\u03C3", structure.node("forget").function());
        assertEquals("a^<t+1>", structure.node("aPrev").symbol());

        assertEquals(backward.value(Quantity.MEMORY_CELL, 2, 0),
                DisplayFrame.of(backward, 1, true).previous(Quantity.MEMORY_CELL, 0), "c<t+1> is step 3's");
        assertEquals(0.0, DisplayFrame.of(backward, 3, true).previous(Quantity.MEMORY_CELL, 0),
                "zero before the last token, where the direction starts");

        String memory = Equations.forQuantity(backward, 1, 0, Quantity.MEMORY_CELL, context);
        assertTrue(memory.contains("c<t+1>") && !memory.contains("c<t-1>"), memory);
        String previous = Equations.forNode(structure.node("cPrev"), backward, 1, 0, context);
        assertTrue(previous.contains("c<t+1> = " + Equations.number(backward.value(Quantity.MEMORY_CELL, 2, 0))),
                previous);
        assertTrue(previous.contains("the next token") && previous.contains("\u201cc\u201d"), previous);
    }

    @Test
    void gateScopesOwnModelKeepsItsSoftmaxAndItsPreviousStep() {
        CellStructure own = CellStructure.of(CellKind.GRU, GruReset.BEFORE);
        assertEquals(own, LayerContext.OWN.apply(own));
        assertEquals("\u0177^<t>", own.node("prediction").symbol());
        assertFalse(LayerContext.OWN.backward());
    }

    private static NetworkLayer lstm(Random random, int d) {
        return new NetworkLayer(CellKind.LSTM, GruReset.AFTER, GateActivation.SIGMOID, matrix(random, 16, d),
                matrix(random, 16, 4), matrix(random, 1, 16), matrix(random, 1, 16), null, "test");
    }

    private static DMatrixRMaj matrix(Random random, int rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = 0.5 * random.nextGaussian();
        }
        return m;
    }
}
