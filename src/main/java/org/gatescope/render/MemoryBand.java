package org.gatescope.render;

import org.gatescope.engine.analysis.MemoryAccount;

/**
 * The memory band's numbers, shared by the timeline's band and {@link MemoryChart}: at each step, the
 * share of c&lt;t&gt; that was kept from c&lt;t-1&gt; against the share written, |kept| / (|kept| + |written|)
 * (a 100 % stacked bar: keep below, write above), and the survival line from the picked token.
 */
public final class MemoryBand {

    /** What the band says, for captions and legends. */
    public static final String CAPTION = "kept from c<t-1> (below) vs written (above), share of |c|;"
            + " line: what is left of what was written at the picked token";

    private MemoryBand() {
    }

    /** |kept| / (|kept| + |written|) at step t; NaN where both are 0 (nothing to share). */
    public static double keptShare(MemoryAccount account, int t, int unit) {
        double kept = Math.abs(account.kept(t, unit));
        double written = Math.abs(account.written(t, unit));
        return kept + written > 0 ? kept / (kept + written) : Double.NaN;
    }
}
