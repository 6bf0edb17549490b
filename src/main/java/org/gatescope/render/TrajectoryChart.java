package org.gatescope.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Draws trajectories through state space: each sentence's states projected on the first two principal
 * components, one labelled point per token joined in reading order, one colour per sentence; each axis says
 * how much of the variance it explains. The trajectory window shows this image and its export is the same
 * pixels. {@link #layout} maps data to pixels, so a window finds the point under the mouse ({@link #nearest})
 * and rings the current step.
 *
 * <p>Stateless and thread-safe; needs no display.
 */
public final class TrajectoryChart {

    public static final int WIDTH = 860;
    public static final int HEIGHT = 680;

    static final int PAD = 20;
    static final int TITLE_HEIGHT = 62;
    static final int AXIS_LEFT = 64;
    static final int AXIS_BOTTOM = 48;
    static final int LEGEND_HEIGHT = 28;
    private static final int MARKER = 9;

    /** One sentence's path: its tokens and one (x, y) per token. */
    public record Path(String label, List<String> tokens, double[][] points) {
        public Path {
            tokens = List.copyOf(tokens);
            if (tokens.size() != points.length) {
                throw new IllegalArgumentException(tokens.size() + " tokens, " + points.length + " points");
            }
        }
    }

    /** What is drawn: the paths, what the axes explain, and the titles. */
    public record Chart(List<Path> paths, double[] explainedVarianceRatio, String title, String subtitle) {
        public Chart {
            paths = List.copyOf(paths);
        }
    }

    /** A point of the chart: which path, which token. */
    public record Hit(int path, int token) {
    }

    /** Where data lands: the plot's rectangle and the data ranges it shows (equal scale on both axes). */
    public record Layout(double plotX, double plotY, double plotWidth, double plotHeight, double minX, double minY,
                         double scale) {
        public double x(double value) {
            return plotX + (value - minX) * scale;
        }

        public double y(double value) {
            return plotY + plotHeight - (value - minY) * scale;
        }
    }

    private TrajectoryChart() {
    }

    /** The colours of the first and second sentence (then repeating): the window's unit colours 0 and 1. */
    public static Color colour(int path) {
        return new Color(Theme.unitArgb(path % 2 == 0 ? 0 : 1), true);
    }

    /** The plot's layout for {@code chart}: both axes share one scale, so distances read true. */
    public static Layout layout(Chart chart) {
        double plotX = PAD + AXIS_LEFT;
        double plotY = PAD + TITLE_HEIGHT + LEGEND_HEIGHT;
        double plotWidth = WIDTH - plotX - PAD - 10;
        double plotHeight = HEIGHT - plotY - AXIS_BOTTOM - PAD;
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (Path path : chart.paths()) {
            for (double[] p : path.points()) {
                minX = Math.min(minX, p[0]);
                maxX = Math.max(maxX, p[0]);
                double y = p.length > 1 ? p[1] : 0;
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
            }
        }
        if (!Double.isFinite(minX)) {
            return new Layout(plotX, plotY, plotWidth, plotHeight, -1, -1, plotWidth / 2);
        }
        double spanX = Math.max(maxX - minX, 1e-9);
        double spanY = Math.max(maxY - minY, 1e-9);
        double margin = 0.08;
        double scale = Math.min(plotWidth / (spanX * (1 + 2 * margin)), plotHeight / (spanY * (1 + 2 * margin)));
        double centreX = (minX + maxX) / 2;
        double centreY = (minY + maxY) / 2;
        return new Layout(plotX, plotY, plotWidth, plotHeight, centreX - plotWidth / 2 / scale,
                centreY - plotHeight / 2 / scale, scale);
    }

    /** @return a new opaque TYPE_INT_ARGB image of {@value #WIDTH} × {@value #HEIGHT} px */
    public static BufferedImage render(Chart chart) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = ChartStyle.begin(image);
        try {
            Layout layout = layout(chart);
            drawTitle(g, chart);
            drawPlot(g, layout, chart);
            drawLegend(g, chart);
            for (int p = 0; p < chart.paths().size(); p++) {
                drawPath(g, layout, chart.paths().get(p), p, colour(p), p == 0 ? null : chart.paths().get(0));
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The token whose point lies nearest pixel (px, py), within {@code radius}; a later path wins ties. */
    public static Optional<Hit> nearest(Chart chart, double px, double py, double radius) {
        Layout layout = layout(chart);
        Hit best = null;
        double bestDistance = radius * radius;
        for (int p = 0; p < chart.paths().size(); p++) {
            double[][] points = chart.paths().get(p).points();
            for (int t = 0; t < points.length; t++) {
                double dx = layout.x(points[t][0]) - px;
                double dy = layout.y(points[t].length > 1 ? points[t][1] : 0) - py;
                double d = dx * dx + dy * dy;
                if (d <= bestDistance) {
                    bestDistance = d;
                    best = new Hit(p, t);
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** "cat (the cat …, step 1): PC1 1.234, PC2 −0.567". */
    public static String describe(Chart chart, Hit hit) {
        Path path = chart.paths().get(hit.path());
        double[] p = path.points()[hit.token()];
        return String.format(Locale.ROOT, "\u201C%s\u201D (%s, step %d): PC1 %.3f, PC2 %.3f", path.tokens().get(hit.token()),
                path.label(), hit.token(), p[0], p.length > 1 ? p[1] : 0);
    }

    /** "PC1 · 44.6 % of the variance". */
    public static String axisLabel(int component, double ratio) {
        return String.format(Locale.ROOT, "PC%d \u00B7 %.1f %% of the variance", component + 1, 100 * ratio);
    }

    private static void drawTitle(Graphics2D g, Chart chart) {
        int maxWidth = WIDTH - 2 * PAD;
        g.setColor(ChartStyle.INK);
        g.setFont(Theme.TITLE);
        g.drawString(ChartStyle.fit(g.getFontMetrics(), chart.title(), maxWidth), PAD, PAD + 20);
        g.setColor(ChartStyle.MUTED);
        g.setFont(Theme.SUBTITLE);
        g.drawString(ChartStyle.fit(g.getFontMetrics(), chart.subtitle(), maxWidth), PAD, PAD + 46);
    }

    private static void drawLegend(Graphics2D g, Chart chart) {
        g.setFont(Theme.LABEL);
        FontMetrics metrics = g.getFontMetrics();
        float x = PAD + AXIS_LEFT;
        float baseline = PAD + TITLE_HEIGHT + 16;
        int room = (WIDTH - 2 * PAD - AXIS_LEFT) / Math.max(1, chart.paths().size());
        for (int p = 0; p < chart.paths().size(); p++) {
            g.setColor(colour(p));
            g.fill(p % 2 == 0 ? new Ellipse2D.Double(x, baseline - 10, 10, 10)
                    : new java.awt.geom.Rectangle2D.Double(x, baseline - 10, 10, 10));
            g.setColor(ChartStyle.INK);
            String label = ChartStyle.fit(metrics, chart.paths().get(p).label(), room - 30);
            g.drawString(label, x + 16, baseline);
            x += room;
        }
    }

    private static void drawPlot(Graphics2D g, Layout layout, Chart chart) {
        int x0 = (int) layout.plotX();
        int y0 = (int) layout.plotY();
        int w = (int) layout.plotWidth();
        int h = (int) layout.plotHeight();
        g.setColor(Theme.PLOT);
        g.fillRect(x0, y0, w, h);
        g.setColor(Theme.GRID);
        g.setStroke(new BasicStroke(1f));
        // the origin (the mean state) as a cross-hair
        double ox = layout.x(0);
        double oy = layout.y(0);
        if (ox > x0 && ox < x0 + w) {
            g.draw(new java.awt.geom.Line2D.Double(ox, y0, ox, y0 + h));
        }
        if (oy > y0 && oy < y0 + h) {
            g.draw(new java.awt.geom.Line2D.Double(x0, oy, x0 + w, oy));
        }
        g.setColor(ChartStyle.FRAME);
        g.drawRect(x0, y0, w, h);
        double[] ratio = chart.explainedVarianceRatio();
        g.setColor(ChartStyle.INK);
        g.setFont(Theme.LABEL_BOLD);
        ChartStyle.centred(g, axisLabel(0, ratio[0]), x0 + w / 2.0, y0 + h + 32);
        if (ratio.length > 1) {
            Graphics2D rotated = (Graphics2D) g.create();
            rotated.rotate(-Math.PI / 2);
            ChartStyle.centred(rotated, axisLabel(1, ratio[1]), -(y0 + h / 2.0), x0 - 14);
            rotated.dispose();
        }
        g.setFont(Theme.SMALL);
        g.setColor(ChartStyle.MUTED);
        g.drawString(String.format(Locale.ROOT, "%.2f", layout.minX), x0, y0 + h + 15);
        String right = String.format(Locale.ROOT, "%.2f", layout.minX + w / layout.scale());
        g.drawString(right, x0 + w - g.getFontMetrics().stringWidth(right), y0 + h + 15);
    }

    /**
     * @param first the first path, whose labels a later path does not repeat: a token is labelled again only
     *     where it differs from the first path's token at that step ("cats"), or lies apart from it
     */
    private static void drawPath(Graphics2D g, Layout layout, Path path, int index, Color colour, Path first) {
        double[][] points = path.points();
        Path2D.Double line = new Path2D.Double();
        for (int t = 0; t < points.length; t++) {
            double x = layout.x(points[t][0]);
            double y = layout.y(points[t].length > 1 ? points[t][1] : 0);
            if (t == 0) {
                line.moveTo(x, y);
            } else {
                line.lineTo(x, y);
            }
        }
        g.setColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 150));
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(line);
        g.setFont(Theme.SMALL);
        for (int t = 0; t < points.length; t++) {
            double x = layout.x(points[t][0]);
            double y = layout.y(points[t].length > 1 ? points[t][1] : 0);
            double size = t == 0 ? MARKER + 3 : MARKER;
            // circles for the first sentence, squares for the second: told apart without colour too
            java.awt.Shape marker = index % 2 == 0 ? new Ellipse2D.Double(x - size / 2, y - size / 2, size, size)
                    : new java.awt.geom.Rectangle2D.Double(x - size / 2, y - size / 2, size, size);
            g.setColor(colour);
            g.fill(marker);
            g.setColor(Theme.SURFACE);
            g.setStroke(new BasicStroke(1.2f));
            g.draw(marker);
            if (first != null && t < first.points().length && first.tokens().get(t).equals(path.tokens().get(t))) {
                double[] q = first.points()[t];
                double dx = layout.x(q[0]) - x;
                double dy = layout.y(q.length > 1 ? q[1] : 0) - y;
                if (dx * dx + dy * dy < 26 * 26) {
                    continue; // the first path's label says it already
                }
            }
            g.setColor(colour.darker());
            g.drawString(path.tokens().get(t), (float) (x + 7), (float) (y - 6));
        }
    }
}
