package org.gatescope.engine.intervention;

import java.util.List;
import org.gatescope.engine.Model;
import org.gatescope.engine.Trace;
import org.gatescope.engine.analysis.MemoryReach;
import org.gatescope.text.VerbTarget;

/**
 * Which prediction an intervention is judged by: p(verb) against p(its partner in the other number) at
 * the step before the text's agreeing verb ("was" against "were"), or, in a text without one, the intact
 * model's most probable token after the last token.
 *
 * @param position the step whose next-token prediction is compared
 * @param tokens the verb and its partner, or the one most probable token
 */
public record ComparedPrediction(int position, List<String> tokens) {

    public ComparedPrediction {
        tokens = List.copyOf(tokens);
    }

    /** The comparison for {@code tokens} as traced intact in {@code intact}. */
    public static ComparedPrediction of(Model model, List<String> tokens, Trace intact) {
        for (VerbTarget verb : MemoryReach.verbTargets(model, tokens)) {
            if (model.vocabulary().contains(verb.verb()) && model.vocabulary().contains(verb.partner())) {
                return new ComparedPrediction(verb.predictionStep(), List.of(verb.verb(), verb.partner()));
            }
        }
        int last = tokens.size() - 1;
        return new ComparedPrediction(last, List.of(intact.topPredictions(last, 1).get(0).token()));
    }

    /** Whether a verb and its partner are compared (else the one most probable token). */
    public boolean comparesVerbs() {
        return tokens.size() == 2;
    }

    /** p(token) at the compared position of {@code trace}. */
    public double probability(Trace trace, String token) {
        return trace.probability(position, token);
    }

    /** p(first) / (p(first) + p(second)) at the compared position: the share the first token gets of the two. */
    public double share(Trace trace) {
        if (!comparesVerbs()) {
            return probability(trace, tokens.get(0));
        }
        double a = probability(trace, tokens.get(0));
        double b = probability(trace, tokens.get(1));
        return a + b > 0 ? a / (a + b) : 0.5;
    }
}
