package org.gatescope.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gatescope.engine.analysis.MemoryReach;
import org.junit.jupiter.api.Test;

class ReachRowTest {

    private static final MemoryReach REACH =
            new MemoryReach(1, "was", new double[] {1e-8, 1e-4, 1, 0}, new double[] {0, 0, 0, 0});

    @Test
    void barsSitInTheirColumnsFilledOnTheLogScale() {
        List<ReachRow.Bar> bars = ReachRow.bars(REACH, 0, 3, 100, 80, 6, 160);
        assertEquals(4, bars.size());
        assertEquals(186, bars.get(1).x(), 1e-9);
        assertEquals(68, bars.get(1).width(), 1e-9);
        assertEquals(0, bars.get(0).filled(), 1e-9);
        assertEquals(80, bars.get(1).filled(), 1e-9);
        assertEquals(160, bars.get(2).filled(), 1e-9);
    }

    @Test
    void onlyTheTargetIsOutlinedAndNumbersStopAfterItWhereNothingReachesIt() {
        List<ReachRow.Bar> bars = ReachRow.bars(REACH, 0, 3, 0, 80, 6, 160);
        assertTrue(bars.get(1).target());
        assertFalse(bars.get(0).target());
        assertEquals("1e-04", bars.get(1).value());
        assertNull(bars.get(3).value(), "after the target, nothing reaches it in a forward layer");
        // a backward direction of a model trained elsewhere reaches forward from the target
        assertEquals("1e+00", bars.get(2).value());
    }

    @Test
    void onlyTheVisibleTokensGetBars() {
        List<ReachRow.Bar> bars = ReachRow.bars(REACH, 2, 9, 0, 4, 3, 10);
        assertEquals(List.of(2, 3), bars.stream().map(ReachRow.Bar::token).toList());
        assertEquals(1, bars.get(0).width(), 1e-9, "a bar is at least a pixel wide");
    }

    @Test
    void captionNamesTargetAndState() {
        assertEquals("reach of log p(was) \u2190 \u2016\u2202/\u2202c<t>\u2016", ReachRow.caption("was", "c<t>"));
    }
}
