package org.gatescope.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.TextbookModels;
import org.gatescope.engine.Trace;
import org.gatescope.engine.cell.Tracer;
import org.gatescope.engine.intervention.GateClamp;
import org.junit.jupiter.api.Test;

/** The clamp dialog's fields count tokens from 1, as the window shows them, and say why they are no clamp. */
class ClampDialogTest {

    private static final Trace LECTURE = Tracer.trace(TextbookModels.gru(), List.of("the", "cat", ",", "which",
            "already", "ate", "...", ",", "was", "full", "."));

    @Test
    void tokensOnScreenCountFromOneAndTheClampFromZero() {
        assertEquals(GateClamp.parse("u:0,1:1-3=0.25"), ClampDialog.clamp(Quantity.UPDATE_GATE, "0, 1", 2, 4, 0.25));
        assertEquals(GateClamp.parse("r:all:0-10=1"), ClampDialog.clamp(Quantity.RELEVANCE_GATE, "all", 1, 11, 1.0));
        assertNull(ClampDialog.problem(Quantity.UPDATE_GATE, "1", 2, 2, 0.0, LECTURE));
    }

    @Test
    void fieldsThatAreNoClampSayWhy() {
        assertTrue(ClampDialog.problem(Quantity.UPDATE_GATE, "", 2, 2, 0, LECTURE).contains("not a unit"));
        assertTrue(ClampDialog.problem(Quantity.UPDATE_GATE, "1", 5, 2, 0, LECTURE).contains("no range"));
        int hidden = LECTURE.hidden();
        assertTrue(ClampDialog.problem(Quantity.UPDATE_GATE, Integer.toString(hidden), 1, 2, 0, LECTURE)
                .contains("its units are 0 to " + (hidden - 1)));
    }
}
