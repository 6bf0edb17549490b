package org.gatescope.engine.cell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.gatescope.engine.CellKind;
import org.gatescope.engine.GruReset;
import org.gatescope.engine.ModelSpec;
import org.gatescope.engine.Precision;
import org.gatescope.engine.Weights;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A training step split over threads computes the same bits as on one thread: sequences, rows and
 * columns are split, never a sum (decision 0021), in either precision of the products (decision 0023). The shapes are large enough that every split
 * path runs (the layer splits a forward of at least 2^20 multiply-adds).
 */
class ThreadedTrainingStepTest {

    private static final int VOCAB = 700;
    private static final int BATCH = 32;
    private static final int STEPS = 12;

    @ParameterizedTest
    @EnumSource(CellKind.class)
    void lossAndGradientAreTheSameBitsOnTwoThreads(CellKind cell) {
        for (Precision precision : Precision.values()) {
            sameBitsOnTwoThreads(cell, precision);
        }
    }

    private static void sameBitsOnTwoThreads(CellKind cell, Precision precision) {
        for (GruReset reset : GruReset.values()) {
            ModelSpec spec = new ModelSpec(cell, reset, VOCAB, 16, 48);
            Weights weights = randomWeights(spec, 3);
            int[][] inputs = tokens(5);
            int[][] targets = tokens(6);
            targets[4][STEPS - 1] = -1; // a row without a loss takes the other branch
            Weights serialGradients = new Weights(spec);
            Weights threadedGradients = new Weights(spec);
            double serial = loss(spec, Workers.SERIAL, precision).lossAndGradient(weights, inputs, targets,
                    serialGradients);
            double threaded = loss(spec, Workers.of(2), precision).lossAndGradient(weights, inputs, targets,
                    threadedGradients);
            assertEquals(serial, threaded, 0.0);
            for (int p = 0; p < serialGradients.parameters().size(); p++) {
                assertArrayEquals(serialGradients.parameters().get(p).values().data,
                        threadedGradients.parameters().get(p).values().data,
                        cell.id() + " " + reset.id() + " " + precision.id() + " " + serialGradients.parameters().get(p).name());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void probabilitiesAreThoseOfTheSingleRowHead(int threads) {
        ModelSpec spec = new ModelSpec(CellKind.LSTM, GruReset.BEFORE, VOCAB, 16, 48);
        Weights weights = randomWeights(spec, 7);
        int[][] inputs = tokens(8);
        LanguageModelLoss model = loss(spec, Workers.of(threads), Precision.FLOAT64);
        double[] p = model.probabilities(weights, inputs);
        double[] activations = model.activations(weights, inputs);
        assertArrayEquals(SoftmaxHead.probabilities(weights, activations, STEPS * BATCH), p);
    }

    private static LanguageModelLoss loss(ModelSpec spec, Workers workers, Precision precision) {
        LanguageModelLoss loss = new LanguageModelLoss(spec);
        loss.setWorkers(workers);
        loss.setPrecision(precision);
        return loss;
    }

    private static int[][] tokens(long seed) {
        return RandomBatches.tokens(BATCH, STEPS, VOCAB, seed);
    }

    private static Weights randomWeights(ModelSpec spec, long seed) {
        return RandomBatches.weights(spec, seed, 0.3);
    }
}
