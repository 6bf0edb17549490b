package org.gatescope.text;

import java.util.List;

/**
 * Reads a token list as a sentence of the agreement grammar and counts what the annotation
 * needs. It is the one place that knows what an attractor is: the generator annotates its own
 * sentences through it too, so generated and user-written sentences are counted alike.
 *
 * <pre>
 * sentence := "the" NOUN [clause] MAIN-VERB ["been"] PREDICATE ["."]
 * clause   := "," RELATIVE (subject-gap | object-gap) ","
 * subject-gap := ADVERB* VERB [np | "..."] (pp | ADVERB)*      which already ate the fish near the dogs
 * object-gap  := np ADVERB* VERB ["..."] (pp | ADVERB)*         which the cat saw ...
 * np := "the" (NOUN | NEUTRAL-NOUN)      pp := PREPOSITION np    (PREPOSITION may be "in front of")
 * </pre>
 *
 * <p>The main verb is was/were, is/are or has/have; the word lists are {@link Lexicon}'s.
 */
final class AgreementParser {

    private final List<String> tokens;
    private int at;
    private boolean pluralSubject;
    private int attractors;
    private int oppositeAttractors;

    private AgreementParser(List<String> tokens) {
        this.tokens = tokens;
    }

    /** @throws IllegalArgumentException saying which token breaks the grammar and what was expected */
    static AgreementSentence parse(List<String> tokens) {
        return new AgreementParser(List.copyOf(tokens)).sentence();
    }

    private AgreementSentence sentence() {
        expect(Lexicon.DETERMINER, "a sentence starts with \"the\"");
        int subjectIndex = at;
        String subject = peek();
        if (Lexicon.isNeutralNoun(subject)) {
            throw fail("\"" + subject + "\" is the same in both numbers, so it cannot be the subject");
        }
        if (!Lexicon.isNumberedNoun(subject)) {
            throw fail("expected a noun such as \"cat\" or \"cats\" after \"the\"");
        }
        pluralSubject = Lexicon.isPluralNoun(subject);
        at++;
        if (Lexicon.COMMA.equals(peek())) {
            clause();
        }
        int verbIndex = at;
        String verb = peek();
        if (!Lexicon.isMainVerb(verb) || !Lexicon.MAIN_VERBS.contains(Lexicon.mainVerb(verb))) {
            throw fail("expected the main verb (was/were, is/are, has/have)");
        }
        Lexicon.VerbPair pair = Lexicon.mainVerb(verb);
        String correct = pair.form(pluralSubject);
        if (!verb.equals(correct)) {
            throw fail("does not agree with the " + (pluralSubject ? "plural" : "singular")
                    + " subject \"" + subject + "\"; it should be \"" + correct + "\"");
        }
        at++;
        if (pair.takesBeen()) {
            expect(Lexicon.BEEN, "\"" + verb + "\" takes \"been\" before the predicate");
        } else if (Lexicon.BEEN.equals(peek())) {
            throw fail("only has/have take \"been\"");
        }
        if (!Lexicon.isPredicate(peek())) {
            throw fail("expected an adjective such as \"full\" or \"happy\"");
        }
        at++;
        if (Lexicon.FULL_STOP.equals(peek())) {
            at++;
        }
        if (at < tokens.size()) {
            throw fail("expected the end of the sentence");
        }
        return new AgreementSentence(tokens, subjectIndex, verbIndex, pluralSubject, verb,
                pair.form(!pluralSubject), attractors, oppositeAttractors, verbIndex - subjectIndex - 1);
    }

    private void clause() {
        at++;
        if (!Lexicon.RELATIVE_PRONOUNS.contains(peek())) {
            throw fail("expected a relative pronoun (which, that, who) after the comma");
        }
        at++;
        boolean objectGap = Lexicon.DETERMINER.equals(peek());
        if (objectGap) {
            nounPhrase();
        }
        skipAdverbs();
        if (!Lexicon.isClauseVerb(peek())) {
            throw fail("expected a verb of the clause in the past tense, such as \"ate\" or \"saw\"");
        }
        at++;
        if (Lexicon.FILLER.equals(peek())) {
            at++;
        } else if (!objectGap && Lexicon.DETERMINER.equals(peek())) {
            nounPhrase();
        }
        while (true) {
            int preposition = prepositionLength();
            if (preposition > 0) {
                at += preposition;
                nounPhrase();
            } else if (Lexicon.isAdverb(peek())) {
                at++;
            } else {
                break;
            }
        }
        expect(Lexicon.COMMA, "a comma closes the relative clause");
    }

    private void nounPhrase() {
        expect(Lexicon.DETERMINER, "a preposition takes \"the\" and a noun");
        String noun = peek();
        if (Lexicon.isNumberedNoun(noun)) {
            attractors++;
            if (Lexicon.isPluralNoun(noun) != pluralSubject) {
                oppositeAttractors++;
            }
        } else if (!Lexicon.isNeutralNoun(noun)) {
            throw fail("expected a noun after \"the\"");
        }
        at++;
    }

    /** How many tokens the preposition at the cursor has ("in front of": 3), or 0 if none starts here. */
    private int prepositionLength() {
        int longest = 0;
        for (List<String> preposition : Lexicon.PREPOSITIONS) {
            int n = preposition.size();
            if (n > longest && at + n <= tokens.size() && tokens.subList(at, at + n).equals(preposition)) {
                longest = n;
            }
        }
        return longest;
    }

    private void skipAdverbs() {
        while (Lexicon.isAdverb(peek())) {
            at++;
        }
    }

    private void expect(String token, String why) {
        if (!token.equals(peek())) {
            throw fail("expected \"" + token + "\": " + why);
        }
        at++;
    }

    /** The current token, or the empty string past the end (which matches nothing). */
    private String peek() {
        return at < tokens.size() ? tokens.get(at) : "";
    }

    private IllegalArgumentException fail(String expectation) {
        String where = at < tokens.size()
                ? "token " + at + " (\"" + tokens.get(at) + "\")"
                : "the end of the sentence";
        return new IllegalArgumentException("not an agreement sentence, at " + where + ": " + expectation);
    }
}
