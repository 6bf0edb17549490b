package org.gatescope.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A sentence's counterfactual in the other number: "the cat , which … , was full ." becomes "the cats , which …
 * , were full ." — the subject noun and the main verb change, nothing else. The two paths a model takes
 * through state space then differ only by what it remembers of the subject's number.
 */
public final class NumberSwap {

    private NumberSwap() {
    }

    /**
     * @param tokens lower-words tokens of a sentence of the agreement grammar
     * @return the sentence with subject and main verb in the other number, or empty if it is not one
     */
    public static Optional<List<String>> of(List<String> tokens) {
        AgreementSentence sentence;
        try {
            sentence = AgreementParser.parse(tokens);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        List<String> swapped = new ArrayList<>(tokens);
        String subject = tokens.get(sentence.subjectIndex());
        for (Lexicon.NounPair pair : Lexicon.NOUNS) {
            if (pair.singular().equals(subject) || pair.plural().equals(subject)) {
                swapped.set(sentence.subjectIndex(), pair.form(!sentence.pluralSubject()));
            }
        }
        swapped.set(sentence.verbIndex(), sentence.wrongVerb());
        return Optional.of(List.copyOf(swapped));
    }
}
