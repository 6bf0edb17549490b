package org.gatescope.engine.cell;

import java.util.List;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.Quantity;

/**
 * The lecture's first, simplified GRU: no relevance gate (Γr ≡ 1), weight rows z, n.
 *
 * <pre>
 *   z  = σ(W_iz x + b_iz + W_hz c&lt;t-1&gt; + b_hz)
 *   Γu = 1 − z
 *   c̃  = tanh(W_in x + b_in + W_hn c&lt;t-1&gt; + b_hn)
 *   c&lt;t&gt; = Γu ⊙ c̃ + (1 − Γu) ⊙ c&lt;t-1&gt;,   a&lt;t&gt; = c&lt;t&gt;
 * </pre>
 *
 * Pre-activation blocks: 0 z (Γu = 1 − σ(block 0)), 1 c̃.
 */
final class SimpleGruCell extends RecurrentLayer {

    private static final List<Quantity> QUANTITIES = List.of(Quantity.UPDATE_GATE, Quantity.CANDIDATE,
            Quantity.MEMORY_CELL, Quantity.ACTIVATION);

    private double[] updateGate;
    private double[] keepGate;
    private double[] candidate;

    SimpleGruCell(int input, int hidden) {
        super(CellKind.GRU_SIMPLE, input, hidden);
    }

    @Override
    public List<Quantity> quantities() {
        return QUANTITIES;
    }

    @Override
    protected void allocateCellBuffers(int rows) {
        updateGate = new double[rows * hidden];
        keepGate = new double[rows * hidden];
        candidate = new double[rows * hidden];
    }

    @Override
    protected void forwardStep(int t, int b0, int b1) {
        computeRecurrentTerm(t, b0, b1);
        double[] previous = previousActivation;
        int h = hidden;
        for (int b = b0; b < b1; b++) {
            int row = t * batch + b;
            int gates = row * gateRows;
            int units = row * h;
            int local = b * h;
            double[] inputPart = inputTerm(t, b);
            double[] recurrentPart = recurrentTerm[b];
            for (int j = 0; j < h; j++) {
                double preZ = inputPart[j] + recurrentPart[j];
                double preC = inputPart[h + j] + recurrentPart[h + j];
                double u = overridden(Quantity.UPDATE_GATE, t, j, 1.0 - gate(preZ));
                double z = 1.0 - u;
                double candidateValue = Activations.tanh(preC);
                preActivation[gates + j] = preZ;
                preActivation[gates + h + j] = preC;
                keepGate[units + j] = z;
                updateGate[units + j] = u;
                candidate[units + j] = candidateValue;
                double cell = u * candidateValue + z * previous[local + j];
                activation[units + j] = intervention == null ? cell : intervention.memoryCell(t, j, cell);
            }
        }
    }

    /** The recurrent-term gradient is the input-term one (one array). */
    @Override
    protected void backwardStep(int t, double[] activationGradient, int b0, int b1) {
        int h = hidden;
        double[] previous = previousActivation;
        for (int b = b0; b < b1; b++) {
            int row = t * batch + b;
            int units = row * h;
            int local = b * h;
            double[] dPre = inputTermGradient[row];
            double[] dPrevious = previousActivationGradient[b];
            for (int j = 0; j < h; j++) {
                double dA = activationGradient[local + j];
                double z = keepGate[units + j];
                double candidateValue = candidate[units + j];
                memoryCellGradient[units + j] = dA;
                dPrevious[j] = dA * z;
                dPre[j] = dA * (previous[local + j] - candidateValue) * gateSlope(z);
                dPre[h + j] = dA * (1 - z) * (1 - candidateValue * candidateValue);
            }
        }
    }

    @Override
    public double[] values(Quantity quantity) {
        return switch (quantity) {
            case UPDATE_GATE -> updateGate;
            case CANDIDATE -> candidate;
            case MEMORY_CELL, ACTIVATION -> activation;
            default -> throw absent(quantity);
        };
    }

    @Override
    public int preActivationBlock(Quantity gate) {
        return switch (gate) {
            case UPDATE_GATE -> 0;
            case CANDIDATE -> 1;
            default -> -1;
        };
    }
}
