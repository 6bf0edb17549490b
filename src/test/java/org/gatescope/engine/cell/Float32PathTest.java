package org.gatescope.engine.cell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.Stream;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.GruReset;
import org.gatescope.engine.ModelSpec;
import org.gatescope.engine.Precision;
import org.gatescope.engine.Weights;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The float32 training path (decision 0023) computes the reference's loss and gradients to float
 * precision: its products round each term to float, nothing else changes. The reference's gradients
 * are checked against finite differences ({@link GradientCheckTest}); these agree with them to
 * {@value #TOLERANCE} relative (float's unit roundoff is 6e-8; a gradient sums a few hundred terms).
 */
class Float32PathTest {

    private static final double TOLERANCE = 2e-5;
    private static final int VOCAB = 60;
    private static final int BATCH = 5;
    private static final int STEPS = 9;

    static Stream<Arguments> cells() {
        return GradientCheckTest.cells();
    }

    @ParameterizedTest(name = "{0} reset {1}")
    @MethodSource("cells")
    void lossAndEveryGradientAgreeWithTheFloat64Reference(CellKind cell, GruReset reset) {
        assertAgreement(new ModelSpec(cell, reset, VOCAB, 12, 20));
    }

    @ParameterizedTest(name = "{0} reset {1}")
    @MethodSource("cells")
    void aModelWideEnoughForEveryTiledProductAgreesToo(CellKind cell, GruReset reset) {
        // H = 40 and V = 100: every product, the head's ∂L/∂W_head (H columns) too, runs on the
        // register tiles and their packed weights, with loops for the columns and rows left over.
        assertAgreement(new ModelSpec(cell, reset, 100, 12, 40));
    }

    private static void assertAgreement(ModelSpec spec) {
        CellKind cell = spec.cell();
        GruReset reset = spec.gruReset();
        Weights weights = randomWeights(spec, 11);
        int[][] inputs = tokens(1);
        int[][] targets = tokens(2);
        targets[3][4] = -1;
        Weights reference = new Weights(spec);
        Weights single = new Weights(spec);
        double referenceLoss = loss(spec, Precision.FLOAT64).lossAndGradient(weights, inputs, targets, reference);
        double singleLoss = loss(spec, Precision.FLOAT32).lossAndGradient(weights, inputs, targets, single);

        assertEquals(referenceLoss, singleLoss, TOLERANCE * referenceLoss);
        boolean anyBitDiffers = false;
        for (int p = 0; p < reference.parameters().size(); p++) {
            String name = reference.parameters().get(p).name();
            double[] expected = reference.parameters().get(p).values().data;
            double[] found = single.parameters().get(p).values().data;
            double scale = Math.max(1e-3, maxAbs(expected));
            for (int i = 0; i < expected.length; i++) {
                assertTrue(Math.abs(found[i] - expected[i]) <= TOLERANCE * scale, cell + "/" + reset + " " + name
                        + "[" + i + "]: float64 " + expected[i] + ", float32 " + found[i] + " (scale " + scale + ")");
            }
            anyBitDiffers |= !Arrays.equals(expected, found);
        }
        assertTrue(anyBitDiffers, "the float32 path gave the float64 path's very bits: its products did not run");
    }

    @ParameterizedTest(name = "{0} reset {1}")
    @MethodSource("cells")
    void memoryCellAndInputGradientsAgreeWithTheFloat64Reference(CellKind cell, GruReset reset) {
        ModelSpec spec = new ModelSpec(cell, reset, VOCAB, 12, 20);
        Weights weights = randomWeights(spec, 5);
        int[] inputs = tokens(3)[0];
        int[] targets = tokens(4)[0];
        LanguageModelLoss reference = loss(spec, Precision.FLOAT64);
        LanguageModelLoss single = loss(spec, Precision.FLOAT32);
        reference.sumLossAndGradient(weights, inputs, targets, new Weights(spec));
        single.sumLossAndGradient(weights, inputs, targets, new Weights(spec));
        assertClose(reference.memoryCellGradient(), single.memoryCellGradient(), cell + " dL/dc");
        assertClose(reference.inputGradient(), single.inputGradient(), cell + " dL/dx");
    }

    @Test
    void switchingBackToFloat64GivesTheReferenceBitsAgain() {
        ModelSpec spec = new ModelSpec(CellKind.LSTM, GruReset.AFTER, VOCAB, 12, 20);
        Weights weights = randomWeights(spec, 9);
        Weights reference = new Weights(spec);
        loss(spec, Precision.FLOAT64).lossAndGradient(weights, tokens(1), tokens(2), reference);
        LanguageModelLoss switched = loss(spec, Precision.FLOAT32);
        switched.lossAndGradient(weights, tokens(1), tokens(2), new Weights(spec));
        switched.setPrecision(Precision.FLOAT64);
        Weights again = new Weights(spec);
        switched.lossAndGradient(weights, tokens(1), tokens(2), again);
        for (int p = 0; p < reference.parameters().size(); p++) {
            assertTrue(Arrays.equals(reference.parameters().get(p).values().data,
                    again.parameters().get(p).values().data), reference.parameters().get(p).name());
        }
    }

    @Test
    void aFloat32RunIsRecordedInItsTrainingCommandAndAFloat64OneIsNot() {
        assertEquals(Precision.FLOAT64, org.gatescope.engine.train.TrainingConfig.defaults(CellKind.GRU, 8, 4, 1, 1)
                .precision(), "the bundled models' recorded commands name no precision: float64");
        assertFalse(Precision.fromId("float16").isPresent());
        assertEquals(Precision.FLOAT32, Precision.fromId("float32").orElseThrow());
    }

    private static void assertClose(double[] expected, double[] found, String what) {
        double scale = Math.max(1e-3, maxAbs(expected));
        for (int i = 0; i < expected.length; i++) {
            assertTrue(Math.abs(found[i] - expected[i]) <= TOLERANCE * scale,
                    what + "[" + i + "]: float64 " + expected[i] + ", float32 " + found[i]);
        }
    }

    private static double maxAbs(double[] values) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    private static LanguageModelLoss loss(ModelSpec spec, Precision precision) {
        LanguageModelLoss loss = new LanguageModelLoss(spec);
        loss.setPrecision(precision);
        return loss;
    }

    private static int[][] tokens(long seed) {
        return RandomBatches.tokens(BATCH, STEPS, VOCAB, seed);
    }

    private static Weights randomWeights(ModelSpec spec, long seed) {
        return RandomBatches.weights(spec, seed, 2 / Math.sqrt(spec.hiddenSize()));
    }
}
