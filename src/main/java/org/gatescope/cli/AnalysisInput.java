package org.gatescope.cli;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.gatescope.engine.Model;
import org.gatescope.engine.Network;
import org.gatescope.engine.NetworkTrace;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.Trace;
import org.gatescope.engine.analysis.TextTracer;
import org.gatescope.engine.cell.Tracer;
import org.gatescope.io.ImportedModels;
import org.gatescope.io.ModelLibrary;
import org.gatescope.io.VocabularyFiles;
import org.gatescope.text.FrameworkTokenizer;

/**
 * What {@code states}, {@code probe} and {@code search} share: the model (GateScope's own, or one trained
 * elsewhere, whose layer {@code --layer N[b]} picks), the states' quantity ({@code --quantity a|c}), the
 * text's trace, and a tracer for corpora (sentences read word by word).
 */
final class AnalysisInput {

    /** The options every analysis command takes besides its own. */
    static final Set<String> OPTIONS = Set.of("model", "text", "text-file", "vocab", "ids", "input-csv", "layer",
            "quantity");

    private final String command;
    private final Options options;
    private final String modelName;
    private final Model own;
    private final Network network;
    private final int layer;
    private final Quantity quantity;

    private AnalysisInput(String command, Options options, String modelName, Model own, Network network, int layer,
                          Quantity quantity) {
        this.command = command;
        this.options = options;
        this.modelName = modelName;
        this.own = own;
        this.network = network;
        this.layer = layer;
        this.quantity = quantity;
    }

    static AnalysisInput open(String command, Options options) throws Exception {
        Quantity quantity = switch (options.choice("quantity", "c", Set.of("a", "c"))) {
            case "a" -> Quantity.ACTIVATION;
            default -> Quantity.MEMORY_CELL;
        };
        String modelName = options.require("model");
        if (ModelLibrary.isGateScopeModel(modelName)) {
            Model model = ModelLibrary.loadTested(modelName);
            int layer = layer(command, Network.of(model), options.get("layer"));
            return new AnalysisInput(command, options, modelName, model, Network.of(model), layer, quantity);
        }
        Network network = ImportedModels.read(Path.of(modelName),
                options.has("vocab") ? Path.of(options.get("vocab")) : null);
        return new AnalysisInput(command, options, modelName, null, network, layer(command, network,
                options.get("layer")), quantity);
    }

    /** The index of {@code --layer N[b]} among the network's layer directions; the last forward one without it. */
    private static int layer(String command, Network network, String value) throws UsageException {
        List<org.gatescope.engine.NetworkLayer> directions = network.layerDirections();
        StringBuilder names = new StringBuilder();
        int lastForward = 0;
        int index = 0;
        for (int level = 0; level < network.levels().size(); level++) {
            Network.Level each = network.levels().get(level);
            for (boolean backward : each.bidirectional() ? new boolean[] {false, true} : new boolean[] {false}) {
                String name = (level + 1) + (backward ? "b" : "");
                names.append(names.length() == 0 ? "" : ", ").append(name);
                if (!backward) {
                    lastForward = index;
                }
                if (name.equals(value == null ? null : value.strip().toLowerCase(Locale.ROOT))) {
                    return index;
                }
                index++;
            }
        }
        if (value == null) {
            return lastForward;
        }
        assert index == directions.size();
        throw new UsageException(command + ": --layer " + value + " is not a layer of this model (layers: " + names + ")");
    }

    String modelName() {
        return modelName;
    }

    Quantity quantity() {
        return quantity;
    }

    /** GateScope's own model, or null for one trained elsewhere. */
    Model own() {
        return own;
    }

    /** "layer 1", "layer 2 (backward)". */
    String layerLabel() {
        int index = 0;
        for (int level = 0; level < network.levels().size(); level++) {
            for (boolean backward : network.levels().get(level).bidirectional() ? new boolean[] {false, true}
                    : new boolean[] {false}) {
                if (index++ == layer) {
                    return "layer " + (level + 1) + (backward ? " (backward)" : "");
                }
            }
        }
        return "layer 1";
    }

    /** The text's trace in the chosen layer: --text/--text-file, or --ids/--input-csv for a model without words. */
    Trace text(InputStream in) throws Exception {
        if (own != null) {
            if (options.has("ids") || options.has("input-csv")) {
                throw new UsageException(command + ": " + modelName + " reads words: give --text or --text-file");
            }
            return Tracer.trace(own, TextInput.tokens(command, TextInput.read(command, options, in), "analyse"));
        }
        NetworkTrace traced = NetworkInput.trace(command, options, in, network).trace();
        return traced.layers().get(layer).trace();
    }

    /**
     * How a corpus of words is traced.
     *
     * @param purpose for the message when the model reads no words: "fit a basis on a corpus"
     */
    TextTracer corpus(String purpose) throws Exception {
        if (own != null) {
            return TextTracer.of(own);
        }
        if (!options.has("vocab")) {
            throw new UsageException(command + ": to " + purpose + ", this model needs its vocabulary: give --vocab FILE");
        }
        FrameworkTokenizer tokenizer = VocabularyFiles.read(Path.of(options.get("vocab")));
        return TextTracer.of(network, tokenizer, layer);
    }
}
