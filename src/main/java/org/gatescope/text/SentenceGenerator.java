package org.gatescope.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes agreement sentences of every {@link Construction} from one random stream. It knows where
 * it put the subject, the verb and each attractor, and annotates from that; sentences of the
 * lecture's shape go through {@link AgreementParser}, so a typed lecture-style sentence and a
 * generated one are counted alike.
 *
 * <p>Words are drawn most frequent first (the i-th of n with density ∝ 1/√i), so the lexicon's
 * long tail is rare in the corpus, as in real text: those are the words whose signatures
 * training learns. The subject and the verb that must agree are drawn from the words of their
 * construction's training side or held-out side ({@link Holdout}).
 */
final class SentenceGenerator {

    /** How often each construction is written in the training mix, in per mille. */
    private static final int[] TRAINING_MIX = {
        55,  // simple
        110, // pp
        90,  // subject-relative
        90,  // object-relative
        80,  // object-relative-no-that
        110, // within-object-relative: the verb agrees with the second noun, not the first; the GRU needs more
        90,  // sentential-complement
        60,  // vp-coordination-short
        80,  // vp-coordination-long
        55,  // copula-adjective
        180  // lecture-clause
    };
    private static final int[] LECTURE_ATTRACTORS_CUMULATIVE = {35, 65, 85, 100};
    private static final int NO_CLAUSE = 10;
    private static final int OBJECT_GAP = 25;
    private static final int NUMBERED_OBJECT = 60;
    private static final int ADVERB_BEFORE_VERB = 40;
    private static final int FILLER_AFTER_GAP = 30;
    private static final int ADVERB_AT_END = 15;
    private static final int PLAIN_THE = 75;

    private final Random random;
    private final boolean heldOutWords;
    /** The numbers of the attractors in the clause being written, for the long set's both-numbers rule. */
    private final List<Boolean> clauseNumbers = new ArrayList<>();

    /**
     * @param heldOutWords draw the agreeing subject and verb from each construction's held-out words
     *     (evaluation) instead of its training words
     */
    SentenceGenerator(Random random, boolean heldOutWords) {
        this.random = random;
        this.heldOutWords = heldOutWords;
    }

    /** A sentence of the training mix of constructions. */
    AgreementSentence training() {
        int r = random.nextInt(1000);
        int c = 0;
        while (r >= TRAINING_MIX[c]) {
            r -= TRAINING_MIX[c];
            c++;
        }
        return sentence(Construction.values()[c]);
    }

