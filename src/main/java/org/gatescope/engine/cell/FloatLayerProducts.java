package org.gatescope.engine.cell;

/**
 * A {@link RecurrentLayer}'s shared matrix products in float ({@link org.gatescope.engine.Precision#FLOAT32}):
 * float copies of the weights, the operands rounded to float as each product needs them, the sums
 * in float ({@link FloatKernels}) and the results widened back into the layer's double arrays, where
 * the cells compute their gates as always. Only the products change precision; each element still
 * sums in an order fixed by k alone, so a run gives the same bits with one thread or many.
 *
 * <p>Buffers are allocated per shape, as the layer's are. Each method touches only the rows (or,
 * for weight gradients, the columns) it is given, so the layer's threads may call it on disjoint
 * parts at once.
 */
final class FloatLayerProducts {

    private final int input;
    private final int hidden;
    private final int gateRows;
    private final float[][] weightIhT;
    private final float[][] weightHhT;
    private final float[][] weightHh;
    /** The same weights in the tiles' panels, or null when the tiles do not run. */
    private final PackedColumns packedWeightIhT;
    private final PackedColumns packedWeightHhT;
    private final PackedColumns packedWeightHh;
    private final float[][] weightIhGradientT;
    private final float[][] weightHhGradientT;

    private int steps;
    private int batch;
    /** x&lt;t&gt; of the current run, [T·B·D]. */
    private float[] x;
    /** a&lt;t&gt; of the current run, [T·B·H], rounded when the weight gradients need it. */
    private float[] activation;
    /** x W_ih^T of a chunk's rows, [chunk·B][G·H]. */
    private float[][] inputTerm;
    /** a&lt;t-1&gt; of the step being computed, [B·H]. */
    private float[] previousActivation;
    /** a&lt;t-1&gt; W_hh^T, [B][G·H]. */
    private float[][] recurrentTerm;
    private float[][] inputTermGradient;
    private float[][] recurrentTermGradient;
    /** dPre_h · W_hh of the step being backpropagated, [B][H]. */
    private float[][] previousActivationGradient;
    private float[][] inputTermGradientT;
    private float[][] inputGradientT;

    FloatLayerProducts(int input, int hidden, int gateRows) {
        this.input = input;
        this.hidden = hidden;
        this.gateRows = gateRows;
        weightIhT = new float[input][gateRows];
        weightHhT = new float[hidden][gateRows];
        weightHh = new float[gateRows][hidden];
        packedWeightIhT = PackedColumns.ofFloats(weightIhT, input, gateRows);
        packedWeightHhT = PackedColumns.ofFloats(weightHhT, hidden, gateRows);
        packedWeightHh = PackedColumns.ofFloats(weightHh, gateRows, hidden);
        weightIhGradientT = new float[input][gateRows];
        weightHhGradientT = new float[hidden][gateRows];
    }

    /** Rounds the layer's weights to float: W_ih^T, W_hh^T and W_hh, as rows. */
    void load(double[][] ihT, double[][] hhT, double[][] hh) {
        FloatKernels.narrowInto(ihT, input, weightIhT);
        FloatKernels.narrowInto(hhT, hidden, weightHhT);
        FloatKernels.narrowInto(hh, gateRows, weightHh);
        if (packedWeightHh != null) {
            packedWeightIhT.changed();
            packedWeightHhT.changed();
            packedWeightHh.changed();
        }
    }

    /** Allocates for a run of this shape (unless the last run had it) and rounds its inputs. */
    void startForward(double[] inputs, int steps, int batch, int chunkRows) {
        if (steps != this.steps || batch != this.batch || inputTerm == null || inputTerm.length != chunkRows) {
            this.steps = steps;
            this.batch = batch;
            int rows = steps * batch;
            x = new float[rows * input];
            activation = new float[rows * hidden];
            inputTerm = new float[chunkRows][gateRows];
            previousActivation = new float[batch * hidden];
            recurrentTerm = new float[batch][gateRows];
            inputTermGradient = null;
        }
        FloatKernels.narrow(inputs, 0, x, 0, inputs.length);
    }

    /**
     * out[termRow + i] = bias + x[xRow + i] W_ih^T for i &lt; m, where {@code termRow} counts rows of
     * the chunk and {@code xRow} rows of the run.
     */
    void inputTerm(int xRow, int termRow, int m, double[] bias, double[][] out) {
        FloatKernels.zero(inputTerm, termRow, termRow + m, 0, gateRows);
        FloatKernels.multAdd(x, xRow * input, input, 1, weightIhT, packedWeightIhT, inputTerm, termRow, m, input, 0,
                gateRows);
        for (int i = termRow; i < termRow + m; i++) {
            FloatKernels.widenOnto(bias, inputTerm[i], out[i], 0, gateRows);
        }
    }

