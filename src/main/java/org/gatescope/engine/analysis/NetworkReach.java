package org.gatescope.engine.analysis;

import org.gatescope.engine.Network;
import org.gatescope.engine.NetworkLayer;
import org.gatescope.engine.NetworkTrace;
import org.gatescope.engine.cell.NetworkBackprop;

/**
 * The memory reach of a model trained elsewhere, on one layer direction: ‖∂J/∂c&lt;t&gt;‖ of that
 * direction at every step, J being one of the network's outputs — log p(token or class) under a
 * softmax or sigmoid head, the raw output otherwise — backpropagated through the head, the layers
 * above and time ({@link NetworkBackprop}).
 *
 * <p>A forward direction reaches back from the output's step; a backward direction, which reads the
 * input last to first, reaches forward: its c&lt;t&gt; holds x&lt;T&gt;…x&lt;t&gt;, so the steps after the output's
 * carry it. Layers below a bidirectional layer reach both ways.
 */
public final class NetworkReach {

    private NetworkReach() {
    }

    /** The reach of the default output after {@code step} ({@link NetworkOutputs#defaultOutput}). */
    public static MemoryReach atStep(Network network, NetworkTrace traced, int direction, int step) {
        return of(network, traced, direction, step, NetworkOutputs.defaultOutput(network, traced, step));
    }

    /**
     * The reach of output {@code output} read after {@code step} (after the whole input for a sequence classifier).
     *
     * @param direction a layer direction in {@link Network#layerDirections()}' order
     */
    public static MemoryReach of(Network network, NetworkTrace traced, int direction, int step, int output) {
        int position = NetworkOutputs.position(network, traced, step);
        NetworkBackprop.Gradients gradients = NetworkBackprop.of(network, traced, direction, position, output);
        NetworkLayer layer = network.layerDirections().get(direction);
        return new MemoryReach(position, NetworkOutputs.label(network, output),
                MemoryReach.rowNorms(gradients.memoryCell(), traced.length(), layer.hiddenSize()),
                MemoryReach.rowNorms(gradients.input(), traced.length(), layer.inputSize()),
                traced.layers().get(direction).label(), NetworkOutputs.probabilities(network));
    }
}
