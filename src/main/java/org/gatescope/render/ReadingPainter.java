package org.gatescope.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import org.gatescope.engine.Quantity;

/**
 * Paints the reading view after Karpathy, Johnson &amp; Fei-Fei (2015): every token on a background of one unit's
 * value of one quantity (viridis for a gate, blue–white–red for c̃, c and a), the text in black or white,
 * whichever reads better; the current step, a marked span and the places a unit search found are outlined.
 * The window paints its visible band with {@link #paint}; the PNG export is {@link #render}, the whole text.
 * Stateless and thread-safe.
 */
public final class ReadingPainter {

    /** Header of an exported image: title, subtitle, colour key. */
    static final int HEADER = 86;

    /** What is outlined: the current step (-1 none), a marked span (from &gt; to: none), the matches found. */
    public record Marks(int step, int spanFrom, int spanTo, List<int[]> matches) {
        public static final Marks NONE = new Marks(-1, 0, -1, List.of());

        public Marks {
            matches = List.copyOf(matches);
        }
    }

    private ReadingPainter() {
    }

    /**
     * Paints lines of {@code layout} that meet rows {@code top}..{@code top + height} of the text onto {@code g},
     * whose origin is the text's row {@code top}.
     *
     * @param values one value per token (not modified)
     */
    public static void paint(Graphics2D g, ReadingLayout layout, List<String> tokens, double[] values,
                             ColorScale scale, Marks marks, double top, double height) {
        ChartStyle.configure(g);
        g.setColor(Theme.SURFACE);
        g.fill(new Rectangle2D.Double(0, 0, layout.width(), height));
        if (layout.size() == 0) {
            return;
        }
        g.setFont(ReadingLayout.FONT);
        int ascent = g.getFontMetrics().getAscent();
        boolean[] whiteText = whiteTextByLevel(scale);
        // Boxes are axis-aligned on whole pixels: no antialiasing needed, and thousands paint much faster.
        g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_OFF);
        g.setRenderingHint(java.awt.RenderingHints.KEY_RENDERING, java.awt.RenderingHints.VALUE_RENDER_SPEED);
        int firstLine = layout.lineAt(top);
        int lastLine = layout.lineAt(top + height);
        int from = layout.lineStart(firstLine);
        int to = lastLine + 1 < layout.lines() ? layout.lineStart(lastLine + 1) : layout.size();
        for (int t = from; t < to; t++) {
            double x = layout.x(t);
            double y = layout.y(t) - top;
            double w = layout.boxWidth(t);
            int level = scale.level(values[t]);
            g.setColor(new Color(scale.argbAtLevel(level), true));
            g.fillRect((int) Math.round(x), (int) Math.round(y), (int) Math.round(w), ReadingLayout.BOX_HEIGHT);
            g.setColor(whiteText[level] ? Color.WHITE : Color.BLACK);
            g.drawGlyphVector(layout.glyphs(t), (float) (x + ReadingLayout.PAD_X),
                    (float) (y + (ReadingLayout.BOX_HEIGHT + ascent) / 2.0 - 2));
        }
        g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
        g.setStroke(new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {4, 3}, 0));
        g.setColor(Theme.TEXT);
        for (int[] match : marks.matches()) {
            outline(g, layout, match[0], match[1], top, from, to);
        }
        g.setStroke(new BasicStroke(2.2f));
        g.setColor(Theme.ACCENT);
        if (marks.spanFrom() <= marks.spanTo()) {
            outline(g, layout, marks.spanFrom(), marks.spanTo(), top, from, to);
        }
        if (marks.step() >= from && marks.step() < to) {
            g.setColor(Theme.TEXT);
            g.setStroke(new BasicStroke(2.5f));
            g.draw(new RoundRectangle2D.Double(layout.x(marks.step()) - 2, layout.y(marks.step()) - top - 2,
                    layout.boxWidth(marks.step()) + 4, ReadingLayout.BOX_HEIGHT + 4, 7, 7));
        }
    }

    /** Per colour level: whether white text reads better on it than black (computed once per scale). */
    private static boolean[] whiteTextByLevel(ColorScale scale) {
        return WHITE_TEXT.computeIfAbsent(scale, s -> {
            boolean[] white = new boolean[ColorScale.LEVELS];
            for (int i = 0; i < white.length; i++) {
                int argb = s.argbAtLevel(i);
                white[i] = Theme.contrast(argb, 0xFF000000) < Theme.contrast(argb, 0xFFFFFFFF);
            }
            return white;
        });
    }

    private static final java.util.Map<ColorScale, boolean[]> WHITE_TEXT = new java.util.concurrent.ConcurrentHashMap<>();

    private static void outline(Graphics2D g, ReadingLayout layout, int first, int last, double top, int from, int to) {
        for (int t = Math.max(first, from); t <= Math.min(last, to - 1); t++) {
            g.draw(new RoundRectangle2D.Double(layout.x(t) - 1, layout.y(t) - top - 1, layout.boxWidth(t) + 2,
                    ReadingLayout.BOX_HEIGHT + 2, 6, 6));
        }
    }

    /** "c, unit 10" or "Γf, unit 3". */
    public static String describe(Quantity quantity, int unit) {
        return quantity.symbol() + ", unit " + unit;
    }

    /**
     * The whole text as a PNG-ready image: a title, the colour key, then every line; at most {@code maxHeight} px
     * high (the lines that fit).
     *
     * @return a new opaque TYPE_INT_ARGB image
     */
    public static BufferedImage render(ReadingLayout layout, List<String> tokens, double[] values, Quantity quantity,
                                       int unit, String title, Marks marks, int maxHeight) {
        ColorScale scale = ColorScale.forQuantity(quantity);
        int textHeight = Math.min(layout.height(), maxHeight - HEADER);
        BufferedImage image = new BufferedImage(layout.width(), HEADER + textHeight, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = ChartStyle.begin(image);
        try {
            g.setColor(ChartStyle.INK);
            g.setFont(Theme.TITLE_SMALL);
            g.drawString(ChartStyle.fit(g.getFontMetrics(), title, layout.width() - 2 * ReadingLayout.MARGIN),
                    ReadingLayout.MARGIN, 28);
            g.setFont(Theme.SUBTITLE);
            g.setColor(ChartStyle.MUTED);
            String sub = String.format(Locale.ROOT, "each token's background: %s after reading it; %,d tokens%s",
                    describe(quantity, unit), tokens.size(), layout.height() > textHeight ? " (the first lines)" : "");
            g.drawString(ChartStyle.fit(g.getFontMetrics(), sub, layout.width() - 2 * ReadingLayout.MARGIN),
                    ReadingLayout.MARGIN, 52);
            drawKey(g, scale, ReadingLayout.MARGIN, 62);
            Graphics2D text = (Graphics2D) g.create(0, HEADER, layout.width(), textHeight);
            paint(text, layout, tokens, values, scale, marks, 0, textHeight);
            text.dispose();
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void drawKey(Graphics2D g, ColorScale scale, int x, int y) {
        int w = 240;
        for (int i = 0; i < w; i++) {
            double v = scale.min() + (scale.max() - scale.min()) * i / (w - 1.0);
            g.setColor(new Color(scale.argb(v), true));
            g.fillRect(x + i, y, 1, 12);
        }
        g.setFont(Theme.SMALL);
        g.setColor(ChartStyle.MUTED);
        g.drawString(format(scale.min()), x + w + 8, y + 11);
        g.drawString("to " + format(scale.max()) + (scale.isDiverging() ? " (beyond: end colours)" : ""), x + w + 36,
                y + 11);
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%+.0f", v).replace("+0", "0");
    }
}
