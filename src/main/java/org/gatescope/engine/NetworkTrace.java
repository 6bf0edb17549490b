package org.gatescope.engine;

import java.util.Arrays;
import java.util.List;

/**
 * What a {@link Network} did with one input: a {@link Trace} per layer direction (forward then
 * backward for a bidirectional layer; a backward trace is aligned to input positions, so its
 * entry t is the state after reading x&lt;T&gt;…x&lt;t&gt;), and the head's output.
 *
 * @param layers  in the network's order; the views show one at a time
 * @param outputs the head's output per step ({@link Network.Readout#EVERY_STEP}) or one row
 *                ({@link Network.Readout#LAST_STEP})
 * @param masked  positions whose input was padding (Keras mask_zero): every layer carried its state through
 * @param inputs  what the first layer read, [T·D] (embedding rows, one-hot rows or the numeric rows): the
 *                input again, for a second run of the same text (an ablation, a gradient)
 */
public record NetworkTrace(List<LayerTrace> layers, double[][] outputs, Network.Activation outputActivation,
                           List<String> outputLabels, boolean[] masked, double[] inputs) {

    /** One direction of one layer. */
    public record LayerTrace(int level, boolean backward, NetworkLayer layer, Trace trace) {
        /** "layer 2 (backward)", counted from 1 as the window shows it. */
        public String label() {
            return "layer " + (level + 1) + (backward ? " (backward)" : "");
        }
    }

    public NetworkTrace {
        layers = List.copyOf(layers);
        outputs = Arrays.stream(outputs).map(double[]::clone).toArray(double[][]::new);
        outputLabels = List.copyOf(outputLabels);
        masked = masked.clone();
        inputs = inputs.clone();
    }

    /**
     * GateScope's own single-layer model's trace seen as a network's: its one layer, and the softmax
     * over the vocabulary at every step as the output (no second run).
     */
    public static NetworkTrace of(Network network, Trace trace) {
        return new NetworkTrace(List.of(new LayerTrace(0, false, network.levels().get(0).forward(), trace)),
                trace.probabilities(), Network.Activation.SOFTMAX, network.outputLabels(), new boolean[trace.length()],
                embeddingRows(network, trace.tokenIds()));
    }

    private static double[] embeddingRows(Network network, int[] ids) {
        int width = network.stepWidth();
        double[] rows = new double[ids.length * width];
        for (int t = 0; t < ids.length; t++) {
            System.arraycopy(network.sharedEmbedding().data, ids[t] * width, rows, t * width, width);
        }
        return rows;
    }

    /** The number of steps. */
    public int length() {
        return masked.length;
    }

    /** The first layer's trace: its tokens, ids and unknown positions are the input's. */
    public Trace first() {
        return layers.get(0).trace();
    }

    /** The model's own final output after the whole input (the last row of {@link #outputs}). */
    public double[] finalOutput() {
        return outputs[outputs.length - 1].clone();
    }

    /** The last layer's forward trace: what today's single-layer views describe. */
    public Trace lastForward() {
        for (int k = layers.size() - 1; k >= 0; k--) {
            if (!layers.get(k).backward()) {
                return layers.get(k).trace();
            }
        }
        throw new IllegalStateException("no forward layer");
    }
}
