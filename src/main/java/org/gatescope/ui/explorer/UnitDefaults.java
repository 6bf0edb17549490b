package org.gatescope.ui.explorer;

import java.util.ArrayList;
import java.util.List;
import org.gatescope.engine.Trace;
import org.gatescope.render.timeline.TimelineScene;

/** Which units a view shows before the user picks any, and in what order the unit list offers them. */
final class UnitDefaults {

    /** How many units the timeline shows by default when the model names no number units. */
    static final int FALLBACK_COUNT = TimelineScene.FALLBACK_UNITS;

    private UnitDefaults() {
    }

    /**
     * The model's number units when it names any (they carry the lecture's story); otherwise the
     * {@value #FALLBACK_COUNT} units whose memory cell swings most over the sentence.
     */
    static List<Integer> initialSelection(Trace trace) {
        return TimelineScene.defaultUnits(trace); // the exports' default too: a fresh window exports as the CLI does
    }

    /** Every unit 0..H-1, the number units first (best first), then the others in order. */
    static List<Integer> order(int hidden, int[] numberUnits) {
        List<Integer> order = new ArrayList<>(hidden);
        for (int unit : numberUnits) {
            if (unit >= 0 && unit < hidden && !order.contains(unit)) {
                order.add(unit);
            }
        }
        for (int unit = 0; unit < hidden; unit++) {
            if (!order.contains(unit)) {
                order.add(unit);
            }
        }
        return List.copyOf(order);
    }
}
