package org.gatescope.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.gatescope.engine.Network;
import org.gatescope.io.ImportedModels;

/**
 * How the commands read a model trained elsewhere: {@code --vocab FILE} beside it, and for a PyTorch
 * state dict, which records no activations, {@code --head softmax|sigmoid|none} for its last Linear
 * layer (none, the logits, unless told).
 */
final class ImportedModelOptions {

    /** The option names these read, for a command's allowed set. */
    static final Set<String> NAMES = Set.of("vocab", "head");

    private ImportedModelOptions() {
    }

    static Network read(String command, Options options, String modelName) throws Exception {
        Path model = Path.of(modelName);
        Path vocabulary = options.has("vocab") ? Path.of(options.get("vocab")) : null;
        if (!options.has("head")) {
            return ImportedModels.read(model, vocabulary);
        }
        String head = options.choice("head", "none", Set.of("softmax", "sigmoid", "none"));
        if (ImportedModels.format(model) != ImportedModels.Format.PYTORCH) {
            throw new UsageException(command + ": --head is for PyTorch state dicts, which do not record the head's"
                    + " activation; " + model.getFileName() + " records its own");
        }
        Network.Activation activation = head.equals("none") ? Network.Activation.LINEAR
                : Network.Activation.valueOf(head.toUpperCase(Locale.ROOT));
        return ImportedModels.read(model, vocabulary, activation);
    }
}
