package org.gatescope.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextStartTest {

    @Test
    void aTextWithinTheLimitIsTracedWhole() {
        TextStart start = TextStart.of("The cat was full.", 5);
        assertEquals("The cat was full.", start.text());
        assertEquals(List.of("the", "cat", "was", "full", "."), start.tokens());
        assertFalse(start.cut());
    }

    @Test
    void aLongerTextIsCutAfterItsLastWholeToken() {
        TextStart start = TextStart.of("The cat… was full. The dogs were", 4);
        assertEquals("The cat\u2026 was", start.text());
        assertEquals(List.of("the", "cat", "...", "was"), start.tokens());
        assertEquals(9, start.totalTokens());
        assertTrue(start.cut());
    }
}
