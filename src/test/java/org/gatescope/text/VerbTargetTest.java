package org.gatescope.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which verb memory reach, ablation and the prediction panel look at, in sentences of the grammar and beyond. */
class VerbTargetTest {

    private static final AgreementVerbs CORPUS = AgreementVerbs.of(Lexicon.words());

    private static Optional<VerbTarget> of(String text) {
        return VerbTarget.find(Tokenizer.tokenize(text));
    }

    private static List<VerbTarget> all(String text) {
        return VerbTarget.findAll(Tokenizer.tokenize(text), CORPUS);
    }

    @Test
    void anAgreementSentenceGivesItsMainVerbAndItsPartner() {
        assertEquals(Optional.of(new VerbTarget(8, "was", "were")), of("The cat, which already ate ..., was full."));
        assertEquals(Optional.of(new VerbTarget(8, "were", "was")), of("The cats, which already ate ..., were full."));
    }

    @Test
    void wordsOutsideTheGrammarStillFindTheMainVerbAfterTheClause() {
        // "a lot of food" is not in the grammar; "were" inside the clause is not the main verb.
        assertEquals(Optional.of(new VerbTarget(11, "was", "were")),
                of("The cat, which already ate a lot of food, was full."));
        assertEquals(Optional.of(new VerbTarget(9, "was", "were")),
                of("The cat, which the dogs were chasing, was tired."));
    }

    @Test
    void theKeysToTheCabinetCompareAreWithIs() {
        assertEquals(List.of(new VerbTarget(5, "are", "is")), all("The keys to the cabinet are on the table."));
    }

    @Test
    void theTargetIsTheFormThatAgreesWithTheSubjectEvenWhenTheTextHasTheOther() {
        assertEquals(Optional.of(new VerbTarget(2, "was", "were")), of("The cat were full."));
        assertEquals(Optional.of(new VerbTarget(7, "have", "has")),
                of("The dogs, which barked loudly, has been tired."));
    }

    @Test
    void withoutASubjectTheWrittenVerbIsTheTarget() {
        assertEquals(Optional.of(new VerbTarget(2, "is", "are")), of("It really is late."));
        assertEquals(List.of(new VerbTarget(2, "does", "do")), all("The dog does tricks."));
    }

    @Test
    void everySentenceOfATextGetsItsOwnVerb() {
        List<String> tokens = Tokenizer.tokenize("The cat was full. The dogs, which ate the fish, were tired.");
        List<VerbTarget> verbs = VerbTarget.findAll(tokens, CORPUS);

        assertEquals(List.of(new VerbTarget(2, "was", "were"), new VerbTarget(13, "were", "was")), verbs);
        assertEquals("were", tokens.get(13));
    }

    @Test
    void theVerbAtOrAfterAStepIsTheOneWhosePredictionComesNextElseTheLast() {
        List<VerbTarget> verbs = all("The cat was full. The dogs were tired.");

        assertEquals(2, VerbTarget.atOrAfter(verbs, 0).orElseThrow().verbIndex());
        assertEquals(2, VerbTarget.atOrAfter(verbs, 2).orElseThrow().verbIndex(), "on the verb itself");
        assertEquals(7, VerbTarget.atOrAfter(verbs, 3).orElseThrow().verbIndex(), "past the first verb");
        assertEquals(7, VerbTarget.atOrAfter(verbs, 9).orElseThrow().verbIndex(), "past the last: the last");
        assertTrue(VerbTarget.atOrAfter(List.of(), 0).isEmpty());
    }

    @Test
    void aWordRightAfterADeterminerIsANounNotAVerb() {
        AgreementVerbs verbs = AgreementVerbs.of(List.of("<unk>", "the", "runs", "run", "was", "were"));
        assertEquals(List.of(new VerbTarget(3, "was", "were")),
                VerbTarget.findAll(Tokenizer.tokenize("the runs here was long"), verbs));
        assertEquals(List.of(new VerbTarget(2, "runs", "run")),
                VerbTarget.findAll(Tokenizer.tokenize("she quickly runs home"), verbs));
    }

    @Test
    void aTextWithoutAnAgreeingVerbHasNoTarget() {
        assertTrue(of("The cat sat on the mat.").isEmpty());
        assertTrue(of("was").isEmpty(), "a verb must have something before it to be predicted");
        assertTrue(of("").isEmpty());
        assertTrue(all("The cat ate the fish. The dogs slept.").isEmpty());
    }
}
