package org.gatescope.state;

import java.util.ArrayList;
import java.util.List;
import org.gatescope.engine.intervention.GateClamp;

/**
 * A gate clamp as written in a lesson or a session: the command line's {@code GATE:UNITS:FROM-TO=VALUE}
 * ({@code u:29:1-1=0}, {@code u:all:3-7=1}), where a unit may also be the model's k-th number unit
 * ({@code u:number1:1-1=0}).
 *
 * @param spec the clamp as written
 */
public record ClampRef(String spec) {

    /** @throws IllegalArgumentException naming what is wrong, as {@link GateClamp#parse} does */
    public ClampRef {
        spec = spec.strip();
        GateClamp.parse(withUnits(spec, new int[] {0, 0, 0, 0, 0, 0, 0, 0}, true)); // checks the syntax
    }

    public static ClampRef of(GateClamp clamp) {
        return new ClampRef(clamp.spec());
    }

    /**
     * The clamp on a model whose number units are {@code numberUnits} (best first).
     *
     * @throws IllegalArgumentException when it names a number unit the model does not have
     */
    public GateClamp resolve(int[] numberUnits) {
        return GateClamp.parse(withUnits(spec, numberUnits, false));
    }

    /** {@code spec} with every {@code numberK} in its units replaced by that number unit. */
    private static String withUnits(String spec, int[] numberUnits, boolean lenient) {
        String[] parts = spec.split(":", -1);
        if (parts.length != 3 || parts[1].strip().equals("all")) {
            return spec; // GateClamp.parse says what is wrong with it, or it names no unit
        }
        List<String> units = new ArrayList<>();
        for (String each : parts[1].split(",", -1)) {
            String unit = each.strip();
            if (unit.startsWith("number")) {
                UnitRef ref = UnitRef.parse(unit);
                if (ref.numberRank() > numberUnits.length && !lenient) {
                    throw new IllegalArgumentException("the model has " + numberUnits.length + " number unit"
                            + (numberUnits.length == 1 ? "" : "s") + ", not a " + unit);
                }
                unit = Integer.toString(lenient ? 0 : numberUnits[ref.numberRank() - 1]);
            }
            units.add(unit);
        }
        return parts[0] + ":" + String.join(",", units) + ":" + parts[2];
    }

    @Override
    public String toString() {
        return spec;
    }
}
