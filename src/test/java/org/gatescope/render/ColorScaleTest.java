package org.gatescope.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gatescope.engine.Quantity;
import org.junit.jupiter.api.Test;

/** The colours of the heatmaps: readable order, symmetric signs, clamped ends. */
class ColorScaleTest {

    @Test
    void gatesUseTheSequentialScaleAndStatesTheDivergingOne() {
        for (Quantity q : Quantity.values()) {
            ColorScale scale = ColorScale.forQuantity(q);
            if (q.isGate()) {
                assertSame(ColorScale.GATE, scale, q.key());
                assertEquals(0, scale.min());
                assertEquals(1, scale.max());
            } else {
                assertSame(ColorScale.SIGNED, scale, q.key());
                assertEquals(-1, scale.min());
                assertEquals(1, scale.max());
            }
        }
    }

    @Test
    void gateScaleEndsAreViridisDarkVioletForShutAndYellowForOpen() {
        assertEquals(0xFF440154, ColorScale.GATE.argb(0));
        assertEquals(0xFFFDE725, ColorScale.GATE.argb(1));
        assertClose(0xFF21918C, ColorScale.GATE.argb(0.5), "viridis' middle, teal");
    }

    @Test
    void gateScaleGetsLighterAsTheGateOpens() {
        // 8-bit colours 1/256 apart may tie or dip by a rounding error, never more.
        for (int i = 1; i < ColorScale.LEVELS; i++) {
            double before = lightness(ColorScale.GATE.argbAtLevel(i - 1));
            double now = lightness(ColorScale.GATE.argbAtLevel(i));
            assertTrue(now > before - 0.1, "L* must not fall at level " + i + ": " + before + " → " + now);
            if (i >= 8) {
                assertTrue(now > lightness(ColorScale.GATE.argbAtLevel(i - 8)) + 1, "L* rises steadily at " + i);
            }
        }
        assertTrue(lightness(ColorScale.GATE.argb(1)) - lightness(ColorScale.GATE.argb(0)) > 70,
                "shut and open differ strongly in lightness, so they read even in grey");
    }

    @Test
    void divergingScaleIsNearWhiteAtZeroBlueBelowRedAbove() {
        int zero = ColorScale.SIGNED.argb(0);
        assertTrue(lightness(zero) > 95, "near-white at 0, L* = " + lightness(zero));
        int negative = ColorScale.SIGNED.argb(-1);
        int positive = ColorScale.SIGNED.argb(1);
        assertTrue(blue(negative) > red(negative), "−1 is blue");
        assertTrue(red(positive) > blue(positive), "+1 is red");
        assertTrue(lightness(negative) < 30 && lightness(positive) < 30, "the ends are dark");
    }

    @Test
    void divergingScaleIsSymmetricAroundZero() {
        for (int i = 0; i <= 100; i++) {
            double v = i / 100.0;
            ColorScale s = ColorScale.SIGNED;
            assertEquals(ColorScale.LEVELS - 1 - s.level(v), s.level(-v), "mirrored level for ±" + v);
            assertEquals(lightness(s.argb(v)), lightness(s.argb(-v)), 6, "same lightness for ±" + v);
        }
        for (int i = 1; i <= 128; i++) {
            double lighterInside = lightness(ColorScale.SIGNED.argbAtLevel(128 + i - 1));
            assertTrue(lightness(ColorScale.SIGNED.argbAtLevel(128 + i)) < lighterInside + 0.5,
                    "darker away from 0 (red side)");
            assertTrue(lightness(ColorScale.SIGNED.argbAtLevel(128 - i)) < lightness(
                    ColorScale.SIGNED.argbAtLevel(128 - i + 1)) + 0.5, "darker away from 0 (blue side)");
        }
    }

    @Test
    void valuesBeyondTheScaleTakeTheEndColours() {
        assertEquals(ColorScale.SIGNED.argb(1), ColorScale.SIGNED.argb(3.7), "an LSTM's c above 1");
        assertEquals(ColorScale.SIGNED.argb(-1), ColorScale.SIGNED.argb(-12));
        assertEquals(ColorScale.GATE.argb(0), ColorScale.GATE.argb(-0.01));
        assertEquals(ColorScale.GATE.argb(1), ColorScale.GATE.argb(Double.POSITIVE_INFINITY));
        assertTrue(ColorScale.SIGNED.clamps(1.5));
        assertTrue(!ColorScale.SIGNED.clamps(1.0));
        assertEquals(ColorScale.MISSING_ARGB, ColorScale.GATE.argb(Double.NaN));
    }

    @Test
    void everyColourIsOpaque() {
        for (int i = 0; i < ColorScale.LEVELS; i++) {
            assertEquals(0xFF, ColorScale.GATE.argbAtLevel(i) >>> 24);
            assertEquals(0xFF, ColorScale.SIGNED.argbAtLevel(i) >>> 24);
        }
    }

    private static void assertClose(int expected, int actual, String what) {
        for (int shift = 0; shift <= 16; shift += 8) {
            assertEquals(expected >> shift & 0xFF, actual >> shift & 0xFF, 3, what);
        }
    }

    private static int red(int argb) {
        return argb >> 16 & 0xFF;
    }

    private static int blue(int argb) {
        return argb & 0xFF;
    }

    /** CIE L* (0 black .. 100 white) of an sRGB colour. */
    static double lightness(int argb) {
        double y = 0.2126 * linear(argb >> 16) + 0.7152 * linear(argb >> 8) + 0.0722 * linear(argb);
        return y > 216.0 / 24389 ? 116 * Math.cbrt(y) - 16 : y * 24389 / 27;
    }

    private static double linear(int channel) {
        double c = (channel & 0xFF) / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
