package org.gatescope.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes the token lists of agreement sentences from one random stream. It decides only the
 * shape and the words; {@link AgreementParser} counts what the annotation says, so the two
 * cannot disagree about an attractor.
 */
final class SentenceGenerator {

    /** Percentages of the training distribution (see {@link AgreementCorpus}). */
    private static final int NO_CLAUSE = 20;
    private static final int[] ATTRACTOR_COUNT_CUMULATIVE = {35, 65, 85, 100};
    private static final int OBJECT_GAP = 25;
    private static final int NUMBERED_OBJECT = 60;
    private static final int ADVERB_BEFORE_VERB = 40;
    private static final int FILLER_AFTER_GAP = 30;
    private static final int ADVERB_AT_END = 15;

    private final Random random;
    /** The numbers of the attractors in the clause being written, for the long set's both-numbers rule. */
    private final List<Boolean> clauseNumbers = new ArrayList<>();

    SentenceGenerator(Random random) {
        this.random = random;
    }

    /** A sentence of the training distribution: 20% without clause, else 0..3 attractors. */
    List<String> training() {
        boolean plural = random.nextBoolean();
        if (percent(NO_CLAUSE)) {
            return sentence(plural, List.of());
        }
        int r = random.nextInt(100);
        int count = 0;
        while (r >= ATTRACTOR_COUNT_CUMULATIVE[count]) {
            count++;
        }
        List<Boolean> numbers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            numbers.add(random.nextBoolean());
        }
        return sentence(plural, shortClause(numbers));
    }

    /** A training-shaped sentence with {@code minimum}..3 attractors, at least {@code minimum} opposite. */
    List<String> withOppositeAttractors(int minimum) {
        boolean plural = random.nextBoolean();
        int count = minimum + random.nextInt(AgreementCorpus.MAX_TRAINING_ATTRACTORS - minimum + 1);
        List<Boolean> numbers = new ArrayList<>(count);
        int opposite = 0;
        for (int i = 0; i < count; i++) {
            boolean number = random.nextBoolean();
            numbers.add(number);
            opposite += number != plural ? 1 : 0;
        }
        while (opposite < minimum) {
            int i = random.nextInt(count);
            if (numbers.get(i) == plural) {
                numbers.set(i, !plural);
                opposite++;
            }
        }
        return sentence(plural, shortClause(numbers));
    }

    /**
     * A sentence whose clause has between {@code minLength} and {@code maxLength} tokens, made
     * long by a chain of prepositional phrases and adverbs, with attractors of both numbers.
     */
    List<String> longClause(int minLength, int maxLength) {
        boolean plural = random.nextBoolean();
        // Each step adds at most 3 tokens, so stopping once the target is reached stays within 2 of it.
        int target = minLength + random.nextInt(maxLength - 2 - minLength + 1);
        List<String> clause;
        do {
            clause = openClause(start(), random.nextBoolean());
            while (clause.size() + 1 < target) {
                boolean afterAdverb = Lexicon.ADVERBS.contains(clause.get(clause.size() - 1));
                if (!afterAdverb && percent(ADVERB_AT_END)) {
                    clause.add(pick(Lexicon.ADVERBS));
                } else {
                    prepositionalPhrase(clause, random.nextBoolean());
                }
            }
            clause.add(Lexicon.COMMA);
        } while (!clauseNumbers.contains(true) || !clauseNumbers.contains(false));
        return sentence(plural, clause);
    }

    /** How a relative clause begins: "which the cat saw", "which ate the dogs", "which ate ...". */
    private enum Start { OBJECT_GAP, NUMBERED_OBJECT, NEUTRAL_OBJECT }

    /** A clause of at most three attractors, with the numbers given in order of appearance. */
    private List<String> shortClause(List<Boolean> numbers) {
        Start start = numbers.isEmpty() ? Start.NEUTRAL_OBJECT : start();
        List<String> clause = openClause(start, !numbers.isEmpty() && numbers.get(0));
        for (int i = start == Start.NEUTRAL_OBJECT ? 0 : 1; i < numbers.size(); i++) {
            prepositionalPhrase(clause, numbers.get(i));
        }
        endClause(clause);
        return clause;
    }

    private Start start() {
        if (percent(OBJECT_GAP)) {
            return Start.OBJECT_GAP;
        }
        return percent(NUMBERED_OBJECT) ? Start.NUMBERED_OBJECT : Start.NEUTRAL_OBJECT;
    }

    /** ", which the cat [adverb] saw [...]", ", which [adverb] ate the dogs" or ", which [adverb] ate ...". */
    private List<String> openClause(Start start, boolean firstNumber) {
        clauseNumbers.clear();
        List<String> clause = new ArrayList<>();
        clause.add(Lexicon.COMMA);
        clause.add(pick(Lexicon.RELATIVE_PRONOUNS));
        if (start == Start.OBJECT_GAP) {
            nounPhrase(clause, firstNumber);
        }
        if (percent(ADVERB_BEFORE_VERB)) {
            clause.add(pick(Lexicon.ADVERBS));
        }
        clause.add(pick(Lexicon.CLAUSE_VERBS));
        if (start == Start.OBJECT_GAP) {
            if (percent(FILLER_AFTER_GAP)) {
                clause.add(Lexicon.FILLER);
            }
        } else if (start == Start.NUMBERED_OBJECT) {
            nounPhrase(clause, firstNumber);
        } else {
            neutralObject(clause);
        }
        return clause;
    }

    private void endClause(List<String> clause) {
        if (percent(ADVERB_AT_END)) {
            clause.add(pick(Lexicon.ADVERBS));
        }
        clause.add(Lexicon.COMMA);
    }

    /** "the fish" or the lecture's "...": an object that is no attractor. */
    private void neutralObject(List<String> clause) {
        if (random.nextBoolean()) {
            clause.add(Lexicon.FILLER);
        } else {
            clause.add(Lexicon.DETERMINER);
            clause.add(pick(Lexicon.NEUTRAL_NOUNS));
        }
    }

    private void prepositionalPhrase(List<String> clause, boolean plural) {
        clause.add(pick(Lexicon.PREPOSITIONS));
        nounPhrase(clause, plural);
    }

    private void nounPhrase(List<String> clause, boolean plural) {
        clause.add(Lexicon.DETERMINER);
        clause.add(pick(Lexicon.NOUNS).form(plural));
        clauseNumbers.add(plural);
    }

    /** "the SUBJECT" + clause + main verb ["been"] + predicate + ".": was/were 50%, is/are, has/have 25% each. */
    private List<String> sentence(boolean plural, List<String> clause) {
        List<String> tokens = new ArrayList<>(clause.size() + 7);
        tokens.add(Lexicon.DETERMINER);
        tokens.add(pick(Lexicon.NOUNS).form(plural));
        tokens.addAll(clause);
        int r = random.nextInt(4);
        Lexicon.VerbPair verb = Lexicon.MAIN_VERBS.get(r < 2 ? 0 : r - 1);
        tokens.add(verb.form(plural));
        if (verb.takesBeen()) {
            tokens.add(Lexicon.BEEN);
        }
        tokens.add(pick(Lexicon.PREDICATES));
        tokens.add(Lexicon.FULL_STOP);
        return tokens;
    }

    private boolean percent(int chance) {
        return random.nextInt(100) < chance;
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
