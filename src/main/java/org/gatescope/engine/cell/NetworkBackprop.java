package org.gatescope.engine.cell;

import java.util.List;
import org.gatescope.engine.ModelSpec;
import org.gatescope.engine.Network;
import org.gatescope.engine.Network.Level;
import org.gatescope.engine.NetworkTrace;
import org.gatescope.engine.Weights;
import org.gatescope.engine.cell.NetworkTracer.Direction;
import org.gatescope.engine.cell.NetworkTracer.Run;

/**
 * The gradient of one of a {@link Network}'s outputs with respect to one layer direction's memory
 * cells and inputs, by backpropagation through the head, the layers above, and time: what the
 * memory reach of a model trained elsewhere draws.
 *
 * <p>The output differentiated is J = log y_k for a softmax or sigmoid head (the log-probability of
 * class or token k), else y_k itself (a linear, tanh or relu output; without a head, unit k of what
 * the last layer passes on). A backward direction's c&lt;t&gt; is its state after reading
 * x&lt;T&gt;…x&lt;t&gt;: its gradient gathers what flows to the outputs at t and, through that direction's
 * own later steps, at t-1 … 1. A masked (padding) position shows the gradient of the state it carries.
 */
public final class NetworkBackprop {

    /**
     * @param memoryCell ∂J/∂c&lt;t&gt; of the chosen direction at each input position, [T·H] (∂J/∂a where c = a)
     * @param input      ∂J/∂x&lt;t&gt; of what that direction reads (the level's input), [T·D]; 0 where masked
     * @param value      J
     */
    public record Gradients(double[] memoryCell, double[] input, double value) {
    }

    private NetworkBackprop() {
    }

    /**
     * @param traced    the trace whose input is differentiated (its input is run again)
     * @param direction a layer direction in {@link Network#layerDirections()}' order
     * @param position  the step whose output is differentiated (every-step heads); ignored by a sequence
     *                  classifier, whose one output is read after the whole input
     * @param output    which output (class, token, unit)
     */
    public static Gradients of(Network network, NetworkTrace traced, int direction, int position, int output) {
        int steps = traced.length();
        if (direction < 0 || direction >= network.layerDirections().size()) {
            throw new IllegalArgumentException("layer " + direction + " outside the network's "
                    + network.layerDirections().size() + " layer directions");
        }
        if (output < 0 || output >= network.outputSize()) {
            throw new IllegalArgumentException("output " + output + " outside the model's " + network.outputSize()
                    + " outputs");
        }
        boolean everyStep = network.readout() == Network.Readout.EVERY_STEP;
        if (everyStep && (position < 0 || position >= steps)) {
            throw new IllegalArgumentException("position " + position + " outside the input's " + steps + " steps");
        }
        var first = traced.first();
        Run run = NetworkTracer.run(network, traced.inputs(), steps, first.tokens(), first.tokenIds(),
                first.unknownPositions(), traced.masked(), -1, null);
        List<Level> levels = network.levels();
        int topIndex = levels.size() - 1;
        Level top = levels.get(topIndex);
        Direction[] topDirections = run.levels().get(topIndex);
        double[] headInput;
        if (everyStep) {
            double[] merged = run.levelInputs().get(levels.size());
            int width = top.outputSize();
            headInput = new double[width];
            System.arraycopy(merged, position * width, headInput, 0, width);
        } else {
            headInput = NetworkTracer.readoutVector(top, topDirections[0].recorded().activation(),
                    top.bidirectional() ? topDirections[1].recorded().activation() : null, steps);
        }
        double[] value = new double[1];
        double[] dHeadInput = headBackward(network.head(), headInput, output, value);

        // ∂J/∂(each top direction's a<t>), [T·H]
        int h = top.forward().hiddenSize();
        double[][] dActivation = new double[top.bidirectional() ? 2 : 1][];
        if (everyStep) {
            double[] dMerged = new double[steps * top.outputSize()];
            System.arraycopy(dHeadInput, 0, dMerged, position * top.outputSize(), top.outputSize());
            dActivation = split(top, topDirections, dMerged, steps);
        } else {
            double[] end = slice(topDirections[0].recorded().activation(), steps - 1, h);
            double[] start = top.bidirectional() ? slice(topDirections[1].recorded().activation(), 0, h) : null;
            double[][] parts = split(top, end, start, dHeadInput, 1);
            dActivation[0] = new double[steps * h];
            System.arraycopy(parts[0], 0, dActivation[0], (steps - 1) * h, h);
            if (top.bidirectional()) {
                dActivation[1] = new double[steps * h];
                System.arraycopy(parts[1], 0, dActivation[1], 0, h); // the backward direction ends at the first token
            }
        }

        // Down the stack to the chosen level.
        int chosenLevel = levelOf(network, direction);
        boolean chosenBackward = isBackward(network, direction);
        for (int k = topIndex; ; k--) {
            Direction[] here = run.levels().get(k);
            Level level = levels.get(k);
            int d = level.forward().inputSize();
            if (k == chosenLevel) {
                int which = chosenBackward ? 1 : 0;
                double[] dInput = new double[steps * d];
                double[] dCell = backward(level, here[which], dActivation[which], steps, dInput);
                return new Gradients(dCell, dInput, value[0]);
            }
            double[] dInput = new double[steps * d];
            for (int which = 0; which < here.length; which++) {
                backward(level, here[which], dActivation[which], steps, dInput);
            }
            dActivation = split(levels.get(k - 1), run.levels().get(k - 1), dInput, steps);
        }
    }

