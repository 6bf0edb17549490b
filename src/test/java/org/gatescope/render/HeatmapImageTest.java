package org.gatescope.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.gatescope.TestModels;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.GruReset;
import org.gatescope.engine.Model;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.Trace;
import org.gatescope.engine.cell.Tracer;
import org.gatescope.text.Tokenizer;
import org.junit.jupiter.api.Test;

/** The exported heatmap: its size, its cells' colours, its marks, and its limits. */
class HeatmapImageTest {

    static final String LECTURE = "The cat, which already ate ..., was full.";
    private static final int LECTURE_TOKENS = 11;

    static Trace trace(CellKind cell, int hidden, String text) {
        Model model = TestModels.random(cell, GruReset.AFTER, 16, 4, hidden, 7);
        return Tracer.trace(model, Tokenizer.tokenize(text));
    }

    private static Trace lstm(String text) {
        return trace(CellKind.LSTM, 16, text);
    }

    @Test
    void allGatesOfAnLstmAreTwoRowsOfThreePanelsSizedByTheFormula() {
        Trace trace = lstm(LECTURE);
        assertEquals(LECTURE_TOKENS, trace.length());
        BufferedImage image = HeatmapImage.render(trace, HeatmapOptions.defaults());

        int panelWidth = 58 + LECTURE_TOKENS * 22 + 100;
        int panelHeight = 32 + Math.max(16 * 18 + 92, 110);
        assertEquals(Math.max(560, 40 + 3 * panelWidth + 2 * 28), image.getWidth());
        assertEquals(40 + 62 + 2 * panelHeight + 20, image.getHeight());
        assertEquals(BufferedImage.TYPE_INT_ARGB, image.getType());

        HeatmapLayout layout = HeatmapImage.layout(trace, HeatmapOptions.defaults());
        assertEquals(image.getWidth(), layout.width());
        assertEquals(image.getHeight(), layout.height());
        assertTrue(layout.tokenLabelsRotated(), "cat, which, already … do not fit across 22 px");
        List<Quantity> order = layout.panels().stream().map(HeatmapLayout.Panel::quantity).toList();
        assertEquals(trace.quantities(), order);
        HeatmapLayout.Panel updateGate = layout.panels().get(0);
        HeatmapLayout.Panel candidate = layout.panels().get(3);
        assertEquals(updateGate.gridX(), candidate.gridX(), "c̃ sits under Γu, token columns aligned");
        assertTrue(candidate.gridY() > updateGate.gridY() + updateGate.gridHeight());
    }

    @Test
    void oneGateIsOnePanelAtLeastTheMinimumWidth() {
        Trace trace = lstm(LECTURE);
        BufferedImage image = HeatmapImage.render(trace, HeatmapOptions.defaults()
                .withQuantities(Quantity.UPDATE_GATE));
        assertEquals(560, image.getWidth());
        assertEquals(40 + 62 + 32 + 16 * 18 + 92, image.getHeight());
    }

    @Test
    void widePanelsAreStackedOnePerRow() {
        Trace trace = lstm(String.join(" ", Collections.nCopies(40, "the cat ate the fish .")));
        HeatmapLayout layout = HeatmapImage.layout(trace, HeatmapOptions.defaults());
        assertEquals(240, layout.tokenCount());
        int panelWidth = 58 + 240 * 22 + 100;
        int panelHeight = 32 + 16 * 18 + 92;
        assertEquals(40 + panelWidth, layout.width());
        assertEquals(40 + 62 + 6 * panelHeight + 5 * 20, layout.height());
        assertTrue(layout.panels().stream().allMatch(p -> p.gridX() == layout.panels().get(0).gridX()));
    }

    @Test
    void eachCellHasTheColourOfItsValueUnitsDownTokensAcross() {
        Trace trace = lstm(LECTURE);
        HeatmapOptions options = HeatmapOptions.defaults();
        BufferedImage image = HeatmapImage.render(trace, options);
        for (HeatmapLayout.Panel panel : HeatmapImage.layout(trace, options).panels()) {
            ColorScale scale = ColorScale.forQuantity(panel.quantity());
            for (int t = 0; t < trace.length(); t++) {
                for (int unit = 0; unit < trace.hidden(); unit++) {
                    int x = panel.gridX() + t * 22 + 11;
                    int y = panel.gridY() + unit * 18 + 9;
                    assertEquals(scale.argb(trace.value(panel.quantity(), t, unit)), image.getRGB(x, y),
                            panel.quantity().key() + " token " + t + " unit " + unit);
                }
            }
        }
    }

