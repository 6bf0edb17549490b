package org.gatescope.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnknownWordTest {

    private static final List<String> WORDS = List.of("<unk>", "the", "key", "is", ".");

    @Test
    void aVocabularyWithSignaturesReadsAnUnseenPluralAsTheSignatureOfPlurals() {
        List<String> tokens = new ArrayList<>(WORDS);
        tokens.addAll(UnknownWordSignature.tokens());
        List<UnknownWord> unknown = UnknownWord.in(Tokenizer.tokenize("The keys is zxqv."), new Vocabulary(tokens));

        assertEquals(List.of(new UnknownWord(1, "keys", UnknownWordSignature.S, "<unk-s>"),
                new UnknownWord(3, "zxqv", UnknownWordSignature.OTHER, "<unk>")), unknown);
        assertTrue(unknown.get(0).signatureRead());
        assertEquals("\u201Ckeys\u201D is not in the model's vocabulary: read as <unk-s>, the signature of a word"
                + " ending in -s", unknown.get(0).explanation());
    }

    @Test
    void aVocabularyWithoutSignaturesReadsUnkAndSaysWhichSignatureItLacks() {
        UnknownWord keys = UnknownWord.in(Tokenizer.tokenize("The keys"), new Vocabulary(WORDS)).get(0);

        assertEquals(UnknownWordSignature.S, keys.signature());
        assertEquals("<unk>", keys.readAs());
        assertFalse(keys.signatureRead());
        assertTrue(keys.explanation().endsWith("read as <unk>: this model has no signature token <unk-s> for a word"
                + " ending in -s"), keys.explanation());
    }

    @Test
    void knownWordsAreNotListed() {
        assertEquals(List.of(), UnknownWord.in(Tokenizer.tokenize("The key is."), new Vocabulary(WORDS)));
    }
}
