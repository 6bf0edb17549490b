package org.gatescope.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnknownWordSignatureTest {

    @org.junit.jupiter.api.Test
    void aVocabularyWithSignaturesReadsAnUnseenPluralAsPluralOthersAsUnk() {
        Vocabulary withSignatures = new Vocabulary(java.util.List.of("<unk>", "<unk-s>", "<unk-ing>", "the", "cat"));
        assertEquals("<unk-s>", withSignatures.readAs("cabinets"));
        assertEquals(1, withSignatures.indexOf("cabinets"));
        assertEquals("<unk>", withSignatures.readAs("wug"), "no signature of its own: <unk>");
        assertEquals("cat", withSignatures.readAs("cat"));
        Vocabulary without = new Vocabulary(java.util.List.of("<unk>", "the", "cat"));
        assertEquals(0, without.indexOf("cabinets"), "models trained before signatures read <unk> as they did");
    }

    @ParameterizedTest
    @CsvSource({"cabinets,false,S", "glass,false,OTHER", "running,false,ING", "painted,false,ED",
            "quietly,false,LY", "Paris,false,CAPITALISED", "Maria,true,OTHER", "1984,false,NUMBER",
            "3.5,true,NUMBER", "wug,false,OTHER", "is,false,OTHER", "bus,false,S"})
    void whatCanStillBeSeenOfAnUnknownWord(String word, boolean sentenceStart, UnknownWordSignature expected) {
        assertEquals(expected, UnknownWordSignature.of(word, sentenceStart));
    }
}
