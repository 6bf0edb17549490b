package org.gatescope.ui.explorer;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.gatescope.engine.Network;
import org.gatescope.engine.NetworkLayer;
import org.gatescope.text.FrameworkTokenizer;

/**
 * A model trained elsewhere (PyTorch, Keras, ONNX, or a network file GateScope wrote), as the
 * window holds it: the network, the kind of file it came from, and the vocabulary it reads text
 * through, when it has one. Immutable; made on the file lane.
 *
 * @param formatName     what kind of file it was: "Keras .h5", "PyTorch", "ONNX", …
 * @param vocabularyFile the vocabulary read beside the model, or null (then the input is ids or rows)
 * @param tokenizer      that vocabulary's tokenizer, or null
 */
public record ImportedModel(Network network, String formatName, Path vocabularyFile,
                            FrameworkTokenizer tokenizer) {

    public ImportedModel {
        Objects.requireNonNull(network);
        Objects.requireNonNull(formatName);
        if ((vocabularyFile == null) != (tokenizer == null)) {
            throw new IllegalArgumentException("a vocabulary file comes with its tokenizer");
        }
    }

    /** Whether the window reads text through a vocabulary (else ids or rows). */
    public boolean readsText() {
        return tokenizer != null;
    }

    /**
     * One line: the file's kind, its layers and its output, e.g. "Keras .h5 · 2 layers · LSTM 150, LSTM 100 ·
     * softmax over 3,553 words".
     */
    public String describe() {
        List<Network.Level> levels = network.levels();
        StringBuilder text = new StringBuilder(formatName()).append(" \u00B7 ").append(levels.size())
                .append(levels.size() == 1 ? " layer" : " layers").append(" \u00B7 ");
        for (int k = 0; k < levels.size(); k++) {
            NetworkLayer layer = levels.get(k).forward();
            text.append(k == 0 ? "" : ", ").append(levels.get(k).bidirectional() ? "bidirectional " : "")
                    .append(layer.cell().displayName()).append(' ').append(layer.hiddenSize());
        }
        text.append(" \u00B7 ").append(outputDescription());
        return text.toString();
    }

    private String outputDescription() {
        int size = network.outputSize();
        if (network.head().isEmpty()) {
            return "no head (the last layer's state is the output)";
        }
        Network.Activation activation = network.head().get(network.head().size() - 1).activation();
        String what = predictsTokens() ? (tokenizer.characters() ? "characters" : "words")
                : network.readout() == Network.Readout.EVERY_STEP ? "outputs" : "classes";
        // one output of a sigmoid head is one class's probability: "1 class", not "1 classes"
        String count = String.format(Locale.ROOT, "%,d %s", size, size == 1 ? what.substring(0, what.length()
                - (what.endsWith("es") && what.equals("classes") ? 2 : 1)) : what);
        return switch (activation) {
            case SOFTMAX -> "softmax over " + count;
            case SIGMOID -> "sigmoid on " + count;
            default -> count + " (" + activation.name().toLowerCase(Locale.ROOT) + ")";
        };
    }

    /**
     * Whether the head's outputs are the vocabulary's tokens (a next-word or next-character model): labelled
     * from the vocabulary, as many as its ids (Keras keeps id 0 for padding: one more output is allowed).
     */
    public boolean predictsTokens() {
        int outputs = network.outputSize();
        return readsText() && !network.head().isEmpty() && !network.outputLabels().isEmpty()
                && outputs >= tokenizer.size() - 1 && outputs <= tokenizer.size() + 1;
    }

    /** What the sentence field takes for this model, in one line. */
    public String inputHint() {
        if (readsText()) {
            return "Reads text through " + vocabularyFile.getFileName() + " ("
                    + (tokenizer.characters() ? "characters" : "words") + ").";
        }
        return switch (network.inputKind()) {
            case TOKEN_IDS -> "No vocabulary: type token ids (0 to " + (network.inputSize() - 1)
                    + "), e.g. 1, 5, 9 \u2014 or pick a Vocabulary\u2026 file.";
            case ONE_HOT -> "No vocabulary: type the hot positions (0 to " + (network.inputSize() - 1)
                    + "), e.g. 1, 5, 9 \u2014 or pick a Vocabulary\u2026 file.";
            case FEATURES -> "Type or paste rows of " + network.inputSize()
                    + " numbers, one step per line or per \u201C;\u201D (CSV).";
        };
    }
}
