package org.gatescope.text;

import java.util.Collection;
import java.util.Optional;

/**
 * The same word in the other grammatical number, the flip a counterfactual suggests: cat → cats,
 * children → child, was → were, is → are. Nouns from the agreement grammar's {@link Lexicon}, verbs
 * from its main verbs and the pairs {@link AgreementVerbs} finds in a vocabulary.
 */
public final class NumberFlip {

    private NumberFlip() {
    }

    /** {@code word} in the other number, if it has one that {@code vocabulary} holds. */
    public static Optional<String> of(String word, Collection<String> vocabulary) {
        String flipped = null;
        for (Lexicon.NounPair pair : Lexicon.NOUNS) {
            if (pair.singular().equals(word)) {
                flipped = pair.plural();
            } else if (pair.plural().equals(word)) {
                flipped = pair.singular();
            }
        }
        if (flipped == null) {
            flipped = AgreementVerbs.of(vocabulary).pairOf(word).map(pair -> pair.partner(word)).orElse(null);
        }
        return flipped != null && vocabulary.contains(flipped) ? Optional.of(flipped) : Optional.empty();
    }
}
