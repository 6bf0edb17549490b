package org.gatescope.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.gatescope.engine.Model;
import org.gatescope.engine.CellKind;
import org.gatescope.TestModels;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.TextbookModels;
import org.gatescope.engine.Trace;
import org.gatescope.engine.analysis.MemoryAccount;
import org.gatescope.engine.cell.Tracer;
import org.gatescope.engine.intervention.Counterfactual;
import org.junit.jupiter.api.Test;

/**
 * The counterfactual and memory charts show what the numbers say: the cell of a unit and token whose
 * c&lt;t&gt; rose with the replacement is red, one that did not change is white; a kept share is the keep colour.
 */
class TeachingChartsTest {

    private static final List<String> LECTURE = List.of("the", "cat", ",", "which", "already", "ate", "...", ",",
            "was", "full", ".");

    @Test
    void theNumberUnitsRowTurnsColouredFromTheReplacedTokenOnAndStaysWhiteBefore() {
        Counterfactual cf = Counterfactual.replace(TextbookModels.lstm(), LECTURE, 1, "cats");
        BufferedImage image = CounterfactualChart.draw("textbook lstm", cf);
        int steps = LECTURE.size();
        int hidden = cf.before().hidden();
        int column = Math.max(CounterfactualChart.MIN_COLUMN, Math.min(CounterfactualChart.COLUMN, 1400 / steps));
        int row = Math.max(2, Math.min(16, CounterfactualChart.PANEL_HEIGHT_TARGET / hidden));
        int x0 = CounterfactualChart.PAD + CounterfactualChart.LABEL_WIDTH;
        int y0 = CounterfactualChart.HEADER; // the first panel is Δc
        double scale = CounterfactualChart.scale(cf, Quantity.MEMORY_CELL);
        for (int t : new int[] {0, 3, 7}) {
            int expected = ColorScale.SIGNED.argb(cf.delta(Quantity.MEMORY_CELL, t, 0) / scale) | 0xFF000000;
            int found = image.getRGB(x0 + t * column + column / 2, y0 + row / 2);
            assertEquals(Integer.toHexString(expected), Integer.toHexString(found), "token " + t);
        }
        assertEquals(Integer.toHexString(ColorScale.SIGNED.argb(0)), Integer.toHexString(
                image.getRGB(x0 + column / 2, y0 + row / 2)), "before the replacement nothing changed");
        assertTrue(Math.abs(cf.delta(Quantity.MEMORY_CELL, 3, 0)) > 0.5, "the number unit carries it");
        assertEquals(x0 + steps * column + CounterfactualChart.LEGEND_WIDTH + CounterfactualChart.PAD,
                image.getWidth());
    }

    @Test
    void theMemoryBandsKeptShareIsDrawnInTheKeepColour() {
        Trace trace = Tracer.trace(TextbookModels.lstm(), LECTURE);
        MemoryAccount account = new MemoryAccount(trace, 1);
        BufferedImage image = MemoryChart.draw("textbook lstm", account, List.of(0));
        int column = Math.max(MemoryChart.MIN_COLUMN, Math.min(MemoryChart.COLUMN, 1400 / LECTURE.size()));
        int x = MemoryChart.PAD + MemoryChart.LABEL_WIDTH + 5 * column + column / 2 - 10; // off the survival line
        double share = MemoryBand.keptShare(account, 5, 0);
        assertTrue(share > 0.9, "the textbook number unit keeps through the clause: " + share);
        int bottom = MemoryChart.HEADER + MemoryChart.ROW - 3;
        assertEquals(Integer.toHexString(Theme.KEEP.getRGB()), Integer.toHexString(image.getRGB(x, bottom)));
    }

    @Test
    void chartsRefuseTextsTooLongForAnImage() {
        List<String> tokens = new java.util.ArrayList<>();
        for (int i = 0; i <= CounterfactualChart.MAX_TOKENS; i++) {
            tokens.add(i % 2 == 0 ? "the" : "cat");
        }
        // a small vocabulary keeps the two traces of 700 tokens a few megabytes
        Model small = TestModels.random(CellKind.LSTM, List.of("<unk>", "the", "cat", "cats"), 4, 4, 1);
        Counterfactual cf = Counterfactual.replace(small, tokens, 1, "cats");
        assertThrows(IllegalArgumentException.class, () -> CounterfactualChart.draw("x", cf));
    }
}
