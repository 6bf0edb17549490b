package org.gatescope.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gatescope.engine.Quantity;
import org.gatescope.render.ColourVision.Deficiency;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The colour-blind-safe palette (docs/decisions/0020-lecture-hall.md): declared in the stylesheet
 * over the standard colours, followed by every colour Theme and ColorScale hand out, and really
 * distinguishable under simulated protanopia, deuteranopia and tritanopia.
 */
class ColourBlindPaletteTest {

    /** ΔE*ab that unit colours keep under every dichromacy: named apart at a glance. */
    private static final double UNITS_APART = 15;

    @AfterEach
    void backToTheStandardColours() {
        Theme.use(Palette.STANDARD);
    }

    @Test
    void theStylesheetsPaletteBlockOverridesTheStandardColours() {
        assertEquals(0xFF007F5D, Theme.argb("keep", Palette.STANDARD));
        assertEquals(0xFF0B4F8A, Theme.argb("keep", Palette.COLOURBLIND));
        assertEquals(Theme.argb("surface", Palette.STANDARD), Theme.argb("surface", Palette.COLOURBLIND),
                "what the palette does not declare stays");
        assertTrue(Theme.overriddenBy(Palette.COLOURBLIND).containsAll(List.of("unit-6", "unit-7", "keep", "were")));
        assertEquals(List.of(), List.copyOf(Theme.overriddenBy(Palette.STANDARD)));
    }

    @Test
    void aReferenceFollowsTheColourItNamesInThePalette() {
        Map<Palette, Map<String, Integer>> palettes = Theme.parsePalettes(
                ".root {\n -gs-a: #102030;\n -gs-b: -gs-a;\n}\n.root.palette-colourblind {\n -gs-a: #405060;\n}");
        assertEquals(0xFF102030, palettes.get(Palette.STANDARD).get("b"));
        assertEquals(0xFF405060, palettes.get(Palette.COLOURBLIND).get("b"));
        assertThrows(IllegalStateException.class, () -> Theme.parsePalettes(
                ".root {\n -gs-a: #102030;\n}\n.root.palette-colourblind {\n -gs-new: #405060;\n}"),
                "a palette only overrides colours the standard one declares");
        assertThrows(IllegalStateException.class, () -> Theme.parsePalettes(
                ".root {\n -gs-a: #102030;\n}\n.root.palette-sepia {\n -gs-a: #405060;\n}"));
    }

    @Test
    void usingAPaletteSwitchesEveryColourThemeAndTheScalesHandOut() {
        int standardKeep = Theme.KEEP.getRGB();
        int standardUnit6 = Theme.unitArgb(6);
        int standardPositive = ColorScale.SIGNED.argb(1);
        int gateHalf = ColorScale.GATE.argb(0.5);
        Theme.use(Palette.COLOURBLIND);
        assertEquals(Palette.COLOURBLIND, Theme.palette());
        assertEquals(0xFF0B4F8A, Theme.KEEP.getRGB());
        assertNotEquals(standardKeep, Theme.KEEP.getRGB());
        assertNotEquals(standardUnit6, Theme.unitArgb(6));
        assertNotEquals(standardPositive, ColorScale.SIGNED.argb(1), "+1 is orange, not red");
        assertEquals(ColorScale.SIGNED.argb(-1), 0xFF053061, "−1 stays dark blue");
        assertEquals("blue-white-orange", ColorScale.SIGNED.name());
        assertEquals(gateHalf, ColorScale.GATE.argb(0.5), "viridis is safe already");
        assertEquals(ColorScale.SIGNED, ColorScale.forQuantity(Quantity.MEMORY_CELL));
        Theme.use(Palette.STANDARD);
        assertEquals(standardKeep, Theme.KEEP.getRGB());
        assertEquals(standardPositive, ColorScale.SIGNED.argb(1));
    }

    @Test
    void everyPairOfUnitColoursStaysApartForEveryDichromacy() {
        List<String> close = confusablePairs(Palette.COLOURBLIND, "unit-", Theme.UNIT_COLOURS);
        assertTrue(close.isEmpty(), "confusable: " + close);
        // what the palette is for: the standard colours 0 (blue) and 6 (purple) look alike to deuteranopes
        List<String> standard = confusablePairs(Palette.STANDARD, "unit-", Theme.UNIT_COLOURS);
        assertTrue(standard.stream().anyMatch(p -> p.startsWith("unit-0/unit-6 DEUTERANOPIA")), standard.toString());
    }