    /**
     * out[b] = bias + a&lt;t-1&gt; W_hh^T in columns [0, columns) for sequences [b0, b1), a&lt;t-1&gt;
     * read from the layer's {@code activation} at {@code previousRow} = (t−1)·B.
     */
    void recurrentTerm(double[] layerActivation, int previousRow, int b0, int b1, int columns, double[] bias,
                       double[][] out) {
        FloatKernels.narrow(layerActivation, (previousRow + b0) * hidden, previousActivation, b0 * hidden,
                (b1 - b0) * hidden);
        FloatKernels.zero(recurrentTerm, b0, b1, 0, columns);
        FloatKernels.multAdd(previousActivation, b0 * hidden, hidden, 1, weightHhT, packedWeightHhT, recurrentTerm, b0,
                b1 - b0, hidden, 0, columns);
        for (int b = b0; b < b1; b++) {
            FloatKernels.widenOnto(bias, recurrentTerm[b], out[b], 0, columns);
        }
    }

    /** Allocates the backward's buffers for the current shape, unless a backward of it did. */
    void startBackward(boolean separateRecurrentGradient) {
        if (inputTermGradient != null) {
            return;
        }
        int rows = steps * batch;
        inputTermGradient = new float[rows][gateRows];
        recurrentTermGradient = separateRecurrentGradient ? new float[rows][gateRows] : inputTermGradient;
        previousActivationGradient = new float[batch][hidden];
        inputTermGradientT = new float[gateRows][rows];
        inputGradientT = new float[input][rows];
    }

    /**
     * Rounds step t's rows of the recurrent-term gradient for sequences [b0, b1) (kept for the weight
     * gradients) and, for t &gt; 0, adds dPre_h · W_hh (columns [0, columns) of dPre_h) into
     * {@code previousGradient}'s rows.
     */
    void previousActivationGradient(double[][] layerRecurrentTermGradient, int t, int b0, int b1, int columns,
                                    double[][] previousGradient) {
        int row0 = t * batch;
        for (int b = b0; b < b1; b++) {
            FloatKernels.narrow(layerRecurrentTermGradient[row0 + b], recurrentTermGradient[row0 + b], 0, gateRows);
        }
        if (t == 0) {
            return;
        }
        FloatKernels.zero(previousActivationGradient, b0, b1, 0, hidden);
        FloatKernels.multAdd(recurrentTermGradient, row0 + b0, 0, weightHh, packedWeightHh, previousActivationGradient,
                b0, b1 - b0, columns, 0, hidden);
        for (int b = b0; b < b1; b++) {
            FloatKernels.widenAdd(previousActivationGradient[b], previousGradient[b], 0, hidden);
        }
    }

    /**
     * Rounds what the weight gradients read besides the per-step rows already rounded: every a&lt;t&gt;,
     * and the input-term gradient when it is a separate array. One thread, before the column parts.
     */
    void startWeightGradients(double[] layerActivation, double[][] layerInputTermGradient, boolean separate) {
        FloatKernels.narrow(layerActivation, 0, activation, 0, activation.length);
        if (separate) {
            for (int r = 0; r < steps * batch; r++) {
                FloatKernels.narrow(layerInputTermGradient[r], inputTermGradient[r], 0, gateRows);
            }
        }
    }

    /**
     * Columns [j0, j1) of ∂L/∂W_ih^T = x^T · dPre_i and of ∂L/∂W_hh^T = a^T · dPre_h (W_hh only up to
     * {@code h1}), written (not added) into the layer's double [D][G·H] and [H][G·H] rows.
     */
    void weightGradients(int j0, int j1, int h1, double[][] ihGradientT, double[][] hhGradientT) {
        int rows = steps * batch;
        FloatKernels.zero(weightIhGradientT, 0, input, j0, j1);
        FloatKernels.multAdd(x, 0, 1, input, inputTermGradient, 0, weightIhGradientT, 0, input, rows, j0, j1);
        for (int i = 0; i < input; i++) {
            FloatKernels.widen(weightIhGradientT[i], ihGradientT[i], j0, j1);
        }
        if (j0 < h1) {
            // a<0> = 0, so from t = 1: rows B … of dPre_h.
            FloatKernels.zero(weightHhGradientT, 0, hidden, j0, h1);
            FloatKernels.multAdd(activation, 0, 1, hidden, recurrentTermGradient, batch, weightHhGradientT, 0, hidden,
                    rows - batch, j0, h1);
            for (int i = 0; i < hidden; i++) {
                FloatKernels.widen(weightHhGradientT[i], hhGradientT[i], j0, h1);
            }
        }
    }

    /** Rows [r0, r1) of ∂L/∂x = dPre_i · W_ih, written into the flat [T·B, D] {@code inputGradient}. */
    void inputGradient(int r0, int r1, double[] inputGradient) {
        // Transposed, as the double path: rows as long as T·B, not D.
        FloatKernels.transposeBlock(inputTermGradient, r0, r1, 0, gateRows, inputTermGradientT);
        FloatKernels.zero(inputGradientT, 0, input, r0, r1);
        FloatKernels.multAdd(weightIhT, 0, 0, inputTermGradientT, 0, inputGradientT, 0, input, gateRows, r0, r1);
        FloatKernels.untranspose(inputGradientT, input, r0, r1, inputGradient);
    }
}
