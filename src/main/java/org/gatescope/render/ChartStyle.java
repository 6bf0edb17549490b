package org.gatescope.render;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * What the exported charts (reach, saturation, training curves) share, so they read as one
 * family on a slide: the ink colours (the window's, from {@link Theme}), the rendering hints,
 * and how a text too long for its place is shortened.
 */
final class ChartStyle {

    static final Color INK = Theme.TEXT;
    static final Color MUTED = Theme.MUTED;
    static final Color FRAME = Theme.FRAME;

    private ChartStyle() {
    }

    /**
     * A graphics on {@code image} with the charts' hints, the whole image painted with the
     * surface colour: where every chart starts drawing. The caller disposes it.
     *
     * @param image modified: filled with {@link Theme#SURFACE}
     */
    static Graphics2D begin(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        configure(g);
        g.setColor(Theme.SURFACE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        return g;
    }

    /** Smooth lines and text; fractional metrics so the same text lays out alike at any position. */
    static void configure(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }

    /** {@code text}, or as much of it as fits in {@code maxWidth} followed by "…". */
    static String fit(FontMetrics metrics, String text, int maxWidth) {
        if (metrics.stringWidth(text) <= maxWidth) {
            return text;
        }
        int end = text.length();
        while (end > 0 && metrics.stringWidth(text.substring(0, end) + "…") > maxWidth) {
            end--;
        }
        return text.substring(0, end).stripTrailing() + "…";
    }

    /** Draws {@code text} centred on {@code cx}. */
    static void centred(Graphics2D g, String text, double cx, float baseline) {
        g.drawString(text, (float) (cx - g.getFontMetrics().stringWidth(text) / 2.0), baseline);
    }
}
