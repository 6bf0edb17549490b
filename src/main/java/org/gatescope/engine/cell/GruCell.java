package org.gatescope.engine.cell;

import java.util.Arrays;
import java.util.List;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.GruReset;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.Weights;

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

    private double[] updateGate;
    private double[] keepGate;
    private double[] relevanceGate;
    private double[] candidate;
    /** Reset after: W_hn c&lt;t-1&gt; + b_hn. Reset before: Γr ⊙ c&lt;t-1&gt;. [T·B, H] */
    private double[] resetOperand;
    /** Reset before: ∂L/∂(Γr ⊙ c&lt;t-1&gt;) of the step being backpropagated, [B][H]. */
    private double[][] gatedPreviousGradient;

    GruCell(int input, int hidden, GruReset reset) {
        super(CellKind.GRU, input, hidden);
        this.reset = reset;
    }

    GruReset reset() {
        return reset;
    }

    @Override
    public List<Quantity> quantities() {
        return QUANTITIES;
    }

    /** Reset before: W_hn acts on Γr ⊙ c&lt;t-1&gt;, not on c&lt;t-1&gt;, so the shared product stops at block c̃. */
    @Override
    protected int sharedRecurrentColumns() {
        return reset == GruReset.BEFORE ? 2 * hidden : gateRows;
    }

    /** Reset after: the candidate's recurrent-term gradient is Γr ⊙ dPre_c̃, not dPre_c̃. */
    @Override
    protected boolean hasSeparateRecurrentGradient() {
        return reset == GruReset.AFTER;
    }

    @Override
    protected void allocateCellBuffers(int rows) {
        updateGate = new double[rows * hidden];
        keepGate = new double[rows * hidden];
        relevanceGate = new double[rows * hidden];
        candidate = new double[rows * hidden];
        resetOperand = new double[rows * hidden];
    }

    @Override
    protected void allocateCellBackwardBuffers(int rows) {
        gatedPreviousGradient = new double[batch][hidden];
    }

    @Override
    protected void forwardStep(int t, int b0, int b1) {
        computeRecurrentTerm(t, b0, b1);
        double[] previous = previousActivation;
        int h = hidden;
        boolean after = reset == GruReset.AFTER;
        for (int b = b0; b < b1; b++) {
            int row = t * batch + b;
            int gates = row * gateRows;
            int units = row * h;
            int local = b * h;
            double[] inputPart = inputTerm(t, b);
            double[] recurrentPart = recurrentTerm[b];
            for (int j = 0; j < h; j++) {
                double preR = inputPart[j] + recurrentPart[j];
                double preZ = inputPart[h + j] + recurrentPart[h + j];
                double r = overridden(Quantity.RELEVANCE_GATE, t, j, gate(preR));
                double z = gate(preZ);
                double u = 1.0 - z;
                if (gateOverride != null) { // a clamped Γu: PyTorch's z becomes 1 − Γu
                    u = gateOverride.gate(Quantity.UPDATE_GATE, t, j, u);
                    z = 1.0 - u;
                }
                preActivation[gates + j] = preR;
                preActivation[gates + h + j] = preZ;
                relevanceGate[units + j] = r;
                keepGate[units + j] = z;
                updateGate[units + j] = u;
                resetOperand[units + j] = after ? recurrentPart[2 * h + j] : r * previous[local + j];
            }
        }
        if (!after) {
            // Block c̃ of the recurrent term: W_hn (Γr ⊙ c<t-1>) + b_hn.
            for (int b = b0; b < b1; b++) {
                System.arraycopy(biasHh, 2 * h, recurrentTerm[b], 2 * h, h);
            }
            MatrixKernels.multAdd(resetOperand, (t * batch + b0) * h, h, 1, weightHhT, packedWeightHhT(), recurrentTerm,
                    b0, b1 - b0, h, 2 * h, 3 * h);
        }
        for (int b = b0; b < b1; b++) {
            int row = t * batch + b;
            int gates = row * gateRows;
            int units = row * h;
            int local = b * h;
            double[] inputPart = inputTerm(t, b);
            double[] recurrentPart = recurrentTerm[b];
            for (int j = 0; j < h; j++) {
                double recurrentCandidate = after
                        ? relevanceGate[units + j] * resetOperand[units + j]
                        : recurrentPart[2 * h + j];
                double preC = inputPart[2 * h + j] + recurrentCandidate;
                double candidateValue = Activations.tanh(preC);
                double u = updateGate[units + j];
                preActivation[gates + 2 * h + j] = preC;
                candidate[units + j] = candidateValue;
                double cell = u * candidateValue + keepGate[units + j] * previous[local + j];
                activation[units + j] = intervention == null ? cell : intervention.memoryCell(t, j, cell);
            }
        }
    }

    @Override
    protected void backwardStep(int t, double[] activationGradient, int b0, int b1) {
        if (reset == GruReset.AFTER) {
            backwardStepResetAfter(t, activationGradient, b0, b1);
        } else {
            backwardStepResetBefore(t, activationGradient, b0, b1);
        }
    }

    private void backwardStepResetAfter(int t, double[] activationGradient, int b0, int b1) {
        int h = hidden;
        double[] previous = previousActivation;
        for (int b = b0; b < b1; b++) {
            int row = t * batch + b;
            int units = row * h;
            int local = b * h;
            double[] dInput = inputTermGradient[row];
            double[] dRecurrent = recurrentTermGradient[row];
            double[] dPrevious = previousActivationGradient[b];
            for (int j = 0; j < h; j++) {
                double dA = activationGradient[local + j];
                double z = keepGate[units + j];
                double r = relevanceGate[units + j];
                double candidateValue = candidate[units + j];
                double dPreZ = dA * (previous[local + j] - candidateValue) * gateSlope(z);
                double dPreC = dA * (1 - z) * (1 - candidateValue * candidateValue);
                double dPreR = dPreC * resetOperand[units + j] * gateSlope(r);
                memoryCellGradient[units + j] = dA;
                dPrevious[j] = dA * z;
                dInput[j] = dPreR;
                dInput[h + j] = dPreZ;
                dInput[2 * h + j] = dPreC;
                dRecurrent[j] = dPreR;
                dRecurrent[h + j] = dPreZ;
                dRecurrent[2 * h + j] = dPreC * r;
            }
        }
    }

    /** The recurrent-term gradient of blocks Γr and z is the input-term one (one array). */
    private void backwardStepResetBefore(int t, double[] activationGradient, int b0, int b1) {
        int h = hidden;
        double[] previous = previousActivation;
        for (int b = b0; b < b1; b++) {
            int row = t * batch + b;
            int units = row * h;
            int local = b * h;
            double[] dInput = inputTermGradient[row];
            double[] dPrevious = previousActivationGradient[b];
            for (int j = 0; j < h; j++) {
                double dA = activationGradient[local + j];
                double z = keepGate[units + j];
                double candidateValue = candidate[units + j];
                double dPreZ = dA * (previous[local + j] - candidateValue) * gateSlope(z);
                double dPreC = dA * (1 - z) * (1 - candidateValue * candidateValue);
                memoryCellGradient[units + j] = dA;
                dPrevious[j] = dA * z;
                dInput[h + j] = dPreZ;
                dInput[2 * h + j] = dPreC;
            }
            Arrays.fill(gatedPreviousGradient[b], 0.0);
        }
        // ∂L/∂(Γr ⊙ c<t-1>) = dPre_c̃ · W_hn
        MatrixKernels.multAdd(inputTermGradient, t * batch + b0, 2 * h, weightHh, 2 * h, gatedPreviousGradient, b0,
                b1 - b0, h, 0, h);
        for (int b = b0; b < b1; b++) {
            int row = t * batch + b;
            int units = row * h;
            int local = b * h;
            double[] dInput = inputTermGradient[row];
            double[] dPrevious = previousActivationGradient[b];
            double[] dGated = gatedPreviousGradient[b];
            for (int j = 0; j < h; j++) {
                double r = relevanceGate[units + j];
                dPrevious[j] += dGated[j] * r;
                double dR = dGated[j] * previous[local + j];
                dInput[j] = dR * gateSlope(r);
            }
        }
    }

    @Override
    protected void addCellGradients(Weights gradients) {
        if (reset == GruReset.AFTER) {
            return;
        }
        // Reset before: ∂L/∂W_hn^T = Σ (Γr ⊙ c<t-1>)^T dPre_c̃, ∂L/∂b_hn = Σ dPre_c̃.
        int rows = steps * batch;
        int h = hidden;
        MatrixKernels.multAdd(resetOperand, 0, 1, h, inputTermGradient, 0, weightHhGradientT, 0, h, rows, 2 * h,
                3 * h);
        MatrixKernels.addColumnSums(inputTermGradient, rows, 2 * h, 3 * h, gradients.biasHh.data);
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