    @Test
    void aLightGridSeparatesTheCells() {
        Trace trace = lstm(LECTURE);
        BufferedImage image = HeatmapImage.render(trace, HeatmapOptions.defaults());
        HeatmapLayout.Panel panel = HeatmapImage.layout(trace, HeatmapOptions.defaults()).panels().get(0);
        int cell = ColorScale.GATE.argb(trace.value(Quantity.UPDATE_GATE, 1, 2));
        int left = panel.gridX() + 22;
        int top = panel.gridY() + 2 * 18;
        assertEquals(HeatmapImage.lighten(cell), image.getRGB(left, top + 9), "the line left of the cell");
        assertEquals(HeatmapImage.lighten(cell), image.getRGB(left + 11, top), "the line above it");
        assertTrue(ColorScaleTest.lightness(HeatmapImage.lighten(cell)) > ColorScaleTest.lightness(cell) + 5);
        assertEquals(0xFFFFFFFF, HeatmapImage.lighten(0xFFFFFFFF));
    }

    @Test
    void sameTraceAndOptionsGiveIdenticalPixels() {
        Trace trace = lstm(LECTURE);
        HeatmapOptions options = HeatmapOptions.defaults().withTitle("lstm");
        assertArrayEquals(pixels(HeatmapImage.render(trace, options)), pixels(HeatmapImage.render(trace, options)));
        assertArrayEquals(pixels(HeatmapImage.render(trace, options)),
                pixels(HeatmapImage.render(lstm(LECTURE), options)), "a second trace of the same model and text");
    }

    @Test
    void unknownTokensAreMarkedAboveTheirColumnAndExplainedInANote() {
        Trace trace = lstm("The cow, which already ate ..., was full.");
        assertTrue(trace.isUnknown(1));
        HeatmapOptions options = HeatmapOptions.defaults().withQuantities(Quantity.UPDATE_GATE);
        HeatmapLayout layout = HeatmapImage.layout(trace, options);
        BufferedImage image = HeatmapImage.render(trace, options);
        HeatmapLayout.Panel panel = layout.panels().get(0);
        int markY = panel.gridY() - 4;
        assertEquals(0xFFD55E00, image.getRGB(panel.gridX() + 22 + 11, markY), "cow is marked");
        assertEquals(0xFFFFFFFF, image.getRGB(panel.gridX() + 11, markY), "the is not");
        assertEquals(List.of(HeatmapImage.UNKNOWN_NOTE), layout.notes());
        assertEquals(40 + 62 + 32 + 16 * 18 + 92 + 6 + 20, layout.height(), "one footnote line more");

        HeatmapLayout known = HeatmapImage.layout(lstm(LECTURE), options);
        assertEquals(List.of(), known.notes());
    }

    @Test
    void aTokenRangeShowsOnlyThoseTokens() {
        Trace trace = lstm(LECTURE);
        HeatmapOptions options = HeatmapOptions.defaults().withQuantities(Quantity.FORGET_GATE).withTokenRange(8, 50);
        HeatmapLayout layout = HeatmapImage.layout(trace, options);
        assertEquals(8, layout.firstToken());
        assertEquals(3, layout.tokenCount(), "was full . — the count stops at the text's end");
        BufferedImage image = HeatmapImage.render(trace, options);
        HeatmapLayout.Panel panel = layout.panels().get(0);
        assertEquals(3 * 22, panel.gridWidth());
        assertEquals(ColorScale.GATE.argb(trace.value(Quantity.FORGET_GATE, 8, 0)),
                image.getRGB(panel.gridX() + 11, panel.gridY() + 9), "the first column is token 8, was");

        var beyond = assertThrows(IllegalArgumentException.class,
                () -> HeatmapImage.layout(trace, options.withTokenRange(11, 1)));
        assertTrue(beyond.getMessage().contains("beyond"), beyond.getMessage());
    }

