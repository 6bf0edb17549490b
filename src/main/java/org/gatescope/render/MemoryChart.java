package org.gatescope.render;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import org.gatescope.engine.Trace;
import org.gatescope.engine.analysis.MemoryAccount;

/**
 * Memory accounting drawn from the data for a report or a slide: for each chosen unit a row of 100 %
 * stacked bars ({@link MemoryBand}: kept from c&lt;t-1&gt; against written at t) with the survival line of
 * what was written at the picked token — the window's memory band under the timeline, for several units.
 */
public final class MemoryChart {

    static final int PAD = 24;
    static final int LABEL_WIDTH = 90;
    static final int LEGEND_WIDTH = 110;
    static final int HEADER = 94;
    static final int ROW = 96;
    static final int ROW_GAP = 22;
    static final int COLUMN = 64;
    static final int MIN_COLUMN = 22;
    static final int TOKEN_LABELS = 30;
    /** The most units one chart shows. */
    public static final int MAX_UNITS = 12;
    /** The most tokens one chart shows (the image stays within {@link HeatmapImage#MAX_SIDE} px a side). */
    public static final int MAX_TOKENS = (HeatmapImage.MAX_SIDE - 2 * PAD - LABEL_WIDTH - LEGEND_WIDTH) / MIN_COLUMN;

    private MemoryChart() {
    }

    /**
     * @param units the units drawn, one row each (at most {@link #MAX_UNITS}: the rest are left out)
     * @throws IllegalArgumentException for more than {@link #MAX_TOKENS} tokens or no picked token
     */
    public static BufferedImage forExport(String modelName, MemoryAccount account, List<Integer> units) {
        String title = ChartTitle.modelName(modelName);
        return draw(title == null ? account.trace().cell().id() : title, account, units);
    }

    public static BufferedImage draw(String title, MemoryAccount account, List<Integer> units) {
        Trace trace = account.trace();
        int steps = trace.length();
        if (steps > MAX_TOKENS) {
            throw new IllegalArgumentException("a memory chart shows at most " + MAX_TOKENS + " tokens; this text has "
                    + steps);
        }
        if (account.from() < 0) {
            throw new IllegalArgumentException("pick the token whose memory is accounted for");
        }
        List<Integer> shown = units.subList(0, Math.min(MAX_UNITS, units.size()));
        int column = Math.max(MIN_COLUMN, Math.min(COLUMN, 1400 / steps));
        int x0 = PAD + LABEL_WIDTH;
        int width = x0 + steps * column + LEGEND_WIDTH + PAD;
        int height = HEADER + shown.size() * (ROW + ROW_GAP) + TOKEN_LABELS + PAD;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = ChartStyle.begin(image);
        try {
            String from = trace.tokens().get(account.from());
            g.setColor(ChartStyle.INK);
            g.setFont(Theme.TITLE);
            int room = width - 2 * PAD;
            g.drawString(ChartStyle.fit(g.getFontMetrics(), "Where c<t> comes from, and what is left of \u201C" + from
                    + "\u201D (token " + (account.from() + 1) + ") \u2014 " + title, room), PAD, PAD + 8);
            g.setFont(Theme.SUBTITLE);
            g.setColor(ChartStyle.MUTED);
            String keep = trace.cell().isLstm() ? "\u0393f \u2299 c<t-1>" : "(1 \u2212 \u0393u) \u2299 c<t-1>";
            g.drawString(ChartStyle.fit(g.getFontMetrics(), "kept = " + keep + " (below), written = \u0393u \u2299 c\u0303<t>"
                    + " (above), as shares of |kept| + |written|", room), PAD, PAD + 32);
            g.drawString(ChartStyle.fit(g.getFontMetrics(), "line: survival, the product of the keep gates since \u201C"
                    + from + "\u201D (1 = all still there)", room), PAD, PAD + 52);
            int y = HEADER;
            for (int unit : shown) {
                drawRow(g, account, unit, x0, y, column);
                y += ROW + ROW_GAP;
            }
            g.setFont(Theme.LABEL);
            int every = column >= 40 ? 1 : (int) Math.ceil(40.0 / column);
            for (int t = 0; t < steps; t++) {
                boolean picked = t == account.from();
                if (!picked && t % every != 0) {
                    continue;
                }
                g.setFont(picked ? Theme.LABEL_BOLD : Theme.LABEL);
                g.setColor(picked ? Theme.DANGER : ChartStyle.INK);
                ChartStyle.centred(g, ChartStyle.fit(g.getFontMetrics(), trace.tokens().get(t), column * every - 4),
                        x0 + t * column + column / 2.0, y + 4);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void drawRow(Graphics2D g, MemoryAccount account, int unit, int x0, int y, int column) {
        Trace trace = account.trace();
        int steps = trace.length();
        int inset = column >= 10 ? Math.min(6, (int) (column * 0.15)) : 0;
        g.setFont(Theme.HEADING);
        g.setColor(ChartStyle.INK);
        g.drawString("unit " + unit, PAD, y + 18);
        g.setFont(Theme.SMALL);
        g.setColor(ChartStyle.MUTED);
        g.drawString(String.format(Locale.ROOT, "left at end %.2f", account.survival(steps - 1, unit)), PAD, y + 36);
        for (int t = 0; t < steps; t++) {
            int x = x0 + t * column + inset;
            int w = Math.max(1, column - 2 * inset);
            g.setColor(Theme.TRACK);
            g.fillRect(x, y, w, ROW);
            double share = MemoryBand.keptShare(account, t, unit);
            if (!Double.isNaN(share)) {
                int kept = (int) Math.round(share * ROW);
                g.setColor(Theme.KEEP);
                g.fillRect(x, y + ROW - kept, w, kept);
                g.setColor(Theme.WRITE);
                g.fillRect(x, y, w, ROW - kept);
            }
        }
        double[] survival = account.survivals(unit);
        Path2D.Double line = new Path2D.Double();
        boolean started = false;
        for (int t = account.from(); t < steps; t++) {
            double px = x0 + t * column + column / 2.0;
            double py = y + ROW - survival[t] * ROW;
            if (!started) {
                line.moveTo(px, py);
                started = true;
            } else {
                line.lineTo(px, py);
            }
        }
        g.setStroke(new BasicStroke(5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(Theme.SURFACE);
        g.draw(line);
        g.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(Theme.DANGER);
        g.draw(line);
        g.setStroke(new BasicStroke(2f));
        g.drawRect(x0 + account.from() * column + 1, y - 1, column - 2, ROW + 2);
        int legendX = x0 + steps * column + 10;
        g.setFont(Theme.SMALL);
        g.setColor(Theme.WRITE);
        g.fillRect(legendX, y + 6, 10, 10);
        g.setColor(ChartStyle.MUTED);
        g.drawString("written", legendX + 16, y + 15);
        g.setColor(Theme.KEEP);
        g.fillRect(legendX, y + ROW - 16, 10, 10);
        g.setColor(ChartStyle.MUTED);
        g.drawString("kept", legendX + 16, y + ROW - 7);
        g.setColor(Theme.DANGER);
        g.fillRect(legendX, y + ROW / 2 - 1, 10, 3);
        g.drawString("survival", legendX + 16, y + ROW / 2 + 4);
    }
}
