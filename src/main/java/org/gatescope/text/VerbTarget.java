package org.gatescope.text;

import java.util.List;
import java.util.Optional;

/**
 * Where a text's main verb is and which form of it agrees with the subject: what memory reach
 * and ablation measure by default. An agreement sentence gives both exactly; any other text
 * that has a subject noun and a main verb after it (a sentence with words the grammar lacks,
 * such as "The cat, which ate a lot of food, was full.") gives its best reading: the first
 * main verb outside a comma-bounded clause, in the subject's number.
 *
 * @param verbIndex the main verb's token; the model predicts it after token {@code verbIndex - 1}
 * @param verb the form that agrees with the subject (or the written form when no subject is found)
 */
public record VerbTarget(int verbIndex, String verb) {

    /** The text's verb target, or empty when it has no main verb after its first token. */
    public static Optional<VerbTarget> find(List<String> tokens) {
        try {
            AgreementSentence sentence = AgreementParser.parse(tokens);
            return Optional.of(new VerbTarget(sentence.verbIndex(), sentence.verb()));
        } catch (IllegalArgumentException notInTheGrammar) {
            return bestReading(tokens);
        }
    }

    private static Optional<VerbTarget> bestReading(List<String> tokens) {
        int subject = -1;
        for (int t = 0; t < tokens.size() && subject < 0; t++) {
            if (Lexicon.isNumberedNoun(tokens.get(t))) {
                subject = t;
            }
        }
        int firstVerb = -1;
        int commas = 0;
        for (int t = Math.max(1, subject + 1); t < tokens.size(); t++) {
            String token = tokens.get(t);
            if (Lexicon.COMMA.equals(token)) {
                commas++;
            } else if (Lexicon.isMainVerb(token)) {
                if (subject >= 0 && commas % 2 == 0) {
                    return Optional.of(agreeing(tokens, subject, t)); // outside any ", which ... ," clause
                }
                if (firstVerb < 0) {
                    firstVerb = t;
                }
            }
        }
        if (firstVerb < 0) {
            return Optional.empty();
        }
        return Optional.of(subject >= 0 ? agreeing(tokens, subject, firstVerb)
                : new VerbTarget(firstVerb, tokens.get(firstVerb)));
    }

    private static VerbTarget agreeing(List<String> tokens, int subject, int verbIndex) {
        boolean plural = Lexicon.isPluralNoun(tokens.get(subject));
        return new VerbTarget(verbIndex, Lexicon.mainVerb(tokens.get(verbIndex)).form(plural));
    }
}
