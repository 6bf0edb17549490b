package org.gatescope.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a sentence's verb is, which form of it agrees with the subject, and its partner in the
 * other number: what memory reach, ablation and the prediction panel compare. An agreement
 * sentence gives them exactly; any other sentence that has a verb of {@link AgreementVerbs} gives
 * its best reading: the first such verb outside a comma-bounded clause, in the number of the
 * subject when the {@link Lexicon} knows the subject ("The cat, which ate a lot of food, was full."),
 * else as written ("The keys to the cabinet are on the table." compares "are" with "is").
 * A text of several sentences has one target per sentence that has a verb.
 *
 * @param verbIndex the verb's token; the model predicts it after token {@code verbIndex - 1}
 * @param verb the form that agrees with the subject (or the written form when no subject is known)
 * @param partner the same verb in the other number
 */
public record VerbTarget(int verbIndex, String verb, String partner) {

    /** The verbs known without a model: the irregular pairs and the grammar's own. */
    public static final AgreementVerbs CORPUS_VERBS = AgreementVerbs.of(Lexicon.words());

    private static final Set<String> SENTENCE_ENDS = Set.of(Lexicon.FULL_STOP, "!", "?");
    /** A word right after one of these is read as a noun ("the runs"), never as a verb. */
    private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "this", "that", "these", "those",
            "my", "your", "his", "her", "its", "our", "their", "some", "many", "every", "each", "no");

    /** The first verb target of the text, with the verbs of the corpus; empty when it has none. */
    public static Optional<VerbTarget> find(List<String> tokens) {
        List<VerbTarget> all = findAll(tokens, CORPUS_VERBS);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /**
     * One target per sentence that has a verb of {@code verbs}, in text order. Sentences end at
     * ".", "!" and "?"; a verb must have a token of its own sentence before it.
     */
    public static List<VerbTarget> findAll(List<String> tokens, AgreementVerbs verbs) {
        List<VerbTarget> targets = new ArrayList<>();
        int start = 0;
        for (int t = 0; t <= tokens.size(); t++) {
            if (t == tokens.size() || SENTENCE_ENDS.contains(tokens.get(t))) {
                int end = Math.min(t + 1, tokens.size());
                if (end > start) {
                    int offset = start;
                    inSentence(tokens.subList(start, end), verbs).ifPresent(local -> targets.add(
                            new VerbTarget(offset + local.verbIndex(), local.verb(), local.partner())));
                }
                start = end;
            }
        }
        return List.copyOf(targets);
    }

    /**
     * The target the prediction at {@code step} belongs to: the first verb at or after the step, or,
     * past the last verb, the last one (its choice is still the text's story).
     */
    public static Optional<VerbTarget> atOrAfter(List<VerbTarget> targets, int step) {
        for (VerbTarget target : targets) {
            if (target.verbIndex() >= step) {
                return Optional.of(target);
            }
        }
        return targets.isEmpty() ? Optional.empty() : Optional.of(targets.get(targets.size() - 1));
    }

    /** The step whose next-token prediction is this verb's: the token before it. */
    public int predictionStep() {
        return verbIndex - 1;
    }

    private static Optional<VerbTarget> inSentence(List<String> sentence, AgreementVerbs verbs) {
        try {
            AgreementSentence parsed = AgreementParser.parse(sentence);
            return Optional.of(new VerbTarget(parsed.verbIndex(), parsed.verb(), parsed.wrongVerb()));
        } catch (IllegalArgumentException notInTheGrammar) {
            return bestReading(sentence, verbs);
        }
    }

    private static Optional<VerbTarget> bestReading(List<String> tokens, AgreementVerbs verbs) {
        int subject = -1;
        for (int t = 0; t < tokens.size() && subject < 0; t++) {
            // "runs" is a noun's plural too: after "she quickly" it is the verb, after "the" a noun.
            // A subject opens the sentence or follows a determiner ("the keys", "my friends").
            boolean verbHere = t > 0 && isVerb(tokens, t, verbs);
            boolean placed = t == 0 || DETERMINERS.contains(tokens.get(t - 1));
            if (Lexicon.isNumberedNoun(tokens.get(t)) && !verbHere && placed) {
                subject = t;
            }
        }
        int firstVerb = -1;
        int commas = 0;
        for (int t = Math.max(1, subject + 1); t < tokens.size(); t++) {
            String token = tokens.get(t);
            if (Lexicon.COMMA.equals(token)) {
                commas++;
            } else if (isVerb(tokens, t, verbs)) {
                if (subject >= 0 && commas % 2 == 0) {
                    return Optional.of(agreeing(tokens, subject, t, verbs)); // outside any ", which ... ," clause
                }
                if (firstVerb < 0) {
                    firstVerb = t;
                }
            }
        }
        if (firstVerb < 0) {
            return Optional.empty();
        }
        if (subject >= 0) {
            return Optional.of(agreeing(tokens, subject, firstVerb, verbs));
        }
        String written = tokens.get(firstVerb);
        return Optional.of(new VerbTarget(firstVerb, written, verbs.pairOf(written).orElseThrow().partner(written)));
    }

    private static boolean isVerb(List<String> tokens, int t, AgreementVerbs verbs) {
        return verbs.pairOf(tokens.get(t)).isPresent() && !DETERMINERS.contains(tokens.get(t - 1));
    }

    private static VerbTarget agreeing(List<String> tokens, int subject, int verbIndex, AgreementVerbs verbs) {
        boolean plural = Lexicon.isPluralNoun(tokens.get(subject));
        AgreementVerbs.Pair pair = verbs.pairOf(tokens.get(verbIndex)).orElseThrow();
        return new VerbTarget(verbIndex, pair.form(plural), pair.form(!plural));
    }
}
