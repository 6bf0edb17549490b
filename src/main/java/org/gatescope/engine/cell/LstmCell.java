package org.gatescope.engine.cell;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.Weights;

/**
 * The LSTM (PyTorch {@code nn.LSTM}, weight rows i, f, g, o) and, with peepholes, the
 * peephole LSTM of Gers, Schraudolph &amp; Schmidhuber 2002:
 *
 * <pre>
 *   Γu = σ(W_ii x + b_ii + W_hi a&lt;t-1&gt; + b_hi [+ p_u ⊙ c&lt;t-1&gt;])   update (PyTorch: input gate i)
 *   Γf = σ(W_if x + b_if + W_hf a&lt;t-1&gt; + b_hf [+ p_f ⊙ c&lt;t-1&gt;])   forget
 *   c̃  = tanh(W_ig x + b_ig + W_hg a&lt;t-1&gt; + b_hg)                 candidate (PyTorch: g)
 *   c&lt;t&gt; = Γu ⊙ c̃ + Γf ⊙ c&lt;t-1&gt;
 *   Γo = σ(W_io x + b_io + W_ho a&lt;t-1&gt; + b_ho [+ p_o ⊙ c&lt;t&gt;])     output: peeks at the NEW cell
 *   a&lt;t&gt; = Γo ⊙ tanh(c&lt;t&gt;)
 * </pre>
 *
 * The slide writes a&lt;t&gt; = Γo ⊙ c&lt;t&gt;; like every framework this applies tanh
 * (docs/decisions/0003-tanh-on-the-lstm-activation.md).
 *
 * Pre-activation blocks: 0 Γu, 1 Γf, 2 c̃, 3 Γo (peephole terms included).
 */
final class LstmCell extends RecurrentLayer {

    private static final List<Quantity> QUANTITIES = List.of(Quantity.UPDATE_GATE, Quantity.FORGET_GATE,
            Quantity.OUTPUT_GATE, Quantity.CANDIDATE, Quantity.MEMORY_CELL, Quantity.ACTIVATION);

    private final boolean peephole;
    private final double[] peepholeU;
    private final double[] peepholeF;
    private final double[] peepholeO;

    private double[] updateGate;
    private double[] forgetGate;
    private double[] outputGate;
    private double[] candidate;
    /** tanh(c&lt;t&gt;), kept for the backward pass. */
    private double[] memoryCellTanh;

    LstmCell(int input, int hidden, boolean peephole) {
        super(peephole ? CellKind.PEEPHOLE_LSTM : CellKind.LSTM, input, hidden);
        this.peephole = peephole;
        this.peepholeU = new double[hidden];
        this.peepholeF = new double[hidden];
        this.peepholeO = new double[hidden];
    }

    @Override
    public List<Quantity> quantities() {
        return QUANTITIES;
    }

    @Override
    protected void loadPeepholes(DMatrixRMaj u, DMatrixRMaj f, DMatrixRMaj o) {
        if (peephole) {
            System.arraycopy(u.data, 0, peepholeU, 0, hidden);
            System.arraycopy(f.data, 0, peepholeF, 0, hidden);
            System.arraycopy(o.data, 0, peepholeO, 0, hidden);
        }
    }

    @Override
    protected void allocateCellBuffers(int rows) {
        updateGate = new double[rows * hidden];
        forgetGate = new double[rows * hidden];
        outputGate = new double[rows * hidden];
        candidate = new double[rows * hidden];
        memoryCellTanh = new double[rows * hidden];
    }

