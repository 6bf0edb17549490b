package org.gatescope.ui.explorer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.Trace;

/** Which units a view shows before the user picks any, and in what order the unit list offers them. */
final class UnitDefaults {

    /** How many units the timeline shows by default when the model names no number units. */
    static final int FALLBACK_COUNT = 2;

    private UnitDefaults() {
    }

    /**
     * The model's number units when it names any (they carry the lecture's story); otherwise the
     * {@value #FALLBACK_COUNT} units whose memory cell swings most over the sentence.
     */
    static List<Integer> initialSelection(Trace trace) {
        int[] number = trace.numberUnits();
        if (number.length > 0) {
            return Arrays.stream(number).boxed().toList();
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
        return IntStream.range(0, trace.hidden()).boxed()
                .sorted(Comparator.comparingDouble((Integer u) -> -swing[u]).thenComparing(u -> u))
                .limit(FALLBACK_COUNT).toList();
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
