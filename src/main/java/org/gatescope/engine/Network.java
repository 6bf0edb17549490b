package org.gatescope.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;

/**
 * A recurrent model as real files hold it: an input (embedding ids, one-hot positions or numeric
 * feature rows), a stack of recurrent layers (each one direction or both), and a head of dense
 * layers read from every step or from the last. GateScope's own {@link Model} is the special case
 * embedding → one layer → softmax over the vocabulary at every step ({@link #of(Model)}).
 *
 * <p>Immutable: layers keep their own copies, the head's matrices are copied in.
 */
public final class Network {

    /** What one step of input is. */
    public enum InputKind {
        /** An embedding row per token id. */
        TOKEN_IDS,
        /** A one-hot vector: the step's id is the hot position. */
        ONE_HOT,
        /** A row of numbers per step (a time series, pre-computed word vectors). */
        FEATURES
    }

    /** How a bidirectional layer joins its two directions, as Keras's merge_mode. */
    public enum Merge { CONCAT, SUM, AVERAGE, MULTIPLY }

    /** Which steps the head reads. */
    public enum Readout {
        /** Every step (a next-token or per-step model); the model's output is the last step's. */
        EVERY_STEP,
        /**
         * The end of the sequence (a sequence classifier): the forward direction's last state,
         * joined for a bidirectional layer with the backward direction's state at the first token.
         */
        LAST_STEP
    }

    /** A dense layer's squashing function. */
    public enum Activation { LINEAR, RELU, TANH, SIGMOID, SOFTMAX }

    /** One level of the stack: a forward layer and, when bidirectional, a backward one. */
    public record Level(NetworkLayer forward, NetworkLayer backward, Merge merge) {
        public Level {
            Objects.requireNonNull(forward);
            Objects.requireNonNull(merge);
            if (backward != null && (backward.hiddenSize() != forward.hiddenSize()
                    || backward.inputSize() != forward.inputSize())) {
                throw new IllegalArgumentException("the two directions of a layer differ in shape");
            }
        }

        public boolean bidirectional() {
            return backward != null;
        }

        /** The width of what the level passes on. */
        public int outputSize() {
            return bidirectional() && merge == Merge.CONCAT ? 2 * forward.hiddenSize() : forward.hiddenSize();
        }
    }

    /** A dense layer y = act(W x + b): W [out, in], b [out] (zeros when the file has no bias). */
    public record Dense(DMatrixRMaj weight, DMatrixRMaj bias, Activation activation) {
        public Dense {
            weight = weight.copy();
            bias = new DMatrixRMaj(1, bias.getNumElements(), true, bias.data.clone());
            if (bias.getNumElements() != weight.numRows) {
                throw new IllegalArgumentException("a dense layer's bias holds " + bias.getNumElements()
                        + " values for " + weight.numRows + " outputs");
            }
        }
    }

    private final String name;
    private final InputKind inputKind;
    private final int inputSize;
    private final DMatrixRMaj embedding;
    private final boolean maskZero;
    private final List<Level> levels;
    private final List<Dense> head;
    private final Readout readout;
    private final List<String> outputLabels;
    private final Map<String, String> provenance;

    /**
     * @param inputSize    V for token ids and one-hot input, the row width for features
     * @param embedding    [V, D] for token ids, null otherwise
     * @param maskZero     whether id 0 is padding that leaves every layer's state unchanged (Keras mask_zero)
     * @param outputLabels the head's outputs by name (next tokens, classes), or empty when unknown
     */
    public Network(String name, InputKind inputKind, int inputSize, DMatrixRMaj embedding, boolean maskZero,
                   List<Level> levels, List<Dense> head, Readout readout, List<String> outputLabels,
                   Map<String, String> provenance) {
        this.name = Objects.requireNonNull(name);
        this.inputKind = Objects.requireNonNull(inputKind);
        this.inputSize = inputSize;
        this.embedding = embedding == null ? null : embedding.copy();
        this.maskZero = maskZero;
        this.levels = List.copyOf(levels);
        this.head = List.copyOf(head);
        this.readout = Objects.requireNonNull(readout);
        this.outputLabels = List.copyOf(outputLabels);
        this.provenance = Map.copyOf(provenance);
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("a network has at least one recurrent layer");
        }
        if ((inputKind == InputKind.TOKEN_IDS) != (embedding != null)) {
            throw new IllegalArgumentException("token ids need an embedding, and only they have one");
        }
        int width = stepWidth();
        for (int k = 0; k < levels.size(); k++) {
            if (levels.get(k).forward().inputSize() != width) {
                throw new IllegalArgumentException("layer " + (k + 1) + " reads " + levels.get(k).forward().inputSize()
                        + " inputs but receives " + width);
            }
            width = levels.get(k).outputSize();
        }
        for (Dense dense : head) {
            if (dense.weight().numCols != width) {
                throw new IllegalArgumentException("a dense layer reads " + dense.weight().numCols
                        + " inputs but receives " + width);
            }
            width = dense.weight().numRows;
        }
        if (!outputLabels.isEmpty() && outputLabels.size() != width) {
            throw new IllegalArgumentException(outputLabels.size() + " output labels for " + width + " outputs");
        }
    }

    /** GateScope's own model as a network: embedding → its one layer → softmax over the vocabulary at every step. */
    public static Network of(Model model) {
        Weights w = model.sharedWeights();
        DMatrixRMaj[] peepholes = model.cell() == CellKind.PEEPHOLE_LSTM
                ? new DMatrixRMaj[] {w.peepholeU, w.peepholeF, w.peepholeO} : null;
        NetworkLayer layer = new NetworkLayer(model.cell(), model.spec().gruReset(), GateActivation.SIGMOID,
                w.weightIh, w.weightHh, w.biasIh, w.biasHh, peepholes, "GateScope " + model.cell().id());
        return new Network("GateScope " + model.cell().id(), InputKind.TOKEN_IDS, model.spec().vocabSize(), w.embedding,
                false, List.of(new Level(layer, null, Merge.CONCAT)),
                List.of(new Dense(w.headWeight, w.headBias, Activation.SOFTMAX)), Readout.EVERY_STEP,
                model.vocabulary().tokens(), model.metadata());
    }

    /** The width of one step of input to the first recurrent layer. */
    public int stepWidth() {
        return inputKind == InputKind.TOKEN_IDS ? embedding.numCols : inputSize;
    }

    public String name() {
        return name;
    }

    public InputKind inputKind() {
        return inputKind;
    }

    public int inputSize() {
        return inputSize;
    }

    /** The embedding [V, D], read in place by the tracer; null unless the input is token ids. */
    public DMatrixRMaj sharedEmbedding() {
        return embedding;
    }

    public boolean maskZero() {
        return maskZero;
    }

    public List<Level> levels() {
        return levels;
    }

    public List<Dense> head() {
        return head;
    }

    public Readout readout() {
        return readout;
    }

    public List<String> outputLabels() {
        return outputLabels;
    }

    /** The head's output width (0 without a head: the last layer's state is the output). */
    public int outputSize() {
        return head.isEmpty() ? levels.get(levels.size() - 1).outputSize() : head.get(head.size() - 1).weight().numRows;
    }

    /** Where the file came from and what was found in it (framework, version, conventions). */
    public Map<String, String> provenance() {
        return provenance;
    }

    /** One entry per traced layer direction, in the order traces list them: forward then backward. */
    public List<NetworkLayer> layerDirections() {
        List<NetworkLayer> all = new ArrayList<>();
        for (Level level : levels) {
            all.add(level.forward());
            if (level.bidirectional()) {
                all.add(level.backward());
            }
        }
        return all;
    }
}
