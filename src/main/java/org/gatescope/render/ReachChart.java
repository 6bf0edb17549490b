package org.gatescope.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.Trace;
import org.gatescope.engine.analysis.Ablation;
import org.gatescope.engine.analysis.MemoryReach;

/**
 * The memory reach of one sentence (‖∂ log p(target) / ∂c&lt;t&gt;‖ per token, log scale) and,
 * when there is one, a unit ablation's predictions before and after, drawn from the data as a
 * PNG-ready image: the window's reach row and "Silenced unit" box, for a report or a slide.
 *
 * <p>The window's "Export memory reach" and {@code gatescope reach} both draw with
 * {@link #forExport}, so the two give the same pixels for the same model, text and ablation.
 */
public final class ReachChart {

    /** The reach axis's floor: a gradient this small no longer reaches. */
    public static final double FLOOR = 1e-8;
    static final int PAD = 24;
    static final int COLUMN = 84;
    static final int BAR_HEIGHT = 160;
    /** The gap on each side of a bar within its column. */
    static final int BAR_INSET = 6;
    static final int ABLATION_HEIGHT = 150;
    /**
     * The most tokens one chart shows: a column is {@value #COLUMN} px, and the image stays within
     * {@link HeatmapImage#MAX_SIDE} px a side as the heatmaps do (189 tokens, 15,994 px).
     */
    public static final int MAX_TOKENS = (HeatmapImage.MAX_SIDE - 2 * PAD - 70) / COLUMN;


    private ReachChart() {
    }

    /** A norm on the log scale: 0 at {@link #FLOOR} or below, 1 at 1 or above. */
    public static double fraction(double norm) {
        if (!(norm > FLOOR)) {
            return 0;
        }
        return Math.min(1, Math.log10(norm / FLOOR) / -Math.log10(FLOOR));
    }

    /**
     * The chart as the window exports it and {@code gatescope reach} writes it: titled with
     * {@link ChartTitle#modelName}, the reach taken with respect to {@link #stateLabel}.
     *
     * @param modelName a bundled model's name or a model file's path or name
     * @param trace the traced sentence (not modified)
     * @param reach its memory reach (not modified)
     * @param ablation a unit ablation of the same sentence, or null
     * @throws IllegalArgumentException for more than {@link #MAX_TOKENS} tokens
     */
    public static BufferedImage forExport(String modelName, Trace trace, MemoryReach reach, Ablation ablation) {
        String title = ChartTitle.modelName(modelName);
        String name = title == null ? trace.cell().id() : title;
        return draw(reach.layer().isEmpty() ? name : name + " \u00B7 " + reach.layer(), trace.tokens(), reach, ablation,
                stateLabel(trace));
    }

    /** What the reach is taken with respect to: "c&lt;t&gt;", or "a&lt;t&gt;" for a cell without c (the vanilla RNN). */
    public static String stateLabel(Trace trace) {
        return trace.has(Quantity.MEMORY_CELL) ? "c<t>" : "a<t>";
    }

