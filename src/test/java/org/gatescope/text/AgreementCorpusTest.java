package org.gatescope.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class AgreementCorpusTest {

    private static final int SAMPLES = 20_000;
    private static final long SEED = 42;

    private static final List<AgreementSentence> TRAINING = AgreementCorpus.training(SEED, SAMPLES);
    private static final List<AgreementSentence> HELD_OUT = AgreementCorpus.heldOut(SEED, SAMPLES);
    private static final List<AgreementSentence> LONG = AgreementCorpus.longClauses(SEED, SAMPLES);
    private static final List<AgreementSentence> OPPOSITE = AgreementCorpus.withOppositeAttractors(SEED, SAMPLES, 2);
    private static final List<List<AgreementSentence>> ALL_SETS = List.of(TRAINING, HELD_OUT, LONG, OPPOSITE);

    /** The number of each numbered noun, from the word lists alone, for counting independently of the parser. */
    private static final Map<String, Boolean> PLURAL = new HashMap<>();

    static {
        for (List<Lexicon.NounPair> nouns : List.of(Lexicon.NOUNS, Lexicon.OTHER_NOUNS)) {
            for (Lexicon.NounPair pair : nouns) {
                PLURAL.put(pair.singular(), false);
                PLURAL.put(pair.plural(), true);
            }
        }
    }

    @Test
    void sameSeedGivesIdenticalSentencesInEverySet() {
        assertEquals(AgreementCorpus.training(7, 500), AgreementCorpus.training(7, 500));
        assertEquals(AgreementCorpus.heldOut(7, 500), AgreementCorpus.heldOut(7, 500));
        assertEquals(AgreementCorpus.longClauses(7, 100), AgreementCorpus.longClauses(7, 100));
        assertEquals(AgreementCorpus.withOppositeAttractors(7, 500, 2),
                AgreementCorpus.withOppositeAttractors(7, 500, 2));
    }

    @Test
    void aLongerListStartsWithTheShorterOne() {
        assertEquals(AgreementCorpus.training(7, 100), AgreementCorpus.training(7, 300).subList(0, 100));
    }

    @Test
    void differentSeedsGiveDifferentSentences() {
        assertNotEquals(AgreementCorpus.training(7, 100), AgreementCorpus.training(8, 100));
        assertNotEquals(AgreementCorpus.heldOut(7, 100), AgreementCorpus.heldOut(8, 100));
        assertNotEquals(AgreementCorpus.longClauses(7, 100), AgreementCorpus.longClauses(8, 100));
        assertNotEquals(AgreementCorpus.withOppositeAttractors(7, 100, 2),
                AgreementCorpus.withOppositeAttractors(8, 100, 2));
    }

    @Test
    void pinnedSeedGivesThePinnedFirstSentences() {
        // Guards determinism across JVMs and refactorings: a change here changes every trained model.
        List<String> first = AgreementCorpus.training(1, 3).stream().map(AgreementSentence::text).toList();
        assertEquals(PINNED_TRAINING_SEED_1, first);
    }

    private static final List<String> PINNED_TRAINING_SEED_1 = List.of(
            "the suitcases of the deputy have been sure .",
            "the man that the fellow provides was greater .",
            "my receptionist who touches the neighbor uses the satisfaction .");

    @Test
    void heldOutSentencesNeverAppearInTraining() {
        Set<List<String>> training = new HashSet<>();
        TRAINING.forEach(s -> training.add(s.tokens()));
        for (List<AgreementSentence> set : List.of(HELD_OUT, OPPOSITE)) {
            for (AgreementSentence s : set) {
                assertFalse(training.contains(s.tokens()), s::text);
            }
        }
    }

    @Test
    void vocabularyStartsWithUnkAndListsEachTokenOnce() {
        List<String> vocabulary = AgreementCorpus.vocabulary();
        assertEquals(Vocabulary.UNKNOWN, vocabulary.get(0));
        assertEquals(vocabulary.size(), new HashSet<>(vocabulary).size());
        assertEquals(vocabulary.size(), new Vocabulary(vocabulary).size());
    }

    @Test
    void vocabularyIsPinnedSoModelsTrainedOnAnyDayShareIt() {
        List<String> vocabulary = AgreementCorpus.vocabulary();
        assertEquals(PINNED_VOCABULARY_START, String.join(" ", vocabulary.subList(0, 12)));
        assertEquals(PINNED_VOCABULARY_SIZE, vocabulary.size());
        assertEquals(PINNED_VOCABULARY_HASH, String.join(" ", vocabulary).hashCode());
    }

    /** The signatures, then the lexicon in its order: closed classes first. */
    private static final String PINNED_VOCABULARY_START =
            "<unk> <unk-num> <unk-Cap> <unk-ing> <unk-ed> <unk-ly> <unk-s> the a an this that";
    private static final int PINNED_VOCABULARY_SIZE = 7_330;
    private static final int PINNED_VOCABULARY_HASH = 1_057_216_414;

    @Test
    void vocabularyHoldsEveryWordFormOfTheLexiconButTheMultiWordOnes() {
        Set<String> vocabulary = Set.copyOf(AgreementCorpus.vocabulary());
        for (String form : EnglishLexicon.bundled().forms()) {
            assertEquals(!form.contains(" "), vocabulary.contains(form), form);
        }
        assertTrue(vocabulary.containsAll(UnknownWordSignature.tokens()));
        assertTrue(vocabulary.size() >= 5_000, "everyday English: " + vocabulary.size());
    }

    @Test
    void vocabularyContainsEveryGeneratedTokenAndTheLectureSentence() {
        Set<String> vocabulary = Set.copyOf(AgreementCorpus.vocabulary());
        for (List<AgreementSentence> set : ALL_SETS) {
            for (AgreementSentence s : set) {
                assertTrue(vocabulary.containsAll(s.tokens()), s::text);
            }
        }
        assertTrue(vocabulary.containsAll(Tokenizer.tokenize(AgreementCorpus.LECTURE_SENTENCE)));
        assertTrue(vocabulary.containsAll(Tokenizer.tokenize("The cats, which already ate ..., were full.")));
    }

    @Test
    void trainingUsesMostOfTheVocabularyAndEveryWordOfTheLectureSentence() {
        Set<String> seen = new TreeSet<>();
        TRAINING.forEach(s -> seen.addAll(s.tokens()));
        assertTrue(seen.size() > AgreementCorpus.vocabulary().size() / 2, seen.size() + " words seen");
        assertTrue(seen.containsAll(Tokenizer.tokenize(AgreementCorpus.LECTURE_SENTENCE)));
        assertTrue(seen.containsAll(Tokenizer.tokenize("The cats, which already ate ..., were full.")));
    }

    @Test
    void lexiconHasHundredsOfNounPairsOfDistinctWords() {
        assertTrue(Lexicon.ANIMATE_NOUNS.size() >= 300, "people and animals: " + Lexicon.ANIMATE_NOUNS.size());
        assertTrue(Lexicon.THING_NOUNS.size() >= 150, "things: " + Lexicon.THING_NOUNS.size());
        Set<String> words = new HashSet<>();
        for (Lexicon.NounPair pair : Lexicon.NOUNS) {
            assertTrue(words.add(pair.singular()), pair.singular());
            assertTrue(words.add(pair.plural()), pair.plural());
        }
        assertFalse(words.contains("fish"));
    }

    @Test
    void verbAtVerbIndexAgreesWithTheSubjectInEverySet() {
        Map<String, String> singularToPlural = new HashMap<>(Map.of("was", "were", "is", "are", "has", "have"));
        for (List<Lexicon.LexicalVerb> verbs : List.of(Lexicon.INTRANSITIVE_VERBS, Lexicon.TRANSITIVE_VERBS)) {
            verbs.forEach(v -> singularToPlural.put(v.singular(), v.plural()));
        }
        Set<String> determiners = new HashSet<>(Lexicon.SINGULAR_DETERMINERS);
        determiners.addAll(Lexicon.PLURAL_DETERMINERS);
        determiners.add("an");
        for (List<AgreementSentence> set : ALL_SETS) {
            for (AgreementSentence s : set) {
                String subject = s.tokens().get(s.subjectIndex());
                String verb = s.tokens().get(s.verbIndex());
                assertTrue(determiners.contains(s.tokens().get(s.subjectIndex() - 1)), s::text);
                assertEquals(PLURAL.get(subject), s.pluralSubject(), s::text);
                assertEquals(verb, s.verb());
                String singular = s.pluralSubject() ? s.wrongVerb() : s.verb();
                String plural = s.pluralSubject() ? s.verb() : s.wrongVerb();
                assertEquals(singularToPlural.get(singular), plural, s::text);
                boolean perfect = verb.equals("has") || verb.equals("have");
                assertEquals(perfect, s.tokens().get(s.verbIndex() + 1).equals("been"), s::text);
            }
        }
    }

    @Test
    void everyConstructionIsInTheTrainingMixWithBothNumbersAndEveryVerbFamily() {
        for (Construction construction : Construction.values()) {
            List<AgreementSentence> of = TRAINING.stream().filter(s -> s.construction() == construction).toList();
            assertTrue(of.size() > SAMPLES / 30, construction + ": " + of.size());
            assertTrue(of.stream().anyMatch(AgreementSentence::pluralSubject), construction.id());
            assertTrue(of.stream().anyMatch(s -> !s.pluralSubject()), construction.id());
        }
        Set<String> verbs = new TreeSet<>();
        TRAINING.forEach(s -> verbs.add(s.verb()));
        assertTrue(verbs.containsAll(Set.of("was", "were", "is", "are", "has", "have")));
        assertTrue(verbs.size() > 200, "present-tense lexical verbs too: " + verbs.size());
    }

    @Test
    void eachConstructionHasItsShape() {
        for (Construction construction : Construction.values()) {
            for (AgreementSentence s : AgreementCorpus.heldOut(construction, 3, 300)) {
                List<String> t = s.tokens();
                String text = s.text();
                switch (construction) {
                    case SIMPLE, COPULA_ADJECTIVE -> assertTrue(s.clauseLength() <= 5, text);
                    case PP -> assertTrue(s.attractors() >= 1 && s.attractors() <= 3, text);
                    case SUBJECT_RELATIVE -> assertTrue(Set.of("who", "that").contains(t.get(s.subjectIndex() + 1)),
                            text);
                    case OBJECT_RELATIVE -> assertEquals("that", t.get(s.subjectIndex() + 1), text);
                    // "that" may be the attractor's determiner ("the listeners that dog nods"), never a complementiser.
                    case OBJECT_RELATIVE_NO_THAT -> assertTrue(PLURAL.containsKey(t.get(s.subjectIndex() + 1))
                            || PLURAL.containsKey(t.get(s.subjectIndex() + 2)), text);
                    case WITHIN_OBJECT_RELATIVE, SENTENTIAL_COMPLEMENT -> {
                        assertEquals(0, s.clauseLength(), text);
                        assertEquals(1, s.attractors(), "the noun before the subject: " + text);
                    }
                    case VP_COORDINATION_SHORT, VP_COORDINATION_LONG ->
                            assertEquals("and", t.get(s.verbIndex() - 1), text);
                    case LECTURE_CLAUSE -> assertEquals(s, AgreementCorpus.annotate(t));
                    default -> throw new AssertionError(construction);
                }
            }
        }
    }

    @Test
    void heldOutSentencesAgreeOnlyOnWordsTheirConstructionNeverAgreedOnInTraining() {
        Map<Construction, Set<String>> trainingSubjects = new HashMap<>();
        for (AgreementSentence s : TRAINING) {
            trainingSubjects.computeIfAbsent(s.construction(), c -> new HashSet<>())
                    .add(s.tokens().get(s.subjectIndex()));
        }
        for (Construction construction : Construction.values()) {
            for (AgreementSentence s : AgreementCorpus.heldOut(construction, 5, 300)) {
                String subject = s.tokens().get(s.subjectIndex());
                assertFalse(trainingSubjects.get(construction).contains(subject), s::text);
            }
        }
    }

    @Test
    void unseenSubjectsAreOutsideTheVocabularyAndReadAsTheirNumbersSignature() {
        Vocabulary vocabulary = new Vocabulary(AgreementCorpus.vocabulary());
        List<AgreementSentence> unseen = AgreementCorpus.unseenSubjects(9, 400);
        assertTrue(AgreementCorpus.unseenNouns().size() >= 50);
        for (AgreementSentence s : unseen) {
            String subject = s.tokens().get(s.subjectIndex());
            assertFalse(vocabulary.contains(subject), s::text);
            assertEquals(s.pluralSubject() ? "<unk-s>" : "<unk>", vocabulary.readAs(subject), s::text);
        }
        assertTrue(unseen.stream().anyMatch(AgreementSentence::pluralSubject));
        assertTrue(unseen.stream().anyMatch(s -> !s.pluralSubject()));
    }

    @Test
    void attractorCountsMatchAnIndependentRecountInEverySet() {
        Set<String> prepositionWords = new HashSet<>();
        Lexicon.PREPOSITIONS.forEach(prepositionWords::addAll);
        Set<String> determiners = new HashSet<>(Lexicon.SINGULAR_DETERMINERS);
        determiners.addAll(Lexicon.PLURAL_DETERMINERS);
        determiners.add("an");
        for (List<AgreementSentence> set : ALL_SETS) {
            for (AgreementSentence s : set) {
                int attractors = 0;
                int opposite = 0;
                // A numbered noun right after a determiner, before the verb, other than the subject.
                for (int i = 1; i < s.verbIndex(); i++) {
                    Boolean plural = PLURAL.get(s.tokens().get(i));
                    if (i != s.subjectIndex() && plural != null && determiners.contains(s.tokens().get(i - 1))
                            && !(determiners.contains(s.tokens().get(i)) && PLURAL.containsKey(s.tokens().get(i + 1)))) {
                        attractors++;
                        opposite += plural != s.pluralSubject() ? 1 : 0;
                    }
                }
                assertEquals(attractors, s.attractors(), s::text);
                assertEquals(opposite, s.oppositeAttractors(), s::text);
                assertEquals(s.verbIndex() - s.subjectIndex() - 1, s.clauseLength(), s::text);
            }
        }
    }

    @Test
    void trainingClausesNeverExceedTheMaximumAndComeCloseToIt() {
        int longest = 0;
        for (List<AgreementSentence> set : List.of(TRAINING, HELD_OUT, OPPOSITE)) {
            for (AgreementSentence s : set) {
                assertTrue(s.clauseLength() <= AgreementCorpus.MAX_TRAINING_CLAUSE_LENGTH, s::text);
                assertTrue(s.attractors() <= AgreementCorpus.MAX_TRAINING_ATTRACTORS, s::text);
                longest = Math.max(longest, s.clauseLength());
            }
        }
        assertTrue(longest >= AgreementCorpus.MAX_TRAINING_CLAUSE_LENGTH - 3, "longest " + longest);
    }

    @Test
    void longClausesAreAtLeastTwiceTheLongestTrainingClauseWithAttractorsOfBothNumbers() {
        assertEquals(2 * AgreementCorpus.MAX_TRAINING_CLAUSE_LENGTH, AgreementCorpus.LONG_CLAUSE_MIN_LENGTH);
        int shortest = Integer.MAX_VALUE;
        int longest = 0;
        for (AgreementSentence s : LONG) {
            assertTrue(s.clauseLength() >= AgreementCorpus.LONG_CLAUSE_MIN_LENGTH, s::text);
            assertTrue(s.clauseLength() <= AgreementCorpus.LONG_CLAUSE_MAX_LENGTH, s::text);
            assertTrue(s.oppositeAttractors() >= 1 && s.oppositeAttractors() < s.attractors(), s::text);
            shortest = Math.min(shortest, s.clauseLength());
            longest = Math.max(longest, s.clauseLength());
        }
        assertEquals(AgreementCorpus.LONG_CLAUSE_MIN_LENGTH, shortest);
        assertTrue(longest >= AgreementCorpus.LONG_CLAUSE_MAX_LENGTH - 3, "longest " + longest);
    }

    @Test
    void trainingIsBalancedAndMixesAttractorCounts() {
        for (List<AgreementSentence> set : List.of(TRAINING, HELD_OUT)) {
            long singular = set.stream().filter(s -> !s.pluralSubject()).count();
            assertBetween(0.45, 0.55, singular / (double) set.size(), "singular share");
            for (int k = 0; k <= AgreementCorpus.MAX_TRAINING_ATTRACTORS; k++) {
                int attractors = k;
                long withK = set.stream().filter(s -> s.attractors() == attractors).count();
                assertTrue(withK > set.size() / 100, "sentences with " + k + " attractors: " + withK);
            }
            List<AgreementSentence> withAttractors = set.stream().filter(s -> s.attractors() > 0).toList();
            long opposite = withAttractors.stream().filter(s -> s.oppositeAttractors() > 0).count();
            assertBetween(0.4, 0.7, opposite / (double) withAttractors.size(), "attractors of the other number");
        }
    }

    @Test
    void oppositeAttractorSetHasAtLeastTheMinimum() {
        for (int minimum = 1; minimum <= AgreementCorpus.MAX_TRAINING_ATTRACTORS; minimum++) {
            for (AgreementSentence s : AgreementCorpus.withOppositeAttractors(3, 2_000, minimum)) {
                assertTrue(s.oppositeAttractors() >= minimum, s::text);
            }
        }
        long singular = OPPOSITE.stream().filter(s -> !s.pluralSubject()).count();
        assertBetween(0.45, 0.55, singular / (double) OPPOSITE.size(), "singular share");
    }

    @Test
    void oppositeAttractorMinimumOutsideOneToThreeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> AgreementCorpus.withOppositeAttractors(1, 10, 0));
        assertThrows(IllegalArgumentException.class, () -> AgreementCorpus.withOppositeAttractors(1, 10, 4));
    }

    @Test
    void negativeCountIsRefusedAndZeroGivesNothing() {
        assertThrows(IllegalArgumentException.class, () -> AgreementCorpus.training(1, -1));
        assertEquals(List.of(), AgreementCorpus.heldOut(1, 0));
    }

    @Test
    void everyGeneratedSentenceReadsBackToItsOwnAnnotation() {
        for (List<AgreementSentence> set : ALL_SETS) {
            for (AgreementSentence s : set.subList(0, 2_000)) {
                if (s.construction() == Construction.LECTURE_CLAUSE) {
                    assertEquals(s, AgreementCorpus.annotate(s.tokens()));
                }
            }
        }
    }

    @Test
    void lectureSentenceIsASentenceOfTheGrammarWhoseEveryWordTrainingUses() {
        List<String> lecture = Tokenizer.tokenize(AgreementCorpus.LECTURE_SENTENCE);
        AgreementSentence annotated = AgreementCorpus.annotate(lecture);
        assertEquals(Construction.LECTURE_CLAUSE, annotated.construction());
        Set<String> seen = new HashSet<>();
        TRAINING.forEach(s -> seen.addAll(s.tokens()));
        assertTrue(seen.containsAll(lecture));
        assertTrue(TRAINING.stream().anyMatch(s -> s.construction() == Construction.LECTURE_CLAUSE
                && s.tokens().contains("...") && s.tokens().contains("which")));
    }

    private static void assertBetween(double low, double high, double actual, String what) {
        assertTrue(actual >= low && actual <= high, what + " " + actual + " not in [" + low + ", " + high + "]");
    }
}