    /**
     * Back through the head from J to its input.
     *
     * @param value receives J in its element 0
     */
    private static double[] headBackward(List<Network.Dense> head, double[] input, int output, double[] value) {
        if (head.isEmpty()) {
            value[0] = input[output];
            double[] d = new double[input.length];
            d[output] = 1.0;
            return d;
        }
        int layers = head.size();
        double[][] inputs = new double[layers][];
        double[][] pre = new double[layers][];
        double[][] outputs = new double[layers][];
        double[] x = input;
        for (int i = 0; i < layers; i++) {
            inputs[i] = x;
            pre[i] = NetworkTracer.linear(head.get(i), x);
            outputs[i] = NetworkTracer.activate(head.get(i).activation(), pre[i]);
            x = outputs[i];
        }
        double[] y = outputs[layers - 1];
        double[] z = pre[layers - 1];
        double[] dz = new double[y.length];
        switch (head.get(layers - 1).activation()) {
            case SOFTMAX -> { // ∂ log softmax_k / ∂z = onehot(k) − y
                value[0] = Math.log(y[output]);
                for (int i = 0; i < y.length; i++) {
                    dz[i] = (i == output ? 1.0 : 0.0) - y[i];
                }
            }
            case SIGMOID -> { // ∂ log σ(z) / ∂z = 1 − σ(z)
                value[0] = Math.log(y[output]);
                dz[output] = 1.0 - y[output];
            }
            case LINEAR -> {
                value[0] = y[output];
                dz[output] = 1.0;
            }
            case RELU -> {
                value[0] = y[output];
                dz[output] = z[output] > 0 ? 1.0 : 0.0;
            }
            case TANH -> {
                value[0] = y[output];
                dz[output] = 1.0 - y[output] * y[output];
            }
        }
        for (int i = layers - 1; ; i--) {
            double[] dx = transposeTimes(head.get(i), dz);
            if (i == 0) {
                return dx;
            }
            dz = activationBackward(head.get(i - 1).activation(), pre[i - 1], outputs[i - 1], dx);
        }
    }

    /** Wᵀ dz. */
    private static double[] transposeTimes(Network.Dense dense, double[] dz) {
        var w = dense.weight();
        double[] dx = new double[w.numCols];
        for (int i = 0; i < w.numRows; i++) {
            double g = dz[i];
            if (g == 0) {
                continue;
            }
            for (int j = 0; j < w.numCols; j++) {
                dx[j] += g * w.data[i * w.numCols + j];
            }
        }
        return dx;
    }

    /** ∂J/∂z of a hidden dense layer from ∂J/∂y. */
    private static double[] activationBackward(Network.Activation activation, double[] z, double[] y, double[] dy) {
        double[] dz = new double[dy.length];
        switch (activation) {
            case LINEAR -> System.arraycopy(dy, 0, dz, 0, dy.length);
            case RELU -> {
                for (int i = 0; i < dy.length; i++) {
                    dz[i] = z[i] > 0 ? dy[i] : 0.0;
                }
            }
            case TANH -> {
                for (int i = 0; i < dy.length; i++) {
                    dz[i] = dy[i] * (1 - y[i] * y[i]);
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < dy.length; i++) {
                    dz[i] = dy[i] * y[i] * (1 - y[i]);
                }
            }
            case SOFTMAX -> { // y ⊙ (dy − Σ dy·y)
                double dot = 0;
                for (int i = 0; i < dy.length; i++) {
                    dot += dy[i] * y[i];
                }
                for (int i = 0; i < dy.length; i++) {
                    dz[i] = y[i] * (dy[i] - dot);
                }
            }
        }
        return dz;
    }

