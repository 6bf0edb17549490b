package org.gatescope.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AgreementAnnotationTest {

    private static AgreementSentence annotate(String text) {
        return AgreementCorpus.annotate(Tokenizer.tokenize(text));
    }

    private static String refusal(String text) {
        return assertThrows(IllegalArgumentException.class, () -> annotate(text)).getMessage();
    }

    @Test
    void lectureSentenceHasSingularSubjectAtOneAndWasAtEight() {
        AgreementSentence s = annotate(AgreementCorpus.LECTURE_SENTENCE);
        assertEquals(1, s.subjectIndex());
        assertEquals(8, s.verbIndex());
        assertFalse(s.pluralSubject());
        assertEquals("was", s.verb());
        assertEquals("were", s.wrongVerb());
        assertEquals(0, s.attractors());
        assertEquals(6, s.clauseLength());
    }

    @Test
    void pluralLectureSentenceWantsWere() {
        AgreementSentence s = annotate("The cats, which already ate ..., were full.");
        assertTrue(s.pluralSubject());
        assertEquals("were", s.verb());
        assertEquals("was", s.wrongVerb());
    }

    @Test
    void prefixIsWhatTheModelHasReadBeforeTheVerb() {
        assertEquals(List.of("the", "cat", ",", "which", "already", "ate", "...", ","),
                annotate(AgreementCorpus.LECTURE_SENTENCE).prefix());
    }

    @Test
    void objectGapClauseCountsItsOwnSubjectAsAttractor() {
        AgreementSentence s = annotate("The dogs, which the cat saw ..., were hungry.");
        assertEquals(9, s.verbIndex());
        assertEquals(1, s.attractors());
        assertEquals(1, s.oppositeAttractors());
        assertEquals(7, s.clauseLength());
    }

    @Test
    void prepositionalPhrasesAreAttractorsAndFishIsNot() {
        AgreementSentence s = annotate("the cat , which chased the fish near the dogs behind the bird , was hungry .");
        assertEquals(2, s.attractors());
        assertEquals(1, s.oppositeAttractors());
    }

    @Test
    void sentenceWithoutClauseAndWithBeen() {
        AgreementSentence s = annotate("The cats have been tired.");
        assertEquals(2, s.verbIndex());
        assertEquals("has", s.wrongVerb());
        assertEquals(0, s.clauseLength());
    }

    @Test
    void finalFullStopMayBeLeftOut() {
        assertEquals(8, annotate("The cat, which already ate ..., was full").verbIndex());
    }

    @Test
    void verbThatDoesNotAgreeIsRefusedNamingTheRightOne() {
        String message = refusal("The cat, which chased the dogs, were full.");
        assertTrue(message.contains("token 8") && message.contains("\"was\""), message);
    }

    @Test
    void unknownWordIsRefusedByName() {
        String message = refusal("The cat, which already ate the pizza, was full.");
        assertTrue(message.contains("\"pizza\""), message);
    }

    @Test
    void hasNeedsBeenAndWasRefusesIt() {
        assertTrue(refusal("the cat has tired .").contains("been"));
        assertTrue(refusal("the cat was been tired .").contains("been"));
    }

    @Test
    void fishCannotBeTheSubjectBecauseItHasNoNumber() {
        assertTrue(refusal("the fish was full .").contains("both numbers"));
    }

    @Test
    void truncatedSentenceSaysItEndedTooEarly() {
        assertTrue(refusal("the cat , which ate").contains("end of the sentence"));
    }

    @Test
    void trailingWordsAreRefused() {
        assertTrue(refusal("the cat was full . the").contains("token 5"));
    }
}
