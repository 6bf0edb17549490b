package org.gatescope.engine;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * One recurrent cell run over a batch of sequences: forward through time, recording what
 * the lecture draws (every gate, c̃, c, a), and backward through time (BPTT).
 *
 * <p>Each cell kind is one subclass holding its equations; this class owns the buffers and
 * the matrix products every cell shares. Rows of every recorded array are indexed
 * {@code t·B + b} (time-major), so a batch of one is exactly a trace's [T][H] layout.
 *
 * <p>Allocation happens in {@link #load} and when the run's shape (T, B) changes; the
 * per-token loops only write into those buffers. Not thread-safe: one thread owns a layer.
 */
public abstract class RecurrentLayer {

    protected final CellKind kind;
    /** H, D and G·H. */
    protected final int hidden;
    protected final int input;
    protected final int gateRows;

    /** W_ih^T [D, G·H] and W_hh^T [H, G·H]: transposed once so each step's product streams rows. */
    protected final DMatrixRMaj weightIhT;
    protected final DMatrixRMaj weightHhT;
    /** W_hh [G·H, H], for the backward product dPre · W_hh. */
    protected final DMatrixRMaj weightHh;
    protected final DMatrixRMaj weightIh;
    protected final double[] biasIh;
    protected final double[] biasHh;

    /** Applied to each c&lt;t&gt; as it is computed; null for none. */
    protected MemoryCellIntervention intervention;

    // Shape of the current run.
    protected int steps;
    protected int batch;

    // Recorded forward values, [T·B, ·].
    protected double[] x;
    /** x W_ih^T + b_ih for every step, [T·B, G·H]. */
    protected double[] inputTerm;
    /** Pre-activations as the trace reports them, [T·B, G·H]. */
    protected double[] preActivation;
    protected double[] activation;
    protected double[] memoryCell;

    // Per-step buffers for the recurrent products.
    /** a&lt;t-1&gt; of the step being computed, [B, H]. */
    protected DMatrixRMaj previousActivation;
    /** a&lt;t-1&gt; W_hh^T + b_hh, [B, G·H]. */
    protected DMatrixRMaj recurrentTerm;

    // Backward buffers.
    /** Gradient of the loss w.r.t. each block's input-side pre-activation, [T·B, G·H]. */
    protected double[] inputTermGradient;
    /** Gradient w.r.t. the recurrent-side term a&lt;t-1&gt; W_hh^T + b_hh, [T·B, G·H]. */
    protected double[] recurrentTermGradient;
    /** Total gradient w.r.t. c&lt;t&gt; (w.r.t. a&lt;t&gt; when c = a), [T·B, H]. */
    protected double[] memoryCellGradient;
    /** This step's recurrent-term gradient as a matrix, [B, G·H]. */
    protected DMatrixRMaj recurrentTermGradientStep;
    /** Gradient w.r.t. a&lt;t-1&gt;: paths that skip W_hh are added here by the cell, [B, H]. */
    protected DMatrixRMaj previousActivationGradient;
    /** Gradient w.r.t. a&lt;t&gt; arriving from step t+1, [B, H]. */
    protected double[] activationGradientFromNext;
    /** Gradient w.r.t. c&lt;t&gt; arriving from step t+1 along the memory line, [B, H]. */
    protected double[] memoryCellGradientFromNext;

    protected RecurrentLayer(CellKind kind, int input, int hidden) {
        this.kind = kind;
        this.input = input;
        this.hidden = hidden;
        this.gateRows = kind.gateBlocks() * hidden;
        weightIhT = new DMatrixRMaj(input, gateRows);
        weightHhT = new DMatrixRMaj(hidden, gateRows);
        weightHh = new DMatrixRMaj(gateRows, hidden);
        weightIh = new DMatrixRMaj(gateRows, input);
        biasIh = new double[gateRows];
        biasHh = new double[gateRows];
    }

    /** A layer for the given cell; weights are read with {@link #load}. */
    public static RecurrentLayer create(ModelSpec spec) {
        int d = spec.embedSize();
        int h = spec.hiddenSize();
        return switch (spec.cell()) {
            case RNN -> new RnnCell(d, h);
            case GRU_SIMPLE -> new SimpleGruCell(d, h);
            case GRU -> new GruCell(d, h, spec.gruReset());
            case LSTM -> new LstmCell(d, h, false);
            case PEEPHOLE_LSTM -> new LstmCell(d, h, true);
        };
    }

    public CellKind kind() {
        return kind;
    }

    public int hiddenSize() {
        return hidden;
    }

    public int inputSize() {
        return input;
    }

    /** What this cell records per token, in the order the UI lists them. */
    public abstract List<Quantity> quantities();

    /**
     * Reads the cell's weights (copies; later changes to {@code weights} need another load).
     *
     * @param weights not modified
     */
    public void load(Weights weights) {
        weightIh.setTo(weights.weightIh);
        weightHh.setTo(weights.weightHh);
        CommonOps_DDRM.transpose(weights.weightIh, weightIhT);
        CommonOps_DDRM.transpose(weights.weightHh, weightHhT);
        System.arraycopy(weights.biasIh.data, 0, biasIh, 0, gateRows);
        System.arraycopy(weights.biasHh.data, 0, biasHh, 0, gateRows);
        loadCellWeights(weights);
    }

    /** Reads weights beyond the shared W_ih, W_hh, b_ih, b_hh (peepholes, split blocks). */
    protected void loadCellWeights(Weights weights) {
    }

    /**
     * Runs the cell forward from a zero state (a&lt;0&gt; = c&lt;0&gt; = 0).
     *
     * @param inputs x&lt;t&gt; for every step and sequence, [T·B, D] time-major; not modified,
     *               but kept (not copied) until the next forward
     */
    public final void forward(double[] inputs, int steps, int batch) {
        if (inputs.length != steps * batch * input) {
            throw new IllegalArgumentException("inputs hold " + inputs.length + " values, expected T·B·D = "
                    + steps + "·" + batch + "·" + input);
        }
        allocate(steps, batch);
        this.x = inputs;
        // x W_ih^T + b_ih for all steps at once: one large product instead of T small ones.
        DMatrixRMaj xs = DMatrixRMaj.wrap(steps * batch, input, inputs);
        DMatrixRMaj projected = DMatrixRMaj.wrap(steps * batch, gateRows, inputTerm);
        CommonOps_DDRM.mult(xs, weightIhT, projected);
        addRowVector(inputTerm, biasIh, steps * batch, gateRows);
        for (int t = 0; t < steps; t++) {
            loadPreviousActivation(t);
            forwardStep(t);
        }
    }

    /** Copies a&lt;t-1&gt; into {@link #previousActivation} (zeros at t = 0). */
    private void loadPreviousActivation(int t) {
        int n = batch * hidden;
        if (t == 0) {
            java.util.Arrays.fill(previousActivation.data, 0.0);
        } else {
            System.arraycopy(activation, (t - 1) * n, previousActivation.data, 0, n);
        }
    }

    /** Fills {@link #recurrentTerm} with a&lt;t-1&gt; W_hh^T + b_hh. */
    protected final void computeRecurrentTerm() {
        double[] out = recurrentTerm.data;
        for (int b = 0; b < batch; b++) {
            System.arraycopy(biasHh, 0, out, b * gateRows, gateRows);
        }
        CommonOps_DDRM.multAdd(previousActivation, weightHhT, recurrentTerm);
    }

    /**
     * Overrides memory-cell values in the following forward passes (null: none).
     *
     * @param intervention applied to every sequence of the batch alike
     */
    public void setIntervention(MemoryCellIntervention intervention) {
        this.intervention = intervention;
    }

    /** Computes step t from {@link #previousActivation} and the recorded c&lt;t-1&gt;. */
    protected abstract void forwardStep(int t);

    /**
     * Backpropagates through time. Afterwards {@link #memoryCellGradient()} and the
     * returned gradients are valid until the next forward.
     *
     * @param activationGradient ∂L/∂a&lt;t&gt; from outside the layer (the head), [T·B, H]; not modified
     * @param gradients where ∂L/∂W_ih, ∂L/∂W_hh, ∂L/∂b_ih, ∂L/∂b_hh (and peepholes) are ADDED; modified
     * @param inputGradient if not null, receives ∂L/∂x&lt;t&gt;, [T·B, D]; modified
     */
    public final void backward(double[] activationGradient, Weights gradients, double[] inputGradient) {
        int n = batch * hidden;
        if (activationGradient.length != steps * n) {
            throw new IllegalArgumentException("activation gradient holds " + activationGradient.length
                    + " values, expected T·B·H = " + steps * n);
        }
        java.util.Arrays.fill(activationGradientFromNext, 0.0);
        java.util.Arrays.fill(memoryCellGradientFromNext, 0.0);
        double[] totalActivationGradient = new double[n];
        for (int t = steps - 1; t >= 0; t--) {
            int offset = t * n;
            for (int i = 0; i < n; i++) {
                totalActivationGradient[i] = activationGradient[offset + i] + activationGradientFromNext[i];
            }
            if (t > 0) {
                System.arraycopy(activation, (t - 1) * n, previousActivation.data, 0, n);
            } else {
                java.util.Arrays.fill(previousActivation.data, 0.0);
            }
            java.util.Arrays.fill(previousActivationGradient.data, 0.0);
            backwardStep(t, totalActivationGradient);
            System.arraycopy(recurrentTermGradientStep.data, 0, recurrentTermGradient, t * batch * gateRows,
                    batch * gateRows);
            // ∂L/∂a<t-1> = dPre_h · W_hh + the paths that skip W_hh (set by the cell).
            CommonOps_DDRM.multAdd(recurrentTermGradientStep, weightHh, previousActivationGradient);
            System.arraycopy(previousActivationGradient.data, 0, activationGradientFromNext, 0, n);
        }
        accumulateWeightGradients(gradients);
        if (inputGradient != null) {
            DMatrixRMaj dInput = DMatrixRMaj.wrap(steps * batch, input, inputGradient);
            CommonOps_DDRM.mult(DMatrixRMaj.wrap(steps * batch, gateRows, inputTermGradient), weightIh, dInput);
        }
    }

    /**
     * Backward of step t. Reads {@link #previousActivation} (a&lt;t-1&gt;) and
     * {@link #memoryCellGradientFromNext}; writes this step's rows of
     * {@link #inputTermGradient} and {@link #memoryCellGradient}, all of
     * {@link #recurrentTermGradientStep}, the non-W_hh paths into
     * {@link #previousActivationGradient}, and ∂L/∂c&lt;t-1&gt; into
     * {@link #memoryCellGradientFromNext}.
     *
     * @param activationGradient total ∂L/∂a&lt;t&gt;, [B, H]; not modified
     */
    protected abstract void backwardStep(int t, double[] activationGradient);

    /** Adds ∂L/∂W from the recorded per-step gradients: one large product per matrix. */
    protected void accumulateWeightGradients(Weights gradients) {
        int rows = steps * batch;
        DMatrixRMaj dInputTerm = DMatrixRMaj.wrap(rows, gateRows, inputTermGradient);
        DMatrixRMaj dRecurrentTerm = DMatrixRMaj.wrap(rows, gateRows, recurrentTermGradient);
        CommonOps_DDRM.multAddTransA(dInputTerm, DMatrixRMaj.wrap(rows, input, x), gradients.weightIh);
        CommonOps_DDRM.multAddTransA(dRecurrentTerm, DMatrixRMaj.wrap(rows, hidden, previousActivations()),
                gradients.weightHh);
        addColumnSums(inputTermGradient, rows, gateRows, gradients.biasIh.data);
        addColumnSums(recurrentTermGradient, rows, gateRows, gradients.biasHh.data);
    }

    /** a&lt;t-1&gt; for every step, [T·B, H]: the activations shifted down one step, zeros first. */
    protected final double[] previousActivations() {
        int n = batch * hidden;
        double[] shifted = new double[steps * n];
        System.arraycopy(activation, 0, shifted, n, (steps - 1) * n);
        return shifted;
    }

    /** Allocates every buffer for a run of this shape, unless the last run had it. */
    private void allocate(int steps, int batch) {
        if (steps < 1 || batch < 1) {
            throw new IllegalArgumentException("need at least one step and one sequence, got T=" + steps
                    + " B=" + batch);
        }
        if (steps == this.steps && batch == this.batch) {
            return;
        }
        this.steps = steps;
        this.batch = batch;
        int rows = steps * batch;
        inputTerm = new double[rows * gateRows];
        preActivation = new double[rows * gateRows];
        activation = new double[rows * hidden];
        memoryCell = kind.hasSeparateMemoryCell() ? new double[rows * hidden] : activation;
        previousActivation = new DMatrixRMaj(batch, hidden);
        recurrentTerm = new DMatrixRMaj(batch, gateRows);
        inputTermGradient = new double[rows * gateRows];
        recurrentTermGradient = new double[rows * gateRows];
        memoryCellGradient = new double[rows * hidden];
        recurrentTermGradientStep = new DMatrixRMaj(batch, gateRows);
        previousActivationGradient = new DMatrixRMaj(batch, hidden);
        activationGradientFromNext = new double[batch * hidden];
        memoryCellGradientFromNext = new double[batch * hidden];
        allocateCellBuffers(rows);
    }

    /** Allocates the cell's own recorded arrays for {@code rows} = T·B rows. */
    protected abstract void allocateCellBuffers(int rows);

    public int steps() {
        return steps;
    }

    public int batch() {
        return batch;
    }

    /**
     * The recorded values of {@code quantity}, [T·B, H]; the layer's own array, valid until
     * the next forward. Callers that keep it must copy it or own the layer.
     */
    public abstract double[] values(Quantity quantity);

    /** Pre-activations, [T·B, G·H] in PyTorch's block order (see each cell for what each block holds). */
    public double[] preActivations() {
        return preActivation;
    }

    /** ∂L/∂c&lt;t&gt; from the last backward, [T·B, H] (∂L/∂a&lt;t&gt; where c = a). */
    public double[] memoryCellGradient() {
        return memoryCellGradient;
    }

    /** Which block of the pre-activations feeds {@code gate}, or -1 if none. */
    public abstract int preActivationBlock(Quantity gate);

    protected final IllegalArgumentException absent(Quantity quantity) {
        return new IllegalArgumentException(kind.id() + " has no " + quantity.key());
    }

    static double sigmoid(double z) {
        return 1.0 / (1.0 + Math.exp(-z));
    }

    static void addRowVector(double[] matrix, double[] row, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            for (int c = 0; c < cols; c++) {
                matrix[base + c] += row[c];
            }
        }
    }

    static void addColumnSums(double[] matrix, int rows, int cols, double[] sums) {
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            for (int c = 0; c < cols; c++) {
                sums[c] += matrix[base + c];
            }
        }
    }
}
