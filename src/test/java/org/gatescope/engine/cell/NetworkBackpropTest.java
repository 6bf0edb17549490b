package org.gatescope.engine.cell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.GateActivation;
import org.gatescope.engine.GruReset;
import org.gatescope.engine.Network;
import org.gatescope.engine.Network.Activation;
import org.gatescope.engine.Network.Dense;
import org.gatescope.engine.Network.Level;
import org.gatescope.engine.Network.Merge;
import org.gatescope.engine.Network.Readout;
import org.gatescope.engine.NetworkLayer;
import org.gatescope.engine.NetworkTrace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gradient of a network's output with respect to every layer direction's c&lt;t&gt; (and the first
 * layer's x&lt;t&gt;) agrees with central finite differences of the traced output: through hard_sigmoid
 * gates (Keras 2 and 3), stacked and bidirectional layers under every merge, padding, and heads of
 * every activation, read at every step or after the whole input.
 */
class NetworkBackpropTest {

    private static final double EPSILON = 1e-6;
    private static final double TOLERANCE = 1e-5;

    static Stream<Arguments> networks() {
        Random random = new Random(12);
        int v = 9;
        DMatrixRMaj embedding = matrix(random, v, 3, 0.8);
        return Stream.of(
                Arguments.of("two Keras 2 LSTMs (hard_sigmoid), next token, padding", new Network("keras2 lstm",
                        Network.InputKind.TOKEN_IDS, v, embedding, true,
                        List.of(level(random, CellKind.LSTM, GruReset.AFTER, GateActivation.HARD_SIGMOID_KERAS2, 3, 4, null),
                                level(random, CellKind.LSTM, GruReset.AFTER, GateActivation.HARD_SIGMOID_KERAS2, 4, 3, null)),
                        List.of(dense(random, v, 3, Activation.SOFTMAX)), Readout.EVERY_STEP, List.of(), Map.of()),
                        new int[] {0, 3, 5, 0, 1, 7, 2}, 4, 6),
                Arguments.of("Keras 3 GRU reset-before under a bidirectional GRU, classifier", new Network("keras3 gru",
                        Network.InputKind.TOKEN_IDS, v, embedding, false,
                        List.of(level(random, CellKind.GRU, GruReset.BEFORE, GateActivation.HARD_SIGMOID_KERAS3, 3, 4, null),
                                level(random, CellKind.GRU, GruReset.AFTER, GateActivation.SIGMOID, 4, 3, Merge.CONCAT)),
                        List.of(dense(random, 5, 6, Activation.RELU), dense(random, 2, 5, Activation.SIGMOID)),
                        Readout.LAST_STEP, List.of(), Map.of()),
                        new int[] {4, 1, 6, 2, 8, 3}, 0, 1),
                Arguments.of("bidirectional peephole LSTMs (sum, multiply), tanh then linear head",
                        new Network("peephole", Network.InputKind.FEATURES, 3, null, false,
                                List.of(level(random, CellKind.PEEPHOLE_LSTM, GruReset.AFTER, GateActivation.SIGMOID, 3, 3, Merge.SUM),
                                        level(random, CellKind.LSTM, GruReset.AFTER, GateActivation.HARD_SIGMOID_KERAS2, 3, 2, Merge.MULTIPLY)),
                                List.of(dense(random, 4, 2, Activation.TANH), dense(random, 3, 4, Activation.LINEAR)),
                                Readout.EVERY_STEP, List.of(), Map.of()),
                        null, 2, 2),
                Arguments.of("vanilla RNN under a bidirectional simple GRU (average), softmax classifier",
                        new Network("rnn", Network.InputKind.ONE_HOT, 5, null, false,
                                List.of(level(random, CellKind.RNN, GruReset.AFTER, GateActivation.SIGMOID, 5, 3, null),
                                        level(random, CellKind.GRU_SIMPLE, GruReset.AFTER, GateActivation.SIGMOID, 3, 3, Merge.AVERAGE)),
                                List.of(dense(random, 4, 3, Activation.SOFTMAX)), Readout.LAST_STEP, List.of(), Map.of()),
                        new int[] {1, 4, 0, 2, 3}, 0, 3),
                Arguments.of("one LSTM without a head: the last layer's state is the output",
                        new Network("bare", Network.InputKind.TOKEN_IDS, v, embedding, false,
                                List.of(level(random, CellKind.LSTM, GruReset.AFTER, GateActivation.HARD_SIGMOID_KERAS3, 3, 3, null)),
                                List.of(), Readout.EVERY_STEP, List.of(), Map.of()),
                        new int[] {2, 7, 1, 5}, 2, 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void memoryCellGradientOfEveryLayerDirectionMatchesFiniteDifferences(String name, Network network, int[] ids,
                                                                         int position, int output) {
        NetworkTrace traced = trace(network, ids);
        int steps = traced.length();
        for (int direction = 0; direction < network.layerDirections().size(); direction++) {
            int h = network.layerDirections().get(direction).hiddenSize();
            NetworkBackprop.Gradients gradients = NetworkBackprop.of(network, traced, direction, position, output);
            assertEquals(objective(network, traced, position, output), gradients.value(), 1e-12, name + ": J");
            for (int t = 0; t < steps; t++) {
                if (traced.masked()[t]) {
                    continue; // a padded step has no c of its own to shift: it shows the one it carries
                }
                for (int j = 0; j < h; j++) {
                    int step = t;
                    int unit = j;
                    double plus = objective(network, NetworkTracer.retrace(network, traced, direction,
                            (s, u, c) -> s == step && u == unit ? c + EPSILON : c), position, output);
                    double minus = objective(network, NetworkTracer.retrace(network, traced, direction,
                            (s, u, c) -> s == step && u == unit ? c - EPSILON : c), position, output);
                    assertClose((plus - minus) / (2 * EPSILON), gradients.memoryCell()[t * h + j],
                            name + ", direction " + direction + ": dJ/dc<" + t + ">[" + j + "]");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void inputGradientOfTheFirstLayerMatchesFiniteDifferences(String name, Network network, int[] ids, int position,
                                                              int output) {
        NetworkTrace traced = trace(network, ids);
        double[] inputs = traced.inputs();
        NetworkBackprop.Gradients gradients = NetworkBackprop.of(network, traced, 0, position, output);
        double[] total = gradients.input().clone();
        if (network.levels().get(0).bidirectional()) {
            double[] other = NetworkBackprop.of(network, traced, 1, position, output).input();
            for (int i = 0; i < total.length; i++) {
                total[i] += other[i];
            }
        }
        for (int i = 0; i < inputs.length; i++) {
            if (traced.masked()[i / network.stepWidth()]) {
                assertEquals(0.0, total[i], name + ": a padded step is not read");
                continue;
            }
            double[] shifted = inputs.clone();
            shifted[i] += EPSILON;
            double plus = objective(network, withInputs(network, traced, shifted), position, output);
            shifted[i] -= 2 * EPSILON;
            double minus = objective(network, withInputs(network, traced, shifted), position, output);
            assertClose((plus - minus) / (2 * EPSILON), total[i], name + ": dJ/dx[" + i + "]");
        }
    }

    @Test
    void hardSigmoidPassesNoGradientWhereItIsClipped() {
        assertEquals(0.2, GateActivation.HARD_SIGMOID_KERAS2.slopeAt(0.7));
        assertEquals(0.0, GateActivation.HARD_SIGMOID_KERAS2.slopeAt(1.0));
        assertEquals(0.0, GateActivation.HARD_SIGMOID_KERAS3.slopeAt(0.0));
        assertEquals(1.0 / 6, GateActivation.HARD_SIGMOID_KERAS3.slopeAt(0.01));
        assertEquals(0.25, GateActivation.SIGMOID.slopeAt(0.5));
    }

    @Test
    void aTargetOutsideTheModelIsRefused() {
        Network network = (Network) networks().findFirst().orElseThrow().get()[1];
        NetworkTrace traced = trace(network, new int[] {1, 2, 3});
        assertThrows(IllegalArgumentException.class, () -> NetworkBackprop.of(network, traced, 2, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> NetworkBackprop.of(network, traced, 0, 3, 1));
        assertThrows(IllegalArgumentException.class, () -> NetworkBackprop.of(network, traced, 0, 0, 9));
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static NetworkTrace trace(Network network, int[] ids) {
        if (ids == null) {
            Random random = new Random(3);
            double[][] rows = new double[5][network.stepWidth()];
            for (double[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    row[i] = random.nextGaussian();
                }
            }
            return NetworkTracer.trace(network, rows);
        }
        List<String> tokens = new ArrayList<>();
        for (int id : ids) {
            tokens.add("#" + id);
        }
        return NetworkTracer.trace(network, ids, tokens, new int[0]);
    }

    private static NetworkTrace withInputs(Network network, NetworkTrace traced, double[] inputs) {
        NetworkTrace shifted = new NetworkTrace(traced.layers(), traced.outputs(), traced.outputActivation(),
                traced.outputLabels(), traced.masked(), inputs);
        return NetworkTracer.retrace(network, shifted, 0, null);
    }

    /** J: log y_k under softmax or sigmoid, else y_k; at {@code position}, or after the whole input. */
    private static double objective(Network network, NetworkTrace traced, int position, int output) {
        double[] y = network.readout() == Readout.EVERY_STEP ? traced.outputs()[position] : traced.finalOutput();
        if (network.head().isEmpty()) {
            // without a head the trace's output is the last layer's state at every step
            return y[output];
        }
        Activation last = network.head().get(network.head().size() - 1).activation();
        return last == Activation.SOFTMAX || last == Activation.SIGMOID ? Math.log(y[output]) : y[output];
    }

    private static Level level(Random random, CellKind cell, GruReset reset, GateActivation gates, int d, int h,
                               Merge merge) {
        NetworkLayer forward = layer(random, cell, reset, gates, d, h);
        return new Level(forward, merge == null ? null : layer(random, cell, reset, gates, d, h),
                merge == null ? Merge.CONCAT : merge);
    }

    private static NetworkLayer layer(Random random, CellKind cell, GruReset reset, GateActivation gates, int d, int h) {
        int rows = cell.gateBlocks() * h;
        DMatrixRMaj[] peepholes = cell == CellKind.PEEPHOLE_LSTM
                ? new DMatrixRMaj[] {matrix(random, 1, h, 0.5), matrix(random, 1, h, 0.5), matrix(random, 1, h, 0.5)}
                : null;
        return new NetworkLayer(cell, reset, gates, matrix(random, rows, d, 0.7), matrix(random, rows, h, 0.7),
                matrix(random, 1, rows, 0.3), matrix(random, 1, rows, 0.3), peepholes, "test");
    }

    private static Dense dense(Random random, int out, int in, Activation activation) {
        return new Dense(matrix(random, out, in, 0.8), matrix(random, 1, out, 0.3), activation);
    }

    private static DMatrixRMaj matrix(Random random, int rows, int cols, double scale) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = scale * random.nextGaussian();
        }
        return m;
    }

    private static void assertClose(double numeric, double analytic, String what) {
        double scale = Math.max(Math.abs(numeric) + Math.abs(analytic), 1e-3);
        double relative = Math.abs(numeric - analytic) / scale;
        assertTrue(relative < TOLERANCE, what + ": finite difference " + numeric + " vs backprop " + analytic
                + " (relative error " + relative + ")");
    }
}
