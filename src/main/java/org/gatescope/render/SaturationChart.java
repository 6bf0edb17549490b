package org.gatescope.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.Model;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.analysis.GateSaturation;

/**
 * Draws the gate-saturation scatter of Karpathy, Johnson &amp; Fei-Fei 2015 from
 * {@link GateSaturation} points: x the fraction of steps a gate unit is left-saturated
 * (&lt; 0.1, shut), y the fraction right-saturated (&gt; 0.9, open), one colour and marker
 * per gate. Only the triangle x + y ≤ 1 can hold points; it is shaded.
 *
 * <p>The image is {@value #WIDTH} × {@value #HEIGHT} px: a title (model and cell; what the
 * fractions were counted over), the square plot of {@value #PLOT_SIZE} px with its axes, and
 * the legend at its right. {@link #layout()} gives the plot's rectangle, so a window maps a
 * click to a point ({@link #nearest}).
 *
 * <p>The saturation window's export and {@code gatescope saturation} both draw with
 * {@link #forExport}, over {@link #HELD_OUT_SOURCE} or {@link #TEXT_SOURCE}, so the two give the
 * same pixels for the same model and sentences.
 *
 * <p>Deterministic: the same points and titles give the same pixels. Stateless and
 * thread-safe; needs no display (AWT headless is enough).
 */
public final class SaturationChart {

    public static final int WIDTH = 780;
    public static final int HEIGHT = 660;
    public static final int PLOT_SIZE = 480;
    /** The subtitle's source for {@link GateSaturation#heldOutSentences()}. */
    public static final String HELD_OUT_SOURCE = "agreement corpus, " + GateSaturation.HELD_OUT_SENTENCES
            + " held-out sentences";
    /** The subtitle's source for one text: the window's sentence, or {@code --text}. */
    public static final String TEXT_SOURCE = "loaded text";

    static final int PAD = 20;
    static final int TITLE_HEIGHT = 62;
    static final int AXIS_WIDTH = 70;
    static final String NO_GATES = "the vanilla RNN has no gates";

    private static final int MARKER = 9;
    private static final int TICKS = 5;


    /** Where the plot lies in the image: its left, top and side, in pixels. */
    public record Layout(int plotX, int plotY, int plotSize) {

        /** The pixel column of a left-saturated fraction in 0..1. */
        public double x(double leftFraction) {
            return plotX + leftFraction * plotSize;
        }

        /** The pixel row of a right-saturated fraction in 0..1 (up is more). */
        public double y(double rightFraction) {
            return plotY + (1 - rightFraction) * plotSize;
        }
    }

    private SaturationChart() {
    }

    /** The layout every chart has (the image is always {@value #WIDTH} × {@value #HEIGHT}). */
    public static Layout layout() {
        return new Layout(PAD + AXIS_WIDTH, PAD + TITLE_HEIGHT + 10, PLOT_SIZE);
    }

    /** Okabe–Ito colours, one per gate, distinct for colour-blind readers. */
    public static Color colour(Quantity gate) {
        return switch (gate) {
            case UPDATE_GATE -> Theme.color("unit-0");
            case RELEVANCE_GATE -> Theme.color("relevance");
            case FORGET_GATE -> Theme.color("unit-1");
            case OUTPUT_GATE -> Theme.color("output-gate");
            default -> ChartStyle.INK;
        };
    }

    /**
     * The chart as the window exports it and {@code gatescope saturation} writes it: titled with
     * {@link ChartTitle#modelName} and the model's cell and size.
     *
     * @param points {@code model}'s points (not modified)
     * @param modelName a bundled model's name or a model file's path or name
     * @param source {@link #HELD_OUT_SOURCE} or {@link #TEXT_SOURCE}
     */
    public static BufferedImage forExport(List<GateSaturation.Point> points, Model model, String modelName,
                                          String source) {
        return render(points, ChartTitle.modelName(modelName), model.cell(), model.hiddenSize(), source);
    }

