package org.gatescope.engine.intervention;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.gatescope.engine.Model;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.Trace;
import org.gatescope.engine.cell.Tracer;

/**
 * "Flip cat to cats and see which units change": the sentence traced as written ({@code before}) and
 * with the token at {@code position} replaced ({@code after}), and their difference Δ = after − before
 * of every quantity per unit and step. Both traces have the same length, so step t of one is step t of
 * the other. Immutable.
 *
 * @param position the replaced token, counted from 0
 * @param compared the prediction the two are judged by: the original text's verb and its partner
 */
public record Counterfactual(int position, String original, String replacement, Trace before, Trace after,
                             ComparedPrediction compared) {

    /**
     * Traces {@code tokens} and the same tokens with {@code replacement} at {@code position}.
     *
     * @throws IllegalArgumentException a position outside the text, or a replacement the model does not know
     */
    public static Counterfactual replace(Model model, List<String> tokens, int position, String replacement) {
        if (position < 0 || position >= tokens.size()) {
            throw new IllegalArgumentException("token " + position + " lies outside the text's " + tokens.size()
                    + " tokens (positions 0 to " + (tokens.size() - 1) + ")");
        }
        String word = replacement.strip().toLowerCase(java.util.Locale.ROOT);
        if (!model.vocabulary().contains(word)) {
            throw new IllegalArgumentException("\u201C" + replacement + "\u201D is not a word this model knows"
                    + " (its vocabulary has " + model.vocabulary().size() + " words); pick one it was trained on");
        }
        List<String> replaced = new ArrayList<>(tokens);
        replaced.set(position, word);
        Trace before = Tracer.trace(model, tokens);
        Trace after = Tracer.trace(model, replaced);
        return new Counterfactual(position, tokens.get(position), word, before, after,
                ComparedPrediction.of(model, tokens, before));
    }

    /** Δ of {@code quantity} for {@code unit} after token t: after − before. */
    public double delta(Quantity quantity, int t, int unit) {
        return after.value(quantity, t, unit) - before.value(quantity, t, unit);
    }

    /** The largest |Δ| of {@code quantity} over every unit and step (0 if nothing changed). */
    public double maxAbsDelta(Quantity quantity) {
        double max = 0;
        for (int t = 0; t < before.length(); t++) {
            for (int j = 0; j < before.hidden(); j++) {
                max = Math.max(max, Math.abs(delta(quantity, t, j)));
            }
        }
        return max;
    }

    /** The state whose difference names the carriers: c (a for the vanilla RNN). */
    public Quantity state() {
        return before.has(Quantity.MEMORY_CELL) ? Quantity.MEMORY_CELL : Quantity.ACTIVATION;
    }

    /**
     * How much {@code unit} carries the difference: the mean |Δc| from the replaced token to the compared
     * prediction (to the end of the text when that comes before the token).
     */
    public double carried(int unit) {
        int end = compared.position() >= position ? compared.position() : before.length() - 1;
        double sum = 0;
        for (int t = position; t <= end; t++) {
            sum += Math.abs(delta(state(), t, unit));
        }
        return sum / (end - position + 1);
    }

    /** The units that carry the difference most, most first: the {@code k} largest {@link #carried}. */
    public List<Integer> carriers(int k) {
        List<Integer> units = new ArrayList<>();
        for (int j = 0; j < before.hidden(); j++) {
            units.add(j);
        }
        units.sort(Comparator.comparingDouble((Integer j) -> -carried(j)).thenComparing(j -> j));
        return List.copyOf(units.subList(0, Math.min(k, units.size())));
    }

    /**
     * How far the whole next-token prediction moved after token t: the total variation distance
     * ½ Σ |p_after − p_before|, 0 (unchanged) to 1 (disjoint).
     */
    public double predictionShift(int t) {
        double sum = 0;
        for (int v = 0; v < before.vocabularySize(); v++) {
            sum += Math.abs(after.probability(t, v) - before.probability(t, v));
        }
        return sum / 2;
    }

    /** "cat → cats at token 2" (counted from 1, as the window shows it). */
    public String describe() {
        return original + " \u2192 " + replacement + " at token " + (position + 1);
    }
}
