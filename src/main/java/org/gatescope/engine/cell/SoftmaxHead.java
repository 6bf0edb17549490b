package org.gatescope.engine.cell;

import java.util.Arrays;
import org.gatescope.engine.Weights;

/**
 * The linear head and its softmax over the vocabulary: p&lt;t&gt; = softmax(W_head a&lt;t&gt; + b_head).
 * Stateless apart from the weights it is given.
 *
 * <p>Its three products run in {@link MatrixKernels} on row arrays made for each call (a
 * few copies of [rows, V] and [V, H], small beside the products): with EJML's
 * {@code multTransB}, {@code mult} and {@code multAddTransA} the head took more time than
 * the whole recurrent layer when training an H = 64 LSTM on a 93-word vocabulary.
 */
public final class SoftmaxHead {

    private SoftmaxHead() {
    }

    /**
     * @param activations a&lt;t&gt; rows, [rows, H]; not modified
     * @return the softmax of every row, [rows, V]
     */
    public static double[] probabilities(Weights weights, double[] activations, int rows) {
        int hidden = weights.headWeight.numCols;
        int vocab = weights.headWeight.numRows;
        double[][] weightT = new double[hidden][vocab];
        MatrixKernels.transposeInto(weights.headWeight.data, vocab, hidden, weightT);
        double[] bias = weights.headBias.data;
        double[][] logits = new double[rows][];
        for (int r = 0; r < rows; r++) {
            logits[r] = bias.clone();
        }
        // logits = a W_head^T + b_head
        MatrixKernels.multAdd(activations, 0, hidden, 1, weightT, 0, logits, 0, rows, hidden, 0, vocab);
        double[] p = new double[rows * vocab];
        for (int r = 0; r < rows; r++) {
            double[] row = logits[r];
            int base = r * vocab;
            double max = Double.NEGATIVE_INFINITY;
            for (int v = 0; v < vocab; v++) {
                max = Math.max(max, row[v]);
            }
            // Subtracting the row's maximum keeps exp() finite; the softmax is unchanged.
            double sum = 0;
            for (int v = 0; v < vocab; v++) {
                double e = Math.exp(row[v] - max);
                row[v] = e;
                sum += e;
            }
            double inverse = 1.0 / sum;
            for (int v = 0; v < vocab; v++) {
                p[base + v] = row[v] * inverse;
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
        double[][] dLogitRows = new double[rows][vocab];
        for (int r = 0; r < rows; r++) {
            int base = r * vocab;
            if (targets[r] < 0) {
                Arrays.fill(dLogits, base, base + vocab, 0.0);
                continue;
            }
            // ∂(−log softmax)/∂logits = p − onehot(target)
            dLogits[base + targets[r]] -= 1.0;
            double[] row = dLogitRows[r];
            for (int v = 0; v < vocab; v++) {
                double d = dLogits[base + v] * scale[r];
                dLogits[base + v] = d;
                row[v] = d;
                dBias[v] += d;
            }
        }
        // ∂L/∂W_head^T = a^T · dLogits, added transposed into ∂L/∂W_head.
        double[][] weightGradientT = new double[hidden][vocab];
        MatrixKernels.multAdd(activations, 0, 1, hidden, dLogitRows, 0, weightGradientT, 0, hidden, rows, 0, vocab);
        MatrixKernels.addTransposed(weightGradientT, hidden, 0, vocab, gradients.headWeight.data, hidden);
        // ∂L/∂a = dLogits · W_head
        double[][] weight = new double[vocab][hidden];
        MatrixKernels.copyInto(weights.headWeight.data, vocab, hidden, weight);
        double[][] dActivationRows = new double[rows][hidden];
        MatrixKernels.multAdd(dLogitRows, 0, 0, weight, 0, dActivationRows, 0, rows, vocab, 0, hidden);
        double[] dActivations = new double[rows * hidden];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(dActivationRows[r], 0, dActivations, r * hidden, hidden);
        }
        return dActivations;
    }
}