    /**
     * Draws the chart.
     *
     * @param points not modified; empty for a cell without gates
     * @param modelName the model's name for the title, or null
     * @param cell the cell the points come from
     * @param hidden its number of units
     * @param source what the fractions were counted over ("agreement corpus, 300 held-out sentences")
     * @return a new TYPE_INT_ARGB image, opaque
     */
    public static BufferedImage render(List<GateSaturation.Point> points, String modelName, CellKind cell, int hidden,
                                       String source) {
        Layout layout = layout();
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = ChartStyle.begin(image);
        try {
            drawTitle(g, modelName, cell, hidden, source);
            drawPlotArea(g, layout);
            drawAxes(g, layout);
            if (points.isEmpty()) {
                drawMessage(g, layout, cell == CellKind.RNN ? NO_GATES : "no steps to count");
            } else {
                drawPoints(g, layout, points);
                drawLegend(g, layout, points);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * The point whose marker is nearest pixel ({@code px}, {@code py}) of the image, if one lies
     * within {@code radius} pixels; the last drawn (the one on top) wins ties.
     */
    public static Optional<GateSaturation.Point> nearest(List<GateSaturation.Point> points, double px, double py,
                                                         double radius) {
        Layout layout = layout();
        GateSaturation.Point best = null;
        double bestDistance = radius * radius;
        for (GateSaturation.Point p : points) {
            double dx = layout.x(p.leftFraction()) - px;
            double dy = layout.y(p.rightFraction()) - py;
            double d = dx * dx + dy * dy;
            if (d <= bestDistance) {
                best = p;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** "Γf unit 3: 2% shut, 91% open", for a hover label. */
    public static String describe(GateSaturation.Point point) {
        return String.format(Locale.ROOT, "%s unit %d: %s shut, %s open", point.gate().symbol(), point.unit(),
                percent(point.leftFraction()), percent(point.rightFraction()));
    }

    private static String percent(double fraction) {
        return Math.round(fraction * 100) + "%";
    }

    private static void drawTitle(Graphics2D g, String modelName, CellKind cell, int hidden, String source) {
        StringBuilder head = new StringBuilder();
        if (modelName != null && !modelName.isBlank()) {
            head.append(modelName.strip()).append(" — ");
        }
        head.append(cell.displayName()).append(", ").append(hidden).append(hidden == 1 ? " unit" : " units")
                .append(" · gate saturation");
        int maxWidth = WIDTH - 2 * PAD;
        g.setColor(ChartStyle.INK);
        g.setFont(Theme.TITLE);
        g.drawString(ChartStyle.fit(g.getFontMetrics(), head.toString(), maxWidth), PAD, PAD + 20);
        g.setColor(ChartStyle.MUTED);
        g.setFont(Theme.SUBTITLE);
        g.drawString(ChartStyle.fit(g.getFontMetrics(), "over " + source, maxWidth), PAD, PAD + 46);
    }

    private static void drawPlotArea(Graphics2D g, Layout layout) {
        int x0 = layout.plotX();
        int y0 = layout.plotY();
        int s = layout.plotSize();
        g.setColor(Theme.PLOT);
        g.fillRect(x0, y0, s, s);
        // x + y ≤ 1: below the diagonal from (0, 1) to (1, 0).
        g.setColor(Theme.color("plot-feasible"));
        g.fillPolygon(new Polygon(new int[] {x0, x0 + s, x0}, new int[] {y0 + s, y0 + s, y0}, 3));
        g.setColor(Theme.GRID);
        g.setStroke(new BasicStroke(1f));
        for (int i = 1; i < TICKS; i++) {
            int offset = Math.round(i * s / (float) TICKS);
            g.drawLine(x0 + offset, y0, x0 + offset, y0 + s);
            g.drawLine(x0, y0 + offset, x0 + s, y0 + offset);
        }
        g.setColor(ChartStyle.FRAME);
        g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
        g.drawLine(x0, y0, x0 + s, y0 + s);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(x0, y0, s, s);
        g.setFont(Theme.SMALL);
        g.setColor(ChartStyle.MUTED);
        String note = "x + y > 1 impossible";
        FontMetrics m = g.getFontMetrics();
        g.drawString(note, x0 + s - m.stringWidth(note) - 8, y0 + 18);
    }

    private static void drawAxes(Graphics2D g, Layout layout) {
        int x0 = layout.plotX();
        int y0 = layout.plotY();
        int s = layout.plotSize();
        g.setFont(Theme.SMALL);
        g.setColor(ChartStyle.INK);
        FontMetrics m = g.getFontMetrics();
        for (int i = 0; i <= TICKS; i++) {
            String label = (i * 100 / TICKS) + "%";
            int offset = Math.round(i * s / (float) TICKS);
            g.drawLine(x0 + offset, y0 + s, x0 + offset, y0 + s + 4);
            g.drawString(label, x0 + offset - m.stringWidth(label) / 2f, y0 + s + 18);
            g.drawLine(x0 - 4, y0 + s - offset, x0, y0 + s - offset);
            g.drawString(label, x0 - 8 - m.stringWidth(label), y0 + s - offset + (m.getAscent() - m.getDescent()) / 2f);
        }
        g.setFont(Theme.LABEL);
        m = g.getFontMetrics();
        String xLabel = "left-saturated: fraction of steps with the gate < " + GateSaturation.LEFT + " (shut)";
        g.drawString(xLabel, x0 + (s - m.stringWidth(xLabel)) / 2f, y0 + s + 42);
        String yLabel = "right-saturated: fraction of steps > " + GateSaturation.RIGHT + " (open)";
        AffineTransform saved = g.getTransform();
        g.translate(PAD + 14, y0 + (s + m.stringWidth(yLabel)) / 2.0);
        g.rotate(-Math.PI / 2);
        g.drawString(yLabel, 0, 0);
        g.setTransform(saved);
    }

    private static void drawMessage(Graphics2D g, Layout layout, String message) {
        g.setFont(Theme.TITLE_SMALL);
        g.setColor(ChartStyle.INK);
        FontMetrics m = g.getFontMetrics();
        int width = m.stringWidth(message);
        int left = layout.plotX() + (layout.plotSize() - width) / 2;
        int baseline = layout.plotY() + layout.plotSize() / 2;
        // On white, so the diagonal does not run through the words.
        g.setColor(Theme.SURFACE);
        g.fillRect(left - 12, baseline - m.getAscent() - 8, width + 24, m.getAscent() + m.getDescent() + 16);
        g.setColor(ChartStyle.FRAME);
        g.drawRect(left - 12, baseline - m.getAscent() - 8, width + 24, m.getAscent() + m.getDescent() + 16);
        g.setColor(ChartStyle.INK);
        g.drawString(message, left, baseline);
    }

    private static void drawPoints(Graphics2D g, Layout layout, List<GateSaturation.Point> points) {
        g.setStroke(new BasicStroke(1.2f));
        for (GateSaturation.Point p : points) {
            Shape marker = marker(p.gate(), layout.x(p.leftFraction()), layout.y(p.rightFraction()));
            Color c = colour(p.gate());
            g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 110));
            g.fill(marker);
            g.setColor(c);
            g.draw(marker);
        }
    }

    /** Γu circle, Γr square, Γf triangle, Γo diamond: told apart without colour too. */
    static Shape marker(Quantity gate, double cx, double cy) {
        double r = MARKER / 2.0;
        return switch (gate) {
            case RELEVANCE_GATE -> new Rectangle2D.Double(cx - r * 0.9, cy - r * 0.9, 1.8 * r, 1.8 * r);
            case FORGET_GATE -> polygon(cx, cy - r * 1.2, cx + r * 1.1, cy + r * 0.8, cx - r * 1.1, cy + r * 0.8);
            case OUTPUT_GATE -> polygon(cx, cy - r * 1.2, cx + r * 1.2, cy, cx, cy + r * 1.2, cx - r * 1.2, cy);
            default -> new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r);
        };
    }

    private static Shape polygon(double... xy) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            path.lineTo(xy[i], xy[i + 1]);
        }
        path.closePath();
        return path;
    }

    private static void drawLegend(Graphics2D g, Layout layout, List<GateSaturation.Point> points) {
        List<Quantity> gates = new ArrayList<>();
        for (GateSaturation.Point p : points) {
            if (!gates.contains(p.gate())) {
                gates.add(p.gate());
            }
        }
        int x = layout.plotX() + layout.plotSize() + 24;
        int y = layout.plotY() + 10;
        g.setFont(Theme.BODY);
        g.setStroke(new BasicStroke(1.2f));
        for (Quantity gate : gates) {
            Shape marker = marker(gate, x + 6, y);
            Color c = colour(gate);
            g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 110));
            g.fill(marker);
            g.setColor(c);
            g.draw(marker);
            g.setColor(ChartStyle.INK);
            g.drawString(HeatmapImage.panelTitle(gate), x + 20, y + 5);
            y += 26;
        }
        g.setFont(Theme.SMALL);
        g.setColor(ChartStyle.MUTED);
        y += 10;
        for (String line : List.of("one point per", "gate unit")) {
            g.drawString(line, x, y);
            y += 16;
        }
    }
}
