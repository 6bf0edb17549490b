package org.gatescope.render.timeline;

import java.util.ArrayList;
import java.util.List;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.Trace;
import org.gatescope.engine.analysis.MemoryAccount;
import org.gatescope.engine.analysis.MemoryReach;
import org.gatescope.engine.intervention.ClampedTrace;

/**
 * Everything one paint of the timeline shows, immutable: the trace and its current token, the units
 * drawn (their colours by position, {@code primary} on top and in the gate bars), the states plotted,
 * the y range, and what the window may add — the reach row, the memory band, a trace to compare.
 *
 * @param numberUnits the model's number units (labelled in the legend)
 * @param range       the plot's y range, ±range; see {@link #rangeOf}
 * @param reach       the reach's bars, or null; {@code reachRow} keeps its row while it is computed
 * @param memory      the memory band, or null
 * @param comparison  a trace drawn dotted beside this one (before clamping, a counterfactual), or null
 * @param clamped     the clamps behind {@code trace}, or null
 */
public record TimelineScene(Trace trace, int step, int primary, List<Integer> units, List<Integer> numberUnits,
                            List<Quantity> plotted, double range, MemoryReach reach, boolean reachRow,
                            MemoryAccount memory, Comparison comparison, ClampedTrace clamped) {

    /** The trace drawn dotted beside the shown one, and what it is. */
    public record Comparison(Trace trace, String label) {
    }

    public TimelineScene {
        units = List.copyOf(units);
        numberUnits = List.copyOf(numberUnits);
        plotted = List.copyOf(plotted);
    }

    /** Just the trace: c&lt;t&gt; (a&lt;t&gt; for the RNN) of {@code units}, the gates of {@code primary}. */
    public static TimelineScene of(Trace trace, int step, int primary, List<Integer> units) {
        List<Quantity> plotted = plotted(trace, false);
        return new TimelineScene(trace, step, primary, units,
                java.util.Arrays.stream(trace.numberUnits()).boxed().toList(), plotted,
                rangeOf(trace, plotted, units, null), null, false, null, null, null);
    }

    /** How many units the timeline shows by default when the model names no number units. */
    public static final int FALLBACK_UNITS = 2;

    /**
     * The units a timeline shows before the user picks any: the model's number units when it names any
     * (they carry the lecture's story); otherwise the {@value #FALLBACK_UNITS} units whose memory cell swings
     * most over the sentence.
     */
    public static List<Integer> defaultUnits(Trace trace) {
        int[] number = trace.numberUnits();
        if (number.length > 0) {
            return java.util.Arrays.stream(number).boxed().toList();
        }
        Quantity state = trace.has(Quantity.MEMORY_CELL) ? Quantity.MEMORY_CELL : Quantity.ACTIVATION;
        double[] swing = new double[trace.hidden()];
        for (int unit = 0; unit < trace.hidden(); unit++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int t = 0; t < trace.length(); t++) {
                double v = trace.value(state, t, unit);
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            swing[unit] = max - min;
        }
        return java.util.stream.IntStream.range(0, trace.hidden()).boxed()
                .sorted(java.util.Comparator.comparingDouble((Integer u) -> -swing[u]).thenComparing(u -> u))
                .limit(FALLBACK_UNITS).toList();
    }

    /** The states on the line plot: c (a for the vanilla RNN), and a when asked for and distinct. */
    public static List<Quantity> plotted(Trace trace, boolean showActivation) {
        List<Quantity> states = new ArrayList<>(2);
        states.add(trace.has(Quantity.MEMORY_CELL) ? Quantity.MEMORY_CELL : Quantity.ACTIVATION);
        if (showActivation && trace.cell().hasSeparateMemoryCell()) {
            states.add(Quantity.ACTIVATION);
        }
        return states;
    }

    /** The y range that holds every plotted value (of {@code other} too), to the next half, at least 1. */
    public static double rangeOf(Trace trace, List<Quantity> plotted, List<Integer> units, Trace other) {
        double max = 1;
        for (Quantity q : plotted) {
            for (int unit : units) {
                for (int t = 0; t < trace.length(); t++) {
                    max = Math.max(max, Math.abs(trace.value(q, t, unit)));
                    if (other != null && other.has(q) && t < other.length() && unit < other.hidden()) {
                        max = Math.max(max, Math.abs(other.value(q, t, unit)));
                    }
                }
            }
        }
        return Math.ceil(max * 2) / 2;
    }
}