    @Test
    void theGatesColoursStayApartForEveryDichromacy() {
        List<String> gates = List.of("write", "keep", "relevance", "output-gate");
        for (int i = 0; i < gates.size(); i++) {
            for (int j = i + 1; j < gates.size(); j++) {
                double apart = ColourVision.leastDifference(Theme.argb(gates.get(i), Palette.COLOURBLIND),
                        Theme.argb(gates.get(j), Palette.COLOURBLIND));
                assertTrue(apart >= 20, gates.get(i) + "/" + gates.get(j) + ": ΔE " + apart);
            }
        }
        // written (Γu) against kept (Γf) on the timeline and in the memory chart: apart in lightness too
        double write = ColourVision.lightness(Theme.argb("write", Palette.COLOURBLIND));
        double keep = ColourVision.lightness(Theme.argb("keep", Palette.COLOURBLIND));
        assertTrue(write - keep >= 10, "L* " + write + " against " + keep);
        assertTrue(ColourVision.leastDifference(Theme.argb("was", Palette.COLOURBLIND),
                Theme.argb("were", Palette.COLOURBLIND)) >= 60, "was against were");
    }

    @Test
    void theSignedScalesEndsStayApartAndMirrorTheirLightness() {
        Theme.use(Palette.COLOURBLIND);
        for (double v : new double[] {1, 0.6, 0.2}) {
            int positive = ColorScale.SIGNED.argb(v);
            int negative = ColorScale.SIGNED.argb(-v);
            assertTrue(ColourVision.leastDifference(positive, negative) >= 25 * v,
                    v + " against " + (-v) + ": ΔE " + ColourVision.leastDifference(positive, negative));
            assertEquals(ColourVision.lightness(positive), ColourVision.lightness(negative), 5,
                    "the same lightness at v and −v: " + v);
        }
        // protanopes see RdBu's dark red end nearly black: the orange end keeps twice the difference
        Theme.use(Palette.STANDARD);
        double standard = ColourVision.difference(ColorScale.SIGNED.argb(1), ColorScale.SIGNED.argb(-1),
                Deficiency.PROTANOPIA);
        Theme.use(Palette.COLOURBLIND);
        double safe = ColourVision.difference(ColorScale.SIGNED.argb(1), ColorScale.SIGNED.argb(-1),
                Deficiency.PROTANOPIA);
        assertTrue(safe > 1.5 * standard, "±1 for protanopes: " + standard + " → " + safe);
    }

    @Test
    void textOnThePalettesGroundsReachesAa() {
        Theme.use(Palette.COLOURBLIND);
        List<String> failures = new ArrayList<>();
        for (String name : Theme.names()) {
            if (name.startsWith("on-")) {
                check(name, name.substring(3), failures);
            }
        }
        for (int i = 0; i < Theme.UNIT_COLOURS; i++) {
            check("unit-text-" + i, "surface", failures);
            check("unit-text-" + i, "plot", failures);
        }
        assertTrue(failures.isEmpty(), "below 4.5:1: " + failures);
    }

    @Test
    void paletteNamesAreTheClisWords() {
        assertEquals(Palette.COLOURBLIND, Palette.fromId("colourblind").orElseThrow());
        assertEquals(Palette.COLOURBLIND, Palette.fromId("Colorblind").orElseThrow());
        assertEquals(Palette.STANDARD, Palette.fromId("standard").orElseThrow());
        assertTrue(Palette.fromId("sepia").isEmpty());
        assertEquals("palette-colourblind", Palette.COLOURBLIND.styleClass());
    }

    private static void check(String text, String ground, List<String> failures) {
        int surface = Theme.argb("surface");
        double ratio = Theme.contrast(Theme.over(Theme.argb(text), surface), Theme.over(Theme.argb(ground), surface));
        if (ratio < 4.5) {
            failures.add(String.format(Locale.ROOT, "-gs-%s on -gs-%s: %.2f:1", text, ground, ratio));
        }
    }

    private static List<String> confusablePairs(Palette palette, String prefix, int count) {
        List<String> close = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            for (int j = i + 1; j < count; j++) {
                for (Deficiency d : Deficiency.values()) {
                    double apart = ColourVision.difference(Theme.argb(prefix + i, palette), Theme.argb(prefix + j, palette), d);
                    if (apart < UNITS_APART) {
                        close.add(String.format(Locale.ROOT, "%s%d/%s%d %s ΔE %.1f", prefix, i, prefix, j, d, apart));
                    }
                }
            }
        }
        return close;
    }
}
