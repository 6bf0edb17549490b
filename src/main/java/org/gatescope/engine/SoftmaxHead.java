package org.gatescope.engine;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The linear head and its softmax over the vocabulary: p&lt;t&gt; = softmax(W_head a&lt;t&gt; + b_head).
 * Stateless apart from the weights it is given.
 */
final class SoftmaxHead {

    private SoftmaxHead() {
    }

    /**
     * @param activations a&lt;t&gt; rows, [rows, H]; not modified
     * @return the softmax of every row, [rows, V]
     */
    static double[] probabilities(Weights weights, double[] activations, int rows) {
        int hidden = weights.headWeight.numCols;
        int vocab = weights.headWeight.numRows;
        DMatrixRMaj logits = new DMatrixRMaj(rows, vocab);
        CommonOps_DDRM.multTransB(DMatrixRMaj.wrap(rows, hidden, activations), weights.headWeight, logits);
        double[] p = logits.data;
        double[] bias = weights.headBias.data;
        for (int r = 0; r < rows; r++) {
            int base = r * vocab;
            double max = Double.NEGATIVE_INFINITY;
            for (int v = 0; v < vocab; v++) {
                p[base + v] += bias[v];
                max = Math.max(max, p[base + v]);
            }
            // Subtracting the row's maximum keeps exp() finite; the softmax is unchanged.
            double sum = 0;
            for (int v = 0; v < vocab; v++) {
                double e = Math.exp(p[base + v] - max);
                p[base + v] = e;
                sum += e;
            }
            double inverse = 1.0 / sum;
            for (int v = 0; v < vocab; v++) {
                p[base + v] *= inverse;
            }
        }
        return p;
    }

    /**
     * Backward of the head for the loss Σ_r scale_r · (−log p_r[target_r]).
     *
     * @param probabilities the forward softmax, [rows, V]; overwritten with ∂L/∂logits
     * @param targets the target index per row, or -1 where the row has no loss; not modified
     * @param scale the weight of each row in the loss (1/count for a mean); not modified
     * @param gradients where ∂L/∂W_head and ∂L/∂b_head are added; modified
     * @return ∂L/∂a&lt;t&gt;, [rows, H]
     */
    static double[] backward(Weights weights, double[] activations, double[] probabilities, int[] targets,
                             double[] scale, Weights gradients) {
        int hidden = weights.headWeight.numCols;
        int vocab = weights.headWeight.numRows;
        int rows = targets.length;
        double[] dLogits = probabilities;
        double[] dBias = gradients.headBias.data;
        for (int r = 0; r < rows; r++) {
            int base = r * vocab;
            if (targets[r] < 0) {
                java.util.Arrays.fill(dLogits, base, base + vocab, 0.0);
                continue;
            }
            // ∂(−log softmax)/∂logits = p − onehot(target)
            dLogits[base + targets[r]] -= 1.0;
            for (int v = 0; v < vocab; v++) {
                dLogits[base + v] *= scale[r];
                dBias[v] += dLogits[base + v];
            }
        }
        DMatrixRMaj dLogitsMatrix = DMatrixRMaj.wrap(rows, vocab, dLogits);
        CommonOps_DDRM.multAddTransA(dLogitsMatrix, DMatrixRMaj.wrap(rows, hidden, activations),
                gradients.headWeight);
        DMatrixRMaj dActivations = new DMatrixRMaj(rows, hidden);
        CommonOps_DDRM.mult(dLogitsMatrix, weights.headWeight, dActivations);
        return dActivations.data;
    }
}