    @Test
    void aQuantityTheCellLacksIsRefusedByName() {
        Trace gru = trace(CellKind.GRU, 8, LECTURE);
        var e = assertThrows(IllegalArgumentException.class, () -> HeatmapImage.render(gru,
                HeatmapOptions.defaults().withQuantities(Quantity.FORGET_GATE)));
        assertEquals("gru has no f (it has u, r, c_tilde, c, a)", e.getMessage());
    }

    @Test
    void tooWideAnImageIsRefusedWithTheTokenCountThatFits() {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            words.add(i % 2 == 0 ? "cat" : "ate");
        }
        Trace trace = lstm(String.join(" ", words));
        HeatmapOptions options = HeatmapOptions.defaults().withQuantities(Quantity.UPDATE_GATE);
        var e = assertThrows(ImageTooLargeException.class, () -> HeatmapImage.render(trace, options));
        assertEquals(40 + 58 + 1000 * 22 + 100, e.width());
        assertEquals((16_000 - 40 - 58 - 100) / 22, e.maxTokens());
        assertEquals(718, e.maxTokens());
        assertTrue(e.getMessage().contains("token range of at most 718 tokens"), e.getMessage());
        assertDoesNotThrow(() -> HeatmapImage.layout(trace, options.withTokenRange(0, e.maxTokens())));
        assertThrows(ImageTooLargeException.class,
                () -> HeatmapImage.layout(trace, options.withTokenRange(0, e.maxTokens() + 1)));
        assertDoesNotThrow(() -> HeatmapImage.layout(trace, options.withCellSize(4, 18)), "or smaller cells");
    }

    @Test
    void tooManyUnitsAreRefusedEvenForOneToken() {
        Trace trace = trace(CellKind.GRU, 1000, "cat");
        var e = assertThrows(ImageTooLargeException.class, () -> HeatmapImage.layout(trace,
                HeatmapOptions.defaults()));
        assertEquals(0, e.maxTokens());
        assertTrue(e.getMessage().contains("fewer quantities or use smaller cells"), e.getMessage());
        assertDoesNotThrow(() -> HeatmapImage.layout(trace, HeatmapOptions.defaults()
                .withQuantities(Quantity.UPDATE_GATE).withCellSize(22, 8)));
    }

    @Test
    void optionsRefuseCellsTooSmallOrTooLargeAndEmptyRanges() {
        assertThrows(IllegalArgumentException.class, () -> HeatmapOptions.defaults().withCellSize(3, 18));
        assertThrows(IllegalArgumentException.class, () -> HeatmapOptions.defaults().withCellSize(22, 201));
        assertThrows(IllegalArgumentException.class, () -> HeatmapOptions.defaults().withTokenRange(-1, 5));
        assertThrows(IllegalArgumentException.class, () -> HeatmapOptions.defaults().withTokenRange(0, 0));
        assertThrows(IllegalArgumentException.class, () -> HeatmapOptions.defaults()
                .withQuantities(Quantity.UPDATE_GATE, Quantity.UPDATE_GATE));
    }

    @Test
    void wideCellsLayTokenLabelsAcross() {
        Trace trace = lstm(LECTURE);
        HeatmapLayout layout = HeatmapImage.layout(trace, HeatmapOptions.defaults().withCellSize(80, 18)
                .withQuantities(Quantity.UPDATE_GATE));
        assertFalse(layout.tokenLabelsRotated());
        assertEquals(40 + 62 + 32 + 16 * 18 + 24, layout.height());
    }

    @Test
    void titleAndSentenceAreDrawnInTheTitleBand() {
        Trace trace = lstm(LECTURE);
        BufferedImage plain = HeatmapImage.render(trace, HeatmapOptions.defaults());
        BufferedImage titled = HeatmapImage.render(trace, HeatmapOptions.defaults().withTitle("my lecture model"));
        assertNotEquals(0, inkIn(plain, 0, 20, plain.getWidth(), 30), "the cell and its size");
        assertNotEquals(0, inkIn(plain, 0, 50, plain.getWidth(), 24), "the sentence");
        assertNotEquals(inkIn(plain, 0, 20, plain.getWidth(), 30), inkIn(titled, 0, 20, titled.getWidth(), 30));
    }

    private static int inkIn(BufferedImage image, int x0, int y0, int w, int h) {
        int ink = 0;
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                if (image.getRGB(x, y) != 0xFFFFFFFF) {
                    ink++;
                }
            }
        }
        return ink;
    }

    static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
