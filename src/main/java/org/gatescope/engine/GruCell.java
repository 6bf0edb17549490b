package org.gatescope.engine;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The full GRU, weight rows r, z, n as in PyTorch {@code nn.GRU}:
 *
 * <pre>
 *   Γr = σ(W_ir x + b_ir + W_hr c&lt;t-1&gt; + b_hr)                   relevance / reset
 *   z  = σ(W_iz x + b_iz + W_hz c&lt;t-1&gt; + b_hz)                   PyTorch's keep gate
 *   Γu = 1 − z                                                    update, the lecture's sense
 *   reset after  (PyTorch, cuDNN):   c̃ = tanh(W_in x + b_in + Γr ⊙ (W_hn c&lt;t-1&gt; + b_hn))
 *   reset before (lecture, Cho 2014): c̃ = tanh(W_in x + b_in + W_hn (Γr ⊙ c&lt;t-1&gt;) + b_hn)
 *   c&lt;t&gt; = Γu ⊙ c̃ + (1 − Γu) ⊙ c&lt;t-1&gt;,   a&lt;t&gt; = c&lt;t&gt;
 * </pre>
 *
 * Γu is stored as exactly 1 − z. Pre-activation blocks: 0 Γr, 1 z (so Γu = 1 − σ(block 1)), 2 c̃.
 */
final class GruCell extends RecurrentLayer {

    private static final List<Quantity> QUANTITIES = List.of(Quantity.UPDATE_GATE, Quantity.RELEVANCE_GATE,
            Quantity.CANDIDATE, Quantity.MEMORY_CELL, Quantity.ACTIVATION);

    private final GruReset reset;
    /** W_hn^T [H, H] and W_hn [H, H], for the reset-before product W_hn (Γr ⊙ c&lt;t-1&gt;). */
    private final DMatrixRMaj candidateWeightT;
    private final DMatrixRMaj candidateWeight;

    private double[] updateGate;
    private double[] keepGate;
    private double[] relevanceGate;
    private double[] candidate;
    /** Reset after: W_hn c&lt;t-1&gt; + b_hn. Reset before: Γr ⊙ c&lt;t-1&gt;. [T·B, H] */
    private double[] resetOperand;
    /** Per-step buffers of the reset-before path, [B, H]. */
    private DMatrixRMaj gatedPrevious;
    private DMatrixRMaj candidateRecurrent;
    private DMatrixRMaj candidatePreGradient;
    private DMatrixRMaj gatedPreviousGradient;

    GruCell(int input, int hidden, GruReset reset) {
        super(CellKind.GRU, input, hidden);
        this.reset = reset;
        candidateWeightT = new DMatrixRMaj(hidden, hidden);
        candidateWeight = new DMatrixRMaj(hidden, hidden);
    }

    GruReset reset() {
        return reset;
    }

    @Override
    public List<Quantity> quantities() {
        return QUANTITIES;
    }

    @Override
    protected void loadCellWeights(Weights weights) {
        CommonOps_DDRM.extract(weights.weightHh, 2 * hidden, 3 * hidden, 0, hidden, candidateWeight, 0, 0);
        CommonOps_DDRM.transpose(candidateWeight, candidateWeightT);
        if (reset == GruReset.BEFORE) {
            // The shared recurrent product must not apply W_hn to c<t-1> directly: zero its columns.
            for (int k = 0; k < hidden; k++) {
                for (int j = 2 * hidden; j < 3 * hidden; j++) {
                    weightHhT.set(k, j, 0.0);
                }
            }
        }
    }

    @Override
    protected void allocateCellBuffers(int rows) {
        updateGate = new double[rows * hidden];
        keepGate = new double[rows * hidden];
        relevanceGate = new double[rows * hidden];
        candidate = new double[rows * hidden];
        resetOperand = new double[rows * hidden];
        gatedPrevious = new DMatrixRMaj(batch, hidden);
        candidateRecurrent = new DMatrixRMaj(batch, hidden);
        candidatePreGradient = new DMatrixRMaj(batch, hidden);
        gatedPreviousGradient = new DMatrixRMaj(batch, hidden);
    }

    @Override
    protected void forwardStep(int t) {
        computeRecurrentTerm();
        double[] recurrent = recurrentTerm.data;
        double[] previous = previousActivation.data;
        int h = hidden;
        boolean after = reset == GruReset.AFTER;
        for (int b = 0; b < batch; b++) {
            int row = t * batch + b;
            int gates = row * gateRows;
            int units = row * h;
            int rec = b * gateRows;
            int local = b * h;
            for (int j = 0; j < h; j++) {
                double preR = inputTerm[gates + j] + recurrent[rec + j];
                double preZ = inputTerm[gates + h + j] + recurrent[rec + h + j];
                double r = sigmoid(preR);
                double z = sigmoid(preZ);
                preActivation[gates + j] = preR;
                preActivation[gates + h + j] = preZ;
                relevanceGate[units + j] = r;
                keepGate[units + j] = z;
                updateGate[units + j] = 1.0 - z;
                if (after) {
                    resetOperand[units + j] = recurrent[rec + 2 * h + j];
                } else {
                    gatedPrevious.data[local + j] = r * previous[local + j];
                    resetOperand[units + j] = gatedPrevious.data[local + j];
                }
            }
        }
        if (!after) {
            // W_hn (Γr ⊙ c<t-1>) + b_hn
            for (int b = 0; b < batch; b++) {
                System.arraycopy(biasHh, 2 * h, candidateRecurrent.data, b * h, h);
            }
            CommonOps_DDRM.multAdd(gatedPrevious, candidateWeightT, candidateRecurrent);
        }
        for (int b = 0; b < batch; b++) {
            int row = t * batch + b;
            int gates = row * gateRows;
            int units = row * h;
            int local = b * h;
            for (int j = 0; j < h; j++) {
                double recurrentPart = after
                        ? relevanceGate[units + j] * resetOperand[units + j]
                        : candidateRecurrent.data[local + j];
                double preC = inputTerm[gates + 2 * h + j] + recurrentPart;
                double candidateValue = Math.tanh(preC);
                double u = updateGate[units + j];
                preActivation[gates + 2 * h + j] = preC;
                candidate[units + j] = candidateValue;
                double cell = u * candidateValue + keepGate[units + j] * previous[local + j];
                activation[units + j] = intervention == null ? cell : intervention.memoryCell(t, j, cell);
            }
        }
    }