    /** ∂J/∂(each direction's a<t>) of a level, from ∂J/∂(what it passes on), [T·W]. */
    private static double[][] split(Level level, Direction[] directions, double[] dMerged, int steps) {
        return split(level, directions[0].recorded().activation(),
                level.bidirectional() ? directions[1].recorded().activation() : null, dMerged, steps);
    }

    private static double[][] split(Level level, double[] forward, double[] backward, double[] dMerged, int steps) {
        if (!level.bidirectional()) {
            return new double[][] {dMerged};
        }
        int h = level.forward().hiddenSize();
        int width = level.outputSize();
        double[] dForward = new double[steps * h];
        double[] dBackward = new double[steps * h];
        for (int t = 0; t < steps; t++) {
            for (int j = 0; j < h; j++) {
                int f = t * h + j;
                switch (level.merge()) {
                    case CONCAT -> {
                        dForward[f] = dMerged[t * width + j];
                        dBackward[f] = dMerged[t * width + h + j];
                    }
                    case SUM -> {
                        dForward[f] = dMerged[t * width + j];
                        dBackward[f] = dMerged[t * width + j];
                    }
                    case AVERAGE -> {
                        dForward[f] = dMerged[t * width + j] / 2;
                        dBackward[f] = dMerged[t * width + j] / 2;
                    }
                    case MULTIPLY -> {
                        dForward[f] = dMerged[t * width + j] * backward[f];
                        dBackward[f] = dMerged[t * width + j] * forward[f];
                    }
                }
            }
        }
        return new double[][] {dForward, dBackward};
    }

    /**
     * BPTT through one direction from ∂J/∂a at every input position.
     *
     * @param dInput ∂J/∂x of the direction's input is ADDED here, [T·D]; modified
     * @return ∂J/∂c at every input position, [T·H]
     */
    private static double[] backward(Level level, Direction direction, double[] dActivation, int steps,
                                     double[] dInput) {
        int h = level.forward().hiddenSize();
        int d = level.forward().inputSize();
        double[] dCell = new double[steps * h];
        List<Integer> order = direction.order();
        if (direction.cell() == null) {
            return dCell; // every step was padding: nothing was read
        }
        // Which record each input position shows: the last step read at or before it, in reading order.
        int[] shown = new int[steps];
        int next = 0;
        int carried = -1;
        for (int i = 0; i < steps; i++) {
            int t = direction.backward() ? steps - 1 - i : i;
            if (next < order.size() && order.get(next) == t) {
                carried = next++;
            }
            shown[t] = carried;
        }
        int read = order.size();
        double[] compact = new double[read * h];
        for (int t = 0; t < steps; t++) {
            if (shown[t] >= 0) {
                for (int j = 0; j < h; j++) {
                    compact[shown[t] * h + j] += dActivation[t * h + j];
                }
            }
        }
        RecurrentLayer cell = direction.cell();
        double[] compactInput = new double[read * d];
        cell.backward(compact, new Weights(new ModelSpec(cell.kind(), level.forward().gruReset(), 1, d, h)),
                compactInput);
        double[] compactCell = cell.memoryCellGradient();
        for (int t = 0; t < steps; t++) {
            if (shown[t] >= 0) {
                System.arraycopy(compactCell, shown[t] * h, dCell, t * h, h);
            }
        }
        for (int k = 0; k < read; k++) {
            int t = order.get(k);
            for (int i = 0; i < d; i++) {
                dInput[t * d + i] += compactInput[k * d + i];
            }
        }
        return dCell;
    }

    private static double[] slice(double[] rows, int t, int h) {
        double[] row = new double[h];
        System.arraycopy(rows, t * h, row, 0, h);
        return row;
    }

    /** The level (0-based) of layer direction {@code direction}. */
    static int levelOf(Network network, int direction) {
        int index = 0;
        for (int k = 0; k < network.levels().size(); k++) {
            int count = network.levels().get(k).bidirectional() ? 2 : 1;
            if (direction < index + count) {
                return k;
            }
            index += count;
        }
        throw new IllegalArgumentException("no layer direction " + direction);
    }

    private static boolean isBackward(Network network, int direction) {
        int level = levelOf(network, direction);
        int index = 0;
        for (int k = 0; k < level; k++) {
            index += network.levels().get(k).bidirectional() ? 2 : 1;
        }
        return direction > index;
    }
}
