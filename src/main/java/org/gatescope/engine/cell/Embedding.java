package org.gatescope.engine.cell;

import org.gatescope.engine.Weights;

/** The embedding lookup x&lt;t&gt; = E[token] and its backward (scatter-add into E's rows). */
public final class Embedding {

    private Embedding() {
    }

    /** x&lt;t&gt; for each id, [ids.length, D]. */
    public static double[] lookup(Weights weights, int[] ids) {
        int d = weights.embedding.numCols;
        double[] table = weights.embedding.data;
        double[] x = new double[ids.length * d];
        for (int i = 0; i < ids.length; i++) {
            System.arraycopy(table, ids[i] * d, x, i * d, d);
        }
        return x;
    }

    /**
     * Adds ∂L/∂x rows into ∂L/∂E.
     *
     * @param inputGradient [ids.length, D]; not modified
     * @param gradients ∂L/∂E is added into its embedding; modified
     */
    static void backward(int[] ids, double[] inputGradient, Weights gradients) {
        int d = gradients.embedding.numCols;
        double[] table = gradients.embedding.data;
        for (int i = 0; i < ids.length; i++) {
            int base = ids[i] * d;
            for (int k = 0; k < d; k++) {
                table[base + k] += inputGradient[i * d + k];
            }
        }
    }
}