    /** One sentence of {@code construction}, of either number with equal odds. */
    AgreementSentence sentence(Construction construction) {
        Writer w = new Writer(construction, random.nextBoolean());
        switch (construction) {
            case SIMPLE -> {
                w.subject(random.nextInt(3) > 0);
                w.verbPhrase();
            }
            case PP -> {
                w.subject(random.nextBoolean());
                int pps = 1 + (percent(60) ? 0 : percent(60) ? 1 : 2);
                for (int i = 0; i < pps; i++) {
                    w.prepositionalPhrase(random.nextBoolean());
                }
                w.verbPhrase();
            }
            case SUBJECT_RELATIVE -> {
                w.subject(true);
                w.token(pick(List.of("who", "that")));
                if (percent(50)) {
                    w.token(pickWeighted(Lexicon.TRANSITIVE_VERBS).form(w.plural)); // shows the number too
                } else {
                    w.token(pickWeighted(Lexicon.CLAUSE_VERBS));
                }
                w.nounPhrase(random.nextBoolean(), random.nextBoolean());
                if (percent(35)) {
                    w.prepositionalPhrase(random.nextBoolean());
                }
                w.verbPhrase();
            }
            case OBJECT_RELATIVE, OBJECT_RELATIVE_NO_THAT -> {
                w.subject(random.nextBoolean());
                if (construction == Construction.OBJECT_RELATIVE) {
                    w.token(Lexicon.THAT);
                }
                boolean inner = random.nextBoolean();
                w.nounPhrase(inner, true);
                w.token(pickWeighted(Lexicon.TRANSITIVE_VERBS).form(inner));
                w.verbPhrase();
            }
            case WITHIN_OBJECT_RELATIVE -> {
                boolean head = random.nextBoolean();
                w.nounPhrase(head, true);
                if (percent(50)) {
                    w.token(Lexicon.THAT);
                }
                w.subject(true);
                w.probedVerb(pickAgreeingVerb(Lexicon.TRANSITIVE_VERBS, w.construction).form(w.plural));
                w.verbPhraseOf(head, true);
            }
            case SENTENTIAL_COMPLEMENT -> {
                w.nounPhrase(random.nextBoolean(), true);
                w.token(pickWeighted(Lexicon.SAYING_VERBS));
                if (percent(50)) {
                    w.token(Lexicon.THAT);
                }
                w.subject(random.nextInt(3) > 0);
                w.verbPhrase();
            }
            case VP_COORDINATION_SHORT -> {
                w.subject(true);
                if (percent(60)) {
                    w.token(pickWeighted(Lexicon.INTRANSITIVE_VERBS).form(w.plural));
                } else {
                    w.token(pickWeighted(Lexicon.TRANSITIVE_VERBS).form(w.plural));
                    w.nounPhrase(random.nextBoolean(), random.nextBoolean());
                }
                w.token(Lexicon.AND);
                w.verbPhrase();
            }
            case VP_COORDINATION_LONG -> {
                w.subject(true);
                if (percent(50)) {
                    w.token(pickWeighted(Lexicon.TRANSITIVE_VERBS).form(w.plural));
                    w.nounPhrase(random.nextBoolean(), random.nextBoolean());
                } else {
                    w.token(pickWeighted(Lexicon.INTRANSITIVE_VERBS).form(w.plural));
                }
                w.prepositionalPhrase(random.nextBoolean());
                w.timeAdverbial(pick(Lexicon.TIME_ADVERBIALS));
                w.token(Lexicon.AND);
                w.verbPhrase();
            }
            case COPULA_ADJECTIVE -> {
                w.subject(random.nextBoolean());
                if (percent(50)) {
                    w.prepositionalPhrase(random.nextBoolean());
                }
                int r = random.nextInt(4);
                w.probedVerb(Lexicon.MAIN_VERBS.get(r / 2).form(w.plural));
                w.token(pickWeighted(Lexicon.PREDICATES));
                w.token(Lexicon.FULL_STOP);
            }
            case LECTURE_CLAUSE -> {
                return lectureClause();
            }
            default -> throw new IllegalStateException(construction.toString());
        }
        return w.annotate();
    }

