package org.gatescope.text;

import java.util.List;

/**
 * One agreement sentence with what a probe needs to know about it: where the subject and the
 * main verb are, which verb is right there, and how hard the clause between them makes it.
 * {@code tokens.subList(0, verbIndex)} is what a model has read when it must choose the verb.
 *
 * @param tokens the sentence, lower-words tokens
 * @param subjectIndex the subject noun
 * @param verbIndex the main verb
 * @param pluralSubject whether the subject (and so the verb) is plural
 * @param verb the correct main verb, the token at {@code verbIndex}
 * @param wrongVerb the same verb in the other number (was/were, is/are, has/have)
 * @param attractors nouns with a number read before the verb other than the subject ("fish" does not count):
 *     inside the clause, or before the subject ("the mechanics said the author laughs")
 * @param oppositeAttractors those of them whose number is not the subject's
 * @param clauseLength tokens strictly between the subject and the main verb, commas included
 * @param construction which of the classic constructions the sentence is
 */
public record AgreementSentence(List<String> tokens, int subjectIndex, int verbIndex, boolean pluralSubject,
                                String verb, String wrongVerb, int attractors, int oppositeAttractors,
                                int clauseLength, Construction construction) {

    /** A sentence of the lecture's shape ("the cat , which already ate ... , was full ."). */
    public AgreementSentence(List<String> tokens, int subjectIndex, int verbIndex, boolean pluralSubject,
                             String verb, String wrongVerb, int attractors, int oppositeAttractors,
                             int clauseLength) {
        this(tokens, subjectIndex, verbIndex, pluralSubject, verb, wrongVerb, attractors, oppositeAttractors,
                clauseLength, Construction.LECTURE_CLAUSE);
    }

    /** Refuses an annotation that contradicts its own tokens, so a generator bug shows at once. */
    public AgreementSentence {
        tokens = List.copyOf(tokens);
        if (subjectIndex < 0 || verbIndex <= subjectIndex || verbIndex >= tokens.size()) {
            throw new IllegalArgumentException("subject " + subjectIndex + " and verb " + verbIndex
                    + " do not fit a sentence of " + tokens.size() + " tokens");
        }
        if (!tokens.get(verbIndex).equals(verb)) {
            throw new IllegalArgumentException("token " + verbIndex + " is \"" + tokens.get(verbIndex)
                    + "\", not the verb \"" + verb + "\"");
        }
        if (clauseLength != verbIndex - subjectIndex - 1) {
            throw new IllegalArgumentException("clause length " + clauseLength + " is not "
                    + (verbIndex - subjectIndex - 1));
        }
        if (oppositeAttractors < 0 || oppositeAttractors > attractors) {
            throw new IllegalArgumentException(oppositeAttractors + " opposite attractors of " + attractors);
        }
    }

    /** What the model has read when it must predict the verb. */
    public List<String> prefix() {
        return tokens.subList(0, verbIndex);
    }

    /** The tokens joined by single spaces, as in an {@code evaluate --file} line. */
    public String text() {
        return String.join(" ", tokens);
    }
}
