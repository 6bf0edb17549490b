package org.gatescope.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.Trace;
import org.gatescope.engine.intervention.Counterfactual;

/**
 * A counterfactual drawn from the data: for each quantity (c, a, every gate) a diverging heatmap of
 * Δ = after − before, units × tokens (blue: lower with the replacement, red: higher, white: the same),
 * the units that carry the difference marked; under them the prediction before and after at every step
 * (p(was) against p(were), or the top token) and how far the whole prediction moved.
 *
 * <p>The window's counterfactual view and "Export", and {@code gatescope diff --out}, draw with
 * {@link #forExport}: the same pixels for the same model, text and replacement.
 */
public final class CounterfactualChart {

    static final int PAD = 24;
    /** The prediction-shift bars: the accent, faint, behind the two lines. */
    private static final Color SHIFT = new Color(Theme.ACCENT.getRed(), Theme.ACCENT.getGreen(), Theme.ACCENT.getBlue(), 56);
    static final int LABEL_WIDTH = 92;
    static final int LEGEND_WIDTH = 150;
    static final int HEADER = 92;
    static final int PANEL_GAP = 30;
    static final int PREDICTION_HEIGHT = 150;
    static final int TOKEN_LABELS = 40;
    /** A column's least and usual width, px. */
    static final int MIN_COLUMN = 22;
    static final int COLUMN = 64;
    /** A heatmap's height whatever the number of units: rows of 2 to 16 px. */
    static final int PANEL_HEIGHT_TARGET = 160;
    /** Δ this small or smaller is drawn white: below it the scale would show rounding, not a change. */
    static final double LEAST_SCALE = 0.05;
    /** How many carriers the chart names. */
    public static final int CARRIERS = 3;
    /** The most tokens one chart shows (the image stays within {@link HeatmapImage#MAX_SIDE} px a side). */
    public static final int MAX_TOKENS = (HeatmapImage.MAX_SIDE - 2 * PAD - LABEL_WIDTH - LEGEND_WIDTH) / MIN_COLUMN;

    private CounterfactualChart() {
    }

    /** The quantities drawn, in this order: c (a for the RNN), a when the cell has both, then the gates, then c̃. */
    public static List<Quantity> panels(Trace trace) {
        List<Quantity> panels = new ArrayList<>();
        if (trace.has(Quantity.MEMORY_CELL)) {
            panels.add(Quantity.MEMORY_CELL);
        }
        if (trace.cell().hasSeparateMemoryCell() || !trace.has(Quantity.MEMORY_CELL)) {
            panels.add(Quantity.ACTIVATION);
        }
        for (Quantity q : trace.quantities()) {
            if (q.isGate()) {
                panels.add(q);
            }
        }
        if (trace.has(Quantity.CANDIDATE)) {
            panels.add(Quantity.CANDIDATE);
        }
        return panels;
    }

    /** The symmetric colour scale of a panel: its largest |Δ|, at least {@link #LEAST_SCALE}. */
    public static double scale(Counterfactual counterfactual, Quantity quantity) {
        return Math.max(LEAST_SCALE, counterfactual.maxAbsDelta(quantity));
    }

    /**
     * @param modelName a bundled model's name or a model file's path or name
     * @throws IllegalArgumentException for more than {@link #MAX_TOKENS} tokens
     */
    public static BufferedImage forExport(String modelName, Counterfactual counterfactual) {
        String title = ChartTitle.modelName(modelName);
        return draw(title == null ? counterfactual.before().cell().id() : title, counterfactual);
    }