    /** The lecture's shape: 10% without clause, else 0..3 attractors. */
    private AgreementSentence lectureClause() {
        boolean plural = random.nextBoolean();
        if (percent(NO_CLAUSE)) {
            return AgreementParser.parse(lectureSentence(plural, List.of()));
        }
        int r = random.nextInt(100);
        int count = 0;
        while (r >= LECTURE_ATTRACTORS_CUMULATIVE[count]) {
            count++;
        }
        List<Boolean> numbers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            numbers.add(random.nextBoolean());
        }
        return AgreementParser.parse(lectureSentence(plural, shortClause(numbers)));
    }

    /** A lecture-shaped sentence with {@code minimum}..3 attractors, at least {@code minimum} opposite. */
    AgreementSentence withOppositeAttractors(int minimum) {
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
        return AgreementParser.parse(lectureSentence(plural, shortClause(numbers)));
    }

    /**
     * A lecture-shaped sentence whose clause has between {@code minLength} and {@code maxLength}
     * tokens, made long by a chain of prepositional phrases and adverbs, with attractors of both numbers.
     */
    AgreementSentence longClause(int minLength, int maxLength) {
        boolean plural = random.nextBoolean();
        // Each step adds at most 5 tokens ("next door to the cats"), so stopping past the target stays within 4.
        int target = minLength + random.nextInt(maxLength - 5 - minLength + 1);
        List<String> clause;
        do {
            clause = openClause(start(), random.nextBoolean());
            while (clause.size() + 1 < target) {
                boolean afterAdverb = Lexicon.isAdverb(clause.get(clause.size() - 1));
                if (!afterAdverb && percent(ADVERB_AT_END)) {
                    clause.add(pickWeighted(Lexicon.ADVERBS));
                } else {
                    prepositionalPhrase(clause, random.nextBoolean());
                }
            }
            clause.add(Lexicon.COMMA);
        } while (!clauseNumbers.contains(true) || !clauseNumbers.contains(false));
        return AgreementParser.parse(lectureSentence(plural, clause));
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
        if (percent(ADVERB_AT_END)) {
            clause.add(pickWeighted(Lexicon.ADVERBS));
        }
        clause.add(Lexicon.COMMA);
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
            lectureNounPhrase(clause, firstNumber, Lexicon.ANIMATE_NOUNS);
        }
        if (percent(ADVERB_BEFORE_VERB)) {
            clause.add(pickWeighted(Lexicon.ADVERBS));
        }
        clause.add(pickWeighted(Lexicon.CLAUSE_VERBS));
        if (start == Start.OBJECT_GAP) {
            if (percent(FILLER_AFTER_GAP)) {
                clause.add(Lexicon.FILLER);
            }
        } else if (start == Start.NUMBERED_OBJECT) {
            lectureNounPhrase(clause, firstNumber, Lexicon.NOUNS);
        } else if (random.nextBoolean() || Lexicon.NEUTRAL_NOUNS.isEmpty()) {
            clause.add(Lexicon.FILLER);
        } else {
            clause.add(Lexicon.DETERMINER);
            clause.add(pickWeighted(Lexicon.NEUTRAL_NOUNS));
        }
        return clause;
    }

    private void prepositionalPhrase(List<String> clause, boolean plural) {
        clause.addAll(pick(Lexicon.PREPOSITIONS));
        lectureNounPhrase(clause, plural, percent(70) ? Lexicon.NOUNS : Lexicon.OTHER_NOUNS);
    }

    private void lectureNounPhrase(List<String> clause, boolean plural, List<Lexicon.NounPair> nouns) {
        clause.add(Lexicon.DETERMINER);
        clause.add(pickWeighted(nouns).form(plural));
        clauseNumbers.add(plural);
    }

    /** "the SUBJECT" + clause + was/were, is/are or has/have ["been"] + predicate + ".". */
    private List<String> lectureSentence(boolean plural, List<String> clause) {
        List<String> tokens = new ArrayList<>(clause.size() + 7);
        tokens.add(Lexicon.DETERMINER);
        tokens.add(pickAgreeing(Lexicon.NOUNS, Construction.LECTURE_CLAUSE).form(plural));
        tokens.addAll(clause);
        int r = random.nextInt(4);
        Lexicon.VerbPair verb = Lexicon.MAIN_VERBS.get(r < 2 ? 0 : r - 1);
        tokens.add(verb.form(plural));
        if (verb.takesBeen()) {
            tokens.add(Lexicon.BEEN);
        }
        tokens.add(pickWeighted(Lexicon.PREDICATES));
        tokens.add(Lexicon.FULL_STOP);
        return tokens;
    }

    /** One sentence under construction: its tokens and what is where. */
    private final class Writer {
        final Construction construction;
        final boolean plural;
        final List<String> tokens = new ArrayList<>();
        final List<Integer> attractorPositions = new ArrayList<>();
        final List<Boolean> attractorNumbers = new ArrayList<>();
        int subjectIndex = -1;
        boolean subjectAnimate;
        int verbIndex = -1;

        Writer(Construction construction, boolean plural) {
            this.construction = construction;
            this.plural = plural;
        }

        void token(String token) {
            tokens.add(token);
        }

        /** The noun phrase the probed verb agrees with (a person or animal if {@code animate}). */
        void subject(boolean animate) {
            Lexicon.NounPair noun = pickAgreeing(animate ? Lexicon.ANIMATE_NOUNS : Lexicon.THING_NOUNS, construction);
            determiner(plural, noun.form(plural), percent(PLAIN_THE));
            subjectIndex = tokens.size();
            subjectAnimate = animate;
            tokens.add(noun.form(plural));
        }

        /** An attractor noun phrase. */
        void nounPhrase(boolean nounPlural, boolean animate) {
            Lexicon.NounPair noun = pickWeighted(animate ? Lexicon.ANIMATE_NOUNS
                    : percent(70) ? Lexicon.NOUNS : Lexicon.OTHER_NOUNS);
            determiner(nounPlural, noun.form(nounPlural), percent(PLAIN_THE));
            if (verbIndex < 0) {
                attractorPositions.add(tokens.size());
                attractorNumbers.add(nounPlural);
            }
            tokens.add(noun.form(nounPlural));
        }

        /** "every day": its noun is read before the verb, so it counts as an attractor like any other. */
        void timeAdverbial(List<String> adverbial) {
            for (String token : adverbial) {
                if (Lexicon.isNumberedNoun(token) && !tokens.isEmpty()
                        && !Lexicon.PREPOSITIONS.contains(List.of(tokens.get(tokens.size() - 1)))) {
                    attractorPositions.add(tokens.size());
                    attractorNumbers.add(Lexicon.isPluralNoun(token));
                }
                tokens.add(token);
            }
        }

        void prepositionalPhrase(boolean nounPlural) {
            tokens.addAll(pick(Lexicon.PREPOSITIONS));
            nounPhrase(nounPlural, false);
        }

        private void determiner(boolean nounPlural, String noun, boolean plainThe) {
            if (plainThe) {
                tokens.add(Lexicon.DETERMINER);
                return;
            }
            String d = pick(nounPlural ? Lexicon.PLURAL_DETERMINERS : Lexicon.SINGULAR_DETERMINERS);
            tokens.add(d.equals("a") && "aeiou".indexOf(noun.charAt(0)) >= 0 ? "an" : d);
        }

        void probedVerb(String verb) {
            verbIndex = tokens.size();
            tokens.add(verb);
        }

        /** The probed verb in the subject's number and what follows it, to the full stop. */
        void verbPhrase() {
            int before = tokens.size();
            verbPhraseOf(plural, subjectAnimate);
            verbIndex = before;
        }

        /** A verb phrase of the given number: a lexical verb (people and animals), a copula or "has been". */
        void verbPhraseOf(boolean number, boolean animate) {
            int r = random.nextInt(animate ? 6 : 3);
            boolean probed = verbIndex < 0;
            if (r == 0 || r == 1) {
                tokens.add(Lexicon.MAIN_VERBS.get(random.nextInt(2)).form(number));
                tokens.add(pickWeighted(Lexicon.PREDICATES));
            } else if (r == 2) {
                tokens.add(Lexicon.MAIN_VERBS.get(2).form(number));
                tokens.add(Lexicon.BEEN);
                tokens.add(pickWeighted(Lexicon.PREDICATES));
            } else if (r <= 4) {
                Lexicon.LexicalVerb verb = probed ? pickAgreeingVerb(Lexicon.INTRANSITIVE_VERBS, construction)
                        : pickWeighted(Lexicon.INTRANSITIVE_VERBS);
                tokens.add(verb.form(number));
                if (percent(30)) {
                    tokens.add(pickWeighted(Lexicon.ADVERBS));
                }
            } else {
                Lexicon.LexicalVerb verb = probed ? pickAgreeingVerb(Lexicon.TRANSITIVE_VERBS, construction)
                        : pickWeighted(Lexicon.TRANSITIVE_VERBS);
                tokens.add(verb.form(number));
                Lexicon.NounPair object = pickWeighted(percent(70) ? Lexicon.NOUNS : Lexicon.OTHER_NOUNS);
                boolean objectPlural = random.nextBoolean();
                determiner(objectPlural, object.form(objectPlural), percent(PLAIN_THE));
                tokens.add(object.form(objectPlural));
            }
            tokens.add(Lexicon.FULL_STOP);
        }

        AgreementSentence annotate() {
            String verb = tokens.get(verbIndex);
            Lexicon.VerbPair pair = Lexicon.mainVerb(verb);
            int opposite = 0;
            for (boolean number : attractorNumbers) {
                opposite += number != plural ? 1 : 0;
            }
            return new AgreementSentence(tokens, subjectIndex, verbIndex, plural, pair.form(plural),
                    pair.form(!plural), attractorNumbers.size(), opposite, verbIndex - subjectIndex - 1,
                    construction);
        }
    }

    /** A noun of the construction's training or held-out side, by frequency. */
    private Lexicon.NounPair pickAgreeing(List<Lexicon.NounPair> nouns, Construction construction) {
        while (true) {
            Lexicon.NounPair noun = pickWeighted(nouns);
            if (Holdout.isHeldOut(construction, noun.singular()) == heldOutWords) {
                return noun;
            }
        }
    }

    private Lexicon.LexicalVerb pickAgreeingVerb(List<Lexicon.LexicalVerb> verbs, Construction construction) {
        while (true) {
            Lexicon.LexicalVerb verb = pickWeighted(verbs);
            if (Holdout.isHeldOut(construction, verb.plural()) == heldOutWords) {
                return verb;
            }
        }
    }

    private boolean percent(int chance) {
        return random.nextInt(100) < chance;
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    /** The i-th of n with density ∝ 1/√i: the most frequent words (first in the lists) most often. */
    private <T> T pickWeighted(List<T> options) {
        double u = random.nextDouble();
        return options.get(Math.min(options.size() - 1, (int) (options.size() * u * u)));
    }
}
