package org.gatescope.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which words are verbs with a number partner: the known irregular pairs and those a vocabulary spells. */
class AgreementVerbsTest {

    private static final AgreementVerbs CORPUS = AgreementVerbs.of(Lexicon.words());

    @Test
    void theIrregularPairsAreKnownWhateverTheVocabulary() {
        AgreementVerbs none = AgreementVerbs.of(List.of());
        assertEquals(Optional.of(new AgreementVerbs.Pair("is", "are")), none.pairOf("are"));
        assertEquals(Optional.of(new AgreementVerbs.Pair("was", "were")), none.pairOf("was"));
        assertEquals(Optional.of(new AgreementVerbs.Pair("has", "have")), none.pairOf("have"));
        assertEquals(Optional.of(new AgreementVerbs.Pair("does", "do")), none.pairOf("does"));
        assertEquals("are", none.pairOf("is").orElseThrow().partner("is"));
        assertEquals("is", none.pairOf("is").orElseThrow().partner("are"));
    }

    @Test
    void aSingularSFormAndItsBaseInTheVocabularyMakeAPair() {
        AgreementVerbs verbs = AgreementVerbs.of(List.of("<unk>", "the", "runs", "run", "watches", "watch",
                "carries", "carry", "sleeps"));
        assertEquals(Optional.of(new AgreementVerbs.Pair("runs", "run")), verbs.pairOf("run"));
        assertEquals(Optional.of(new AgreementVerbs.Pair("watches", "watch")), verbs.pairOf("watches"));
        assertEquals(Optional.of(new AgreementVerbs.Pair("carries", "carry")), verbs.pairOf("carry"));
        assertTrue(verbs.pairOf("sleeps").isEmpty(), "no \"sleep\" in the vocabulary: no partner to compare");
    }

    @Test
    void theCorpusNounsAndWordsLikeItsAreNoVerbPairs() {
        AgreementVerbs verbs = AgreementVerbs.of(List.of("cat", "cats", "dog", "dogs", "its", "it", "this", "thi"));
        assertTrue(verbs.pairOf("cats").isEmpty(), "a noun of the lexicon");
        assertTrue(verbs.pairOf("its").isEmpty(), "a function word that only looks like an -s form");
        assertTrue(verbs.pairOf("this").isEmpty());
    }

    @Test
    void theCorpusVocabularyHoldsItsThreeMainVerbPairsFirstThenItsLexicalVerbs() {
        List<AgreementVerbs.Pair> inVocabulary = CORPUS.pairs().stream()
                .filter(p -> Lexicon.words().contains(p.singular()) && Lexicon.words().contains(p.plural()))
                .toList();
        assertEquals(List.of(new AgreementVerbs.Pair("was", "were"), new AgreementVerbs.Pair("is", "are"),
                new AgreementVerbs.Pair("has", "have")), inVocabulary.subList(0, 3));
        for (List<Lexicon.LexicalVerb> verbs : List.of(Lexicon.INTRANSITIVE_VERBS, Lexicon.TRANSITIVE_VERBS)) {
            for (Lexicon.LexicalVerb verb : verbs) {
                assertEquals(Optional.of(new AgreementVerbs.Pair(verb.singular(), verb.plural())),
                        CORPUS.pairOf(verb.singular()), verb.singular());
            }
        }
    }

    @Test
    void aVerbFormThatIsAlsoANounsPluralIsStillAVerb() {
        AgreementVerbs verbs = AgreementVerbs.of(List.of("the", "laughs", "laugh", "runs", "run"));
        assertEquals(Optional.of(new AgreementVerbs.Pair("laughs", "laugh")), verbs.pairOf("laugh"));
        assertEquals(Optional.of(new AgreementVerbs.Pair("runs", "run")), verbs.pairOf("runs"));
    }
}
