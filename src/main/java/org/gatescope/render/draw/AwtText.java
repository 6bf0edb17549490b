package org.gatescope.render.draw;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.geom.AffineTransform;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fonts and text measures of the Java2D and SVG back ends: one family (DejaVu Sans where installed,
 * as on Debian with fonts-dejavu-core, else Java's logical sans-serif), measured in a fixed
 * antialiased, fractional-metrics context — never a screen's — so the window's export and the
 * command line's lay out the same text at the same widths. Thread-safe.
 */
public final class AwtText {

    /** The family the Java2D back end draws with and the SVG names first. */
    public static final String FAMILY = pickFamily();

    private static final FontRenderContext CONTEXT = new FontRenderContext(new AffineTransform(), true, true);
    private static final Map<DrawFont, Font> FONTS = new ConcurrentHashMap<>();

    private AwtText() {
    }

    public static Font font(DrawFont font) {
        return FONTS.computeIfAbsent(font, f -> {
            int style = (f.bold() ? Font.BOLD : 0) | (f.italic() ? Font.ITALIC : 0);
            return new Font(FAMILY, style, 1).deriveFont((float) f.size());
        });
    }

    public static double width(String text, DrawFont font) {
        if (text.isEmpty()) {
            return 0;
        }
        return font(font).getStringBounds(text, CONTEXT).getWidth();
    }

    /** The font's ascent, in px. */
    public static double ascent(DrawFont font) {
        return font(font).getLineMetrics("M", CONTEXT).getAscent();
    }

    /** The font's descent, in px. */
    public static double descent(DrawFont font) {
        return font(font).getLineMetrics("M", CONTEXT).getDescent();
    }

    /** How far below {@code y} the baseline lies for {@code baseline}. */
    public static double baselineShift(String text, DrawFont font, TextBaseline baseline) {
        if (baseline == TextBaseline.ALPHABETIC) {
            return 0;
        }
        LineMetrics metrics = font(font).getLineMetrics(text.isEmpty() ? "M" : text, CONTEXT);
        return (metrics.getAscent() - metrics.getDescent()) / 2;
    }

    /** Where a text's left edge lies for {@code align} at {@code x}. */
    public static double left(String text, DrawFont font, TextAlign align, double x) {
        return switch (align) {
            case LEFT -> x;
            case CENTER -> x - width(text, font) / 2;
            case RIGHT -> x - width(text, font);
        };
    }

    private static String pickFamily() {
        try {
            Set<String> installed = Set.of(GraphicsEnvironment.getLocalGraphicsEnvironment()
                    .getAvailableFontFamilyNames(java.util.Locale.ROOT));
            for (String preferred : List.of("DejaVu Sans", "Liberation Sans", "Arial")) {
                if (installed.contains(preferred)) {
                    return preferred;
                }
            }
        } catch (RuntimeException | Error e) { // a JDK without fonts: Java's logical family still draws
            return Font.SANS_SERIF;
        }
        return Font.SANS_SERIF;
    }
}
