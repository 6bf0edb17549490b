package org.gatescope.engine.analysis;

import java.util.List;
import org.gatescope.engine.Network;
import org.gatescope.engine.NetworkTrace;

/**
 * A network's outputs as the reach and the ablation name and choose them: by label, and the one
 * looked at by default (the next token actually read, else the model's own first choice).
 */
public final class NetworkOutputs {

    private NetworkOutputs() {
    }

    /**
     * Whether output k is the token of input id k (a next-token model: the head is as wide as the
     * embedding or the one-hot input, read at every step or once after the whole input).
     */
    public static boolean predictsInput(Network network) {
        return network.inputKind() != Network.InputKind.FEATURES && !network.head().isEmpty()
                && network.outputSize() == network.inputSize();
    }

    /** Output k as the window lists it: its label, "#k" for a next-token model without one, else "output k+1". */
    public static String label(Network network, int k) {
        List<String> labels = network.outputLabels();
        if (k < labels.size() && labels.get(k) != null && !labels.get(k).isEmpty()) {
            return labels.get(k);
        }
        return predictsInput(network) ? "#" + k : "output " + (k + 1);
    }

    /** The step whose output is read: {@code step} for an every-step head, the last step for a classifier. */
    public static int position(Network network, NetworkTrace traced, int step) {
        return network.readout() == Network.Readout.EVERY_STEP ? Math.max(0, Math.min(step, traced.length() - 1))
                : traced.length() - 1;
    }

    /** The output read at {@link #position}: a row of {@link NetworkTrace#outputs()}. */
    public static double[] at(Network network, NetworkTrace traced, int step) {
        return network.readout() == Network.Readout.EVERY_STEP ? traced.outputs()[position(network, traced, step)]
                : traced.finalOutput();
    }

    /**
     * The output looked at after {@code step}: for a next-token model the token read next, when there is
     * one; otherwise the largest output (the model's choice; the largest in size for raw outputs).
     */
    public static int defaultOutput(Network network, NetworkTrace traced, int step) {
        int position = position(network, traced, step);
        if (predictsInput(network) && position + 1 < traced.length() && !traced.masked()[position + 1]) {
            int next = traced.first().tokenId(position + 1);
            if (next >= 0 && next < network.outputSize()) {
                return next;
            }
        }
        return ranked(network, at(network, traced, step))[0];
    }

    /** Whether the outputs are probabilities (a softmax or sigmoid head). */
    public static boolean probabilities(Network network) {
        if (network.head().isEmpty()) {
            return false;
        }
        Network.Activation last = network.head().get(network.head().size() - 1).activation();
        return last == Network.Activation.SOFTMAX || last == Network.Activation.SIGMOID;
    }

    /** Output indices, largest first (largest in size for raw outputs, which may be negative). */
    public static int[] ranked(Network network, double[] output) {
        boolean probabilities = probabilities(network);
        return java.util.stream.IntStream.range(0, output.length).boxed()
                .sorted((a, b) -> probabilities ? Double.compare(output[b], output[a])
                        : Double.compare(Math.abs(output[b]), Math.abs(output[a])))
                .mapToInt(Integer::intValue).toArray();
    }
}
