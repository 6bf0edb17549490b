package org.gatescope.ui.analysis;

import java.util.List;
import org.gatescope.engine.Model;
import org.gatescope.engine.Trace;
import org.gatescope.engine.analysis.AnalysisException;
import org.gatescope.engine.analysis.TextTracer;
import org.gatescope.engine.cell.NetworkTracer;
import org.gatescope.engine.cell.Tracer;
import org.gatescope.text.FrameworkTokenizer;
import org.gatescope.text.Tokenizer;
import org.gatescope.ui.explorer.CellViewModel;
import org.gatescope.ui.explorer.ImportedModel;

/**
 * The model and layer direction an analysis reads, taken from the explorer's cell on the FX thread and
 * handed to a worker: GateScope's own model, or one trained elsewhere with the layer the explorer shows.
 * Immutable.
 *
 * @param own GateScope's model, or null
 * @param imported a model trained elsewhere, or null (exactly one of the two is set)
 * @param layer the layer direction shown (0 for GateScope's models)
 * @param modelName what the explorer calls the model
 * @param layerLabel "layer 1", "layer 2 (backward)"
 */
public record AnalysisSource(Model own, ImportedModel imported, int layer, String modelName, String layerLabel) {

    /** The explorer's current model and layer, or null when none is shown. */
    public static AnalysisSource of(CellViewModel cell) {
        if (cell.getModel() == null && cell.getImported() == null) {
            return null;
        }
        int layer = cell.getImported() == null ? 0 : cell.selectedLayerProperty().get();
        List<String> labels = cell.layerLabels();
        String label = cell.getImported() != null && layer < labels.size() ? labels.get(layer) : "layer 1";
        return new AnalysisSource(cell.getModel(), cell.getImported(), layer, cell.modelNameProperty().get(), label);
    }

    /** Whether sentences of words can be traced (GateScope's models; others with a vocabulary). */
    public boolean readsWords() {
        return own != null || imported.readsText();
    }

    /**
     * Traces sentences of words, the layer shown.
     *
     * @throws AnalysisException for a model that reads ids or numbers, not words
     */
    public TextTracer tracer() {
        if (own != null) {
            return TextTracer.of(own);
        }
        if (!imported.readsText()) {
            throw new AnalysisException("this model reads token ids or numbers, not words: pick its Vocabulary\u2026 first");
        }
        return TextTracer.of(imported.network(), imported.tokenizer(), layer);
    }

    /** Traces a typed text, as the explorer would (an imported model through its own tokenizer). */
    public Trace trace(String text) {
        if (own != null) {
            List<String> tokens = Tokenizer.tokenize(text);
            if (tokens.isEmpty()) {
                throw new AnalysisException("the text is empty");
            }
            return Tracer.trace(own, tokens);
        }
        if (!imported.readsText()) {
            throw new AnalysisException("this model reads token ids or numbers, not words: pick its Vocabulary\u2026 first");
        }
        FrameworkTokenizer.Encoding encoding = imported.tokenizer().encode(text);
        if (encoding.ids().length == 0) {
            throw new AnalysisException("none of the text's words is in the model's vocabulary");
        }
        return NetworkTracer.trace(imported.network(), encoding.ids(), encoding.pieces(), new int[0]).layers()
                .get(layer).trace();
    }
}
