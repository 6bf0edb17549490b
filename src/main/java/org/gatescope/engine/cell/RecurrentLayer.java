package org.gatescope.engine.cell;

import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.GateActivation;
import org.gatescope.engine.GruReset;
import org.gatescope.engine.ModelSpec;
import org.gatescope.engine.Precision;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.Weights;

/**
 * One recurrent cell run over a batch of sequences: forward through time, recording what
 * the lecture draws (every gate, c̃, c, a), and backward through time (BPTT).
 *
 * <p>Each cell kind is one subclass holding its equations; this class owns the buffers and
 * the matrix products every cell shares. Rows of every recorded array are indexed
 * {@code t·B + b} (time-major), so a batch of one is exactly a trace's [T][H] layout.
 *
 * <p>Allocation happens in the constructor and when the run's shape (T, B) changes (the
 * backward's buffers at the first backward of a shape: a trace never needs them); the
 * per-token loops only write into those buffers. The matrix products are
 * {@link MatrixKernels}' (see there why not EJML's), which is why weights and the buffers
 * they multiply are arrays of rows. Not thread-safe: one thread owns a layer.
 */
public abstract class RecurrentLayer {

    /** Elements of x W_ih^T computed ahead of the steps that read them (256 KB: it stays in L2). */
    private static final int INPUT_CHUNK = 32 * 1024;
    /**
     * Multiply-adds of a forward pass below which its sequences are not split over threads: the
     * hand-over (a few µs) would cost more than the second core saves.
     */
    private static final long PARALLEL_WORK = 1L << 20;
    /** Columns per part when a weight-gradient product is split over threads. */
    private static final int GRADIENT_COLUMNS_PER_PART = 64;

    protected final CellKind kind;
    /** H, D and G·H. */
    protected final int hidden;
    protected final int input;
    protected final int gateRows;

    // The weights as rows, the layout the products in MatrixKernels read (copied by load).
    /** W_ih^T [D][G·H] and W_hh^T [H][G·H], for the forward products x W_ih^T and a&lt;t-1&gt; W_hh^T. */
    protected final double[][] weightIhT;
    protected final double[][] weightHhT;
    /** W_hh [G·H][H], for the backward product dPre_h · W_hh (∂L/∂x reads W_ih^T: it runs transposed). */
    protected final double[][] weightHh;
    protected final double[] biasIh;
    protected final double[] biasHh;

    /** Applied to each c&lt;t&gt; as it is computed; null for none. */
    protected MemoryCellIntervention intervention;

    /** Applied to each gate as it is computed (clamps); null for none. */
    protected GateOverride gateOverride;

    /** The gates' squashing function: σ for GateScope's models, Keras's hard_sigmoid for some imported ones. */
    private GateActivation gateActivation = GateActivation.SIGMOID;

    /** Threads the batch's sequences and the weight-gradient products are split over; the bits do not depend on it. */
    private Workers workers = Workers.SERIAL;

    /** The shared products in float ({@link Precision#FLOAT32}), or null for double (the reference). */
    private FloatLayerProducts floatProducts;

    // Shape of the current run.
    protected int steps;
    protected int batch;

    // Recorded forward values; row r = t·B + b.
    protected double[] x;
    /**
     * x W_ih^T + b_ih for the steps of the current chunk, [chunk·B][G·H]: computed a chunk at a
     * time so that it is read back from L2, not from memory. Read it through {@link #inputTerm(int, int)}.
     */
    private double[][] inputTerm;
    /** Steps per chunk of {@link #inputTerm}; chunk k holds steps k·chunkSteps onwards. */
    private int chunkSteps;
    /** Pre-activations as the trace reports them, [T·B, G·H]. */
    protected double[] preActivation;
    protected double[] activation;
    protected double[] memoryCell;

