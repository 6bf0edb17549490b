package org.gatescope.engine.cell;

/**
 * Overrides a unit's memory cell c&lt;t&gt; (a&lt;t&gt; for the vanilla RNN) as the cell computes
 * it, before anything downstream reads it: silencing a unit (ablation) sets it to 0; a
 * gradient check adds a small shift.
 *
 * <p>The backward pass treats the override as the identity, so gradients are exact for
 * shifts and meaningless for ablations.
 */
@FunctionalInterface
public interface MemoryCellIntervention {

    /** The value c&lt;t&gt; of {@code unit} takes instead of {@code computed}. */
    double memoryCell(int t, int unit, double computed);

    /** Forces {@code unit}'s memory cell to 0 from step {@code fromStep} on. */
    static MemoryCellIntervention silence(int unit, int fromStep) {
        return (t, j, computed) -> (j == unit && t >= fromStep) ? 0.0 : computed;
    }
}
