package org.gatescope.engine.cell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.gatescope.TestModels;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.GruReset;
import org.gatescope.engine.Model;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.Trace;
import org.gatescope.engine.Weights;
import org.gatescope.engine.cell.Tracer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The layer at sizes where its speed-ups take effect, which the small gradient checks and
 * reference tests do not reach: traces long enough that x W_ih^T is computed in several
 * chunks, products with k past one block of 8, batches of several sequences.
 */
class LargeLayerTest {

    static Stream<Arguments> cells() {
        return Stream.of(
                Arguments.of(CellKind.RNN, GruReset.AFTER),
                Arguments.of(CellKind.GRU_SIMPLE, GruReset.AFTER),
                Arguments.of(CellKind.GRU, GruReset.AFTER),
                Arguments.of(CellKind.GRU, GruReset.BEFORE),
                Arguments.of(CellKind.LSTM, GruReset.AFTER),
                Arguments.of(CellKind.PEEPHOLE_LSTM, GruReset.AFTER));
    }

    @ParameterizedTest(name = "{0} reset {1}")
    @MethodSource("cells")
    void longTraceFollowsTheEquationsAcrossInputChunks(CellKind cell, GruReset reset) {
        // H = 24: even the RNN's x W_ih^T (24 columns) takes more than one 32 768-element chunk over 1500 steps.
        Model random11 = TestModels.random(cell, reset, 11, 5, 24, 3);
        Random random = new Random(4);
        // Weights small enough that the recurrence contracts: otherwise the last bits in which engine
        // and reference may differ (summation order) grow over 1500 steps, and the test says little.
        Weights small = random11.weights();
        for (Weights.Parameter p : small.parameters()) {
            double[] data = p.values().data;
            for (int i = 0; i < data.length; i++) {
                data[i] = 0.15 * random.nextGaussian();
            }
        }
        Model model = random11.withWeights(small);
        int[] tokens = new int[1500];
        for (int t = 0; t < tokens.length; t++) {
            tokens[t] = random.nextInt(11);
        }
        Trace trace = Tracer.trace(model, tokens);
        ReferenceCellsTest.Expected expected = ReferenceCellsTest.reference(model, tokens);
        for (Map.Entry<Quantity, double[][]> entry : expected.values().entrySet()) {
            double[][] want = entry.getValue();
            double[][] found = trace.values(entry.getKey());
            for (int t = 0; t < want.length; t++) {
                for (int j = 0; j < want[t].length; j++) {
                    double error = Math.abs(found[t][j] - want[t][j]);
                    assertTrue(error <= 1e-11 * Math.max(1, Math.abs(want[t][j])),
                            cell + "/" + reset + " " + entry.getKey().key() + " step " + t + " unit " + j + ": "
                                    + found[t][j] + " vs " + want[t][j]);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} reset {1}")
    @MethodSource("cells")
    void batchGradientMatchesFiniteDifferences(CellKind cell, GruReset reset) {
        int vocab = 9;
        Model model = TestModels.random(cell, reset, vocab, 5, 13, 8);
        // Gentler weights than N(0, 0.5²): at H = 13 those saturate every gate and the check says little.
        Random random = new Random(6);
        for (Weights.Parameter p : model.weights().parameters()) {
            double[] data = p.values().data;
            for (int i = 0; i < data.length; i++) {
                data[i] = 0.3 * random.nextGaussian();
            }
        }
        int batch = 3;
        int steps = 25;
        int[][] inputs = new int[batch][steps];
        int[][] targets = new int[batch][steps];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < steps; t++) {
                inputs[b][t] = random.nextInt(vocab);
                targets[b][t] = random.nextInt(7) == 0 ? -1 : random.nextInt(vocab);
            }
        }
        Weights weights = model.weights();
        LanguageModelLoss loss = new LanguageModelLoss(model.spec());
        Weights analytic = new Weights(model.spec());
        loss.lossAndGradient(weights, inputs, targets, analytic);
        // The loss is a mean over ~65 positions: its rounding noise (~1e-15) over ε = 1e-6 would
        // already be 1e-9, the tolerance below; ε = 1e-5 keeps noise and truncation near 1e-10.
        double epsilon = 1e-5;
        for (Weights.Parameter parameter : weights.parameters()) {
            double[] values = parameter.values().data;
            double[] gradient = analytic.parameter(parameter.name()).values().data;
            for (int n = 0; n < 25; n++) {
                int i = random.nextInt(values.length);
                double saved = values[i];
                values[i] = saved + epsilon;
                double plus = loss.lossAndGradient(weights, inputs, targets, new Weights(model.spec()));
                values[i] = saved - epsilon;
                double minus = loss.lossAndGradient(weights, inputs, targets, new Weights(model.spec()));
                values[i] = saved;
                double numeric = (plus - minus) / (2 * epsilon);
                double scale = Math.max(Math.abs(numeric) + Math.abs(gradient[i]), 1e-3);
                double relative = Math.abs(numeric - gradient[i]) / scale;
                assertTrue(relative < 1e-6, cell + "/" + reset + " " + parameter.name() + "[" + i
                        + "]: finite difference " + numeric + " vs backprop " + gradient[i]);
            }
        }
    }
}
