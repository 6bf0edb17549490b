package org.gatescope.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which verb memory reach and ablation look at, in sentences of the grammar and beyond it. */
class VerbTargetTest {

    private static Optional<VerbTarget> of(String text) {
        return VerbTarget.find(Tokenizer.tokenize(text));
    }

    @Test
    void anAgreementSentenceGivesItsMainVerb() {
        assertEquals(Optional.of(new VerbTarget(8, "was")), of("The cat, which already ate ..., was full."));
        assertEquals(Optional.of(new VerbTarget(8, "were")), of("The cats, which already ate ..., were full."));
    }

    @Test
    void wordsOutsideTheGrammarStillFindTheMainVerbAfterTheClause() {
        // "a lot of food" is not in the grammar; "were" inside the clause is not the main verb.
        assertEquals(Optional.of(new VerbTarget(11, "was")),
                of("The cat, which already ate a lot of food, was full."));
        assertEquals(Optional.of(new VerbTarget(9, "was")), of("The cat, which the dogs were chasing, was tired."));
    }

    @Test
    void theTargetIsTheFormThatAgreesWithTheSubjectEvenWhenTheTextHasTheOther() {
        assertEquals(Optional.of(new VerbTarget(2, "was")), of("The cat were full."));
        assertEquals(Optional.of(new VerbTarget(7, "have")), of("The dogs, which barked loudly, has been tired."));
    }

    @Test
    void withoutASubjectTheWrittenVerbIsTheTarget() {
        assertEquals(Optional.of(new VerbTarget(2, "is")), of("It really is late."));
    }

    @Test
    void aTextWithoutAMainVerbHasNoTarget() {
        assertTrue(of("The cat sat on the mat.").isEmpty());
        assertTrue(of("was").isEmpty(), "a verb must have something before it to be predicted");
        assertTrue(of("").isEmpty());
    }
}
