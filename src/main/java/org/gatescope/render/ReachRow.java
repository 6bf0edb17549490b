package org.gatescope.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gatescope.engine.analysis.MemoryReach;

/**
 * The reach row, computed once for the window's timeline and the exported {@link ReachChart}:
 * one bar a token, filled to the norm's place on the log scale ({@link ReachChart#fraction}),
 * the norm written on it up to the target, the target's bar outlined; and the row's words. Pure
 * geometry and text: the timeline paints it with JavaFX, the chart with Java2D, so the two
 * cannot drift apart (the way JFreeChart-FX's ChartCanvas and its PNG export share one chart).
 */
public final class ReachRow {

    /** The scale's ends, as the row's axis labels them. */
    public static final String TOP_LABEL = "1";
    public static final String BOTTOM_LABEL = "1e-8";

    private ReachRow() {
    }

    /**
     * One token's bar.
     *
     * @param x left edge
     * @param width at least 1
     * @param filled how much of the bar's height is filled, from its bottom
     * @param value the norm as written on the bar ("3e-03"), or null after the target where nothing reaches it
     *     (a backward direction of a model trained elsewhere reaches forward from the target)
     * @param target whether this token's column predicts the target (outlined)
     */
    public record Bar(int token, double x, double width, double filled, String value, boolean target) {
    }

    /**
     * The bars of tokens {@code first} … {@code last} (those the reach has).
     *
     * @param reach not modified
     * @param origin the left edge of token 0's column
     * @param column a column's width
     * @param inset the gap on each side of a bar within its column
     * @param height a full bar's height
     */
    public static List<Bar> bars(MemoryReach reach, int first, int last, double origin, double column, double inset,
                                 double height) {
        double[] norms = reach.memoryCell();
        List<Bar> bars = new ArrayList<>();
        for (int t = Math.max(0, first); t <= last && t < norms.length; t++) {
            bars.add(new Bar(t, origin + t * column + inset, Math.max(1, column - 2 * inset),
                    ReachChart.fraction(norms[t]) * height,
                    t <= reach.position() || norms[t] > 0 ? value(norms[t]) : null,
                    t == reach.position()));
        }
        return bars;
    }

    /** A norm as a bar shows it: "0", or one significant digit ("3e-03"). */
    public static String value(double norm) {
        return norm <= 0 ? "0" : String.format(Locale.ROOT, "%.0e", norm);
    }

    /** "reach of log p(was) ← ‖∂/∂c&lt;t&gt;‖": what the row shows, for {@code state} as {@link ReachChart#stateLabel}. */
    public static String caption(String target, String state) {
        return "reach of log p(" + target + ") \u2190 \u2016\u2202/\u2202" + state + "\u2016";
    }

    /** As {@link #caption(String, String)}, naming a raw output as itself ("reach of output 2 ← ‖∂/∂c&lt;t&gt;‖"). */
    public static String caption(MemoryReach reach, String state) {
        return "reach of " + reach.objective() + " \u2190 \u2016\u2202/\u2202" + state + "\u2016";
    }
}