    @Override
    protected void forwardStep(int t, int b0, int b1) {
        computeRecurrentTerm(t, b0, b1);
        int h = hidden;
        for (int b = b0; b < b1; b++) {
            int row = t * batch + b;
            int gates = row * gateRows;
            int units = row * h;
            int previousUnits = units - batch * h; // c<t-1> of this sequence; absent at t = 0
            double[] inputPart = inputTerm(t, b);
            double[] recurrentPart = recurrentTerm[b];
            // Γu, Γf, c̃: independent of one another, so one pass lets their exp() calls overlap
            // (22 ns a unit for the whole step against 30 in a single pass, at H = 64).
            for (int j = 0; j < h; j++) {
                double previousCell = t == 0 ? 0.0 : memoryCell[previousUnits + j];
                double preU = inputPart[j] + recurrentPart[j] + peepholeU[j] * previousCell;
                double preF = inputPart[h + j] + recurrentPart[h + j] + peepholeF[j] * previousCell;
                double preC = inputPart[2 * h + j] + recurrentPart[2 * h + j];
                preActivation[gates + j] = preU;
                preActivation[gates + h + j] = preF;
                preActivation[gates + 2 * h + j] = preC;
                updateGate[units + j] = overridden(Quantity.UPDATE_GATE, t, j, gate(preU));
                forgetGate[units + j] = overridden(Quantity.FORGET_GATE, t, j, gate(preF));
                candidate[units + j] = Activations.tanh(preC);
            }
            // c<t>, then Γo (which peeks at c<t>) and a<t>.
            for (int j = 0; j < h; j++) {
                double previousCell = t == 0 ? 0.0 : memoryCell[previousUnits + j];
                double cell = updateGate[units + j] * candidate[units + j] + forgetGate[units + j] * previousCell;
                if (intervention != null) {
                    cell = intervention.memoryCell(t, j, cell);
                }
                double preO = inputPart[3 * h + j] + recurrentPart[3 * h + j] + peepholeO[j] * cell;
                double o = overridden(Quantity.OUTPUT_GATE, t, j, gate(preO));
                double cellTanh = Activations.tanh(cell);
                preActivation[gates + 3 * h + j] = preO;
                outputGate[units + j] = o;
                memoryCell[units + j] = cell;
                memoryCellTanh[units + j] = cellTanh;
                activation[units + j] = o * cellTanh;
            }
        }
    }

    /** Every block's recurrent-term gradient is its input-term gradient: one array serves both. */
    @Override
    protected void backwardStep(int t, double[] activationGradient, int b0, int b1) {
        int h = hidden;
        for (int b = b0; b < b1; b++) {
            int row = t * batch + b;
            int units = row * h;
            int previousUnits = units - batch * h;
            int local = b * h;
            double[] dPre = inputTermGradient[row];
            for (int j = 0; j < h; j++) {
                double previousCell = t == 0 ? 0.0 : memoryCell[previousUnits + j];
                double u = updateGate[units + j];
                double f = forgetGate[units + j];
                double o = outputGate[units + j];
                double candidateValue = candidate[units + j];
                double cellTanh = memoryCellTanh[units + j];
                double dA = activationGradient[local + j];
                double dPreO = dA * cellTanh * gateSlope(o);
                double dCell = memoryCellGradientFromNext[local + j]
                        + dA * o * (1 - cellTanh * cellTanh)
                        + dPreO * peepholeO[j];
                double dPreU = dCell * candidateValue * gateSlope(u);
                double dPreC = dCell * u * (1 - candidateValue * candidateValue);
                double dPreF = dCell * previousCell * gateSlope(f);
                memoryCellGradient[units + j] = dCell;
                memoryCellGradientFromNext[local + j] = dCell * f + dPreU * peepholeU[j] + dPreF * peepholeF[j];
                dPre[j] = dPreU;
                dPre[h + j] = dPreF;
                dPre[2 * h + j] = dPreC;
                dPre[3 * h + j] = dPreO;
            }
        }
    }

    @Override
    protected void addCellGradients(Weights gradients) {
        if (!peephole) {
            return;
        }
        // ∂L/∂p_u = Σ dPre_u ⊙ c<t-1>, ∂L/∂p_f likewise, ∂L/∂p_o = Σ dPre_o ⊙ c<t>.
        int h = hidden;
        double[] dU = gradients.peepholeU.data;
        double[] dF = gradients.peepholeF.data;
        double[] dO = gradients.peepholeO.data;
        for (int row = 0; row < steps * batch; row++) {
            int units = row * h;
            int previousUnits = units - batch * h;
            boolean first = row < batch;
            double[] dPre = inputTermGradient[row];
            for (int j = 0; j < h; j++) {
                double previousCell = first ? 0.0 : memoryCell[previousUnits + j];
                dU[j] += dPre[j] * previousCell;
                dF[j] += dPre[h + j] * previousCell;
                dO[j] += dPre[3 * h + j] * memoryCell[units + j];
            }
        }
    }

    @Override
    public double[] values(Quantity quantity) {
        return switch (quantity) {
            case UPDATE_GATE -> updateGate;
            case FORGET_GATE -> forgetGate;
            case OUTPUT_GATE -> outputGate;
            case CANDIDATE -> candidate;
            case MEMORY_CELL -> memoryCell;
            case ACTIVATION -> activation;
            default -> throw absent(quantity);
        };
    }

    @Override
    public int preActivationBlock(Quantity gate) {
        return switch (gate) {
            case UPDATE_GATE -> 0;
            case FORGET_GATE -> 1;
            case CANDIDATE -> 2;
            case OUTPUT_GATE -> 3;
            default -> -1;
        };
    }
}