    public static BufferedImage draw(String title, Counterfactual cf) {
        Trace before = cf.before();
        int steps = before.length();
        if (steps > MAX_TOKENS) {
            throw new IllegalArgumentException("a counterfactual chart shows at most " + MAX_TOKENS + " tokens; this"
                    + " text has " + steps);
        }
        int hidden = before.hidden();
        int column = Math.max(MIN_COLUMN, Math.min(COLUMN, 1400 / steps));
        int row = Math.max(2, Math.min(16, PANEL_HEIGHT_TARGET / hidden));
        int panelHeight = row * hidden;
        List<Quantity> panels = panels(before);
        int plotLeft = PAD + LABEL_WIDTH;
        int plotWidth = column * steps;
        int width = plotLeft + plotWidth + LEGEND_WIDTH + PAD;
        int height = HEADER + panels.size() * (panelHeight + PANEL_GAP) + PREDICTION_HEIGHT + TOKEN_LABELS + PAD;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = ChartStyle.begin(image);
        try {
            List<Integer> carriers = cf.carriers(Math.min(CARRIERS, hidden));
            drawHeader(g, title, cf, carriers, width);
            int x0 = plotLeft;
            int replaced = x0 + cf.position() * column;
            int y = HEADER;
            for (Quantity q : panels) {
                drawPanel(g, cf, q, carriers, x0, y, column, row);
                y += panelHeight + PANEL_GAP;
            }
            int predictionTop = y;
            drawPrediction(g, cf, x0, predictionTop, column, PREDICTION_HEIGHT - 20);
            // the replaced token's column, outlined through every panel
            g.setColor(Theme.ACCENT);
            g.setStroke(new BasicStroke(2f));
            g.drawRect(replaced, HEADER - 4, column, predictionTop + PREDICTION_HEIGHT - 20 - HEADER + 8);
            drawTokens(g, cf, x0, predictionTop + PREDICTION_HEIGHT, column);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void drawHeader(Graphics2D g, String title, Counterfactual cf, List<Integer> carriers, int width) {
        g.setColor(ChartStyle.INK);
        g.setFont(Theme.TITLE);
        int room = width - 2 * PAD;
        g.drawString(ChartStyle.fit(g.getFontMetrics(), "What changes when \u201C" + cf.original() + "\u201D becomes \u201C"
                + cf.replacement() + "\u201D (token " + (cf.position() + 1) + ") \u2014 " + title, room), PAD, PAD + 8);
        g.setFont(Theme.SUBTITLE);
        g.setColor(ChartStyle.MUTED);
        g.drawString(ChartStyle.fit(g.getFontMetrics(), predictionSummary(cf) + "  \u00B7  " + carrierSummary(cf,
                carriers), room), PAD, PAD + 32);
        g.setFont(Theme.SMALL);
        g.drawString(ChartStyle.fit(g.getFontMetrics(), "\u0394 = with \u201C" + cf.replacement() + "\u201D \u2212 with \u201C"
                + cf.original() + "\u201D: red higher, blue lower, white unchanged; each panel's scale is its largest |\u0394|",
                room), PAD, PAD + 50);
    }

    /** "p(was) 0.97 → 0.04, p(were) 0.01 → 0.92 after “,” (token 8)". */
    public static String predictionSummary(Counterfactual cf) {
        int at = cf.compared().position();
        StringBuilder text = new StringBuilder();
        for (String token : cf.compared().tokens()) {
            text.append(text.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "p(%s) %.2f \u2192 %.2f",
                    token, cf.before().probability(at, token), cf.after().probability(at, token)));
        }
        return text + " after \u201C" + cf.before().tokens().get(at) + "\u201D (token " + (at + 1) + ")";
    }

    /** "carried most by units 1 (mean |Δc| 0.84), 7 (0.12)". */
    public static String carrierSummary(Counterfactual cf, List<Integer> carriers) {
        StringBuilder text = new StringBuilder("carried most by unit" + (carriers.size() == 1 ? " " : "s "));
        String state = cf.state() == Quantity.MEMORY_CELL ? "c" : "a";
        for (int i = 0; i < carriers.size(); i++) {
            int unit = carriers.get(i);
            text.append(i == 0 ? "" : ", ").append(unit).append(String.format(Locale.ROOT,
                    i == 0 ? " (mean |\u0394%s| %.2f)" : " (%2$.2f)", state, cf.carried(unit)));
        }
        return text.toString();
    }

    private static void drawPanel(Graphics2D g, Counterfactual cf, Quantity q, List<Integer> carriers, int x0, int y,
                                  int column, int row) {
        Trace before = cf.before();
        int hidden = before.hidden();
        double scale = scale(cf, q);
        for (int t = 0; t < before.length(); t++) {
            for (int j = 0; j < hidden; j++) {
                g.setColor(new Color(ColorScale.SIGNED.argb(cf.delta(q, t, j) / scale)));
                g.fillRect(x0 + t * column, y + j * row, column, row);
            }
        }
        g.setColor(ChartStyle.FRAME);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(x0, y, before.length() * column, hidden * row);
        g.setColor(ChartStyle.INK);
        g.setFont(Theme.HEADING);
        g.drawString("\u0394" + q.symbol(), PAD, y + 16);
        g.setFont(Theme.SMALL);
        g.setColor(ChartStyle.MUTED);
        g.drawString(hidden + " units", PAD, y + 34);
        // the carriers' rows, named at the right
        int labelX = x0 + before.length() * column + 8;
        g.setFont(Theme.SMALL_BOLD);
        int lastLabel = Integer.MIN_VALUE;
        for (int unit : carriers) {
            int cy = y + unit * row + row / 2;
            g.setColor(Theme.ACCENT);
            g.fillPolygon(new int[] {labelX, labelX + 7, labelX + 7}, new int[] {cy, cy - 5, cy + 5}, 3);
            if (Math.abs(cy - lastLabel) >= 14) {
                g.drawString("unit " + unit, labelX + 11, cy + 5);
                lastLabel = cy;
            }
        }
        g.setFont(Theme.SMALL);
        g.setColor(ChartStyle.MUTED);
        g.drawString(String.format(Locale.ROOT, "\u00B1%.2f", scale), labelX + 70, y + 12);
        // the colour key: −scale … +scale
        int keyX = labelX + 70;
        int keyTop = y + 18;
        int keyHeight = Math.max(20, hidden * row - 22);
        for (int i = 0; i < keyHeight; i++) {
            g.setColor(new Color(ColorScale.SIGNED.argb(1 - 2.0 * i / (keyHeight - 1))));
            g.fillRect(keyX, keyTop + i, 10, 1);
        }
    }

    private static void drawPrediction(Graphics2D g, Counterfactual cf, int x0, int top, int column, int height) {
        Trace before = cf.before();
        int steps = before.length();
        String first = cf.compared().tokens().get(0);
        boolean verbs = cf.compared().comparesVerbs();
        g.setColor(ChartStyle.INK);
        g.setFont(Theme.HEADING);
        g.drawString("prediction", PAD, top + 16);
        g.setFont(Theme.SMALL);
        g.setColor(ChartStyle.MUTED);
        g.drawString("p(" + first + ")", PAD, top + 34);
        g.drawString(verbs ? "of p(" + first + ")" : "", PAD, top + 50);
        g.drawString(verbs ? "+ p(" + cf.compared().tokens().get(1) + ")" : "", PAD, top + 66);
        g.drawString("0 to 1", PAD, top + 86);
        g.setColor(Theme.TRACK);
        g.fillRect(x0, top, steps * column, height);
        // how far the whole prediction moved: bars, 0..1
        for (int t = 0; t < steps; t++) {
            int bar = (int) Math.round(cf.predictionShift(t) * height);
            g.setColor(SHIFT);
            g.fillRect(x0 + t * column + column / 4, top + height - bar, column / 2, bar);
        }
        g.setColor(ChartStyle.FRAME);
        g.drawRect(x0, top, steps * column, height);
        drawShare(g, cf, before, x0, top, column, height, ChartStyle.MUTED, true);
        drawShare(g, cf, cf.after(), x0, top, column, height, Theme.DANGER, false);
        int legendX = x0 + steps * column + 8;
        g.setFont(Theme.SMALL);
        g.setColor(ChartStyle.MUTED);
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {5, 4}, 0));
        g.drawLine(legendX, top + 10, legendX + 18, top + 10);
        g.drawString("\u201C" + cf.original() + "\u201D", legendX + 24, top + 14);
        g.setColor(Theme.DANGER);
        g.setStroke(new BasicStroke(2.5f));
        g.drawLine(legendX, top + 30, legendX + 18, top + 30);
        g.drawString("\u201C" + cf.replacement() + "\u201D", legendX + 24, top + 34);
        g.setColor(SHIFT);
        g.fillRect(legendX + 4, top + 44, 10, 12);
        g.setColor(ChartStyle.MUTED);
        g.drawString("shift (0–1)", legendX + 24, top + 54);
        g.setStroke(new BasicStroke(1f));
        int at = cf.compared().position();
        g.setColor(Theme.DANGER);
        g.drawRect(x0 + at * column + 1, top + 1, column - 2, height - 2);
    }

    private static void drawShare(Graphics2D g, Counterfactual cf, Trace trace, int x0, int top, int column, int height,
                                  Color colour, boolean dashed) {
        Path2D.Double line = new Path2D.Double();
        List<String> tokens = cf.compared().tokens();
        for (int t = 0; t < trace.length(); t++) {
            double share;
            if (tokens.size() == 2) {
                double a = trace.probability(t, tokens.get(0));
                double b = trace.probability(t, tokens.get(1));
                share = a + b > 0 ? a / (a + b) : 0.5;
            } else {
                share = trace.probability(t, tokens.get(0));
            }
            double x = x0 + t * column + column / 2.0;
            double y = top + height - share * height;
            if (t == 0) {
                line.moveTo(x, y);
            } else {
                line.lineTo(x, y);
            }
        }
        g.setColor(colour);
        g.setStroke(dashed ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1, new float[] {5, 4}, 0)
                : new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(line);
    }

    private static void drawTokens(Graphics2D g, Counterfactual cf, int x0, int y, int column) {
        List<String> tokens = cf.before().tokens();
        g.setFont(Theme.LABEL);
        int every = column >= 40 ? 1 : (int) Math.ceil(40.0 / column);
        for (int t = 0; t < tokens.size(); t++) {
            boolean replaced = t == cf.position();
            if (!replaced && t % every != 0) {
                continue;
            }
            double cx = x0 + t * column + column / 2.0;
            if (replaced) {
                g.setFont(Theme.LABEL_BOLD);
                g.setColor(Theme.ACCENT);
                ChartStyle.centred(g, ChartStyle.fit(g.getFontMetrics(), tokens.get(t), Math.max(column, 60) - 2), cx,
                        y - 2);
                ChartStyle.centred(g, "\u2192 " + ChartStyle.fit(g.getFontMetrics(), cf.replacement(),
                        Math.max(column, 60) - 14), cx, y + 14);
                g.setFont(Theme.LABEL);
            } else {
                g.setColor(ChartStyle.INK);
                ChartStyle.centred(g, ChartStyle.fit(g.getFontMetrics(), tokens.get(t), column * every - 4), cx, y - 2);
            }
        }
    }
}
