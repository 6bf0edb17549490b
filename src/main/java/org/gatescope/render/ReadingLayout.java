package org.gatescope.render;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each token of a long text sits in the reading view: tokens flow left to right in lines of a given
 * width, each in a box as wide as its text plus padding, measured with Java2D's metrics of {@link #FONT}, so
 * the window (which paints with {@link ReadingPainter} too) and the PNG export place every token alike.
 * Immutable; a few milliseconds for thousands of tokens.
 */
public final class ReadingLayout {

    public static final Font FONT = Theme.BODY;
    /** Height of a line, and of a token's box within it. */
    public static final int LINE_HEIGHT = 26;
    public static final int BOX_HEIGHT = 21;
    static final int PAD_X = 4;
    static final int GAP = 3;
    public static final int MARGIN = 12;

    private final int width;
    private final float[] x;
    private final int[] line;
    private final float[] boxWidth;
    private final int[] lineStart;
    /** Each token's glyphs, laid out once (shared by equal tokens): painting only places them. */
    private final java.awt.font.GlyphVector[] glyphs;

    private ReadingLayout(int width, float[] x, int[] line, float[] boxWidth, int[] lineStart,
                          java.awt.font.GlyphVector[] glyphs) {
        this.glyphs = glyphs;
        this.width = width;
        this.x = x;
        this.line = line;
        this.boxWidth = boxWidth;
        this.lineStart = lineStart;
    }

    /** Lays out {@code tokens} in lines of {@code width} px (at least one token per line, however long). */
    public static ReadingLayout of(List<String> tokens, int width) {
        FontMetrics metrics = metrics();
        java.awt.font.FontRenderContext context = metrics.getFontRenderContext();
        Map<String, Float> widths = new HashMap<>();
        Map<String, java.awt.font.GlyphVector> shapes = new HashMap<>();
        java.awt.font.GlyphVector[] glyphs = new java.awt.font.GlyphVector[tokens.size()];
        int n = tokens.size();
        float[] x = new float[n];
        int[] line = new int[n];
        float[] w = new float[n];
        java.util.ArrayList<Integer> starts = new java.util.ArrayList<>();
        float cursor = MARGIN;
        int current = 0;
        if (n > 0) {
            starts.add(0);
        }
        for (int t = 0; t < n; t++) {
            float box = widths.computeIfAbsent(tokens.get(t), s -> (float) metrics.stringWidth(s) + 2 * PAD_X);
            glyphs[t] = shapes.computeIfAbsent(tokens.get(t), s -> FONT.createGlyphVector(context, s));
            if (cursor + box > width - MARGIN && cursor > MARGIN) {
                current++;
                starts.add(t);
                cursor = MARGIN;
            }
            x[t] = cursor;
            line[t] = current;
            w[t] = box;
            cursor += box + GAP;
        }
        return new ReadingLayout(width, x, line, w, starts.stream().mapToInt(Integer::intValue).toArray(), glyphs);
    }

    private static FontMetrics metrics() {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = scratch.createGraphics();
        ChartStyle.configure(g);
        g.setFont(FONT);
        FontMetrics metrics = g.getFontMetrics();
        g.dispose();
        return metrics;
    }

    /** The glyphs of token {@code t} in {@link #FONT}; read only. */
    public java.awt.font.GlyphVector glyphs(int t) {
        return glyphs[t];
    }

    public int width() {
        return width;
    }

    public int size() {
        return x.length;
    }

    public int lines() {
        return lineStart.length;
    }

    /** The height of all lines, margins included. */
    public int height() {
        return lines() * LINE_HEIGHT + 2 * MARGIN;
    }

    public float x(int token) {
        return x[token];
    }

    /** The top of the token's box. */
    public float y(int token) {
        return MARGIN + line[token] * LINE_HEIGHT + (LINE_HEIGHT - BOX_HEIGHT) / 2f;
    }

    public float boxWidth(int token) {
        return boxWidth[token];
    }

    public int line(int token) {
        return line[token];
    }

    /** The first token of line {@code index}. */
    public int lineStart(int index) {
        return lineStart[index];
    }

    /** The line at height {@code y}, clamped to the text. */
    public int lineAt(double y) {
        int index = (int) Math.floor((y - MARGIN) / LINE_HEIGHT);
        return Math.max(0, Math.min(lines() - 1, index));
    }

    /** The token whose box holds (px, py), or -1. */
    public int tokenAt(double px, double py) {
        if (x.length == 0) {
            return -1;
        }
        int index = (int) Math.floor((py - MARGIN) / LINE_HEIGHT);
        if (index < 0 || index >= lines()) {
            return -1;
        }
        int end = index + 1 < lines() ? lineStart[index + 1] : x.length;
        for (int t = lineStart[index]; t < end; t++) {
            if (px >= x[t] && px < x[t] + boxWidth[t] + GAP) {
                return t;
            }
        }
        return -1;
    }
}
