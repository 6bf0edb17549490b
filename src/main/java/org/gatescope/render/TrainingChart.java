package org.gatescope.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Draws a training run's curves as the train window shows them, as a PNG-ready image: the loss
 * (training and validation cross-entropy) above, the validation agreement accuracy (was / were)
 * on a fixed 0..1 axis below, both over the run's whole length of steps so the panels line up.
 *
 * <p>The image is {@value #WIDTH} × {@value #HEIGHT} px. Points whose value is NaN or infinite
 * are skipped; with no points at all the panels say so ({@value #NO_TRAINING}).
 * {@link #layout(Curves)} gives the axes' mapping from data to pixels.
 *
 * <p>Deterministic: the same curves give the same pixels. Stateless and thread-safe; needs no
 * display (AWT headless is enough).
 */
public final class TrainingChart {

    /** Agreement by guessing: was or were, one in two. */
    public static final double CHANCE = 0.5;
    static final String NO_TRAINING = "no training yet";
    static final String NO_VALIDATION = "measured at the end of each epoch";

    // The layout, top to bottom: title and subtitle, the loss panel (heading, plot, tick labels),
    // the accuracy panel, the step axis's name.
    static final int PAD = 20;
    static final int AXIS_WIDTH = 72;
    static final int HEADER = 64;
    private static final int HEADING_GAP = 28;
    static final int LOSS_HEIGHT = 250;
    private static final int TICK_LABEL_GAP = 18;
    private static final int PANEL_GAP = 36;
    /** The accuracy panel's heading sits this much closer to the loss panel's tick labels. */
    private static final int ACCURACY_HEADING_RAISE = 16;
    static final int ACCURACY_HEIGHT = 170;
    /** Below the accuracy plot: its tick labels, the step axis's name, a margin. */
    private static final int BELOW_ACCURACY = 66;
    private static final int LOSS_TOP = PAD + HEADER + HEADING_GAP;
    private static final int ACCURACY_TOP = LOSS_TOP + LOSS_HEIGHT + TICK_LABEL_GAP + PANEL_GAP + HEADING_GAP
            - ACCURACY_HEADING_RAISE;

    public static final int WIDTH = 900;
    public static final int HEIGHT = ACCURACY_TOP + ACCURACY_HEIGHT + BELOW_ACCURACY;
    private static final int MARKER = 7;

    /** Okabe–Ito blue and vermillion ({@code -gs-training}, {@code -gs-validation}): as in the window. */
    public static final Color TRAINING = Theme.TRAINING;
    public static final Color VALIDATION = Theme.VALIDATION;

    /** One point of a curve: the training step and the value there. */
    public record Point(long step, double value) {
    }

    /**
     * What to draw. The lists are copied; a point's value may be NaN or infinite (skipped).
     *
     * @param title e.g. "lstm, 16 hidden units, seed 1 — epoch 2/3"
     * @param subtitle a second, muted line (the other settings), or null for none
     * @param totalSteps the run's planned length: the step axis ends there, however far the run got
     * @param validationAccuracy agreement accuracy on the validation probes, 0..1
     */
    public record Curves(String title, String subtitle, long totalSteps, List<Point> trainingLoss,
                         List<Point> validationLoss, List<Point> validationAccuracy) {

        public Curves {
            Objects.requireNonNull(title, "title");
            subtitle = subtitle == null ? "" : subtitle;
            trainingLoss = List.copyOf(trainingLoss);
            validationLoss = List.copyOf(validationLoss);
            validationAccuracy = List.copyOf(validationAccuracy);
        }

        /** Whether there is no point at all to draw, finite or not. */
        public boolean isEmpty() {
            return trainingLoss.isEmpty() && validationLoss.isEmpty() && validationAccuracy.isEmpty();
        }
    }

    /**
     * Where the two plots lie and how data maps to pixels. Both plots share the step axis.
     *
     * @param lastStep the step at the plots' right edge (a round number at or past the run's end)
     * @param stepTick the distance between step ticks
     * @param lossLow the loss at the loss plot's bottom edge
     * @param lossHigh the loss at its top edge
     * @param lossTick the distance between loss ticks
     */
    public record Layout(int plotX, int plotWidth, int lossTop, int lossHeight, int accuracyTop,
                         int accuracyHeight, double lastStep, double stepTick, double lossLow, double lossHigh,
                         double lossTick) {

        /** The pixel column of a step, in both plots. */
        public double x(double step) {
            return plotX + step / lastStep * plotWidth;
        }

        /** The pixel row of a loss in the loss plot (up is more). */
        public double lossY(double loss) {
            return lossTop + (lossHigh - loss) / (lossHigh - lossLow) * lossHeight;
        }

        /** The pixel row of an accuracy 0..1 in the accuracy plot (up is more). */
        public double accuracyY(double accuracy) {
            return accuracyTop + (1 - accuracy) * accuracyHeight;
        }
    }

    private TrainingChart() {
    }

    /** The axes {@code curves} are drawn on. */
    public static Layout layout(Curves curves) {
        int plotX = PAD + AXIS_WIDTH;
        int plotWidth = WIDTH - plotX - 2 * PAD;
        int lossTop = LOSS_TOP;
        int accuracyTop = ACCURACY_TOP;

        long total = Math.max(curves.totalSteps(), 0);
        for (List<Point> curve : List.of(curves.trainingLoss(), curves.validationLoss(),
                curves.validationAccuracy())) {
            for (Point p : curve) {
                if (Double.isFinite(p.value())) {
                    total = Math.max(total, p.step());
                }
            }
        }
        double stepTick = Math.max(1, niceStep(Math.max(total, 1) / 10.0));
        double lastStep = Math.max(1, Math.ceil(total / stepTick)) * stepTick;

        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (List<Point> curve : List.of(curves.trainingLoss(), curves.validationLoss())) {
            for (Point p : curve) {
                if (Double.isFinite(p.value())) {
                    min = Math.min(min, p.value());
                    max = Math.max(max, p.value());
                }
            }
        }
        if (min > max) {
            min = 0;
            max = 1;
        }
        if (max - min < 1e-9 * Math.max(1, Math.abs(max))) {
            double half = Math.max(Math.abs(max) * 0.1, 0.05);
            min -= half;
            max += half;
        }
        double lossTick = niceStep((max - min) / 6);
        double lossLow = Math.floor(min / lossTick) * lossTick;
        double lossHigh = Math.ceil(max / lossTick) * lossTick;
        if (lossHigh - lossLow < lossTick) {
            lossHigh = lossLow + lossTick;
        }
        return new Layout(plotX, plotWidth, lossTop, LOSS_HEIGHT, accuracyTop, ACCURACY_HEIGHT, lastStep, stepTick,
                lossLow, lossHigh, lossTick);
    }

    /** The round step (1, 2 or 5 times a power of ten) nearest at or above {@code raw} &gt; 0. */
    public static double niceStep(double raw) {
        if (!(raw > 0) || Double.isInfinite(raw)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double factor : new double[] {1, 2, 5}) {
            if (factor * power >= raw * (1 - 1e-9)) {
                return factor * power;
            }
        }
        return 10 * power;
    }

    /**
     * Draws the chart.
     *
     * @param curves not modified
     * @return a new TYPE_INT_ARGB image, opaque
     */
    public static BufferedImage render(Curves curves) {
        Layout layout = layout(curves);
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = ChartStyle.begin(image);
        try {
            drawTitle(g, curves);
            boolean anyLoss = hasFinite(curves.trainingLoss()) || hasFinite(curves.validationLoss());
            boolean anyAccuracy = hasFinite(curves.validationAccuracy());
            boolean stepsKnown = curves.totalSteps() > 0 || anyLoss || anyAccuracy;

            drawHeading(g, "Loss", layout, layout.lossTop());
            drawLegend(g, layout, layout.lossTop(), List.of(
                    new Entry("training", TRAINING, false, last(curves.trainingLoss()), "%.3f"),
                    new Entry("validation", VALIDATION, true, last(curves.validationLoss()), "%.3f")));
            drawPlot(g, layout, layout.lossTop(), layout.lossHeight(), stepsKnown);
            if (anyLoss) {
                for (int i = 0; ; i++) {
                    double value = layout.lossLow() + i * layout.lossTick();
                    if (value > layout.lossHigh() + layout.lossTick() * 1e-6) {
                        break;
                    }
                    yTick(g, layout, layout.lossTop(), layout.lossHeight(), layout.lossY(value),
                            String.format(Locale.ROOT, tickFormat(layout), value));
                }
                clipTo(g, layout, layout.lossTop(), layout.lossHeight());
                drawCurve(g, layout, curves.trainingLoss(), layout::lossY, TRAINING, false);
                drawCurve(g, layout, curves.validationLoss(), layout::lossY, VALIDATION, true);
                g.setClip(null);
            } else {
                drawMessage(g, layout, layout.lossTop(), layout.lossHeight(), NO_TRAINING);
            }
            yLabel(g, "cross-entropy", layout.lossTop(), layout.lossHeight());

            drawHeading(g, "Validation agreement (was / were)", layout, layout.accuracyTop());
            drawLegend(g, layout, layout.accuracyTop(), List.of(
                    new Entry("validation", VALIDATION, true, last(curves.validationAccuracy()), "%.3f")));
            drawPlot(g, layout, layout.accuracyTop(), layout.accuracyHeight(), stepsKnown);
            for (int i = 0; i <= 5; i++) {
                double value = i / 5.0;
                yTick(g, layout, layout.accuracyTop(), layout.accuracyHeight(), layout.accuracyY(value),
                        String.format(Locale.ROOT, "%.1f", value));
            }
            drawChance(g, layout);
            if (anyAccuracy) {
                clipTo(g, layout, layout.accuracyTop(), layout.accuracyHeight());
                drawCurve(g, layout, curves.validationAccuracy(), layout::accuracyY, VALIDATION, true);
                g.setClip(null);
            } else {
                drawMessage(g, layout, layout.accuracyTop(), layout.accuracyHeight(),
                        anyLoss ? NO_VALIDATION : NO_TRAINING);
            }
            yLabel(g, "accuracy", layout.accuracyTop(), layout.accuracyHeight());

            g.setFont(Theme.LABEL);
            g.setColor(ChartStyle.INK);
            FontMetrics m = g.getFontMetrics();
            int accuracyBottom = layout.accuracyTop() + layout.accuracyHeight();
            String xLabel = "training step";
            g.drawString(xLabel, layout.plotX() + (layout.plotWidth() - m.stringWidth(xLabel)) / 2f,
                    accuracyBottom + TICK_LABEL_GAP + 24);
        } finally {
            g.dispose();
        }
        return image;
    }

    private record Entry(String name, Color colour, boolean markers, double last, String format) {
    }

    private static void drawTitle(Graphics2D g, Curves curves) {
        int maxWidth = WIDTH - 2 * PAD;
        g.setColor(ChartStyle.INK);
        g.setFont(Theme.TITLE);
        g.drawString(ChartStyle.fit(g.getFontMetrics(), curves.title(), maxWidth), PAD, PAD + 20);
        if (!curves.subtitle().isBlank()) {
            g.setColor(ChartStyle.MUTED);
            g.setFont(Theme.BODY);
            g.drawString(ChartStyle.fit(g.getFontMetrics(), curves.subtitle(), maxWidth), PAD, PAD + 44);
        }
    }

    private static void drawHeading(Graphics2D g, String heading, Layout layout, int plotTop) {
        g.setColor(ChartStyle.INK);
        g.setFont(Theme.HEADING_SMALL);
        g.drawString(heading, layout.plotX(), plotTop - 12);
    }

    /** Right-aligned above the plot, so it never hides a curve: a sample of each line and its last value. */
    private static void drawLegend(Graphics2D g, Layout layout, int plotTop, List<Entry> entries) {
        g.setFont(Theme.LABEL);
        FontMetrics m = g.getFontMetrics();
        int baseline = plotTop - 12;
        float x = layout.plotX() + layout.plotWidth();
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry e = entries.get(i);
            String text = Double.isNaN(e.last()) ? e.name()
                    : e.name() + " (last " + String.format(Locale.ROOT, e.format(), e.last()) + ")";
            x -= m.stringWidth(text);
            g.setColor(ChartStyle.INK);
            g.drawString(text, x, baseline);
            x -= 30;
            double y = baseline - (m.getAscent() - m.getDescent()) / 2.0;
            g.setColor(e.colour());
            g.setStroke(new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(new Line2D.Double(x, y, x + 24, y));
            if (e.markers()) {
                drawMarker(g, x + 12, y, e.colour());
            }
            x -= 20;
        }
    }

    private static void drawPlot(Graphics2D g, Layout layout, int top, int height, boolean stepsKnown) {
        int left = layout.plotX();
        int width = layout.plotWidth();
        g.setColor(Theme.PLOT);
        g.fillRect(left, top, width, height);
        g.setStroke(new BasicStroke(1f));
        g.setFont(Theme.SMALL);
        FontMetrics m = g.getFontMetrics();
        for (int i = 0; ; i++) {
            double step = i * layout.stepTick();
            if (step > layout.lastStep() + 1e-6) {
                break;
            }
            float x = (float) layout.x(step);
            if (i > 0 && step < layout.lastStep()) {
                g.setColor(Theme.GRID);
                g.draw(new Line2D.Float(x, top, x, top + height));
            }
            if (stepsKnown) {
                g.setColor(ChartStyle.FRAME);
                g.draw(new Line2D.Float(x, top + height, x, top + height + 4));
                String label = String.format(Locale.ROOT, "%,d", Math.round(step));
                g.setColor(ChartStyle.INK);
                g.drawString(label, x - m.stringWidth(label) / 2f, top + height + TICK_LABEL_GAP);
            }
        }
        g.setColor(ChartStyle.FRAME);
        g.drawRect(left, top, width, height);
    }

    /** A tick and its label at row {@code y}, and a grid line across the plot unless on its edge. */
    private static void yTick(Graphics2D g, Layout layout, int top, int height, double y, String label) {
        int left = layout.plotX();
        g.setStroke(new BasicStroke(1f));
        if (y > top + 0.5 && y < top + height - 0.5) {
            g.setColor(Theme.GRID);
            g.draw(new Line2D.Double(left + 1, y, left + layout.plotWidth() - 1, y));
        }
        g.setColor(ChartStyle.FRAME);
        g.draw(new Line2D.Double(left - 4, y, left, y));
        g.setFont(Theme.SMALL);
        g.setColor(ChartStyle.INK);
        FontMetrics m = g.getFontMetrics();
        g.drawString(label, left - 8 - m.stringWidth(label), (float) (y + (m.getAscent() - m.getDescent()) / 2.0));
    }

    private static void yLabel(Graphics2D g, String label, int top, int height) {
        g.setFont(Theme.LABEL);
        g.setColor(ChartStyle.MUTED);
        FontMetrics m = g.getFontMetrics();
        AffineTransform saved = g.getTransform();
        g.translate(PAD + 12, top + (height + m.stringWidth(label)) / 2.0);
        g.rotate(-Math.PI / 2);
        g.drawString(label, 0, 0);
        g.setTransform(saved);
    }

    private static void drawChance(Graphics2D g, Layout layout) {
        double y = layout.accuracyY(CHANCE);
        g.setColor(ChartStyle.FRAME);
        g.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f},
                0f));
        g.draw(new Line2D.Double(layout.plotX(), y, layout.plotX() + layout.plotWidth(), y));
        g.setFont(Theme.SMALL);
        g.setColor(ChartStyle.MUTED);
        FontMetrics m = g.getFontMetrics();
        String note = "chance";
        g.drawString(note, layout.plotX() + layout.plotWidth() - m.stringWidth(note) - 6, (float) (y + 4 + m.getAscent()));
    }

    /** Clips to the plot, with room for markers on its edges. */
    private static void clipTo(Graphics2D g, Layout layout, int top, int height) {
        g.setClip(layout.plotX() - MARKER, top - MARKER, layout.plotWidth() + 2 * MARKER, height + 2 * MARKER);
    }

    @FunctionalInterface
    private interface Rows {
        double y(double value);
    }

    /** A line through the finite points in order (a lone one is a dot), markers on them if asked. */
    private static void drawCurve(Graphics2D g, Layout layout, List<Point> curve, Rows rows, Color colour,
                                  boolean markers) {
        Path2D.Double path = new Path2D.Double();
        int drawn = 0;
        double lastX = 0;
        double lastY = 0;
        for (Point p : curve) {
            if (!Double.isFinite(p.value())) {
                continue;
            }
            lastX = layout.x(p.step());
            lastY = rows.y(p.value());
            if (drawn++ == 0) {
                path.moveTo(lastX, lastY);
            } else {
                path.lineTo(lastX, lastY);
            }
        }
        g.setColor(colour);
        Stroke line = new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        g.setStroke(line);
        if (drawn > 1) {
            g.draw(path);
        } else if (drawn == 1 && !markers) {
            g.fill(new Ellipse2D.Double(lastX - 3, lastY - 3, 6, 6));
        }
        if (markers) {
            for (Point p : curve) {
                if (Double.isFinite(p.value())) {
                    drawMarker(g, layout.x(p.step()), rows.y(p.value()), colour);
                }
            }
        }
    }

    /** A white-filled ring: the measured points of a validation curve. */
    private static void drawMarker(Graphics2D g, double cx, double cy, Color colour) {
        double r = MARKER / 2.0;
        Ellipse2D.Double ring = new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r);
        g.setColor(Theme.SURFACE);
        g.fill(ring);
        g.setColor(colour);
        g.setStroke(new BasicStroke(2f));
        g.draw(ring);
    }

    private static void drawMessage(Graphics2D g, Layout layout, int top, int height, String message) {
        g.setFont(Theme.HEADING);
        FontMetrics m = g.getFontMetrics();
        int width = m.stringWidth(message);
        int left = layout.plotX() + (layout.plotWidth() - width) / 2;
        int baseline = top + height / 2 + (m.getAscent() - m.getDescent()) / 2;
        g.setColor(Theme.SURFACE);
        g.fillRect(left - 12, baseline - m.getAscent() - 8, width + 24, m.getAscent() + m.getDescent() + 16);
        g.setColor(ChartStyle.FRAME);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(left - 12, baseline - m.getAscent() - 8, width + 24, m.getAscent() + m.getDescent() + 16);
        g.setColor(ChartStyle.MUTED);
        g.drawString(message, left, baseline);
    }

    private static boolean hasFinite(List<Point> curve) {
        return curve.stream().anyMatch(p -> Double.isFinite(p.value()));
    }

    /** The last finite value of a curve; NaN when it has none. */
    private static double last(List<Point> curve) {
        for (int i = curve.size() - 1; i >= 0; i--) {
            if (Double.isFinite(curve.get(i).value())) {
                return curve.get(i).value();
            }
        }
        return Double.NaN;
    }

    /** As many decimals as the loss ticks need. */
    private static String tickFormat(Layout layout) {
        int decimals = (int) Math.max(0, Math.ceil(-Math.log10(layout.lossTick()) - 1e-9));
        return "%." + decimals + "f";
    }
}
