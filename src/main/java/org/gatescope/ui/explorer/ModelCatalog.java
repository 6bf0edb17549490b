package org.gatescope.ui.explorer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gatescope.engine.Model;
import org.gatescope.io.ImportedModels;
import org.gatescope.io.ModelFileException;
import org.gatescope.io.ModelFiles;
import org.gatescope.io.ModelLibrary;
import org.gatescope.io.NetworkFiles;
import org.gatescope.io.SafeTensors;
import org.gatescope.io.VocabularyFiles;

/**
 * Where the window finds models: the bundled ones by name, any other by file path. The app uses
 * {@link #library()}; tests hand in random models written to a temporary folder.
 */
public interface ModelCatalog {

    /** The bundled models present, in menu order. */
    List<String> bundled();

    /** The model the window opens on: by default the first bundled one; null when none is bundled. */
    default String opening() {
        List<String> present = bundled();
        return present.isEmpty() ? null : present.get(0);
    }

    /**
     * Reads a bundled model by name or a model file by path. May run on any thread.
     *
     * @throws ModelFileException with a one-line message naming the problem
     */
    Model load(String nameOrPath) throws ModelFileException;

    /**
     * Reads the model file at {@code file}, through its own file system. May run on any thread.
     *
     * @throws ModelFileException with a one-line message naming the problem
     */
    default Model load(Path file) throws ModelFileException {
        return ModelFiles.read(file);
    }

    /**
     * Whether {@code file} is GateScope's own single-layer model, which {@link #load(Path)} reads with its
     * number units; a file whose kind cannot be told counts as one too, so that {@link #load(Path)} says
     * what is wrong with it. Anything else is a model trained elsewhere ({@link #loadImported}). Any thread.
     */
    default boolean isGateScopeModel(Path file) {
        try {
            return ImportedModels.format(file) == ImportedModels.Format.GATESCOPE
                    && !NetworkFiles.isNetworkFile(SafeTensors.read(file));
        } catch (ModelFileException e) {
            return true;
        }
    }

    /**
     * Reads a model trained elsewhere (PyTorch, Keras, ONNX, a GateScope network file) with {@code vocabulary},
     * or, when that is null, with a vocabulary file found beside it if one fits. May run on any thread.
     *
     * @throws ModelFileException with a one-line message naming the problem
     */
    default ImportedModel loadImported(Path file, Path vocabulary) throws ModelFileException {
        return ImportedFiles.read(file, vocabulary);
    }

    /** Where a model trained elsewhere and its vocabulary are read from. */
    final class ImportedFiles {

        /** The names a vocabulary beside {@code model.ext} goes by, tried in this order after the model's own stem. */
        private static final List<String> STEM_SUFFIXES = List.of(".json", ".tokenizer.json", ".word_index.json",
                ".vocab.json", ".char_indices.json", "_tokenizer.json", "_word_index.json", "_vocab.json",
                "_char_indices.json");
        private static final List<String> FOLDER_NAMES = List.of("vocab.txt", "tokenizer.json", "vocab.json");

        /**
         * Reads {@code model} with {@code vocabulary}, or, when that is null, with a vocabulary file found beside
         * it ({@link #vocabularyBeside}) if one fits. Runs on the file lane.
         *
         * @throws ModelFileException with a one-line message naming the problem
         */
        static ImportedModel read(Path model, Path vocabulary) throws ModelFileException {
            String format = formatName(ImportedModels.format(model));
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
        static Path vocabularyBeside(Path model) {
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

        /** "Keras .h5", "PyTorch", "ONNX", …: what kind of file a model was. */
        static String formatName(ImportedModels.Format format) {
            return switch (format) {
                case GATESCOPE -> "GateScope network";
                case PYTORCH -> "PyTorch";
                case KERAS_H5 -> "Keras .h5";
                case KERAS_ARCHIVE -> "Keras .keras";
                case ONNX -> "ONNX";
            };
        }

        private ImportedFiles() {
        }
    }

    /**
     * The models bundled with this build, from {@link ModelLibrary}; every model it reads has its number
     * units as the test finds them ({@link ModelLibrary#loadTested}), so a badge never repeats a file's claim.
     */
    static ModelCatalog library() {
        return new ModelCatalog() {
            @Override
            public List<String> bundled() {
                return ModelLibrary.available();
            }

            /** {@link ModelLibrary#OPENING}, when bundled: the model whose picture is the lecture's. */
            @Override
            public String opening() {
                List<String> present = bundled();
                return present.contains(ModelLibrary.OPENING) ? ModelLibrary.OPENING
                        : present.isEmpty() ? null : present.get(0);
            }

            @Override
            public Model load(String nameOrPath) throws ModelFileException {
                return ModelLibrary.loadTested(nameOrPath);
            }

            @Override
            public Model load(Path file) throws ModelFileException {
                return ModelLibrary.readTested(file);
            }
        };
    }
}