    /**
     * @param title e.g. the model's name
     * @param tokens the sentence (not modified)
     * @param reach its memory reach (not modified)
     * @param ablation a unit ablation of the same sentence, or null
     * @param state what the reach is taken with respect to: "c<t>", or "a<t>" for the vanilla RNN
     * @throws IllegalArgumentException for more than {@link #MAX_TOKENS} tokens
     */
    public static BufferedImage draw(String title, List<String> tokens, MemoryReach reach, Ablation ablation,
                                     String state) {
        if (tokens.size() > MAX_TOKENS) {
            throw new IllegalArgumentException(tooManyTokens(tokens.size()));
        }
        int width = Math.max(640, 2 * PAD + 70 + tokens.size() * COLUMN);
        int height = PAD + 60 + BAR_HEIGHT + 40 + (ablation == null ? 0 : ABLATION_HEIGHT) + PAD;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = ChartStyle.begin(image);
        try {
            g.setColor(ChartStyle.INK);
            g.setFont(Theme.TITLE_SMALL);
            g.drawString(title + ": " + ReachRow.caption(reach, state), PAD, PAD + 18);
            g.setFont(Theme.SMALL);
            g.setColor(ChartStyle.MUTED);
            g.drawString("log scale from 1e-8 to 1; the outlined column " + (reach.logProbability() ? "predicts" : "gives")
                    + " \u201C" + reach.target() + "\u201D",
                    PAD, PAD + 38);
            int left = PAD + 70;
            int top = PAD + 60;
            g.drawString(ReachRow.TOP_LABEL, left - 20, top + 10);
            g.drawString(ReachRow.BOTTOM_LABEL, left - 40, top + BAR_HEIGHT);
            for (ReachRow.Bar bar : ReachRow.bars(reach, 0, tokens.size() - 1, left, COLUMN, BAR_INSET, BAR_HEIGHT)) {
                int x = (int) bar.x();
                int w = (int) bar.width();
                g.setColor(Theme.TRACK);
                g.fillRect(x, top, w, BAR_HEIGHT);
                int filled = (int) Math.round(bar.filled());
                g.setColor(Theme.ACCENT);
                g.fillRect(x, top + BAR_HEIGHT - filled, w, filled);
                if (bar.target()) {
                    g.setColor(Theme.DANGER);
                    g.setStroke(new BasicStroke(2.5f));
                    g.drawRect(x - 2, top - 2, w + 4, BAR_HEIGHT + 4);
                }
                g.setFont(Theme.SMALL);
                g.setColor(ChartStyle.INK);
                if (bar.value() != null) {
                    ChartStyle.centred(g, bar.value(), x + w / 2, top - 6);
                }
                g.setFont(Theme.BODY);
                ChartStyle.centred(g, tokens.get(bar.token()), x + w / 2, top + BAR_HEIGHT + 22);
            }
            if (ablation != null) {
                drawAblation(g, ablation, PAD, top + BAR_HEIGHT + 40, width - 2 * PAD);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Why a text of {@code tokens} tokens gets no chart, in a few words. */
    public static String tooManyTokens(int tokens) {
        return String.format(Locale.ROOT, "the reach chart of %,d tokens would be %,d px wide; it shows at most "
                + "%,d tokens (%d px each, %,d px a side): give a shorter text", tokens,
                2L * PAD + 70 + (long) tokens * COLUMN, MAX_TOKENS, COLUMN, HeatmapImage.MAX_SIDE);
    }

    private static void drawAblation(Graphics2D g, Ablation ablation, int x, int y, int width) {
        List<String> compared = ablation.compared();
        g.setFont(Theme.TITLE_SMALL);
        g.setColor(ChartStyle.INK);
        g.drawString("Silenced unit " + ablation.unit() + (ablation.layer().isEmpty() ? "" : " of " + ablation.layer())
                + " from \u201C" + ablation.before().tokens().get(ablation.fromStep()) + "\u201D on: "
                + ablation.describeOutput(), x, y + 22);
        int row = y + 40;
        int barLeft = x + 120;
        int barWidth = Math.min(400, width - 200);
        g.setFont(Theme.BODY);
        for (String token : compared) {
            double[] values = {ablation.probabilityBefore(token), ablation.probabilityAfter(token)};
            for (int i = 0; i < 2; i++) {
                g.setColor(ChartStyle.INK);
                g.drawString(token + (i == 0 ? " before" : " after"), x, row + 13);
                g.setColor(Theme.TRACK);
                g.fillRect(barLeft, row, barWidth, 16);
                g.setColor(i == 0 ? Theme.ACCENT : Theme.DANGER);
                g.fillRect(barLeft, row, (int) Math.round(Math.max(0, Math.min(1, Math.abs(values[i]))) * barWidth), 16);
                g.setColor(ChartStyle.INK);
                g.drawString(ablation.probabilities() ? String.format(Locale.ROOT, "%.1f%%", 100 * values[i])
                        : String.format(Locale.ROOT, "%.3f", values[i]), barLeft + barWidth + 10, row + 13);
                row += 22;
            }
        }
    }
}
