package org.gatescope.state;

import java.util.Locale;
import java.util.OptionalInt;

/**
 * A unit named by a lesson or a session: a fixed unit ({@code 29}) or the model's k-th number unit
 * ({@code number1}, the best; decision 0010), so that a lesson still points at the unit that carries the
 * number after a model is retrained and its units are numbered anew.
 *
 * @param unit the unit, counted from 0, when {@code numberRank} is 0
 * @param numberRank k of "the k-th number unit" (from 1), or 0 for a fixed unit
 */
public record UnitRef(int unit, int numberRank) {

    private static final String NUMBER = "number";

    public UnitRef {
        if (numberRank < 0 || numberRank == 0 && unit < 0) {
            throw new IllegalArgumentException("units are counted from 0, number units from number1");
        }
    }

    public static UnitRef fixed(int unit) {
        return new UnitRef(unit, 0);
    }

    /** The model's {@code rank}-th number unit (1 = the best). */
    public static UnitRef numberUnit(int rank) {
        return new UnitRef(-1, rank);
    }

    /**
     * Reads {@code 29} or {@code number1}.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static UnitRef parse(String text) {
        String word = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (word.startsWith(NUMBER)) {
                int rank = Integer.parseInt(word.substring(NUMBER.length()));
                if (rank >= 1) {
                    return numberUnit(rank);
                }
            } else {
                int unit = Integer.parseInt(word);
                if (unit >= 0) {
                    return fixed(unit);
                }
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("'" + text + "' is no unit: write a unit counted from 0 (29) or the model's"
                + " k-th number unit (number1, number2, …)");
    }

    /**
     * The unit this names in a model of {@code hidden} units whose number units are {@code numberUnits}
     * (best first); empty when the model has no such unit.
     */
    public OptionalInt resolve(int[] numberUnits, int hidden) {
        int resolved = numberRank == 0 ? unit : numberRank <= numberUnits.length ? numberUnits[numberRank - 1] : -1;
        return resolved >= 0 && resolved < hidden ? OptionalInt.of(resolved) : OptionalInt.empty();
    }

    /** As written in a file: {@code 29} or {@code number1}. */
    @Override
    public String toString() {
        return numberRank == 0 ? Integer.toString(unit) : NUMBER + numberRank;
    }
}