    // Per-step buffers for the recurrent products.
    /** a&lt;t-1&gt; of the step being computed, [B, H]. */
    protected double[] previousActivation;
    /** a&lt;t-1&gt; W_hh^T + b_hh, [B][G·H] (the columns {@link #sharedRecurrentColumns()} covers). */
    protected double[][] recurrentTerm;

    // Backward buffers.
    /** Gradient of the loss w.r.t. each block's input-side pre-activation, [T·B][G·H]. */
    protected double[][] inputTermGradient;
    /**
     * Gradient w.r.t. the recurrent-side term a&lt;t-1&gt; W_hh^T + b_hh, [T·B][G·H]: the same
     * array as {@link #inputTermGradient} unless {@link #hasSeparateRecurrentGradient()}.
     */
    protected double[][] recurrentTermGradient;
    /** Total gradient w.r.t. c&lt;t&gt; (w.r.t. a&lt;t&gt; when c = a), [T·B, H]. */
    protected double[] memoryCellGradient;
    /** Gradient w.r.t. a&lt;t-1&gt;, [B][H]: the cell writes (not adds) the paths that skip W_hh. */
    protected double[][] previousActivationGradient;
    /** Total gradient w.r.t. a&lt;t&gt; of the step being backpropagated, [B, H]. */
    private double[] totalActivationGradient;
    /** Gradient w.r.t. c&lt;t&gt; arriving from step t+1 along the memory line, [B, H]. */
    protected double[] memoryCellGradientFromNext;
    /** ∂L/∂W_ih^T [D][G·H] and ∂L/∂W_hh^T [H][G·H] of one backward, added transposed into the caller's. */
    protected final double[][] weightIhGradientT;
    protected final double[][] weightHhGradientT;
    /** dPre_i transposed, [G·H][T·B], and (∂L/∂x)^T, [D][T·B]: the ∂L/∂x product's operands. */
    private double[][] inputTermGradientT;
    private double[][] inputGradientT;
    /**
     * W_ih^T, W_hh^T and W_hh in the register tiles' panels (decision 0025), packed at each load in
     * float64; null when the tiles do not run.
     */
    private final PackedColumns packedWeightIhT;
    private final PackedColumns packedWeightHhT;
    private final PackedColumns packedWeightHh;

    protected RecurrentLayer(CellKind kind, int input, int hidden) {
        this.kind = kind;
        this.input = input;
        this.hidden = hidden;
        this.gateRows = kind.gateBlocks() * hidden;
        weightIhT = new double[input][gateRows];
        weightHhT = new double[hidden][gateRows];
        weightHh = new double[gateRows][hidden];
        biasIh = new double[gateRows];
        biasHh = new double[gateRows];
        weightIhGradientT = new double[input][gateRows];
        weightHhGradientT = new double[hidden][gateRows];
        packedWeightIhT = PackedColumns.ofDoubles(weightIhT, input, gateRows);
        packedWeightHhT = PackedColumns.ofDoubles(weightHhT, hidden, gateRows);
        packedWeightHh = PackedColumns.ofDoubles(weightHh, gateRows, hidden);
    }

    /** A layer for the given cell; weights are read with {@link #load}. */
    public static RecurrentLayer create(ModelSpec spec) {
        return create(spec.cell(), spec.gruReset(), spec.embedSize(), spec.hiddenSize());
    }

