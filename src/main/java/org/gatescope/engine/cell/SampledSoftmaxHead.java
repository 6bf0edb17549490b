package org.gatescope.engine.cell;

import org.gatescope.engine.Weights;

/**
 * The head's softmax restricted to a set of candidate tokens, for training over a large
 * vocabulary (Jean et al. 2015): every row's softmax runs over the same K candidates (the batch's
 * targets, the partners of its verbs and a sample of other words) instead of all V words, and
 * only those K rows of W_head and b_head receive a gradient. With K ≪ V the head's three
 * products cost K/V of the full softmax's. Tracing never uses it: a trained model's
 * probabilities are the full softmax ({@link SoftmaxHead}).
 */
final class SampledSoftmaxHead {

    private SampledSoftmaxHead() {
    }

    /**
     * Loss Σ_r scale_r · (−log p̂_r[target_r]), p̂ the softmax over the candidates, with its gradient.
     *
     * @param candidates the K vocabulary ids, distinct; not modified
     * @param targets per row the POSITION of its target in {@code candidates}, or -1 for no loss
     * @param dActivations where ∂L/∂a&lt;t&gt; is written, [rows, H]
     * @return the loss
     */
    static double lossAndBackward(Weights weights, double[] activations, int rows, int[] candidates, int[] targets,
                                  double[] scale, Weights gradients, double[] dActivations) {
        int hidden = weights.headWeight.numCols;
        int k = candidates.length;
        double[] headWeight = weights.headWeight.data;
        double[] headBias = weights.headBias.data;
        double[][] weightT = new double[hidden][k];
        double[][] weight = new double[k][hidden];
        for (int c = 0; c < k; c++) {
            int base = candidates[c] * hidden;
            System.arraycopy(headWeight, base, weight[c], 0, hidden);
            for (int h = 0; h < hidden; h++) {
                weightT[h][c] = headWeight[base + h];
            }
        }
        double[][] logits = new double[rows][k];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < k; c++) {
                logits[r][c] = headBias[candidates[c]];
            }
        }
        MatrixKernels.multAdd(activations, 0, hidden, 1, weightT, 0, logits, 0, rows, hidden, 0, k);
        double loss = 0;
        double[] dBias = gradients.headBias.data;
        double[][] dLogits = logits; // overwritten row by row
        for (int r = 0; r < rows; r++) {
            double[] row = logits[r];
            if (targets[r] < 0) {
                java.util.Arrays.fill(row, 0.0);
                continue;
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                max = Math.max(max, row[c]);
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                double e = Math.exp(row[c] - max);
                row[c] = e;
                sum += e;
            }
            double inverse = 1.0 / sum;
            loss -= scale[r] * Math.log(row[targets[r]] * inverse);
            for (int c = 0; c < k; c++) {
                // ∂(−log softmax)/∂logits = p − onehot(target)
                double d = (row[c] * inverse - (c == targets[r] ? 1.0 : 0.0)) * scale[r];
                row[c] = d;
                dBias[candidates[c]] += d;
            }
        }
        // ∂L/∂W_sub^T = a^T · dLogits, added into the candidates' rows of ∂L/∂W_head.
        double[][] weightGradientT = new double[hidden][k];
        MatrixKernels.multAdd(activations, 0, 1, hidden, dLogits, 0, weightGradientT, 0, hidden, rows, 0, k);
        double[] dWeight = gradients.headWeight.data;
        for (int c = 0; c < k; c++) {
            int base = candidates[c] * hidden;
            for (int h = 0; h < hidden; h++) {
                dWeight[base + h] += weightGradientT[h][c];
            }
        }
        // ∂L/∂a = dLogits · W_sub
        double[][] dActivationRows = new double[rows][hidden];
        MatrixKernels.multAdd(dLogits, 0, 0, weight, 0, dActivationRows, 0, rows, k, 0, hidden);
        for (int r = 0; r < rows; r++) {
            System.arraycopy(dActivationRows[r], 0, dActivations, r * hidden, hidden);
        }
        return loss;
    }
}
