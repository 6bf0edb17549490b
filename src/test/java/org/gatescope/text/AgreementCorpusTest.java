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
        for (Lexicon.NounPair pair : Lexicon.NOUNS) {
            PLURAL.put(pair.singular(), false);
            PLURAL.put(pair.plural(), true);
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
            "the rabbits , which the fox heard behind the ducks near the neighbors , are old .",
            "the ox , which already found ... finally , was hungry .",
            "the women , which the babies fed behind the neighbor , have been asleep .");

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
        assertEquals(PINNED_VOCABULARY, String.join(" ", AgreementCorpus.vocabulary()));
    }

    private static final String PINNED_VOCABULARY = "<unk> the , . ... which that who"
            + " cat cats dog dogs child children mouse mice man men woman women bird birds teacher teachers"
            + " horse horses boy boys girl girls fox foxes baby babies wolf wolves student students"
            + " farmer farmers goose geese person people puppy puppies lady ladies ox oxen rabbit rabbits"
            + " doctor doctors duck ducks king kings neighbor neighbors fish"
            + " ate saw chased liked found heard fed followed already finally quietly often"
            + " near with behind beside under was were is are has have been"
            + " full hungry tired happy sleepy old young asleep";

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
    void trainingUsesEveryWordOfTheVocabularySoNoEmbeddingIsLeftUntrained() {
        Set<String> seen = new TreeSet<>();
        TRAINING.forEach(s -> seen.addAll(s.tokens()));
        Set<String> expected = new TreeSet<>(AgreementCorpus.vocabulary());
        expected.remove(Vocabulary.UNKNOWN);
        assertEquals(expected, seen);
    }

    @Test
    void lexiconHasAtLeast25NounPairsOfDistinctWords() {
        assertTrue(Lexicon.NOUNS.size() >= 25);
        Set<String> words = new HashSet<>();
        for (Lexicon.NounPair pair : Lexicon.NOUNS) {
            assertTrue(words.add(pair.singular()), pair.singular());
            assertTrue(words.add(pair.plural()), pair.plural());
        }
        assertFalse(words.contains("fish"));
    }

    @Test
    void verbAtVerbIndexAgreesWithTheSubjectInEverySet() {
        Map<String, String> singularToPlural = Map.of("was", "were", "is", "are", "has", "have");
        for (List<AgreementSentence> set : ALL_SETS) {
            for (AgreementSentence s : set) {
                String subject = s.tokens().get(s.subjectIndex());
                String verb = s.tokens().get(s.verbIndex());
                assertEquals("the", s.tokens().get(s.subjectIndex() - 1), s::text);
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
    void attractorCountsMatchAnIndependentRecountInEverySet() {
        for (List<AgreementSentence> set : ALL_SETS) {
            for (AgreementSentence s : set) {
                int attractors = 0;
                int opposite = 0;
                for (int i = s.subjectIndex() + 2; i < s.verbIndex(); i++) {
                    Boolean plural = PLURAL.get(s.tokens().get(i));
                    if (plural != null && s.tokens().get(i - 1).equals("the")) {
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
    void trainingClausesNeverExceedTheMaximumAndReachIt() {
        int longest = 0;
        for (List<AgreementSentence> set : List.of(TRAINING, HELD_OUT, OPPOSITE)) {
            for (AgreementSentence s : set) {
                assertTrue(s.clauseLength() <= AgreementCorpus.MAX_TRAINING_CLAUSE_LENGTH, s::text);
                assertTrue(s.attractors() <= AgreementCorpus.MAX_TRAINING_ATTRACTORS, s::text);
                longest = Math.max(longest, s.clauseLength());
            }
        }
        assertEquals(AgreementCorpus.MAX_TRAINING_CLAUSE_LENGTH, longest);
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
        assertEquals(AgreementCorpus.LONG_CLAUSE_MAX_LENGTH, longest);
    }

    @Test
    void trainingIsBalancedAndMixesAttractorCounts() {
        for (List<AgreementSentence> set : List.of(TRAINING, HELD_OUT)) {
            long singular = set.stream().filter(s -> !s.pluralSubject()).count();
            assertBetween(0.45, 0.55, singular / (double) set.size(), "singular share");
            long noClause = set.stream().filter(s -> s.clauseLength() == 0).count();
            assertBetween(0.17, 0.23, noClause / (double) set.size(), "share without clause");
            List<AgreementSentence> clauses = set.stream().filter(s -> s.clauseLength() > 0).toList();
            double[] expected = {0.35, 0.30, 0.20, 0.15};
            for (int k = 0; k <= AgreementCorpus.MAX_TRAINING_ATTRACTORS; k++) {
                int attractors = k;
                long withK = clauses.stream().filter(s -> s.attractors() == attractors).count();
                assertBetween(expected[k] - 0.03, expected[k] + 0.03, withK / (double) clauses.size(),
                        "share of clauses with " + k + " attractors");
            }
            Set<String> verbs = new TreeSet<>();
            set.forEach(s -> verbs.add(s.verb()));
            assertEquals(Set.of("was", "were", "is", "are", "has", "have"), verbs);
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
                assertEquals(s, AgreementCorpus.annotate(s.tokens()));
            }
        }
    }

    @Test
    void lectureSentenceIsAPossibleTrainingSentence() {
        List<String> lecture = Tokenizer.tokenize(AgreementCorpus.LECTURE_SENTENCE);
        boolean found = false;
        for (List<AgreementSentence> set : List.of(TRAINING, HELD_OUT)) {
            for (AgreementSentence s : set) {
                found |= s.clauseLength() == 6 && s.tokens().subList(2, 8).equals(lecture.subList(2, 8));
            }
        }
        assertTrue(found, "no sentence has the lecture's clause");
    }

    private static void assertBetween(double low, double high, double actual, String what) {
        assertTrue(actual >= low && actual <= high, what + " " + actual + " not in [" + low + ", " + high + "]");
    }
}
