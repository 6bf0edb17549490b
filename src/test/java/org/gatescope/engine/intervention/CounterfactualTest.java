package org.gatescope.engine.intervention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.TextbookModels;
import org.junit.jupiter.api.Test;

/** Flipping the subject's number: both traces, their difference, and which units carry it. */
class CounterfactualTest {

    private static final List<String> LECTURE = List.of("the", "cat", ",", "which", "already", "ate", "...", ",",
            "was", "full", ".");

    @Test
    void flippingCatToCatsFlipsTheVerbAndTheNumberUnitCarriesIt() {
        Counterfactual flip = Counterfactual.replace(TextbookModels.lstm(), LECTURE, 1, "cats");
        assertEquals("cat \u2192 cats at token 2", flip.describe());
        assertEquals(List.of("was", "were"), flip.compared().tokens());
        assertTrue(flip.compared().share(flip.before()) > 0.9, "cat: was");
        assertTrue(flip.compared().share(flip.after()) < 0.1, "cats: were");
        assertEquals(List.of(0), flip.carriers(1), "the textbook number unit");
        assertTrue(flip.predictionShift(7) > 0.5);
    }

    @Test
    void nothingBeforeTheReplacedTokenChanges() {
        Counterfactual flip = Counterfactual.replace(TextbookModels.gru(), LECTURE, 1, "cats");
        for (int j = 0; j < flip.before().hidden(); j++) {
            assertEquals(0.0, flip.delta(Quantity.MEMORY_CELL, 0, j));
        }
        assertEquals(0.0, flip.predictionShift(0));
        assertEquals(flip.after().value(Quantity.MEMORY_CELL, 4, 0) - flip.before().value(Quantity.MEMORY_CELL, 4, 0),
                flip.delta(Quantity.MEMORY_CELL, 4, 0));
    }

    @Test
    void replacingATokenWithItselfChangesNothing() {
        Counterfactual same = Counterfactual.replace(TextbookModels.gru(), LECTURE, 1, "cat");
        for (Quantity q : same.before().quantities()) {
            assertEquals(0.0, same.maxAbsDelta(q));
        }
    }

    @Test
    void unknownWordsAndPositionsOutsideTheTextAreRefused() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Counterfactual.replace(TextbookModels.gru(), LECTURE, 1, "zebras"));
        assertTrue(unknown.getMessage().contains("\u201Czebras\u201D is not a word this model knows"));
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
                () -> Counterfactual.replace(TextbookModels.gru(), LECTURE, 11, "cats"));
        assertTrue(outside.getMessage().contains("positions 0 to 10"));
    }
}
