package org.gatescope.engine.cell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.GateActivation;
import org.gatescope.engine.GruReset;
import org.gatescope.engine.Model;
import org.gatescope.engine.Network;
import org.gatescope.engine.NetworkLayer;
import org.gatescope.engine.NetworkTrace;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.Trace;
import org.gatescope.io.ModelFiles;
import org.gatescope.text.Tokenizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class NetworkTracerTest {

    @ParameterizedTest
    @ValueSource(strings = {"rnn", "gru_simple", "gru", "lstm", "peephole_lstm", "gru_textbook"})
    void gateScopesOwnModelTracesBitForBitTheSameAsANetwork(String name) throws Exception {
        Model model = ModelFiles.read(Path.of("assets/models", name + ".safetensors"));
        List<String> tokens = Tokenizer.tokenize("The cats, which already ate ..., were full.");
        Trace expected = Tracer.trace(model, tokens);
        int[] ids = tokens.stream().mapToInt(model.vocabulary()::indexOf).toArray();
        NetworkTrace network = NetworkTracer.trace(Network.of(model), ids, tokens, new int[0]);
        assertEquals(1, network.layers().size());
        Trace found = network.layers().get(0).trace();
        for (Quantity quantity : expected.quantities()) {
            for (int t = 0; t < tokens.size(); t++) {
                assertArrayEquals(expected.step(quantity, t), found.step(quantity, t), 0.0, quantity + " at " + t);
            }
        }
        // The gates are bit for bit; the two softmaxes sum 7,330 terms in another order: a few ulp apart.
        for (int t = 0; t < tokens.size(); t++) {
            assertArrayEquals(expected.probabilitiesAt(t), found.probabilitiesAt(t), 1e-14, "p at " + t);
        }
        assertArrayEquals(expected.probabilitiesAt(tokens.size() - 1), network.finalOutput(), 1e-14);
    }

    @Test
    void aMaskedStepCarriesEveryLayersStateInBothDirections() {
        NetworkLayer forward = rnn(new double[] {0.5}, new double[] {0.9});
        NetworkLayer backward = rnn(new double[] {-0.7}, new double[] {0.3});
        DMatrixRMaj embedding = new DMatrixRMaj(new double[][] {{0}, {1}, {2}});
        Network network = new Network("masked", Network.InputKind.TOKEN_IDS, 3, embedding, true,
                List.of(new Network.Level(forward, backward, Network.Merge.CONCAT)), List.of(),
                Network.Readout.EVERY_STEP, List.of(), java.util.Map.of());
        NetworkTrace trace = NetworkTracer.trace(network, new int[] {0, 1, 0, 2, 0}, List.of("p", "a", "p", "b", "p"),
                new int[0]);
        double[][] a = trace.layers().get(0).trace().values(Quantity.ACTIVATION);
        assertEquals(0.0, a[0][0], "padding before any input leaves the state at zero");
        assertEquals(a[1][0], a[2][0], "a masked step repeats the state");
        assertEquals(a[3][0], a[4][0]);
        double[][] back = trace.layers().get(1).trace().values(Quantity.ACTIVATION);
        assertEquals(0.0, back[4][0], "the backward direction starts at the end");
        assertEquals(back[3][0], back[2][0]);
        assertEquals(Math.tanh(-0.7 * 2), back[3][0], 1e-15);
        assertTrue(trace.masked()[0] && !trace.masked()[1]);
    }

    @Test
    void aClassifierReadsTheForwardEndAndTheBackwardStart() {
        NetworkLayer forward = rnn(new double[] {1.0}, new double[] {0.0});
        NetworkLayer backward = rnn(new double[] {1.0}, new double[] {0.0});
        Network network = new Network("classifier", Network.InputKind.FEATURES, 1, null, false,
                List.of(new Network.Level(forward, backward, Network.Merge.CONCAT)),
                List.of(new Network.Dense(new DMatrixRMaj(new double[][] {{1, 0}, {0, 1}}), new DMatrixRMaj(1, 2),
                        Network.Activation.LINEAR)),
                Network.Readout.LAST_STEP, List.of("end", "start"), java.util.Map.of());
        NetworkTrace trace = NetworkTracer.trace(network, new double[][] {{0.1}, {0.2}, {0.3}});
        assertArrayEquals(new double[] {Math.tanh(0.3), Math.tanh(0.1)}, trace.finalOutput(), 1e-15);
        assertEquals(1, trace.outputs().length);
    }

    @Test
    void hardSigmoidGatesFollowKerasDefinitions() {
        assertEquals(0.7, GateActivation.HARD_SIGMOID_KERAS2.apply(1.0), 1e-15);
        assertEquals(0.5 + 1.0 / 6, GateActivation.HARD_SIGMOID_KERAS3.apply(1.0), 1e-15);
        assertEquals(1.0, GateActivation.HARD_SIGMOID_KERAS2.apply(3.0));
        assertEquals(0.0, GateActivation.HARD_SIGMOID_KERAS3.apply(-3.5));
    }

    @Test
    void idsOutsideTheEmbeddingAreRefusedByName() {
        Network network = new Network("one", Network.InputKind.ONE_HOT, 2, null, false,
                List.of(new Network.Level(rnn(new double[] {1, 1}, new double[] {0}), null, Network.Merge.CONCAT)),
                List.of(), Network.Readout.EVERY_STEP, List.of(), java.util.Map.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NetworkTracer.trace(network, new int[] {0, 5}, List.of("a", "b"), new int[0]));
        assertTrue(e.getMessage().contains("5"), e.getMessage());
    }

    /** A one-unit tanh RNN: a = tanh(w·x + u·a_prev). */
    private static NetworkLayer rnn(double[] w, double[] u) {
        return new NetworkLayer(CellKind.RNN, GruReset.AFTER, GateActivation.SIGMOID, new DMatrixRMaj(1, w.length, true, w),
                new DMatrixRMaj(1, 1, true, u), new DMatrixRMaj(1, 1), new DMatrixRMaj(1, 1), null, "test");
    }
}
