package org.gatescope.engine.analysis;

import org.gatescope.engine.CellKind;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.Trace;

/**
 * Where each c&lt;t&gt; comes from, per unit and step: the part kept from c&lt;t-1&gt; and the part
 * written, which add up to c&lt;t&gt;:
 *
 * <pre>
 *   LSTM:  c&lt;t&gt; = Γf ⊙ c&lt;t-1&gt;        + Γu ⊙ c̃&lt;t&gt;      kept = Γf ⊙ c&lt;t-1&gt;
 *   GRU:   c&lt;t&gt; = (1 − Γu) ⊙ c&lt;t-1&gt;  + Γu ⊙ c̃&lt;t&gt;      kept = (1 − Γu) ⊙ c&lt;t-1&gt;
 * </pre>
 *
 * and, from a picked token s, how much of what was written there survives to each later step t: the
 * product of the keep gates in between, Π_{k = s+1..t} keep&lt;k&gt; (1 at s itself). Read from a trace,
 * so a clamped trace is accounted with its clamped gates. Immutable.
 *
 * @param from the picked token (counted from 0), or -1 for none
 */
public record MemoryAccount(Trace trace, int from) {

    public MemoryAccount {
        if (!accountable(trace.cell())) {
            throw new IllegalArgumentException("the vanilla RNN has no memory cell to account for: it rewrites a<t>"
                    + " at every token");
        }
        if (from < -1 || from >= trace.length()) {
            throw new IllegalArgumentException("token " + from + " lies outside the text's " + trace.length()
                    + " tokens (positions 0 to " + (trace.length() - 1) + ")");
        }
    }

    /** Whether a cell has a memory cell with keep and write gates (every cell but the vanilla RNN). */
    public static boolean accountable(CellKind cell) {
        return cell != CellKind.RNN;
    }

    /** The gate that keeps c&lt;t-1&gt; at step t: Γf for the LSTMs, 1 − Γu for the GRUs. */
    public double keepGate(int t, int unit) {
        return trace.cell().isLstm() ? trace.value(Quantity.FORGET_GATE, t, unit)
                : 1.0 - trace.value(Quantity.UPDATE_GATE, t, unit);
    }

    /** The part of c&lt;t&gt; kept from c&lt;t-1&gt; (0 at the first token: c&lt;0&gt; = 0). */
    public double kept(int t, int unit) {
        return t == 0 ? 0.0 : keepGate(t, unit) * trace.value(Quantity.MEMORY_CELL, t - 1, unit);
    }

    /** The part of c&lt;t&gt; written at step t: Γu ⊙ c̃&lt;t&gt;. */
    public double written(int t, int unit) {
        return trace.value(Quantity.UPDATE_GATE, t, unit) * trace.value(Quantity.CANDIDATE, t, unit);
    }

    /**
     * The fraction of what was written at {@link #from()} still in c&lt;t&gt;: Π_{k = from+1..t} keep&lt;k&gt;;
     * NaN before the picked token or without one.
     */
    public double survival(int t, int unit) {
        if (from < 0 || t < from) {
            return Double.NaN;
        }
        double product = 1.0;
        for (int k = from + 1; k <= t; k++) {
            product *= keepGate(k, unit);
        }
        return product;
    }

    /** survival for every step, [T] (NaN before the picked token): one pass, not one product per step. */
    public double[] survivals(int unit) {
        double[] out = new double[trace.length()];
        double product = 1.0;
        for (int t = 0; t < out.length; t++) {
            if (from < 0 || t < from) {
                out[t] = Double.NaN;
                continue;
            }
            if (t > from) {
                product *= keepGate(t, unit);
            }
            out[t] = product;
        }
        return out;
    }

    /** What is left at step t of what was written at the picked token: written(from) · survival(t). */
    public double surviving(int t, int unit) {
        return from < 0 || t < from ? Double.NaN : written(from, unit) * survival(t, unit);
    }
}
