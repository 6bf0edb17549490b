package org.gatescope.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;
import org.gatescope.TestModels;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.GruReset;
import org.gatescope.engine.Model;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.analysis.GateSaturation;
import org.gatescope.engine.cell.Tracer;
import org.gatescope.text.Tokenizer;
import org.junit.jupiter.api.Test;

class SaturationChartTest {

    private static List<GateSaturation.Point> lstmPoints() {
        Model model = TestModels.random(CellKind.LSTM, GruReset.AFTER, 16, 4, 6, 7);
        return GateSaturation.of(List.of(
                Tracer.trace(model, Tokenizer.tokenize("The cat, which already ate ..., was full.")),
                Tracer.trace(model, Tokenizer.tokenize("The dogs were happy."))));
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    @Test
    void chartHasItsFixedSize() {
        BufferedImage image = SaturationChart.render(lstmPoints(), "lstm", CellKind.LSTM, 6, "loaded text");
        assertEquals(SaturationChart.WIDTH, image.getWidth());
        assertEquals(SaturationChart.HEIGHT, image.getHeight());
    }

    @Test
    void samePointsGiveSamePixels() {
        List<GateSaturation.Point> points = lstmPoints();
        assertArrayEquals(pixels(SaturationChart.render(points, "lstm", CellKind.LSTM, 6, "loaded text")),
                pixels(SaturationChart.render(points, "lstm", CellKind.LSTM, 6, "loaded text")));
    }

    @Test
    void pointIsDrawnInItsGateColourWhereItsFractionsSay() {
        GateSaturation.Point point = new GateSaturation.Point(Quantity.FORGET_GATE, 3, 0.25, 0.5);
        BufferedImage image = SaturationChart.render(List.of(point), "lstm", CellKind.LSTM, 4, "loaded text");
        SaturationChart.Layout layout = SaturationChart.layout();
        int x = (int) Math.round(layout.x(0.25));
        int y = (int) Math.round(layout.y(0.5));
        assertEquals(layout.plotX() + layout.plotSize() / 4, x);
        assertEquals(layout.plotY() + layout.plotSize() / 2, y);
        Color drawn = new Color(image.getRGB(x, y + 2));
        Color forget = SaturationChart.colour(Quantity.FORGET_GATE);
        // The marker's translucent fill over the light plot: clearly reddish, not background grey.
        assertTrue(drawn.getRed() > drawn.getBlue() + 40, "marker colour at the point: " + drawn + " vs " + forget);
    }

    @Test
    void clickNearAPointFindsItAndFarFromAllFindsNone() {
        GateSaturation.Point a = new GateSaturation.Point(Quantity.UPDATE_GATE, 0, 0.1, 0.1);
        GateSaturation.Point b = new GateSaturation.Point(Quantity.OUTPUT_GATE, 5, 0.6, 0.3);
        SaturationChart.Layout layout = SaturationChart.layout();
        assertEquals(Optional.of(b),
                SaturationChart.nearest(List.of(a, b), layout.x(0.6) + 3, layout.y(0.3) - 2, 8));
        assertEquals(Optional.empty(), SaturationChart.nearest(List.of(a, b), layout.x(0.9), layout.y(0.9), 8));
    }

    @Test
    void hoverTextGivesGateUnitAndPercentages() {
        assertEquals("Γf unit 3: 2% shut, 91% open",
                SaturationChart.describe(new GateSaturation.Point(Quantity.FORGET_GATE, 3, 0.02, 0.91)));
    }

    @Test
    void vanillaRnnGetsAReadableNoGatesImage() {
        BufferedImage empty = SaturationChart.render(List.of(), "rnn", CellKind.RNN, 8, "loaded text");
        assertEquals(SaturationChart.WIDTH, empty.getWidth());
        SaturationChart.Layout layout = SaturationChart.layout();
        // Dark text in the middle of the plot, where the message is.
        int centreY = layout.plotY() + layout.plotSize() / 2;
        boolean ink = false;
        for (int x = layout.plotX() + 60; x < layout.plotX() + layout.plotSize() - 60 && !ink; x++) {
            for (int y = centreY - 14; y < centreY + 2 && !ink; y++) {
                ink = (empty.getRGB(x, y) & 0xFF) < 0x60;
            }
        }
        assertTrue(ink, "the message \"" + SaturationChart.NO_GATES + "\" is drawn in the plot");
        assertNotEquals(pixels(empty)[0], 0, "opaque");
    }
}
