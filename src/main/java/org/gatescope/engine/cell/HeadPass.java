package org.gatescope.engine.cell;

import java.util.Arrays;
import org.gatescope.engine.Precision;
import org.gatescope.engine.Weights;

/**
 * The softmax head's forward and backward over a whole batch, p&lt;t&gt; = softmax(W_head a&lt;t&gt; + b_head),
 * with its buffers kept between calls (a training step allocates nothing here once the shape is
 * known) and its work split over {@link Workers}.
 *
 * <p>Computes exactly what {@link SoftmaxHead} computes, bit for bit, whatever the number of
 * threads: the logits and ∂L/∂a are split by rows, ∂L/∂W_head and ∂L/∂b_head by vocabulary
 * columns, so every element keeps its summation order. Not thread-safe: one owner calls it.
 */
final class HeadPass {

    /**
     * Columns of the logits computed per pass over a block of a&lt;t&gt; rows: 1,024 columns of 8 rows
     * of W_head^T (64 KB) stay in L2 while the rows pass over them (over V = 5,000 columns the rows
     * of W_head^T went through L3 once per block of 8).
     */
    private static final int COLUMN_TILE = 1024;
    /** Vocabulary columns per part of the backward's ∂L/∂W_head product. */
    private static final int VOCAB_PER_PART = 256;
    /** Rows per part of the row-split products. */
    private static final int ROWS_PER_PART = 32;

    private Workers workers = Workers.SERIAL;
    private int hidden;
    private int vocab;
    private int rows;
    /** W_head^T [H][V] as rows, refreshed from the weights at every forward (the backward reads the forward's). */
    private double[][] weightT;
    /** Logits, then probabilities, then ∂L/∂logits of each row, [rows][V]. */
    private double[][] rowValues;
    private double[][] weightGradientT;
    /** ∂L/∂logits transposed, [V][rows], and (∂L/∂a)^T, [H][rows]: the backward's ∂L/∂a product. */
    private double[][] rowValuesT;
    private double[][] activationGradientT;
    private double[] activationGradient;

    /**
     * With {@link Precision#FLOAT32}: the three products in float (decision 0023), on float copies
     * of W_head^T, W_head, the a&lt;t&gt; rows and the logits' gradient; softmax and loss stay double.
     * Null buffers in double.
     */
    private boolean single;
    private float[][] floatWeightT;
    /** floatWeightT in the tiles' panels (null in float64, or when the tiles do not run). */
    private PackedColumns packedWeightT;
    private float[][] floatRowValuesT;
    /** The a&lt;t&gt; rows, [rows][H], and the same in the tiles' panels (null when they do not run). */
    private float[][] floatActivations;
    private PackedColumns packedActivations;
    private float[][] floatRowValues;
    /** ∂L/∂W_head in W_head's own layout, [V][H], so that it adds into the gradient row by row. */
    private float[][] floatWeightGradient;
    private float[][] floatActivationGradientT;

    void setWorkers(Workers workers) {
        this.workers = workers;
    }

    void setPrecision(Precision precision) {
        boolean now = precision == Precision.FLOAT32;
        if (now != single) {
            single = now;
            hidden = -1; // reallocate
        }
    }

    /**
     * Computes the softmax of every row; {@link #probability(int, int)} and {@link #probabilities()}
     * read it until the next call.
     *
     * @param activations a&lt;t&gt; rows, [rows, H]; not modified
     */
    void forward(Weights weights, double[] activations, int rows) {
        allocate(weights.headWeight.numCols, weights.headWeight.numRows, rows);
        double[] flatWeight = weights.headWeight.data;
        double[] bias = weights.headBias.data;
        int h = hidden;
        int v = vocab;
        int vocabParts = parts(v, VOCAB_PER_PART);
        workers.run(vocabParts, part -> {
            int i0 = Workers.rangeStart(v, vocabParts, part);
            int i1 = Workers.rangeStart(v, vocabParts, part + 1);
            for (int i = i0; i < i1; i++) {
                int base = i * h;
                if (single) {
                    for (int j = 0; j < h; j++) {
                        floatWeightT[j][i] = (float) flatWeight[base + j];
                    }
                } else {
                    for (int j = 0; j < h; j++) {
                        weightT[j][i] = flatWeight[base + j];
                    }
                }
            }
        });
        if (packedWeightT != null) {
            packedWeightT.changed();
        }
        int rowParts = parts(rows, ROWS_PER_PART);
        workers.run(rowParts, part -> {
            int r0 = Workers.rangeStart(rows, rowParts, part);
            int r1 = Workers.rangeStart(rows, rowParts, part + 1);
            if (single) {
                floatLogits(activations, bias, r0, r1);
            } else {
                for (int r = r0; r < r1; r++) {
                    System.arraycopy(bias, 0, rowValues[r], 0, v);
                }
            }
            // logits = a W_head^T + b_head
            for (int j0 = 0; !single && j0 < v; j0 += COLUMN_TILE) {
                MatrixKernels.multAdd(activations, r0 * h, h, 1, weightT, 0, rowValues, r0, r1 - r0, h, j0,
                        Math.min(v, j0 + COLUMN_TILE));
            }
            for (int r = r0; r < r1; r++) {
                softmaxInPlace(rowValues[r], v);
            }
        });
    }

