package org.gatescope.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every text of the theme is readable: WCAG AA asks a contrast ratio of at least 4.5:1 between
 * text and its ground. The stylesheet names each ground that carries text and the text on it
 * ({@code -gs-X} and {@code -gs-on-X}); the plain text colours are checked on every surface they
 * are drawn on. A colour outside {@code .root} would escape the check, so there is none.
 */
class ThemeContrastTest {

    private static final double AA = 4.5;

    /** The grounds the plain text colours are drawn on: panels, chips, tiles, the diagram's boxes. */
    private static final List<String> SURFACES = List.of("surface", "bg", "plot", "chip", "tile", "accent-soft",
            "diagram-prediction-fill", "diagram-overlay");
    private static final List<String> TEXTS = List.of("text", "muted", "accent", "danger");
    /** The canvases' grounds, and the unit hues their values are written in (the timeline). */
    private static final List<String> CANVASES = List.of("surface", "plot");
    private static final List<String> UNIT_TEXTS = List.of("unit-text-0", "unit-text-1", "unit-text-2",
            "unit-text-3", "unit-text-4", "unit-text-5", "unit-text-6", "unit-text-7");

    /** The colour {@code name} as seen on the window's surface (a translucent colour over it). */
    private static int seen(String name) {
        return Theme.over(Theme.argb(name), Theme.argb("surface"));
    }

    private static String failure(String text, String ground) {
        return String.format(Locale.ROOT, "-gs-%s on -gs-%s: %.2f:1", text, ground,
                Theme.contrast(seen(text), seen(ground)));
    }

    @Test
    void contrastRatiosAreWcags() {
        assertEquals(21, Theme.contrast(0xFF000000, 0xFFFFFFFF), 1e-9);
        assertEquals(1, Theme.contrast(0xFF2164D8, 0xFF2164D8), 1e-9);
        assertEquals(4.54, Theme.contrast(0xFF767676, 0xFFFFFFFF), 0.01, "the lightest grey at AA on white");
        assertEquals(0xFF7F7F7F, Theme.over(0x80000000, 0xFFFFFFFF), "128/255 black on white");
    }

    @Test
    void textOnEachColouredGroundReachesAa() {
        List<String> failures = new ArrayList<>();
        int pairs = 0;
        for (String name : Theme.names()) {
            if (name.startsWith("on-")) {
                String ground = name.substring(3);
                pairs++;
                if (Theme.contrast(seen(name), seen(ground)) < AA) {
                    failures.add(failure(name, ground));
                }
            }
        }
        assertTrue(pairs >= 10, "the stylesheet names its grounds and their text: " + pairs);
        assertTrue(failures.isEmpty(), "below 4.5:1: " + failures);
    }

    @Test
    void plainTextReachesAaOnEverySurface() {
        List<String> failures = new ArrayList<>();
        check(TEXTS, SURFACES, failures);
        check(UNIT_TEXTS, CANVASES, failures);
        assertTrue(failures.isEmpty(), "below 4.5:1: " + failures);
    }

    private static void check(List<String> texts, List<String> grounds, List<String> failures) {
        for (String text : texts) {
            for (String ground : grounds) {
                if (Theme.contrast(seen(text), seen(ground)) < AA) {
                    failures.add(failure(text, ground));
                }
            }
        }
    }

    @Test
    void tooltipsAreLightOnAnOpaqueDarkGround() {
        assertEquals(0xFF, Theme.argb("tooltip") >>> 24, "opaque: what lies beneath cannot lower the contrast");
        assertTrue(Theme.contrast(Theme.argb("on-tooltip"), Theme.argb("tooltip")) >= 7,
                "a tooltip's small print is read at a glance");
    }

    @Test
    void everyColourOfTheStylesheetIsAThemeVariable() throws IOException {
        String css;
        try (InputStream in = Theme.class.getResourceAsStream(Theme.STYLESHEET)) {
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?s)/\\*.*?\\*/", "");
        }
        // the palettes' blocks are checked by ColourBlindPaletteTest
        String outsideRoot = css.replaceFirst("(?m)^\\.root\\s*\\{[^}]*\\}", "")
                .replaceAll("(?m)^\\.root\\.palette-[a-z]+\\s*\\{[^}]*\\}", "");
        Matcher literal = Pattern.compile("#[0-9a-fA-F]{3,8}\\b|\\b(white|black|rgba?\\()").matcher(outsideRoot);
        List<String> found = new ArrayList<>();
        while (literal.find()) {
            found.add(literal.group());
        }
        assertTrue(found.isEmpty(), "colours outside .root escape the contrast check: " + found);
    }
}
