package org.gatescope.engine.cell;

import java.util.Random;
import org.gatescope.engine.ModelSpec;
import org.gatescope.engine.Weights;

/** Random token batches and weights for the engine's tests, the same for a seed. */
final class RandomBatches {

    private RandomBatches() {
    }

    /** [batch][steps] token ids below {@code vocab}. */
    static int[][] tokens(int batch, int steps, int vocab, long seed) {
        Random random = new Random(seed);
        int[][] ids = new int[batch][steps];
        for (int[] row : ids) {
            for (int t = 0; t < steps; t++) {
                row[t] = random.nextInt(vocab);
            }
        }
        return ids;
    }

    /** Every parameter drawn uniformly from (−bound, bound). */
    static Weights weights(ModelSpec spec, long seed, double bound) {
        Random random = new Random(seed);
        Weights weights = new Weights(spec);
        for (Weights.Parameter parameter : weights.parameters()) {
            double[] data = parameter.values().data;
            for (int i = 0; i < data.length; i++) {
                data[i] = (2 * random.nextDouble() - 1) * bound;
            }
        }
        return weights;
    }
}
