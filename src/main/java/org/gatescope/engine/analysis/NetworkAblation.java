package org.gatescope.engine.analysis;

import java.util.ArrayList;
import java.util.List;
import org.gatescope.engine.Network;
import org.gatescope.engine.NetworkTrace;
import org.gatescope.engine.cell.NetworkTracer;

/**
 * Silences a unit of one layer direction of a model trained elsewhere: the input is traced again
 * with that unit's memory cell forced to 0 from a step on — for a backward direction, from its
 * reading of that step on, i.e. at that step and every earlier one — and the network's largest
 * outputs at one step (after the whole input, for a sequence classifier) are compared before and
 * after.
 */
public final class NetworkAblation {

    /** How many outputs are compared: the intact model's largest. */
    static final int COMPARED = 3;

    private NetworkAblation() {
    }

    /**
     * @param direction a layer direction in {@link Network#layerDirections()}' order
     * @param step      the step whose output is compared (ignored by a sequence classifier)
     */
    public static Ablation silence(Network network, NetworkTrace traced, int direction, int unit, int fromStep,
                                   int step) {
        List<NetworkTrace.LayerTrace> layers = traced.layers();
        if (direction < 0 || direction >= layers.size()) {
            throw new IllegalArgumentException("layer " + direction + " outside the network's " + layers.size()
                    + " layer directions");
        }
        NetworkTrace.LayerTrace layer = layers.get(direction);
        int hidden = layer.layer().hiddenSize();
        if (unit < 0 || unit >= hidden) {
            throw new IllegalArgumentException("unit " + unit + " outside " + layer.label() + "'s " + hidden + " units");
        }
        int steps = traced.length();
        if (fromStep < 0 || fromStep >= steps) {
            throw new IllegalArgumentException("step " + fromStep + " outside the input's " + steps + " steps");
        }
        boolean backward = layer.backward();
        NetworkTrace after = NetworkTracer.retrace(network, traced, direction,
                (t, j, computed) -> j == unit && (backward ? t <= fromStep : t >= fromStep) ? 0.0 : computed);
        int position = NetworkOutputs.position(network, traced, step);
        double[] outputBefore = NetworkOutputs.at(network, traced, position);
        double[] outputAfter = NetworkOutputs.at(network, after, position);
        int[] ranked = NetworkOutputs.ranked(network, outputBefore);
        int count = Math.min(COMPARED, ranked.length);
        List<String> compared = new ArrayList<>();
        double[] valuesBefore = new double[count];
        double[] valuesAfter = new double[count];
        for (int i = 0; i < count; i++) {
            compared.add(NetworkOutputs.label(network, ranked[i]));
            valuesBefore[i] = outputBefore[ranked[i]];
            valuesAfter[i] = outputAfter[ranked[i]];
        }
        boolean wholeInput = network.readout() == Network.Readout.LAST_STEP;
        String outputName = NetworkOutputs.predictsInput(network) ? "next token"
                : network.head().isEmpty() ? "last layer's state"
                : wholeInput && network.head().get(network.head().size() - 1).activation() == Network.Activation.SOFTMAX
                ? "class" : "output";
        return new Ablation(unit, fromStep, position, layer.trace(), after.layers().get(direction).trace(), compared,
                valuesBefore, valuesAfter, layer.label(), outputName, wholeInput, NetworkOutputs.probabilities(network));
    }
}