    /** Rows [r0, r1) of the logits, a W_head^T + b_head, with the product in float. */
    private void floatLogits(double[] activations, double[] bias, int r0, int r1) {
        int h = hidden;
        int v = vocab;
        for (int r = r0; r < r1; r++) {
            FloatKernels.narrow(activations, r * h, floatActivations[r], 0, h);
        }
        FloatKernels.zero(floatRowValues, r0, r1, 0, v);
        for (int j0 = 0; j0 < v; j0 += COLUMN_TILE) {
            FloatKernels.multAdd(floatActivations, r0, 0, floatWeightT, packedWeightT, floatRowValues, r0, r1 - r0, h,
                    j0, Math.min(v, j0 + COLUMN_TILE));
        }
        for (int r = r0; r < r1; r++) {
            FloatKernels.widenOnto(bias, floatRowValues[r], rowValues[r], 0, v);
        }
    }

    /** The row's softmax, in place, as {@link SoftmaxHead#probabilities} computes it. */
    private static void softmaxInPlace(double[] row, int vocab) {
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
            row[v] = row[v] * inverse;
        }
    }

    /** p(token) at a row of the last forward. */
    double probability(int row, int token) {
        return rowValues[row][token];
    }

    /** The last forward's probabilities as one flat [rows, V] array (a copy). */
    double[] probabilities() {
        double[] p = new double[rows * vocab];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(rowValues[r], 0, p, r * vocab, vocab);
        }
        return p;
    }

    /**
     * Backward of the last forward for the loss Σ_r scale_r · (−log p_r[target_r]); the
     * probabilities are overwritten with ∂L/∂logits.
     *
     * @param activations the forward's a&lt;t&gt; rows; not modified
     * @param targets the target index per row, or -1 where the row has no loss; not modified
     * @param scale the weight of each row in the loss; not modified
     * @param gradients where ∂L/∂W_head and ∂L/∂b_head are added; modified
     * @return ∂L/∂a&lt;t&gt;, [rows, H]: this object's buffer, valid until the next call
     */
    double[] backward(Weights weights, double[] activations, int[] targets, double[] scale, Weights gradients) {
        int h = hidden;
        int v = vocab;
        int n = rows;
        int rowParts = parts(n, ROWS_PER_PART);
        workers.run(rowParts, part -> {
            for (int r = Workers.rangeStart(n, rowParts, part); r < Workers.rangeStart(n, rowParts, part + 1); r++) {
                double[] row = rowValues[r];
                if (targets[r] < 0) {
                    Arrays.fill(row, 0, v, 0.0);
                    continue;
                }
                // ∂(−log softmax)/∂logits = p − onehot(target)
                row[targets[r]] -= 1.0;
                double s = scale[r];
                for (int c = 0; c < v; c++) {
                    row[c] = row[c] * s;
                }
            }
        });
        if (packedActivations != null) {
            packedActivations.changed();
        }
        double[] dBias = gradients.headBias.data;
        double[] dWeight = gradients.headWeight.data;
        int vocabParts = parts(v, VOCAB_PER_PART);
        workers.run(vocabParts, part -> {
            int j0 = Workers.rangeStart(v, vocabParts, part);
            int j1 = Workers.rangeStart(v, vocabParts, part + 1);
            for (int r = 0; r < n; r++) {
                if (targets[r] >= 0) {
                    double[] row = rowValues[r];
                    for (int c = j0; c < j1; c++) {
                        dBias[c] += row[c];
                    }
                }
            }
            if (single) {
                // ∂L/∂W_head = dLogits^T · a, rows [j0, j1): W_head's layout, added row by row. Each
                // element sums the same terms in the same order as a^T · dLogits would.
                FloatKernels.narrowTransposed(rowValues, 0, n, j0, j1, floatRowValuesT);
                FloatKernels.zero(floatWeightGradient, j0, j1, 0, h);
                FloatKernels.multAdd(floatRowValuesT, j0, 0, floatActivations, packedActivations, floatWeightGradient,
                        j0, j1 - j0, n, 0, h);
                for (int i = j0; i < j1; i++) {
                    FloatKernels.widenAddAt(floatWeightGradient[i], dWeight, i * h, h);
                }
                return;
            }
            // ∂L/∂W_head^T = a^T · dLogits, added transposed into ∂L/∂W_head.
            for (double[] row : weightGradientT) {
                Arrays.fill(row, j0, j1, 0.0);
            }
            for (int t0 = j0; t0 < j1; t0 += COLUMN_TILE) {
                MatrixKernels.multAdd(activations, 0, 1, h, rowValues, 0, weightGradientT, 0, h, n, t0,
                        Math.min(j1, t0 + COLUMN_TILE));
            }
            MatrixKernels.transposeBlock(rowValues, 0, n, j0, j1, rowValuesT);
            MatrixKernels.addTransposed(weightGradientT, h, j0, j1 - j0, dWeight, h);
        });
        // ∂L/∂a = dLogits · W_head, computed transposed, (∂L/∂a)^T = W_head^T · dLogits^T: rows as long
        // as the batch's, not H (MatrixKernels.transposeBlock says why).
        workers.run(rowParts, part -> {
            int r0 = Workers.rangeStart(n, rowParts, part);
            int r1 = Workers.rangeStart(n, rowParts, part + 1);
            if (single) {
                FloatKernels.zero(floatActivationGradientT, 0, h, r0, r1);
                FloatKernels.multAdd(floatWeightT, 0, 0, floatRowValuesT, 0, floatActivationGradientT, 0, h, v, r0, r1);
                FloatKernels.untranspose(floatActivationGradientT, h, r0, r1, activationGradient);
                return;
            }
            for (double[] row : activationGradientT) {
                Arrays.fill(row, r0, r1, 0.0);
            }
            MatrixKernels.multAdd(weightT, 0, 0, rowValuesT, 0, activationGradientT, 0, h, v, r0, r1);
            MatrixKernels.untranspose(activationGradientT, h, r0, r1, activationGradient);
        });
        return activationGradient;
    }

    /** Parts of a split of n items into pieces of about {@code perPart}; one on a single thread. */
    private int parts(int n, int perPart) {
        return workers.threads() == 1 ? 1 : Math.max(1, Math.min(n / perPart, 64));
    }

    private void allocate(int hidden, int vocab, int rows) {
        if (hidden != this.hidden || vocab != this.vocab) {
            this.hidden = hidden;
            this.vocab = vocab;
            rowValues = null;
            if (single) {
                weightT = null;
                weightGradientT = null;
                floatWeightT = new float[hidden][vocab];
                floatWeightGradient = new float[vocab][hidden];
                packedWeightT = PackedColumns.ofFloats(floatWeightT, hidden, vocab);
            } else {
                weightT = new double[hidden][vocab];
                weightGradientT = new double[hidden][vocab];
                floatWeightT = null;
                floatWeightGradient = null;
                packedWeightT = null;
            }
        }
        if (rowValues == null || rowValues.length < rows || rowValues[0].length != vocab) {
            rowValues = new double[rows][vocab];
            activationGradient = new double[rows * hidden];
            if (single) {
                floatRowValues = new float[rows][vocab];
                floatRowValuesT = new float[vocab][rows];
                floatActivationGradientT = new float[hidden][rows];
                floatActivations = new float[rows][hidden];
                packedActivations = PackedColumns.ofFloats(floatActivations, rows, hidden);
            } else {
                rowValuesT = new double[vocab][rows];
                activationGradientT = new double[hidden][rows];
            }
        } else if (activationGradient.length != rows * hidden) {
            activationGradient = new double[rows * hidden];
        }
        this.rows = rows;
    }
}
