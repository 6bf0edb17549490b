package org.gatescope.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VocabularyTest {

    private final Vocabulary vocabulary = new Vocabulary(List.of("<unk>", "the", "cat", "."));

    @Test
    void indexIsTheRowOfTheToken() {
        assertEquals(2, vocabulary.indexOf("cat"));
        assertEquals("cat", vocabulary.token(2));
        assertEquals(4, vocabulary.size());
    }

    @Test
    void unknownWordsMapToUnk() {
        assertEquals(0, vocabulary.unknownIndex());
        assertEquals(0, vocabulary.indexOf("dog"));
        assertFalse(vocabulary.contains("dog"));
        assertTrue(vocabulary.contains("<unk>"));
    }

    @Test
    void unkNeedNotBeFirst() {
        Vocabulary v = new Vocabulary(List.of("the", "<unk>"));
        assertEquals(1, v.indexOf("zebra"));
    }

    @Test
    void duplicateTokenIsRefusedNamingItsRows() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Vocabulary(List.of("<unk>", "cat", "the", "cat")));
        assertEquals("vocab lists \"cat\" twice (at 1 and 3)", e.getMessage());
    }

    @Test
    void vocabularyWithoutUnkIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Vocabulary(List.of("the", "cat")));
        assertEquals("vocab does not contain <unk>", e.getMessage());
    }

    @Test
    void laterChangesToTheSourceListDoNotLeakIn() {
        List<String> source = new ArrayList<>(List.of("<unk>", "the"));
        Vocabulary v = new Vocabulary(source);
        source.add("cat");
        assertEquals(2, v.size());
        assertThrows(UnsupportedOperationException.class, () -> v.tokens().add("dog"));
    }
}
