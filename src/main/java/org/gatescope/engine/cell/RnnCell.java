package org.gatescope.engine.cell;

import java.util.List;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.Quantity;

/**
 * The vanilla RNN (PyTorch {@code nn.RNN}, tanh):
 *
 * <pre>
 *   a&lt;t&gt; = tanh(W_ih x + b_ih + W_hh a&lt;t-1&gt; + b_hh)
 * </pre>
 *
 * No gates and no separate memory cell: a trace records only a. Pre-activation block 0 is a's.
 */
final class RnnCell extends RecurrentLayer {

    private static final List<Quantity> QUANTITIES = List.of(Quantity.ACTIVATION);

    RnnCell(int input, int hidden) {
        super(CellKind.RNN, input, hidden);
    }

    @Override
    public List<Quantity> quantities() {
        return QUANTITIES;
    }

    @Override
    protected void allocateCellBuffers(int rows) {
    }

    @Override
    protected void forwardStep(int t, int b0, int b1) {
        computeRecurrentTerm(t, b0, b1);
        int h = hidden;
        for (int b = b0; b < b1; b++) {
            int row = t * batch + b;
            int units = row * h;
            double[] inputPart = inputTerm(t, b);
            double[] recurrentPart = recurrentTerm[b];
            for (int j = 0; j < h; j++) {
                double pre = inputPart[j] + recurrentPart[j];
                preActivation[units + j] = pre;
                double a = Activations.tanh(pre);
                activation[units + j] = intervention == null ? a : intervention.memoryCell(t, j, a);
            }
        }
    }

    /** The recurrent-term gradient is the input-term one (one array). */
    @Override
    protected void backwardStep(int t, double[] activationGradient, int b0, int b1) {
        int h = hidden;
        for (int b = b0; b < b1; b++) {
            int row = t * batch + b;
            int units = row * h;
            int local = b * h;
            double[] dPre = inputTermGradient[row];
            for (int j = 0; j < h; j++) {
                double a = activation[units + j];
                double dA = activationGradient[local + j];
                memoryCellGradient[units + j] = dA;
                dPre[j] = dA * (1 - a * a);
            }
        }
    }

    @Override
    public double[] values(Quantity quantity) {
        if (quantity == Quantity.ACTIVATION) {
            return activation;
        }
        throw absent(quantity);
    }

    @Override
    public int preActivationBlock(Quantity gate) {
        return gate == Quantity.ACTIVATION ? 0 : -1;
    }
}