    @Override
    protected void backwardStep(int t, double[] activationGradient) {
        int h = hidden;
        boolean after = reset == GruReset.AFTER;
        double[] previous = previousActivation.data;
        double[] dRecurrent = recurrentTermGradientStep.data;
        double[] dPrevious = previousActivationGradient.data;
        for (int b = 0; b < batch; b++) {
            int row = t * batch + b;
            int gates = row * gateRows;
            int units = row * h;
            int local = b * h;
            for (int j = 0; j < h; j++) {
                double dA = activationGradient[local + j];
                double z = keepGate[units + j];
                double candidateValue = candidate[units + j];
                double dPreZ = dA * (previous[local + j] - candidateValue) * z * (1 - z);
                double dPreC = dA * (1 - z) * (1 - candidateValue * candidateValue);
                memoryCellGradient[units + j] = dA;
                dPrevious[local + j] = dA * z;
                inputTermGradient[gates + h + j] = dPreZ;
                inputTermGradient[gates + 2 * h + j] = dPreC;
                dRecurrent[b * gateRows + h + j] = dPreZ;
                candidatePreGradient.data[local + j] = dPreC;
            }
        }
        if (!after) {
            // ∂L/∂(Γr ⊙ c<t-1>) = dPre_c̃ · W_hn
            CommonOps_DDRM.mult(candidatePreGradient, candidateWeight, gatedPreviousGradient);
        }
        for (int b = 0; b < batch; b++) {
            int row = t * batch + b;
            int gates = row * gateRows;
            int units = row * h;
            int local = b * h;
            int rec = b * gateRows;
            for (int j = 0; j < h; j++) {
                double r = relevanceGate[units + j];
                double dPreC = candidatePreGradient.data[local + j];
                double dR;
                if (after) {
                    dR = dPreC * resetOperand[units + j];
                    dRecurrent[rec + 2 * h + j] = dPreC * r;
                } else {
                    double dGated = gatedPreviousGradient.data[local + j];
                    dR = dGated * previous[local + j];
                    dPrevious[local + j] += dGated * r;
                    dRecurrent[rec + 2 * h + j] = 0.0; // W_hn acts on Γr ⊙ c<t-1>, handled above
                }
                double dPreR = dR * r * (1 - r);
                inputTermGradient[gates + j] = dPreR;
                dRecurrent[rec + j] = dPreR;
            }
        }
    }

    @Override
    protected void accumulateWeightGradients(Weights gradients) {
        super.accumulateWeightGradients(gradients);
        if (reset == GruReset.AFTER) {
            return;
        }
        // Reset before: ∂L/∂W_hn = Σ dPre_c̃^T (Γr ⊙ c<t-1>), ∂L/∂b_hn = Σ dPre_c̃.
        int rows = steps * batch;
        int h = hidden;
        DMatrixRMaj candidateGradient = new DMatrixRMaj(rows, h);
        CommonOps_DDRM.extract(DMatrixRMaj.wrap(rows, gateRows, inputTermGradient), 0, rows, 2 * h, 3 * h,
                candidateGradient, 0, 0);
        DMatrixRMaj weightGradient = new DMatrixRMaj(h, h);
        CommonOps_DDRM.multTransA(candidateGradient, DMatrixRMaj.wrap(rows, h, resetOperand), weightGradient);
        for (int i = 0; i < h; i++) {
            for (int k = 0; k < h; k++) {
                gradients.weightHh.add(2 * h + i, k, weightGradient.get(i, k));
            }
        }
        double[] biasGradient = new double[h];
        addColumnSums(candidateGradient.data, rows, h, biasGradient);
        for (int i = 0; i < h; i++) {
            gradients.biasHh.data[2 * h + i] += biasGradient[i];
        }
    }

    @Override
    public double[] values(Quantity quantity) {
        return switch (quantity) {
            case UPDATE_GATE -> updateGate;
            case RELEVANCE_GATE -> relevanceGate;
            case CANDIDATE -> candidate;
            case MEMORY_CELL, ACTIVATION -> activation;
            default -> throw absent(quantity);
        };
    }

    @Override
    public int preActivationBlock(Quantity gate) {
        return switch (gate) {
            case RELEVANCE_GATE -> 0;
            case UPDATE_GATE -> 1;
            case CANDIDATE -> 2;
            default -> -1;
        };
    }
}
