package org.gatescope.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ThemeTest {

    @Test
    void coloursAreTheStylesheetsRootVariables() {
        assertEquals(0xFF2164D8, Theme.argb("accent"));
        assertEquals(0xFF2164D8, Theme.ACCENT.getRGB());
        assertEquals(0xFFFFFFFF, Theme.SURFACE.getRGB());
    }

    @Test
    void aVariableNamingAnotherHasItsColour() {
        Map<String, Integer> colours = Theme.parse(".root {\n -gs-a: #102030;\n -gs-b: -gs-a;\n -gs-c: #10203080;\n}");
        assertEquals(0xFF102030, colours.get("b"));
        assertEquals(0x80102030, colours.get("c"));
        assertEquals(Theme.argb("unit-text-1"), Theme.argb("write"));
    }

    @Test
    void unitColoursCycle() {
        assertEquals(Theme.unitArgb(0), Theme.unitArgb(Theme.UNIT_COLOURS));
        assertEquals(0xFF0072B2, Theme.unitArgb(0));
    }

    @Test
    void anUndeclaredColourIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> Theme.argb("no-such-colour"));
        assertThrows(IllegalStateException.class, () -> Theme.parse(".root {\n -gs-a: -gs-b;\n}"));
    }

    @Test
    void everyGsColourTheStylesheetUsesIsDeclaredInRoot() throws IOException {
        String css;
        try (InputStream in = Theme.class.getResourceAsStream(Theme.STYLESHEET)) {
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?s)/\\*.*?\\*/", "");
        }
        Matcher use = Pattern.compile(":\\s*[^;]*?-gs-([a-z0-9-]+)").matcher(css);
        while (use.find()) {
            Theme.argb(use.group(1));
        }
    }
}
