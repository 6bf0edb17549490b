package org.gatescope.engine.cell;

import java.util.Random;

/** Gaussian matrices as rows, in double and float, and row-by-row copies, for the kernels' tests. */
final class RandomMatrices {

    private RandomMatrices() {
    }

    static double[][] rows(Random random, int count, int cols) {
        double[][] out = new double[count][];
        for (int i = 0; i < count; i++) {
            out[i] = values(random, cols);
        }
        return out;
    }

    static double[] values(Random random, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = random.nextGaussian();
        }
        return out;
    }

    static float[][] floatRows(Random random, int count, int cols) {
        float[][] out = new float[count][];
        for (int i = 0; i < count; i++) {
            out[i] = floatValues(random, cols);
        }
        return out;
    }

    static float[] floatValues(Random random, int n) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) random.nextGaussian();
        }
        return out;
    }

    static double[][] copy(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i].clone();
        }
        return out;
    }

    static float[][] copy(float[][] rows) {
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i].clone();
        }
        return out;
    }
}
