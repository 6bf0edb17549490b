package org.gatescope.engine.cell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.gatescope.TestModels;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.GruReset;
import org.gatescope.engine.Model;
import org.gatescope.engine.ModelSpec;
import org.gatescope.engine.Weights;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Backpropagation through time agrees with central finite differences, in double, for
 * every cell kind: every parameter, every x&lt;t&gt; and every c&lt;t&gt;.
 */
class GradientCheckTest {

    private static final double EPSILON = 1e-6;
    private static final double TOLERANCE = 1e-6;

    static Stream<Arguments> cells() {
        return Stream.of(
                Arguments.of(CellKind.RNN, GruReset.AFTER),
                Arguments.of(CellKind.GRU_SIMPLE, GruReset.AFTER),
                Arguments.of(CellKind.GRU, GruReset.AFTER),
                Arguments.of(CellKind.GRU, GruReset.BEFORE),
                Arguments.of(CellKind.LSTM, GruReset.AFTER),
                Arguments.of(CellKind.PEEPHOLE_LSTM, GruReset.AFTER));
    }

    private static final int[][] INPUTS = {{1, 4, 2, 6, 3, 5}, {2, 2, 0, 1, 6, 4}};
    private static final int[][] TARGETS = {{4, 2, -1, 3, 5, 1}, {2, 0, 1, 6, -1, 3}};

    @ParameterizedTest(name = "{0} reset {1}")
    @MethodSource("cells")
    void everyParameterGradientMatchesFiniteDifferences(CellKind cell, GruReset reset) {
        Model model = TestModels.random(cell, reset, 7, 3, 4, 11);
        Weights weights = model.weights();
        LanguageModelLoss loss = new LanguageModelLoss(model.spec());
        Weights analytic = new Weights(model.spec());
        loss.lossAndGradient(weights, INPUTS, TARGETS, analytic);

        for (Weights.Parameter parameter : weights.parameters()) {
            double[] values = parameter.values().data;
            double[] gradient = analytic.parameter(parameter.name()).values().data;
            for (int i = 0; i < values.length; i++) {
                double saved = values[i];
                values[i] = saved + EPSILON;
                double plus = loss.lossAndGradient(weights, INPUTS, TARGETS, new Weights(model.spec()));
                values[i] = saved - EPSILON;
                double minus = loss.lossAndGradient(weights, INPUTS, TARGETS, new Weights(model.spec()));
                values[i] = saved;
                assertClose((plus - minus) / (2 * EPSILON), gradient[i],
                        cell + "/" + reset + " " + parameter.name() + "[" + i + "]");
            }
        }
    }

    @ParameterizedTest(name = "{0} reset {1}")
    @MethodSource("cells")
    void memoryCellAndInputGradientsMatchFiniteDifferences(CellKind cell, GruReset reset) {
        Model model = TestModels.random(cell, reset, 9, 3, 4, 5);
        Weights weights = model.weights();
        // Distinct tokens, so that perturbing an embedding row perturbs exactly one x<t>.
        int[] inputs = {3, 1, 7, 0, 5, 8};
        int[] targets = {1, 7, -1, 5, 8, 2};
        LanguageModelLoss loss = new LanguageModelLoss(model.spec());
        loss.sumLossAndGradient(weights, inputs, targets, new Weights(model.spec()));
        double[] memoryCellGradient = loss.memoryCellGradient();
        double[] inputGradient = loss.inputGradient();
        int h = model.hiddenSize();
        int d = model.spec().embedSize();

        for (int t = 0; t < inputs.length; t++) {
            for (int j = 0; j < h; j++) {
                final int step = t;
                final int unit = j;
                loss.setIntervention((s, u, c) -> s == step && u == unit ? c + EPSILON : c);
                double plus = loss.sumLossAndGradient(weights, inputs, targets, new Weights(model.spec()));
                loss.setIntervention((s, u, c) -> s == step && u == unit ? c - EPSILON : c);
                double minus = loss.sumLossAndGradient(weights, inputs, targets, new Weights(model.spec()));
                assertClose((plus - minus) / (2 * EPSILON), memoryCellGradient[t * h + j],
                        cell + "/" + reset + " dL/dc<" + t + ">[" + j + "]");
            }
        }
        loss.setIntervention(null);
        double[] table = weights.embedding.data;
        for (int t = 0; t < inputs.length; t++) {
            for (int k = 0; k < d; k++) {
                int index = inputs[t] * d + k;
                double saved = table[index];
                table[index] = saved + EPSILON;
                double plus = loss.sumLossAndGradient(weights, inputs, targets, new Weights(model.spec()));
                table[index] = saved - EPSILON;
                double minus = loss.sumLossAndGradient(weights, inputs, targets, new Weights(model.spec()));
                table[index] = saved;
                assertClose((plus - minus) / (2 * EPSILON), inputGradient[t * d + k],
                        cell + "/" + reset + " dL/dx<" + t + ">[" + k + "]");
            }
        }
    }

    @ParameterizedTest(name = "{0} reset {1}")
    @MethodSource("cells")
    void gradientsAreIndependentOfBatchComposition(CellKind cell, GruReset reset) {
        // The batch's gradient is the count-weighted sum of each sequence's: sequences never mix.
        Model model = TestModels.random(cell, reset, 7, 3, 4, 3);
        ModelSpec spec = model.spec();
        LanguageModelLoss loss = new LanguageModelLoss(spec);
        Weights together = new Weights(spec);
        loss.lossAndGradient(model.weights(), INPUTS, TARGETS, together);
        Weights separate = new Weights(spec);
        Weights scratch = new Weights(spec);
        int counted = 10;
        for (int b = 0; b < INPUTS.length; b++) {
            scratch.zero();
            loss.sumLossAndGradient(model.weights(), INPUTS[b], TARGETS[b], scratch);
            for (int p = 0; p < separate.parameters().size(); p++) {
                double[] sum = separate.parameters().get(p).values().data;
                double[] one = scratch.parameters().get(p).values().data;
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += one[i] / counted;
                }
            }
        }
        for (int p = 0; p < separate.parameters().size(); p++) {
            double[] expected = separate.parameters().get(p).values().data;
            double[] actual = together.parameters().get(p).values().data;
            for (int i = 0; i < expected.length; i++) {
                assertTrue(Math.abs(expected[i] - actual[i]) <= 1e-12 * Math.max(1, Math.abs(expected[i])),
                        separate.parameters().get(p).name() + "[" + i + "] " + expected[i] + " vs " + actual[i]);
            }
        }
    }

    private static void assertClose(double numeric, double analytic, String what) {
        // Below 1e-3 the finite difference's own rounding noise (~1e-10) dominates: compare absolutely there.
        double scale = Math.max(Math.abs(numeric) + Math.abs(analytic), 1e-3);
        double relative = Math.abs(numeric - analytic) / scale;
        assertTrue(relative < TOLERANCE,
                what + ": finite difference " + numeric + " vs backprop " + analytic + " (relative error "
                        + relative + ")");
    }
}
