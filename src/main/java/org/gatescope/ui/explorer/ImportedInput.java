package org.gatescope.ui.explorer;

import java.util.ArrayList;
import java.util.List;
import org.gatescope.engine.Network;
import org.gatescope.text.NumberRows;
import org.gatescope.engine.NetworkTrace;
import org.gatescope.engine.cell.NetworkTracer;
import org.gatescope.text.FrameworkTokenizer;

/**
 * Turns what the user typed into a trace of a model trained elsewhere: text through its
 * vocabulary when it has one, else token ids ("1, 5, 9": embedding rows or one-hot positions)
 * or numeric rows (CSV: one row per line or per ";"). Runs on the worker; no JavaFX.
 */
final class ImportedInput {

    private ImportedInput() {
    }

    /**
     * @throws IllegalArgumentException with a one-line message for the user when the input does not fit the model
     */
    static NetworkTrace trace(ImportedModel model, String text) {
        Network network = model.network();
        if (model.readsText()) {
            FrameworkTokenizer.Encoding encoding = model.tokenizer().encode(text);
            if (encoding.ids().length == 0) {
                throw new IllegalArgumentException("none of the text's " + (model.tokenizer().characters()
                        ? "characters" : "words") + " is in the vocabulary");
            }
            return NetworkTracer.trace(network, encoding.ids(), encoding.pieces(), new int[0]);
        }
        if (network.inputKind() == Network.InputKind.FEATURES) {
            return NetworkTracer.trace(network, rows(text));
        }
        int[] ids = ids(text);
        List<String> tokens = new ArrayList<>(ids.length);
        for (int id : ids) {
            tokens.add(label(network, id));
        }
        return NetworkTracer.trace(network, ids, tokens, new int[0]);
    }

    /** Whole numbers separated by commas, semicolons or spaces. */
    static int[] ids(String text) {
        String[] parts = text.trim().split("[\\s,;]+");
        int[] ids = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                ids[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("this model has no vocabulary: type token ids such as 1, 5, 9"
                        + " (\u201C" + parts[i] + "\u201D is not one), or pick a Vocabulary\u2026 file");
            }
        }
        return ids;
    }

    /** Rows of numbers, one per line or per ";", the numbers separated by commas, tabs or spaces. */
    static double[][] rows(String text) {
        return NumberRows.parse(text);
    }

    /**
     * What a step of id {@code id} is called: the token of that id when the model's outputs are its own
     * vocabulary (a next-token model), else "#id".
     */
    private static String label(Network network, int id) {
        List<String> labels = network.readout() == Network.Readout.EVERY_STEP
                && network.outputSize() == network.inputSize() ? network.outputLabels() : List.of();
        return id >= 0 && id < labels.size() && labels.get(id) != null && !labels.get(id).isEmpty()
                ? labels.get(id) : "#" + id;
    }
}
