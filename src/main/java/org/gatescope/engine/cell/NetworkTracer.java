package org.gatescope.engine.cell;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.gatescope.engine.Network;
import org.gatescope.engine.Network.Level;
import org.gatescope.engine.NetworkLayer;
import org.gatescope.engine.NetworkTrace;
import org.gatescope.engine.NetworkTrace.LayerTrace;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.Trace;

/**
 * Runs a {@link Network} forward over one input from zero states and records every layer
 * direction as a {@link Trace}, through the same cells as GateScope's own models.
 *
 * <p>A backward direction reads the steps last to first; its records are put back in input order.
 * A masked step (padding id 0 under Keras's mask_zero) is skipped by every layer, which carries
 * its previous state (and shows its previous gates) there, as Keras does.
 */
public final class NetworkTracer {

    private NetworkTracer() {
    }

    /**
     * Traces token ids (embedding rows, or hot positions of a one-hot input).
     *
     * @param tokens what to call each step in the trace (the words or characters read)
     * @param unknown positions of pieces the vocabulary did not know (shown, not changed)
     */
    public static NetworkTrace trace(Network network, int[] ids, List<String> tokens, int[] unknown) {
        int steps = ids.length;
        requireSteps(steps);
        int width = network.stepWidth();
        double[] inputs = new double[steps * width];
        boolean[] masked = new boolean[steps];
        switch (network.inputKind()) {
            case TOKEN_IDS -> {
                DMatrixRMaj embedding = network.sharedEmbedding();
                for (int t = 0; t < steps; t++) {
                    requireId(ids[t], embedding.numRows, "the embedding's");
                    System.arraycopy(embedding.data, ids[t] * width, inputs, t * width, width);
                    masked[t] = network.maskZero() && ids[t] == 0;
                }
            }
            case ONE_HOT, FEATURES -> { // ids are the hot positions of one-hot rows
                for (int t = 0; t < steps; t++) {
                    requireId(ids[t], width, "the one-hot input's");
                    inputs[t * width + ids[t]] = 1.0;
                }
            }
        }
        return run(network, inputs, steps, tokens, ids, unknown, masked);
    }

