package org.gatescope.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gatescope.text.Tokenizer;
import org.junit.jupiter.api.Test;

class LongPasteTest {

    @Test
    void aPasteThatFitsIsKeptWhole() {
        String text = "The keys to the cabinet are on the table.";
        assertSame(text, LongPaste.kept(text));
    }

    @Test
    void aLongerPasteKeepsItsStartUpToAWholeToken() {
        String text = "cabinets ".repeat(LongPaste.FIELD_CHARS / 9 + 100);
        String kept = LongPaste.kept(text);
        assertTrue(kept.length() <= LongPaste.FIELD_CHARS);
        assertTrue(kept.endsWith("cabinets"), "no word cut in half");
        assertTrue(Tokenizer.tokenize(kept).stream().allMatch("cabinets"::equals));
        assertTrue(LongPaste.message(text, kept).startsWith("The pasted text has "));
    }

    @Test
    void aPasteOfShortWordsKeepsNoMoreTokensThanTheWindowTraces() {
        String text = "a ".repeat(LongPaste.FIELD_CHARS);
        assertEquals(ExplorerViewModel.TOKEN_LIMIT, Tokenizer.tokenize(LongPaste.kept(text)).size());
    }

    @Test
    void anEmojiAtTheLimitIsNeverCutInHalf() {
        String text = "a".repeat(LongPaste.FIELD_CHARS - 1) + "👍" + " cat".repeat(10);
        String kept = LongPaste.kept(text);
        assertEquals(0, kept.chars().filter(c -> Character.isSurrogate((char) c)).count());
    }
}
