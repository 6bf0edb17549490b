package org.gatescope.ui.explorer;

import org.gatescope.text.AgreementVerbs;
import org.gatescope.text.VerbTarget;

/**
 * What the prediction panel's "is or are?" compares: the text's verb at or after the current step
 * (its sentence's agreeing form) against its partner in the other number, as the model predicts the
 * next token after token {@code step}. Immutable.
 *
 * @param verb the verb, with the form that agrees with its subject
 * @param pair its two forms, singular first
 * @param step the token after which the two are read: the current one, or the one before the verb once the
 *     current step has reached it
 * @param singularProbability p(singular form) after {@code step}; NaN when the vocabulary lacks it
 * @param pluralProbability p(plural form) after {@code step}; NaN when the vocabulary lacks it
 */
public record VerbComparison(VerbTarget verb, AgreementVerbs.Pair pair, int step, double singularProbability,
                             double pluralProbability) {

    /** Whether the model's vocabulary holds both forms, so there is something to compare. */
    public boolean comparable() {
        return !Double.isNaN(singularProbability) && !Double.isNaN(pluralProbability);
    }

    /** p(singular) / (p(singular) + p(plural)); one half when both are 0. */
    public double singularShare() {
        double total = singularProbability + pluralProbability;
        return total > 0 ? singularProbability / total : 0.5;
    }

    /** The form the model prefers, or the agreeing one on a tie. */
    public String preferred() {
        if (singularProbability == pluralProbability) {
            return verb.verb();
        }
        return singularProbability > pluralProbability ? pair.singular() : pair.plural();
    }
}