    /** Traces numeric rows, one per step, each as wide as the model's input. */
    public static NetworkTrace trace(Network network, double[][] rows) {
        int steps = rows.length;
        requireSteps(steps);
        int width = network.stepWidth();
        if (network.inputKind() == Network.InputKind.TOKEN_IDS) {
            throw new IllegalArgumentException("this model reads token ids, not rows of numbers");
        }
        double[] inputs = new double[steps * width];
        List<String> tokens = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            if (rows[t].length != width) {
                throw new IllegalArgumentException("row " + (t + 1) + " has " + rows[t].length
                        + " numbers; the model reads " + width + " per step");
            }
            System.arraycopy(rows[t], 0, inputs, t * width, width);
            tokens.add("x" + (t + 1));
        }
        return run(network, inputs, steps, tokens, new int[steps], new int[0], new boolean[steps]);
    }

    /**
     * Traces the input of {@code traced} again with one layer direction's memory cells overridden
     * (a silenced unit): the layers below it run as before, it and everything above it see the change.
     *
     * @param direction    which layer direction, in {@link Network#layerDirections()}' order
     * @param intervention called with input positions t (a backward direction reads them last to first)
     */
    public static NetworkTrace retrace(Network network, NetworkTrace traced, int direction,
                                       MemoryCellIntervention intervention) {
        if (direction < 0 || direction >= network.layerDirections().size()) {
            throw new IllegalArgumentException("layer " + direction + " outside the network's "
                    + network.layerDirections().size() + " layer directions");
        }
        Trace first = traced.first();
        return run(network, traced.inputs(), traced.length(), first.tokens(), first.tokenIds(),
                first.unknownPositions(), traced.masked(), direction, intervention).trace();
    }

    private static NetworkTrace run(Network network, double[] inputs, int steps, List<String> tokens, int[] ids,
                                    int[] unknown, boolean[] masked) {
        return run(network, inputs, steps, tokens, ids, unknown, masked, -1, null).trace();
    }

    /**
     * One run of the network, its cells kept for a backward pass ({@link NetworkBackprop}).
     *
     * @param levels      per level, its directions (forward, then backward when bidirectional)
     * @param levelInputs per level, what it read [T·D_k]; the last entry is the top level's merged output
     */
    record Run(NetworkTrace trace, List<Direction[]> levels, List<double[]> levelInputs) {
    }

    /** One direction's cell after its forward, the input positions it read in its order, and its records. */
    record Direction(RecurrentLayer cell, List<Integer> order, Recorded recorded, boolean backward) {
    }

    static Run run(Network network, double[] inputs, int steps, List<String> tokens, int[] ids, int[] unknown,
                   boolean[] masked, int intervened, MemoryCellIntervention intervention) {
        List<LayerTrace> layers = new ArrayList<>();
        List<Direction[]> directions = new ArrayList<>();
        List<double[]> levelInputs = new ArrayList<>();
        double[] levelInput = inputs;
        List<Level> levels = network.levels();
        double[] lastForward = null;
        double[] lastBackward = null;
        double[][] everyStep = null;
        for (int k = 0; k < levels.size(); k++) {
            Level level = levels.get(k);
            int index = layers.size();
            Direction forward = runDirection(level.forward(), levelInput, steps, masked, false,
                    index == intervened ? intervention : null);
            Direction backward = level.bidirectional() ? runDirection(level.backward(), levelInput, steps, masked, true,
                    index + 1 == intervened ? intervention : null) : null;
            levelInputs.add(levelInput);
            directions.add(backward == null ? new Direction[] {forward} : new Direction[] {forward, backward});
            boolean top = k == levels.size() - 1;
            double[] merged = merge(level, forward.recorded().activation(),
                    backward == null ? null : backward.recorded().activation(), steps);
            double[][] outputs = top && network.readout() == Network.Readout.EVERY_STEP ? head(network, merged, steps) : null;
            everyStep = top ? outputs : everyStep;
            Probabilities p = probabilities(network, outputs);
            layers.add(new LayerTrace(k, false, level.forward(), forward.recorded().toTrace(level.forward(), tokens, ids,
                    unknown, steps, p)));
            if (backward != null) {
                layers.add(new LayerTrace(k, true, level.backward(), backward.recorded().toTrace(level.backward(), tokens,
                        ids, unknown, steps, p)));
            }
            levelInput = merged;
            lastForward = forward.recorded().activation();
            lastBackward = backward == null ? null : backward.recorded().activation();
        }
        levelInputs.add(levelInput);
        Level top = levels.get(levels.size() - 1);
        double[][] outputs;
        if (network.readout() == Network.Readout.EVERY_STEP) {
            outputs = everyStep;
        } else {
            outputs = head(network, readoutVector(top, lastForward, lastBackward, steps), 1);
        }
        Network.Activation activation = network.head().isEmpty() ? Network.Activation.LINEAR
                : network.head().get(network.head().size() - 1).activation();
        NetworkTrace trace = new NetworkTrace(layers, outputs, activation, network.outputLabels(), masked, inputs);
        return new Run(trace, directions, levelInputs);
    }

    /**
     * What a sequence classifier's head reads: the forward direction's last state, joined for a bidirectional
     * level with the backward direction's state at the first token (where that direction ends).
     */
    static double[] readoutVector(Level top, double[] forward, double[] backward, int steps) {
        int h = top.forward().hiddenSize();
        double[] end = new double[h];
        System.arraycopy(forward, (steps - 1) * h, end, 0, h);
        double[] start = null;
        if (backward != null) {
            start = new double[h];
            System.arraycopy(backward, 0, start, 0, h);
        }
        return merge(top, end, start, 1);
    }

    /** The head's per-step softmax as a trace's next-token probabilities, when the head is one over labelled outputs. */
    private static Probabilities probabilities(Network network, double[][] outputs) {
        boolean softmax = !network.head().isEmpty()
                && network.head().get(network.head().size() - 1).activation() == Network.Activation.SOFTMAX;
        if (outputs == null || !softmax || network.outputLabels().isEmpty()) {
            return Probabilities.NONE;
        }
        int v = outputs[0].length;
        double[] flat = new double[outputs.length * v];
        for (int t = 0; t < outputs.length; t++) {
            System.arraycopy(outputs[t], 0, flat, t * v, v);
        }
        return new Probabilities(network.outputLabels(), flat);
    }

    private record Probabilities(List<String> labels, double[] values) {
        static final Probabilities NONE = new Probabilities(List.of(), new double[0]);
    }

    /** One direction's records in input order, [T·H] per quantity. */
    record Recorded(List<Quantity> quantities, Map<Quantity, double[]> values,
                            Map<Quantity, double[]> preActivations, int hidden) {
        double[] activation() {
            return values.get(Quantity.ACTIVATION);
        }

        Trace toTrace(NetworkLayer layer, List<String> tokens, int[] ids, int[] unknown, int steps, Probabilities p) {
            return new Trace(layer.cell(), layer.gruReset(), hidden, tokens, ids, unknown, p.labels(), quantities,
                    values, preActivations, p.values(), new int[0]);
        }
    }

    private static Direction runDirection(NetworkLayer spec, double[] inputs, int steps, boolean[] masked,
                                          boolean backward, MemoryCellIntervention intervention) {
        int d = spec.inputSize();
        int h = spec.hiddenSize();
        List<Integer> order = readingOrder(steps, masked, backward);
        RecurrentLayer layer = RecurrentLayer.create(spec.cell(), spec.gruReset(), d, h);
        layer.load(spec.sharedWeightIh(), spec.sharedWeightHh(), spec.sharedBiasIh(), spec.sharedBiasHh(),
                spec.sharedPeephole(0), spec.sharedPeephole(1), spec.sharedPeephole(2));
        layer.setGateActivation(spec.gateActivation());
        if (intervention != null) { // the cell counts steps in its reading order; the caller, input positions
            layer.setIntervention((k, j, computed) -> intervention.memoryCell(order.get(k), j, computed));
        }
        Map<Quantity, double[]> values = new EnumMap<>(Quantity.class);
        Map<Quantity, double[]> preActivations = new EnumMap<>(Quantity.class);
        List<Quantity> quantities = layer.quantities();
        int read = order.size();
        Map<Quantity, double[]> compactValues = new EnumMap<>(Quantity.class);
        Map<Quantity, double[]> compactPre = new EnumMap<>(Quantity.class);
        if (read > 0) {
            double[] x = new double[read * d];
            for (int k = 0; k < read; k++) {
                System.arraycopy(inputs, order.get(k) * d, x, k * d, d);
            }
            layer.forward(x, read, 1);
            for (Quantity quantity : quantities) {
                compactValues.put(quantity, layer.values(quantity)); // expand copies it
                double[] pre = layer.preActivationOf(quantity);
                if (pre != null) {
                    compactPre.put(quantity, pre);
                }
            }
        }
        for (Quantity quantity : quantities) {
            values.put(quantity, expand(compactValues.get(quantity), order, steps, h, backward));
            if (layer.preActivationBlock(quantity) >= 0) {
                preActivations.put(quantity, expand(compactPre.get(quantity), order, steps, h, backward));
            }
        }
        return new Direction(read > 0 ? layer : null, order, new Recorded(quantities, values, preActivations, h),
                backward);
    }

    /** The input positions a direction reads, in the order it reads them: masked steps are skipped. */
    static List<Integer> readingOrder(int steps, boolean[] masked, boolean backward) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            int t = backward ? steps - 1 - i : i;
            if (!masked[t]) {
                order.add(t);
            }
        }
        return order;
    }

    /** Puts records of the steps read back at their input positions; a skipped step repeats the previous record. */
    private static double[] expand(double[] compact, List<Integer> order, int steps, int h, boolean backward) {
        double[] full = new double[steps * h];
        if (compact == null) {
            return full; // every step was padding: the state never left zero
        }
        int next = 0;
        double[] carried = new double[h];
        for (int i = 0; i < steps; i++) {
            int t = backward ? steps - 1 - i : i;
            if (next < order.size() && order.get(next) == t) {
                System.arraycopy(compact, next * h, carried, 0, h);
                next++;
            }
            System.arraycopy(carried, 0, full, t * h, h);
        }
        return full;
    }

    static double[] merge(Level level, double[] forward, double[] backward, int steps) {
        if (backward == null) {
            return forward;
        }
        int h = level.forward().hiddenSize();
        int width = level.outputSize();
        double[] out = new double[steps * width];
        for (int t = 0; t < steps; t++) {
            for (int j = 0; j < h; j++) {
                double f = forward[t * h + j];
                double b = backward[t * h + j];
                switch (level.merge()) {
                    case CONCAT -> {
                        out[t * width + j] = f;
                        out[t * width + h + j] = b;
                    }
                    case SUM -> out[t * width + j] = f + b;
                    case AVERAGE -> out[t * width + j] = (f + b) / 2;
                    case MULTIPLY -> out[t * width + j] = f * b;
                }
            }
        }
        return out;
    }

    private static double[][] head(Network network, double[] input, int steps) {
        int width = input.length / steps;
        double[][] out = new double[steps][];
        for (int t = 0; t < steps; t++) {
            double[] x = new double[width];
            System.arraycopy(input, t * width, x, 0, width);
            for (Network.Dense dense : network.head()) {
                x = dense(dense, x);
            }
            out[t] = x;
        }
        return out;
    }

    static double[] dense(Network.Dense dense, double[] x) {
        return activate(dense.activation(), linear(dense, x));
    }

    /** W x + b. */
    static double[] linear(Network.Dense dense, double[] x) {
        DMatrixRMaj w = dense.weight();
        int rows = w.numRows;
        int cols = w.numCols;
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            double sum = dense.bias().data[i];
            for (int j = 0; j < cols; j++) {
                sum += w.data[i * cols + j] * x[j];
            }
            y[i] = sum;
        }
        return y;
    }

    /** A dense layer's activation of its pre-activation {@code z} (a new array). */
    static double[] activate(Network.Activation activation, double[] z) {
        int rows = z.length;
        double[] y = z.clone();
        switch (activation) {
            case LINEAR -> {
            }
            case RELU -> {
                for (int i = 0; i < rows; i++) {
                    y[i] = Math.max(0.0, y[i]);
                }
            }
            case TANH -> {
                for (int i = 0; i < rows; i++) {
                    y[i] = Math.tanh(y[i]);
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < rows; i++) {
                    y[i] = 1.0 / (1.0 + Math.exp(-y[i]));
                }
            }
            case SOFTMAX -> {
                double max = Double.NEGATIVE_INFINITY;
                for (double v : y) {
                    max = Math.max(max, v);
                }
                double total = 0;
                for (int i = 0; i < rows; i++) {
                    y[i] = Math.exp(y[i] - max);
                    total += y[i];
                }
                for (int i = 0; i < rows; i++) {
                    y[i] /= total;
                }
            }
        }
        return y;
    }

    private static void requireSteps(int steps) {
        if (steps == 0) {
            throw new IllegalArgumentException("nothing to trace: the input has no steps");
        }
    }

    private static void requireId(int id, int size, String what) {
        if (id < 0 || id >= size) {
            throw new IllegalArgumentException("id " + id + " is outside " + what + " " + size + " positions (0 to "
                    + (size - 1) + ")");
        }
    }
}
