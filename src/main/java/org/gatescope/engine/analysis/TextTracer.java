package org.gatescope.engine.analysis;

import java.util.ArrayList;
import java.util.List;
import org.gatescope.engine.Model;
import org.gatescope.engine.Network;
import org.gatescope.engine.Trace;
import org.gatescope.engine.cell.NetworkTracer;
import org.gatescope.engine.cell.Tracer;
import org.gatescope.text.FrameworkTokenizer;

/**
 * Traces a tokenised sentence for the analyses that read many (a basis fitted on a corpus, a probe's
 * training sentences): a GateScope model, or one layer direction of a model trained elsewhere read
 * through its own vocabulary. Thread-safe: each call traces with its own buffers.
 */
@FunctionalInterface
public interface TextTracer {

    /** One trace per token of {@code tokens}, in order. */
    Trace trace(List<String> tokens);

    /** A GateScope model: unknown words are read as {@code <unk>}. */
    static TextTracer of(Model model) {
        return tokens -> Tracer.trace(model, tokens);
    }

    /**
     * Layer direction {@code layer} ({@link Network#layerDirections()}'s order) of a network, each token
     * looked up alone in {@code tokenizer}'s vocabulary, so that the states stay aligned with the tokens.
     *
     * @throws AnalysisException (from the tracer) for a token the vocabulary does not read as exactly one piece
     */
    static TextTracer of(Network network, FrameworkTokenizer tokenizer, int layer) {
        if (layer < 0 || layer >= network.layerDirections().size()) {
            throw new IllegalArgumentException("layer " + layer + " outside the network's "
                    + network.layerDirections().size());
        }
        return tokens -> {
            int[] ids = new int[tokens.size()];
            List<String> pieces = new ArrayList<>(tokens.size());
            for (int t = 0; t < ids.length; t++) {
                FrameworkTokenizer.Encoding encoding = tokenizer.encode(tokens.get(t));
                if (encoding.ids().length != 1) {
                    throw new AnalysisException("the model's vocabulary reads \"" + tokens.get(t) + "\" as "
                            + encoding.ids().length + " tokens, not one: the states would not line up with the"
                            + " labelled tokens");
                }
                ids[t] = encoding.ids()[0];
                pieces.add(encoding.pieces().get(0));
            }
            return NetworkTracer.trace(network, ids, pieces, new int[0]).layers().get(layer).trace();
        };
    }
}