    /** A layer of one cell kind reading {@code d} inputs into {@code h} units (a layer of a stack, say). */
    public static RecurrentLayer create(CellKind cell, GruReset gruReset, int d, int h) {
        return switch (cell) {
            case RNN -> new RnnCell(d, h);
            case GRU_SIMPLE -> new SimpleGruCell(d, h);
            case GRU -> new GruCell(d, h, gruReset);
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
        load(weights.weightIh, weights.weightHh, weights.biasIh, weights.biasHh,
                weights.peepholeU, weights.peepholeF, weights.peepholeO);
    }

    /**
     * Reads one layer's weights in PyTorch's layout (copies): W_ih [G·H, D], W_hh [G·H, H],
     * b_ih and b_hh [G·H], and for a peephole LSTM p_u, p_f, p_o [H] (null otherwise).
     */
    public void load(DMatrixRMaj wIh, DMatrixRMaj wHh, DMatrixRMaj bIh, DMatrixRMaj bHh,
                     DMatrixRMaj peepholeU, DMatrixRMaj peepholeF, DMatrixRMaj peepholeO) {
        MatrixKernels.copyInto(wHh.data, gateRows, hidden, weightHh);
        MatrixKernels.transposeInto(wIh.data, gateRows, input, weightIhT);
        MatrixKernels.transposeInto(wHh.data, gateRows, hidden, weightHhT);
        System.arraycopy(bIh.data, 0, biasIh, 0, gateRows);
        System.arraycopy(bHh.data, 0, biasHh, 0, gateRows);
        loadPeepholes(peepholeU, peepholeF, peepholeO);
        if (floatProducts != null) {
            floatProducts.load(weightIhT, weightHhT, weightHh);
        } else {
            packDoubleWeights();
        }
    }

    private void packDoubleWeights() {
        if (packedWeightHh != null) {
            packedWeightIhT.changed();
            packedWeightHhT.changed();
            packedWeightHh.changed();
        }
    }

    /** W_hh^T's panels for a cell's own double product, or null (float32, where they are not kept, or no tiles). */
    protected final PackedColumns packedWeightHhT() {
        return floatProducts == null ? packedWeightHhT : null;
    }

    /**
     * Sets the arithmetic of the shared products for the following runs (decision 0023); the
     * weights loaded so far are kept. The cell's own products (the reset-before GRU's W_hn) stay
     * double.
     */
    public void setPrecision(Precision precision) {
        if (precision == Precision.FLOAT64) {
            if (floatProducts != null) {
                floatProducts = null;
                packDoubleWeights();
            }
        } else if (floatProducts == null) {
            floatProducts = new FloatLayerProducts(input, hidden, gateRows);
            floatProducts.load(weightIhT, weightHhT, weightHh);
        }
    }

    public Precision precision() {
        return floatProducts == null ? Precision.FLOAT64 : Precision.FLOAT32;
    }

    /** Reads weights beyond the shared W_ih, W_hh, b_ih, b_hh (the peephole LSTM's). */
    protected void loadPeepholes(DMatrixRMaj peepholeU, DMatrixRMaj peepholeF, DMatrixRMaj peepholeO) {
    }

    /** Sets the gates' squashing function (forward and backward). */
    public void setGateActivation(GateActivation activation) {
        this.gateActivation = activation;
    }

    public GateActivation gateActivation() {
        return gateActivation;
    }

    /**
     * Splits the following runs over {@code workers}' threads: the batch's sequences in forward and
     * backward (each row's values do not depend on its neighbours), the weight gradients by columns.
     * Every value is bit for bit what one thread computes.
     */
    public void setWorkers(Workers workers) {
        this.workers = workers;
    }

    /** A gate's value from its pre-activation; σ computed exactly as before hard_sigmoid existed. */
    protected final double gate(double pre) {
        return gateActivation == GateActivation.SIGMOID ? Activations.sigmoid(pre) : gateActivation.apply(pre);
    }

    /** ∂gate/∂pre-activation where the gate took {@code value}: σ(1 − σ) for σ, hard_sigmoid's slope or 0. */
    protected final double gateSlope(double value) {
        return gateActivation == GateActivation.SIGMOID ? value * (1 - value) : gateActivation.slopeAt(value);
    }

    /**
     * How many leading columns of a&lt;t-1&gt; W_hh^T + b_hh the shared recurrent product
     * computes (and backpropagates): all G·H, unless a block's recurrent matrix acts on
     * something other than a&lt;t-1&gt; (the reset-before GRU's W_hn, on Γr ⊙ c&lt;t-1&gt;), which
     * the cell then computes itself.
     */
    protected int sharedRecurrentColumns() {
        return gateRows;
    }

    /**
     * Whether the gradient w.r.t. the recurrent term differs from that w.r.t. the input term
     * in some block of the shared columns (the reset-after GRU's candidate: Γr ⊙ (W_hn a + b_hn)).
     * Otherwise both are one array.
     */
    protected boolean hasSeparateRecurrentGradient() {
        return false;
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
        if (floatProducts != null) {
            floatProducts.startForward(inputs, steps, batch, chunkSteps * batch);
        }
        int shards = sequenceShards();
        if (shards == 1) {
            forwardSequences(0, batch);
        } else {
            workers.run(shards, s -> forwardSequences(Workers.rangeStart(batch, shards, s),
                    Workers.rangeStart(batch, shards, s + 1)));
        }
    }

    /** How many groups of sequences forward and backward run on: one unless the run is big enough to share. */
    private int sequenceShards() {
        long work = (long) steps * batch * gateRows * (input + hidden);
        return work < PARALLEL_WORK ? 1 : Math.min(workers.threads(), batch);
    }

    /** Runs sequences [b0, b1) through every step. */
    private void forwardSequences(int b0, int b1) {
        for (int chunkStart = 0; chunkStart < steps; chunkStart += chunkSteps) {
            int chunkEnd = Math.min(steps, chunkStart + chunkSteps);
            // x W_ih^T + b_ih for the whole chunk: one product instead of one per step.
            if (b0 == 0 && b1 == batch) {
                computeInputTerm(chunkStart * batch, 0, (chunkEnd - chunkStart) * batch);
            } else {
                for (int t = chunkStart; t < chunkEnd; t++) {
                    computeInputTerm(t * batch + b0, (t - chunkStart) * batch + b0, b1 - b0);
                }
            }
            for (int t = chunkStart; t < chunkEnd; t++) {
                loadPreviousActivation(t, b0, b1);
                forwardStep(t, b0, b1);
            }
        }
    }

    /** Rows [termRow, termRow + m) of {@link #inputTerm} = x W_ih^T + b_ih for rows [xRow, xRow + m) of x. */
    private void computeInputTerm(int xRow, int termRow, int m) {
        if (floatProducts != null) {
            floatProducts.inputTerm(xRow, termRow, m, biasIh, inputTerm);
            return;
        }
        for (int i = termRow; i < termRow + m; i++) {
            System.arraycopy(biasIh, 0, inputTerm[i], 0, gateRows);
        }
        MatrixKernels.multAdd(x, xRow * input, input, 1, weightIhT, packedWeightIhT, inputTerm, termRow, m, input, 0,
                gateRows);
    }

    /** x&lt;t&gt; W_ih^T + b_ih of sequence b, [G·H], while step t is computed. */
    protected final double[] inputTerm(int t, int b) {
        return inputTerm[(t % chunkSteps) * batch + b];
    }

    /** Copies a&lt;t-1&gt; of sequences [b0, b1) into {@link #previousActivation} (zeros at t = 0). */
    private void loadPreviousActivation(int t, int b0, int b1) {
        int from = b0 * hidden;
        int to = b1 * hidden;
        if (t == 0) {
            Arrays.fill(previousActivation, from, to, 0.0);
        } else {
            System.arraycopy(activation, (t - 1) * batch * hidden + from, previousActivation, from, to - from);
        }
    }

    /** Fills the shared columns of {@link #recurrentTerm}'s rows [b0, b1) with a&lt;t-1&gt; W_hh^T + b_hh. */
    protected final void computeRecurrentTerm(int t, int b0, int b1) {
        int columns = sharedRecurrentColumns();
        if (floatProducts != null && t > 0) {
            floatProducts.recurrentTerm(activation, (t - 1) * batch, b0, b1, columns, biasHh, recurrentTerm);
            return;
        }
        for (int b = b0; b < b1; b++) {
            System.arraycopy(biasHh, 0, recurrentTerm[b], 0, columns);
        }
        if (t > 0) { // a<0> = 0
            MatrixKernels.multAdd(activation, ((t - 1) * batch + b0) * hidden, hidden, 1, weightHhT, packedWeightHhT,
                    recurrentTerm, b0, b1 - b0, hidden, 0, columns);
        }
    }

    /**
     * Overrides memory-cell values in the following forward passes (null: none).
     *
     * @param intervention applied to every sequence of the batch alike
     */
    public void setIntervention(MemoryCellIntervention intervention) {
        this.intervention = intervention;
    }

    /**
     * Replaces gates in the following forward passes (null: none); a layer with one runs forward only.
     *
     * @param override applied to every sequence of the batch alike
     */
    public void setGateOverride(GateOverride override) {
        this.gateOverride = override;
    }

    /** {@code computed}, or what the {@link GateOverride} puts in its place. */
    protected final double overridden(Quantity gate, int t, int unit, double computed) {
        return gateOverride == null ? computed : gateOverride.gate(gate, t, unit, computed);
    }

    /**
     * Computes step t of sequences [b0, b1) from {@link #previousActivation} and the recorded
     * c&lt;t-1&gt;, touching only those sequences' rows (other threads may compute the others).
     */
    protected abstract void forwardStep(int t, int b0, int b1);

    /**
     * Backpropagates through time. Afterwards {@link #memoryCellGradient()} and the
     * returned gradients are valid until the next forward.
     *
     * @param activationGradient ∂L/∂a&lt;t&gt; from outside the layer (the head), [T·B, H]; not modified
     * @param gradients where ∂L/∂W_ih, ∂L/∂W_hh, ∂L/∂b_ih, ∂L/∂b_hh (and peepholes) are ADDED; modified
     * @param inputGradient if not null, receives ∂L/∂x&lt;t&gt;, [T·B, D]; modified
     */
    public final void backward(double[] activationGradient, Weights gradients, double[] inputGradient) {
        if (gateOverride != null) {
            throw new UnsupportedOperationException("backpropagation through clamped gates is not implemented");
        }
        int n = batch * hidden;
        if (activationGradient.length != steps * n) {
            throw new IllegalArgumentException("activation gradient holds " + activationGradient.length
                    + " values, expected T·B·H = " + steps * n);
        }
        allocateBackward();
        if (floatProducts != null) {
            floatProducts.startBackward(hasSeparateRecurrentGradient());
        }
        int shards = sequenceShards();
        if (shards == 1) {
            backwardSequences(activationGradient, 0, batch);
        } else {
            workers.run(shards, s -> backwardSequences(activationGradient, Workers.rangeStart(batch, shards, s),
                    Workers.rangeStart(batch, shards, s + 1)));
        }
        accumulateWeightGradients(gradients);
        if (inputGradient != null) {
            int rows = steps * batch;
            int parts = shards == 1 ? 1 : 4 * shards;
            workers.run(parts, part -> {
                int r0 = Workers.rangeStart(rows, parts, part);
                int r1 = Workers.rangeStart(rows, parts, part + 1);
                if (floatProducts != null) {
                    floatProducts.inputGradient(r0, r1, inputGradient);
                    return;
                }
                // (∂L/∂x)^T = W_ih^T · dPre_i^T: rows as long as T·B, not D (MatrixKernels.transposeBlock).
                MatrixKernels.transposeBlock(inputTermGradient, r0, r1, 0, gateRows, inputTermGradientT);
                for (double[] row : inputGradientT) {
                    Arrays.fill(row, r0, r1, 0.0);
                }
                MatrixKernels.multAdd(weightIhT, 0, 0, inputTermGradientT, 0, inputGradientT, 0, input, gateRows, r0,
                        r1);
                MatrixKernels.untranspose(inputGradientT, input, r0, r1, inputGradient);
            });
        }
    }

    /** Backpropagates sequences [b0, b1) through every step. */
    private void backwardSequences(double[] activationGradient, int b0, int b1) {
        Arrays.fill(memoryCellGradientFromNext, b0 * hidden, b1 * hidden, 0.0);
        for (int b = b0; b < b1; b++) {
            Arrays.fill(previousActivationGradient[b], 0.0);
        }
        int columns = sharedRecurrentColumns();
        for (int t = steps - 1; t >= 0; t--) {
            // ∂L/∂a<t> = from the head + from step t+1 (left in previousActivationGradient).
            for (int b = b0; b < b1; b++) {
                double[] fromNext = previousActivationGradient[b];
                int offset = (t * batch + b) * hidden;
                for (int j = 0; j < hidden; j++) {
                    totalActivationGradient[b * hidden + j] = activationGradient[offset + j] + fromNext[j];
                }
                Arrays.fill(fromNext, 0.0);
            }
            loadPreviousActivation(t, b0, b1);
            backwardStep(t, totalActivationGradient, b0, b1);
            if (floatProducts != null) {
                floatProducts.previousActivationGradient(recurrentTermGradient, t, b0, b1, columns,
                        previousActivationGradient);
            } else if (t > 0) {
                // ∂L/∂a<t-1> = dPre_h · W_hh + the paths that skip W_hh (written by the cell).
                MatrixKernels.multAdd(recurrentTermGradient, t * batch + b0, 0, weightHh, packedWeightHh,
                        previousActivationGradient, b0, b1 - b0, columns, 0, hidden);
            }
        }
    }

    /**
     * Backward of step t. Reads {@link #previousActivation} (a&lt;t-1&gt;) and
     * {@link #memoryCellGradientFromNext}; writes this step's rows of
     * {@link #inputTermGradient}, {@link #recurrentTermGradient} (when separate) and
     * {@link #memoryCellGradient}, the non-W_hh paths into {@link #previousActivationGradient}
     * (which holds zeros on entry), and ∂L/∂c&lt;t-1&gt; into {@link #memoryCellGradientFromNext}.
     *
     * Touches only the rows of sequences [b0, b1).
     *
     * @param activationGradient total ∂L/∂a&lt;t&gt;, [B, H]; not modified
     */
    protected abstract void backwardStep(int t, double[] activationGradient, int b0, int b1);

    /** Adds ∂L/∂W and ∂L/∂b from the recorded per-step gradients: one large product per matrix. */
    private void accumulateWeightGradients(Weights gradients) {
        int rows = steps * batch;
        int columns = sharedRecurrentColumns();
        // Split by columns: each element of a product keeps its summation order over the T·B rows.
        int parts = sequenceShards() == 1 ? 1 : Math.max(1, gateRows / GRADIENT_COLUMNS_PER_PART);
        if (floatProducts != null) {
            floatProducts.startWeightGradients(activation, inputTermGradient, hasSeparateRecurrentGradient());
        }
        workers.run(parts, part -> {
            int j0 = Workers.rangeStart(gateRows, parts, part);
            int j1 = Workers.rangeStart(gateRows, parts, part + 1);
            int h1 = Math.min(j1, columns);
            for (double[] row : weightHhGradientT) {
                Arrays.fill(row, j0, j1, 0.0);
            }
            if (floatProducts != null) {
                floatProducts.weightGradients(j0, j1, h1, weightIhGradientT, weightHhGradientT);
            } else {
                // ∂L/∂W_ih^T = x^T · dPre_i
                for (double[] row : weightIhGradientT) {
                    Arrays.fill(row, j0, j1, 0.0);
                }
                MatrixKernels.multAdd(x, 0, 1, input, inputTermGradient, 0, weightIhGradientT, 0, input, rows, j0, j1);
                // ∂L/∂W_hh^T = Σ_t a<t-1>^T · dPre_h<t>; a<0> = 0, so from t = 1: rows B … of dPre_h.
                if (j0 < h1) {
                    MatrixKernels.multAdd(activation, 0, 1, hidden, recurrentTermGradient, batch, weightHhGradientT, 0,
                            hidden, rows - batch, j0, h1);
                }
            }
            // ∂L/∂W_ih^T is added transposed into ∂L/∂W_ih; ∂L/∂W_hh^T after the cell's own columns.
            MatrixKernels.addTransposed(weightIhGradientT, input, j0, j1 - j0, gradients.weightIh.data, input);
            MatrixKernels.addColumnSums(inputTermGradient, rows, j0, j1, gradients.biasIh.data);
            if (j0 < h1) {
                MatrixKernels.addColumnSums(recurrentTermGradient, rows, j0, h1, gradients.biasHh.data);
            }
        });
        addCellGradients(gradients);
        workers.run(parts, part -> {
            int j0 = Workers.rangeStart(gateRows, parts, part);
            int j1 = Workers.rangeStart(gateRows, parts, part + 1);
            MatrixKernels.addTransposed(weightHhGradientT, hidden, j0, j1 - j0, gradients.weightHh.data, hidden);
        });
    }

    /**
     * Adds the gradients the shared products do not cover: peepholes, and the columns of
     * {@link #weightHhGradientT} and b_hh beyond {@link #sharedRecurrentColumns()} (whose
     * {@link #weightHhGradientT} entries hold zeros on entry and are added into ∂L/∂W_hh after).
     */
    protected void addCellGradients(Weights gradients) {
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
        chunkSteps = Math.max(1, Math.min(steps, INPUT_CHUNK / (batch * gateRows)));
        inputTerm = new double[chunkSteps * batch][gateRows];
        preActivation = new double[rows * gateRows];
        activation = new double[rows * hidden];
        memoryCell = kind.hasSeparateMemoryCell() ? new double[rows * hidden] : activation;
        previousActivation = new double[batch * hidden];
        recurrentTerm = new double[batch][gateRows];
        inputTermGradient = null; // allocated by the first backward of this shape: a trace never needs them
        allocateCellBuffers(rows);
    }

    /** Allocates the backward buffers for the current shape, unless a backward of this shape did. */
    private void allocateBackward() {
        if (inputTermGradient != null) {
            return;
        }
        int rows = steps * batch;
        inputTermGradient = new double[rows][gateRows];
        recurrentTermGradient = hasSeparateRecurrentGradient() ? new double[rows][gateRows] : inputTermGradient;
        memoryCellGradient = new double[rows * hidden];
        previousActivationGradient = new double[batch][hidden];
        totalActivationGradient = new double[batch * hidden];
        memoryCellGradientFromNext = new double[batch * hidden];
        inputTermGradientT = new double[gateRows][rows];
        inputGradientT = new double[input][rows];
        allocateCellBackwardBuffers(rows);
    }

    /** Allocates the cell's own backward buffers for {@code rows} = T·B rows (default: none). */
    protected void allocateCellBackwardBuffers(int rows) {
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

    /**
     * The pre-activation of {@code quantity} at every step of a one-sequence run, [T·H] (a copy), as
     * a trace records it; null when no block feeds it (c, a).
     */
    public double[] preActivationOf(Quantity quantity) {
        int block = preActivationBlock(quantity);
        if (block < 0) {
            return null;
        }
        if (batch != 1) {
            throw new IllegalStateException("a trace's pre-activations come from a run of one sequence, not " + batch);
        }
        double[] column = new double[steps * hidden];
        for (int t = 0; t < steps; t++) {
            System.arraycopy(preActivation, t * gateRows + block * hidden, column, t * hidden, hidden);
        }
        return column;
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
}
