package org.gatescope.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.TextbookModels;
import org.junit.jupiter.api.Test;

/** Silencing the number unit of the textbook LSTM erases the subject's number at the verb. */
class AblationTest {

    private static final List<String> LECTURE = List.of("the", "cat", ",", "which", "already", "ate", "...", ",",
            "was", "full", ".");

    @Test
    void silencingTheNumberUnitLeavesTheVerbToChance() {
        Ablation ablation = Ablation.silence(TextbookModels.lstm(), LECTURE, 0, 0, 7);
        assertTrue(ablation.shareBefore("was", "were") > 0.99, "intact: was wins");
        assertEquals(0.5, ablation.shareAfter("was", "were"), 1e-9, "silenced: no number left");
        assertEquals(0.0, ablation.after().value(Quantity.MEMORY_CELL, 5, 0));
    }

    @Test
    void silencingAnotherUnitAfterTheVerbChangesNothingBeforeIt() {
        Ablation ablation = Ablation.silence(TextbookModels.lstm(), LECTURE, 1, 8, 7);
        assertEquals(ablation.probabilityBefore("was"), ablation.probabilityAfter("was"));
    }

    @Test
    void unitsAndPositionsOutsideTheModelAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Ablation.silence(TextbookModels.lstm(), LECTURE, 9, 0, 7));
        assertThrows(IllegalArgumentException.class, () -> Ablation.silence(TextbookModels.lstm(), LECTURE, 0, 0, 11));
    }
}
