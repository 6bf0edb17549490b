package org.gatescope.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.gatescope.engine.analysis.LinearProbe;
import org.gatescope.engine.analysis.ProbeStudy;

/**
 * Draws a probe's report: held-out accuracy per token position (bars, with the majority baseline dashed),
 * the units the read-out weighs most (signed bars, the number units marked), and one line comparing the
 * whole direction with the number units ablation found and with the best single unit. The probe window shows
 * this image; its export is the same pixels.
 *
 * <p>Stateless and thread-safe; needs no display.
 */
public final class ProbeChart {

    public static final int WIDTH = 940;
    public static final int HEIGHT = 560;

    static final int PAD = 20;
    static final int TITLE_HEIGHT = 62;
    static final int VERDICT_HEIGHT = 56;
    static final int ROW = 30;
    private static final int UNITS_X = 560;

    private ProbeChart() {
    }

    /** @return a new opaque image of {@value #WIDTH} × {@value #HEIGHT} px */
    public static BufferedImage render(ProbeStudy.Report report, String title, String subtitle) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = ChartStyle.begin(image);
        try {
            g.setColor(ChartStyle.INK);
            g.setFont(Theme.TITLE);
            g.drawString(ChartStyle.fit(g.getFontMetrics(), title, WIDTH - 2 * PAD), PAD, PAD + 20);
            g.setColor(ChartStyle.MUTED);
            g.setFont(Theme.SUBTITLE);
            g.drawString(ChartStyle.fit(g.getFontMetrics(), subtitle, WIDTH - 2 * PAD), PAD, PAD + 46);
            drawPositions(g, report);
            drawUnits(g, report);
            drawVerdict(g, report);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The unit whose bar lies at pixel row {@code py} (and right of the accuracy panel), if any. */
    public static OptionalInt unitAt(ProbeStudy.Report report, double px, double py) {
        if (px < UNITS_X) {
            return OptionalInt.empty();
        }
        int top = PAD + TITLE_HEIGHT + 34;
        int row = (int) Math.floor((py - top) / ROW);
        return row >= 0 && row < report.topUnits().size() ? OptionalInt.of(report.topUnits().get(row).unit())
                : OptionalInt.empty();
    }

    /** "held-out accuracy 99.9 % over 1,609 tokens; one unit (10) reads it as well". */
    public static String verdict(ProbeStudy.Report report) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "Whole direction: %.1f %%", 100 * report.accuracy()));
        if (!report.comparedUnits().isEmpty()) {
            text.append(String.format(Locale.ROOT, " \u00B7 number unit%s %s alone: %.1f %% (%.0f %% of the probe's"
                            + " squared weight)", report.comparedUnits().size() == 1 ? "" : "s",
                    join(report.comparedUnits()), 100 * report.comparedAccuracy(), 100 * report.comparedWeightShare()));
        }
        text.append(String.format(Locale.ROOT, " \u00B7 best single unit %d: %.1f %%", report.bestUnit().unit(),
                100 * report.bestUnit().accuracy()));
        return text.toString();
    }

    /** "One unit carries it" or "A direction: spread over several units", by {@link ProbeStudy.Report#oneUnitSuffices}. */
    public static String conclusion(ProbeStudy.Report report) {
        return report.oneUnitSuffices()
                ? String.format(Locale.ROOT, "One unit carries it: unit %d alone comes within %.0f points of the whole"
                        + " direction.", report.bestUnit().unit(), 100 * ProbeStudy.Report.ONE_UNIT_MARGIN)
                : String.format(Locale.ROOT, "A direction: no single unit comes within %.0f points; the property is"
                        + " spread over several units.", 100 * ProbeStudy.Report.ONE_UNIT_MARGIN);
    }

    private static String join(List<Integer> units) {
        return String.join(", ", units.stream().map(String::valueOf).toList());
    }

    private static void drawPositions(Graphics2D g, ProbeStudy.Report report) {
        int x0 = PAD + 48;
        int top = PAD + TITLE_HEIGHT + 34;
        int width = UNITS_X - x0 - 40;
        int bottom = HEIGHT - PAD - VERDICT_HEIGHT - 40;
        int height = bottom - top;
        g.setFont(Theme.HEADING_SMALL);
        g.setColor(ChartStyle.INK);
        g.drawString("Held-out accuracy per token position", x0, top - 12);
        g.setColor(Theme.PLOT);
        g.fillRect(x0, top, width, height);
        g.setFont(Theme.SMALL);
        for (int pct = 0; pct <= 100; pct += 25) {
            double y = bottom - pct / 100.0 * height;
            g.setColor(Theme.GRID);
            g.draw(new Line2D.Double(x0, y, x0 + width, y));
            g.setColor(ChartStyle.MUTED);
            String label = pct + " %";
            g.drawString(label, x0 - 6 - g.getFontMetrics().stringWidth(label), (float) y + 4);
        }
        List<ProbeStudy.PositionAccuracy> positions = report.perPosition();
        int n = positions.size();
        double slot = width / (double) Math.max(1, n);
        int labelEvery = Math.max(1, (int) Math.ceil(22 / slot));
        for (int i = 0; i < n; i++) {
            ProbeStudy.PositionAccuracy p = positions.get(i);
            double h = p.accuracy() * height;
            g.setColor(Theme.ACCENT);
            g.fill(new Rectangle2D.Double(x0 + i * slot + slot * 0.15, bottom - h, slot * 0.7, h));
            if (i % labelEvery == 0) {
                g.setColor(ChartStyle.MUTED);
                ChartStyle.centred(g, Integer.toString(p.position()), x0 + (i + 0.5) * slot, bottom + 15);
            }
        }
        g.setColor(ChartStyle.MUTED);
        ChartStyle.centred(g, "token position (0 = first token); " + report.heldOutExamples() + " held-out tokens",
                x0 + width / 2.0, bottom + 32);
        double base = bottom - report.majority() * height;
        g.setColor(Theme.DANGER);
        g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
        g.draw(new Line2D.Double(x0, base, x0 + width, base));
        g.setStroke(new BasicStroke(1f));
        String baseline = String.format(Locale.ROOT, "always the commonest label: %.0f %%", 100 * report.majority());
        int textWidth = g.getFontMetrics().stringWidth(baseline);
        g.setColor(Theme.SURFACE);
        g.fill(new Rectangle2D.Double(x0 + 4, base - 17, textWidth + 6, 15));
        g.setColor(Theme.DANGER);
        g.drawString(baseline, x0 + 7, (float) base - 5);
        g.setColor(ChartStyle.FRAME);
        g.drawRect(x0, top, width, height);
    }

    private static void drawUnits(Graphics2D g, ProbeStudy.Report report) {
        int top = PAD + TITLE_HEIGHT + 34;
        int labelWidth = 120;
        int barX = UNITS_X + labelWidth;
        int barWidth = WIDTH - PAD - barX;
        g.setFont(Theme.HEADING_SMALL);
        g.setColor(ChartStyle.INK);
        g.drawString("Units the probe weighs most", UNITS_X, top - 12);
        double max = report.topUnits().stream().mapToDouble(u -> Math.abs(u.weight())).max().orElse(1);
        double centre = barX + barWidth / 2.0;
        g.setColor(Theme.GRID);
        g.draw(new Line2D.Double(centre, top, centre, top + report.topUnits().size() * ROW));
        for (int i = 0; i < report.topUnits().size(); i++) {
            LinearProbe.UnitWeight u = report.topUnits().get(i);
            double y = top + i * ROW;
            boolean numberUnit = report.comparedUnits().contains(u.unit());
            g.setFont(numberUnit ? Theme.LABEL_BOLD : Theme.LABEL);
            g.setColor(ChartStyle.INK);
            g.drawString("unit " + u.unit() + (numberUnit ? " \u2605" : ""), UNITS_X, (float) y + 19);
            double w = max == 0 ? 0 : u.weight() / max * (barWidth / 2.0 - 4);
            g.setColor(u.weight() >= 0 ? new Color(ColorScale.SIGNED.argb(0.8)) : new Color(ColorScale.SIGNED.argb(-0.8)));
            g.fill(new Rectangle2D.Double(Math.min(centre, centre + w), y + 6, Math.abs(w), ROW - 12));
        }
        g.setFont(Theme.SMALL);
        g.setColor(ChartStyle.MUTED);
        float legendY = top + report.topUnits().size() * ROW + 18;
        g.drawString("weight on the z-scored unit (" + report.classes().get(report.classes().size() == 2 ? 1 : 0)
                + (report.classes().size() == 2 ? " to the right)" : ": length over the classes)"), UNITS_X, legendY);
        if (!report.comparedUnits().isEmpty()) {
            g.drawString("\u2605 number unit (ablation test)", UNITS_X, legendY + 16);
        }
    }

    private static void drawVerdict(Graphics2D g, ProbeStudy.Report report) {
        int y = HEIGHT - PAD - VERDICT_HEIGHT + 20;
        g.setColor(Theme.GRID);
        g.drawLine(PAD, y - 18, WIDTH - PAD, y - 18);
        g.setFont(Theme.LABEL);
        g.setColor(ChartStyle.INK);
        FontMetrics metrics = g.getFontMetrics();
        g.drawString(ChartStyle.fit(metrics, verdict(report), WIDTH - 2 * PAD), PAD, y);
        g.setFont(Theme.LABEL_BOLD);
        g.drawString(ChartStyle.fit(g.getFontMetrics(), conclusion(report), WIDTH - 2 * PAD), PAD, y + 22);
    }
}
