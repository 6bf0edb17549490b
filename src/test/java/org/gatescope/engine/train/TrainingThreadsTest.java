package org.gatescope.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.GruReset;
import org.gatescope.engine.Model;
import org.gatescope.engine.ModelSpec;
import org.gatescope.engine.Weights;
import org.gatescope.engine.cell.LanguageModelLoss;
import org.gatescope.engine.cell.Workers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Training gives the same bits on any number of threads, and the same bits as the code that
 * trained the bundled models (commit 7f36ae2): the digests below were computed with that code, so
 * a kernel that changes any summation order fails here before it breaks a recorded model command.
 */
class TrainingThreadsTest {

    @Test
    void trainingOnTwoThreadsGivesTheBitsOfOneAndOfTheBundledModelsCode() throws Exception {
        // H = 24 at batch 32 is past the size where the layer splits its sequences over threads.
        TrainingConfig config = TrainingConfig.defaults(CellKind.LSTM, 24, 8, 3, 1).withSentences(1000);
        Model one = AgreementTask.train(config, p -> { }, new TrainingControl(), 1000, 0, 0, 1);
        Model two = AgreementTask.train(config, p -> { }, new TrainingControl(), 1000, 0, 0, 2);
        for (int p = 0; p < one.weights().parameters().size(); p++) {
            assertArrayEquals(one.weights().parameters().get(p).values().data,
                    two.weights().parameters().get(p).values().data, one.weights().parameters().get(p).name());
        }
        assertEquals("38f50de435739a7f", digest(one.weights()));
    }

    /** Three Adam steps with the full softmax (vocabularies up to 1,000 words train with it). */
    @ParameterizedTest
    @CsvSource({"rnn,before,bc20f70301aae072", "gru_simple,before,3cab1f4511e3257e", "gru,after,78bcb6fabc76e02e",
        "gru,before,903e0f7d3ec6cef1", "lstm,before,8a03f474bba7a3ff", "peephole_lstm,before,0f375c3a992688ab"})
    void fullSoftmaxStepsKeepTheirArithmetic(String cell, String reset, String expected) throws Exception {
        ModelSpec spec = new ModelSpec(CellKind.fromId(cell).orElseThrow(), GruReset.fromId(reset).orElseThrow(), 300,
                16, 40);
        for (int threads : new int[] {1, 2}) {
            assertEquals(expected, digest(threeSteps(spec, threads)), cell + " on " + threads + " threads");
        }
    }

    private static Weights threeSteps(ModelSpec spec, int threads) {
        Random random = new Random(11);
        Weights weights = new Weights(spec);
        for (Weights.Parameter p : weights.parameters()) {
            double[] d = p.values().data;
            for (int i = 0; i < d.length; i++) {
                d[i] = (2 * random.nextDouble() - 1) * 0.3;
            }
        }
        Weights gradients = new Weights(spec);
        Adam adam = new Adam(spec);
        adam.setWorkers(Workers.of(threads));
        LanguageModelLoss loss = new LanguageModelLoss(spec);
        loss.setWorkers(Workers.of(threads));
        for (int step = 0; step < 3; step++) {
            int[][] in = new int[24][12];
            int[][] out = new int[24][12];
            for (int b = 0; b < 24; b++) {
                for (int t = 0; t < 12; t++) {
                    in[b][t] = random.nextInt(300);
                    out[b][t] = t == 11 && b % 3 == 0 ? -1 : random.nextInt(300);
                }
            }
            gradients.zero();
            loss.lossAndGradient(weights, in, out, gradients);
            adam.update(weights, gradients, 0.01);
        }
        return weights;
    }

    /** The first 8 bytes of the SHA-256 of every parameter's doubles (little-endian bits), in hex. */
    private static String digest(Weights weights) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (Weights.Parameter p : weights.parameters()) {
            for (double v : p.values().data) {
                long bits = Double.doubleToRawLongBits(v);
                for (int i = 0; i < 8; i++) {
                    md.update((byte) (bits >>> (8 * i)));
                }
            }
        }
        return HexFormat.of().formatHex(md.digest()).substring(0, 16);
    }
}
