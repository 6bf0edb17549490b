package org.gatescope.render.diagram;

import java.util.EnumMap;
import java.util.Map;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.Trace;

/**
 * The numbers the diagram shows at one moment, for all H units: each quantity at step t, and
 * c&lt;t-1&gt;, a&lt;t-1&gt; from step t − 1 (zero before the first token). Immutable; an animation
 * shows {@link #between} two frames.
 */
public final class DisplayFrame {

    private final Map<Quantity, double[]> current;
    private final Map<Quantity, double[]> previous;
    private final int hidden;

    private DisplayFrame(Map<Quantity, double[]> current, Map<Quantity, double[]> previous, int hidden) {
        this.current = current;
        this.previous = previous;
        this.hidden = hidden;
    }

    /** What {@code trace} holds at step {@code t}. */
    public static DisplayFrame of(Trace trace, int t) {
        return of(trace, t, false);
    }

    /** As {@link #of(Trace, int)}; a direction that reads {@code backward} starts step t from step t+1's state. */
    public static DisplayFrame of(Trace trace, int t, boolean backward) {
        Map<Quantity, double[]> current = new EnumMap<>(Quantity.class);
        Map<Quantity, double[]> previous = new EnumMap<>(Quantity.class);
        int from = backward ? t + 1 : t - 1;
        for (Quantity quantity : trace.quantities()) {
            current.put(quantity, trace.step(quantity, t));
            previous.put(quantity, from >= 0 && from < trace.length() ? trace.step(quantity, from)
                    : new double[trace.hidden()]);
        }
        return new DisplayFrame(current, previous, trace.hidden());
    }

    /** The frame a fraction {@code p} (0..1) of the way from {@code from} to {@code to}. */
    public static DisplayFrame between(DisplayFrame from, DisplayFrame to, double p) {
        if (from.hidden != to.hidden || !from.current.keySet().equals(to.current.keySet())) {
            return to;
        }
        return new DisplayFrame(mix(from.current, to.current, p), mix(from.previous, to.previous, p), to.hidden);
    }

    public int hidden() {
        return hidden;
    }

    public boolean has(Quantity quantity) {
        return current.containsKey(quantity);
    }

    /** The value of {@code quantity} at this step for {@code unit}. */
    public double value(Quantity quantity, int unit) {
        return current.get(quantity)[unit];
    }

    /** The value of {@code quantity} at the step before, for {@code unit} (0 before the first token). */
    public double previous(Quantity quantity, int unit) {
        return previous.get(quantity)[unit];
    }

    /** All units of {@code quantity} at this step (previous step when {@code before}); not a copy: do not modify. */
    public double[] units(Quantity quantity, boolean before) {
        return (before ? previous : current).get(quantity);
    }

    private static Map<Quantity, double[]> mix(Map<Quantity, double[]> a, Map<Quantity, double[]> b, double p) {
        Map<Quantity, double[]> mixed = new EnumMap<>(Quantity.class);
        for (Map.Entry<Quantity, double[]> entry : b.entrySet()) {
            double[] x = a.get(entry.getKey());
            double[] y = entry.getValue();
            double[] out = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                out[i] = x[i] + (y[i] - x[i]) * p;
            }
            mixed.put(entry.getKey(), out);
        }
        return mixed;
    }
}
