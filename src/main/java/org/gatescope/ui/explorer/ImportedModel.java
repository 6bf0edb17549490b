package org.gatescope.ui.explorer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.gatescope.engine.Network;
import org.gatescope.engine.NetworkLayer;
import org.gatescope.io.ImportedModels;
import org.gatescope.io.ModelFileException;
import org.gatescope.io.VocabularyFiles;
import org.gatescope.text.FrameworkTokenizer;

/**
 * A model trained elsewhere (PyTorch, Keras, ONNX, or a network file GateScope wrote), as the
 * window holds it: the network, the kind of file it came from, and the vocabulary it reads text
 * through, when it has one. Immutable; made on the file lane.
 *
 * @param vocabularyFile the vocabulary read beside the model, or null (then the input is ids or rows)
 * @param tokenizer      that vocabulary's tokenizer, or null
 */
public record ImportedModel(Network network, ImportedModels.Format format, Path vocabularyFile,
                            FrameworkTokenizer tokenizer) {

    /** The names a vocabulary beside {@code model.ext} goes by, tried in this order after the model's own stem. */
    private static final List<String> STEM_SUFFIXES = List.of(".json", ".tokenizer.json", ".word_index.json",
            ".vocab.json", ".char_indices.json", "_tokenizer.json", "_word_index.json", "_vocab.json",
            "_char_indices.json");
    private static final List<String> FOLDER_NAMES = List.of("vocab.txt", "tokenizer.json", "vocab.json");

    public ImportedModel {
        Objects.requireNonNull(network);
        Objects.requireNonNull(format);
        if ((vocabularyFile == null) != (tokenizer == null)) {
            throw new IllegalArgumentException("a vocabulary file comes with its tokenizer");
        }
    }

    /**
     * Reads {@code model} with {@code vocabulary}, or, when that is null, with a vocabulary file found beside
     * it ({@link #vocabularyBeside}) if one fits. Runs on the file lane.
     *
     * @throws ModelFileException with a one-line message naming the problem
     */
    public static ImportedModel read(Path model, Path vocabulary) throws ModelFileException {
        ImportedModels.Format format = ImportedModels.format(model);
        if (vocabulary != null) {
            return new ImportedModel(ImportedModels.read(model, vocabulary), format, vocabulary,
                    VocabularyFiles.read(vocabulary));
        }
        Path beside = vocabularyBeside(model);
        if (beside != null) {
            try {
                return new ImportedModel(ImportedModels.read(model, beside), format, beside, VocabularyFiles.read(beside));
            } catch (ModelFileException e) {
                // a file beside it that is not its vocabulary: the model opens without one
            }
        }
        return new ImportedModel(ImportedModels.read(model, null), format, null, null);
    }

    /**
     * A vocabulary file beside {@code model}: its stem with a vocabulary suffix ({@code hamlet.h5} →
     * {@code hamlet.word_index.json}, {@code hamlet_vocab.json}, …), else {@code vocab.txt} or
     * {@code tokenizer.json} in its folder; null when there is none.
     */
    public static Path vocabularyBeside(Path model) {
        Path folder = model.toAbsolutePath().getParent();
        if (folder == null) {
            return null;
        }
        String name = model.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        List<Path> candidates = new ArrayList<>();
        for (String suffix : STEM_SUFFIXES) {
            candidates.add(folder.resolve(stem + suffix));
        }
        for (String known : FOLDER_NAMES) {
            candidates.add(folder.resolve(known));
        }
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate) && !candidate.equals(model.toAbsolutePath())) {
                return candidate;
            }
        }
        // a name such as "02-trumptweet-char-lstm2.char_indices.json" shares only the stem's start
        try (var listing = Files.list(folder)) {
            return listing.filter(Files::isRegularFile)
                    .filter(p -> {
                        String other = p.getFileName().toString().toLowerCase(Locale.ROOT);
                        return other.startsWith(stem.toLowerCase(Locale.ROOT) + ".") && isVocabularyName(other);
                    })
                    .sorted().findFirst().orElse(null);
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    private static boolean isVocabularyName(String name) {
        return name.endsWith(".json") && (name.contains("vocab") || name.contains("index") || name.contains("tokenizer")
                || name.contains("stoi") || name.contains("char"));
    }

    /** Whether the window reads text through a vocabulary (else ids or rows). */
    public boolean readsText() {
        return tokenizer != null;
    }

    /** "Keras .h5", "PyTorch", "ONNX", …: what kind of file this was. */
    public String formatName() {
        return switch (format) {
            case GATESCOPE -> "GateScope network";
            case PYTORCH -> "PyTorch";
            case KERAS_H5 -> "Keras .h5";
            case KERAS_ARCHIVE -> "Keras .keras";
            case ONNX -> "ONNX";
        };
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
        String what = network.readout() == Network.Readout.EVERY_STEP ? (readsText() && tokenizer.characters()
                ? "characters" : network.outputLabels().isEmpty() ? "outputs" : "tokens") : "classes";
        String count = String.format(Locale.ROOT, "%,d %s", size, what);
        return switch (activation) {
            case SOFTMAX -> "softmax over " + count;
            case SIGMOID -> "sigmoid on " + count;
            default -> count + " (" + activation.name().toLowerCase(Locale.ROOT) + ")";
        };
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
