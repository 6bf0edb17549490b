package org.gatescope.engine.cell;

import org.gatescope.engine.Quantity;

/**
 * Replaces a gate's value as the cell computes it, before anything downstream reads it: a clamped
 * gate takes the place of σ(…) in the cell's equations, so c̃, c, a and the next step all follow
 * exactly. Γu is in the lecture's sense (for a GRU, PyTorch's z becomes 1 − Γu).
 *
 * <p>A layer with an override runs forward only: its backward pass refuses (σ' of a clamped gate is 0,
 * which the backward step does not know).
 */
@FunctionalInterface
public interface GateOverride {

    /** The value {@code gate} of {@code unit} takes at step {@code t} instead of {@code computed}. */
    double gate(Quantity gate, int t, int unit, double computed);
}
