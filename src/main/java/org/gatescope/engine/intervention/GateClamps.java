package org.gatescope.engine.intervention;

import java.util.List;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.cell.GateOverride;

/**
 * Several clamps applied together, in order: where two set the same gate of the same unit at the same
 * token, the later one wins. Immutable; the {@link GateOverride} a trace runs with.
 */
public record GateClamps(List<GateClamp> clamps) implements GateOverride {

    public static final GateClamps NONE = new GateClamps(List.of());

    public GateClamps {
        clamps = List.copyOf(clamps);
    }

    public static GateClamps of(GateClamp... clamps) {
        return new GateClamps(List.of(clamps));
    }

    public boolean isEmpty() {
        return clamps.isEmpty();
    }

    /** These clamps and then {@code clamp} (which wins where they overlap). */
    public GateClamps with(GateClamp clamp) {
        List<GateClamp> all = new java.util.ArrayList<>(clamps);
        all.add(clamp);
        return new GateClamps(all);
    }

    @Override
    public double gate(Quantity gate, int t, int unit, double computed) {
        for (int i = clamps.size() - 1; i >= 0; i--) {
            GateClamp clamp = clamps.get(i);
            if (clamp.sets(gate, t, unit)) {
                return clamp.value();
            }
        }
        return computed;
    }

    /** Whether some clamp sets {@code gate} of {@code unit} at step {@code t}. */
    public boolean clamps(Quantity gate, int t, int unit) {
        for (GateClamp clamp : clamps) {
            if (clamp.sets(gate, t, unit)) {
                return true;
            }
        }
        return false;
    }

    /** Refuses the first clamp that does not fit the cell or the text ({@link GateClamp#check}). */
    public void check(CellKind cell, int hidden, int steps) {
        for (GateClamp clamp : clamps) {
            clamp.check(cell, hidden, steps);
        }
    }

    /** The clamps as people read them, "; " between. */
    public String describe() {
        return String.join("; ", clamps.stream().map(GateClamp::describe).toList());
    }
}
