package org.gatescope.engine.intervention;

import java.util.Arrays;
import java.util.Locale;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.Quantity;

/**
 * One gate forced to a value: gate {@code gate} of the given units (all of them when {@code units} is
 * null) takes {@code value} at every token from {@code from} to {@code to} (positions counted from 0,
 * inclusive), in place of σ(…). Γu is in the lecture's sense. Immutable.
 *
 * <p>Written as on the command line: {@code GATE:UNITS:FROM-TO=VALUE}, e.g. {@code u:all:3-7=1} or
 * {@code f:10:2-9=0} ({@link #parse}, {@link #spec()}).
 *
 * @param units the clamped units in ascending order, or null for every unit
 */
public record GateClamp(Quantity gate, int[] units, int from, int to, double value) {

    public GateClamp {
        if (!gate.isGate()) {
            throw new IllegalArgumentException(gate.symbol() + " is not a gate: clamp u, r, f or o");
        }
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("a gate lies between 0 and 1; " + format(value) + " does not");
        }
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("the tokens " + from + "-" + to + " are no range (FROM <= TO, from 0)");
        }
        if (units != null) {
            units = Arrays.stream(units).sorted().distinct().toArray();
            if (units.length == 0 || units[0] < 0) {
                throw new IllegalArgumentException("units are counted from 0");
            }
        }
    }

    /** Every unit's {@code gate}. */
    public static GateClamp allUnits(Quantity gate, int from, int to, double value) {
        return new GateClamp(gate, null, from, to, value);
    }

    /** One unit's {@code gate}. */
    public static GateClamp unit(Quantity gate, int unit, int from, int to, double value) {
        return new GateClamp(gate, new int[] {unit}, from, to, value);
    }

    /**
     * Reads {@code GATE:UNITS:FROM-TO=VALUE}: GATE u, r, f or o; UNITS a unit, a comma list or {@code all};
     * FROM-TO token positions (a single position for one token).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static GateClamp parse(String text) {
        String spec = text.strip();
        int equals = spec.lastIndexOf('=');
        String[] parts = (equals < 0 ? spec : spec.substring(0, equals)).split(":", -1);
        if (equals < 0 || parts.length != 3) {
            throw new IllegalArgumentException("'" + text + "' is not GATE:UNITS:FROM-TO=VALUE (e.g. u:all:3-7=1)");
        }
        Quantity gate = switch (parts[0].strip()) {
            case "u" -> Quantity.UPDATE_GATE;
            case "r" -> Quantity.RELEVANCE_GATE;
            case "f" -> Quantity.FORGET_GATE;
            case "o" -> Quantity.OUTPUT_GATE;
            default -> throw new IllegalArgumentException("'" + parts[0] + "' is no gate: use u, r, f or o");
        };
        int[] units = null;
        if (!parts[1].strip().equals("all")) {
            String[] list = parts[1].split(",", -1);
            units = new int[list.length];
            for (int i = 0; i < list.length; i++) {
                units[i] = whole(list[i], "unit");
            }
        }
        String range = parts[2].strip();
        int dash = range.indexOf('-', 1);
        int from = whole(dash < 0 ? range : range.substring(0, dash), "token position");
        int to = dash < 0 ? from : whole(range.substring(dash + 1), "token position");
        double value;
        try {
            value = Double.parseDouble(spec.substring(equals + 1).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + spec.substring(equals + 1) + "' is not a number between 0 and 1");
        }
        return new GateClamp(gate, units, from, to, value);
    }

    private static int whole(String text, String what) {
        try {
            int n = Integer.parseInt(text.strip());
            if (n < 0) {
                throw new IllegalArgumentException("a " + what + " is counted from 0, got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a " + what + " (a whole number from 0)");
        }
    }

    /** Whether this clamp sets {@code gate} of {@code unit} at step {@code t}. */
    public boolean sets(Quantity gate, int t, int unit) {
        return gate == this.gate && t >= from && t <= to && (units == null || Arrays.binarySearch(units, unit) >= 0);
    }

    /** Whether every unit is clamped. */
    public boolean allUnits() {
        return units == null;
    }

    @Override
    public int[] units() {
        return units == null ? null : units.clone();
    }

    /**
     * Refuses a clamp that does not fit: a gate the cell lacks, a unit past its units, a token past the text.
     *
     * @param steps the text's number of tokens
     */
    public void check(CellKind cell, int hidden, int steps) {
        if (!has(cell, gate)) {
            throw new IllegalArgumentException(cell.displayName() + " has no " + gate.symbol() + " to clamp"
                    + (cell == CellKind.RNN ? " (the vanilla RNN has no gates)" : "; its gates are " + gatesOf(cell)));
        }
        if (units != null && units[units.length - 1] >= hidden) {
            throw new IllegalArgumentException("unit " + units[units.length - 1] + " is not a unit of this model:"
                    + " its units are 0 to " + (hidden - 1));
        }
        if (to >= steps) {
            throw new IllegalArgumentException("token " + to + " lies outside the text's " + steps
                    + " tokens (positions 0 to " + (steps - 1) + ")");
        }
    }

    /** Whether {@code cell} has {@code gate}. */
    public static boolean has(CellKind cell, Quantity gate) {
        return switch (cell) {
            case RNN -> false;
            case GRU_SIMPLE -> gate == Quantity.UPDATE_GATE;
            case GRU -> gate == Quantity.UPDATE_GATE || gate == Quantity.RELEVANCE_GATE;
            case LSTM, PEEPHOLE_LSTM -> gate == Quantity.UPDATE_GATE || gate == Quantity.FORGET_GATE
                    || gate == Quantity.OUTPUT_GATE;
        };
    }

    private static String gatesOf(CellKind cell) {
        StringBuilder gates = new StringBuilder();
        for (Quantity q : Quantity.values()) {
            if (q.isGate() && has(cell, q)) {
                gates.append(gates.length() == 0 ? "" : ", ").append(q.key());
            }
        }
        return gates.toString();
    }

    /** The command line's notation, e.g. {@code u:all:3-7=1}. */
    public String spec() {
        String unitList = units == null ? "all" : String.join(",", Arrays.stream(units).mapToObj(Integer::toString)
                .toList());
        return gate.key() + ":" + unitList + ":" + from + "-" + to + "=" + format(value);
    }

    /**
     * For people, tokens counted from 1 as the window shows them: "Γu of every unit = 1 at tokens 4–8",
     * "Γf of unit 10 = 0 at token 3".
     */
    public String describe() {
        String who = units == null ? "every unit" : (units.length == 1 ? "unit " : "units ")
                + String.join(", ", Arrays.stream(units).mapToObj(Integer::toString).toList());
        String where = from == to ? "token " + (from + 1) : "tokens " + (from + 1) + "\u2013" + (to + 1);
        return gate.symbol() + " of " + who + " = " + format(value) + " at " + where;
    }

    static String format(double value) {
        String text = String.format(Locale.ROOT, "%.4f", value).replaceAll("0+$", "");
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GateClamp c && c.gate == gate && Arrays.equals(c.units, units) && c.from == from
                && c.to == to && Double.compare(c.value, value) == 0;
    }

    @Override
    public int hashCode() {
        return ((gate.hashCode() * 31 + Arrays.hashCode(units)) * 31 + from * 7 + to) * 31 + Double.hashCode(value);
    }

    @Override
    public String toString() {
        return spec();
    }
}
