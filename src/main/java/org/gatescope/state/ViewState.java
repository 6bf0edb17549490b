package org.gatescope.state;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the window shows, as data: the model, the text, the current token, the units watched (the first is
 * the diagram's), the views, the clamps, a counterfactual, an ablation and the memory band. Every field may
 * be null, meaning "as it is" (in a lesson: as the step before left it); an empty {@link Optional} or list
 * means "none" (no counterfactual, no clamps). Immutable.
 *
 * @param model the main cell's model
 * @param text the sentence
 * @param token the current token
 * @param units the units the timeline draws, the diagram's first; null: the model's own choice
 * @param compare whether the compare view is on
 * @param compareModel the compare view's second model
 * @param reach whether the memory reach is shown
 * @param activation whether the timeline draws a&lt;t&gt;
 * @param memoryFrom the token the memory band accounts from
 * @param clamps the gates forced to values, later ones winning
 * @param counterfactual a token replaced, traced beside the original
 * @param silence a unit silenced from a token (an ablation)
 */
public record ViewState(ModelRef model, String text, TokenRef token, List<UnitRef> units, Boolean compare,
                        ModelRef compareModel, Boolean reach, Boolean activation, Optional<TokenRef> memoryFrom,
                        List<ClampRef> clamps, Optional<Replacement> counterfactual, Optional<Silence> silence) {

    /** Nothing said: every field as it is. */
    public static final ViewState UNSPECIFIED = new ViewState(null, null, null, null, null, null, null, null, null,
            null, null, null);

    /**
     * Where a lesson starts before its first step: the first token, the single view with the reach, c&lt;t&gt;
     * on the timeline, nothing clamped, replaced, silenced or accounted for.
     */
    public static final ViewState LESSON_START = new ViewState(null, null, TokenRef.at(0), null, false, null, true,
            false, Optional.empty(), List.of(), Optional.empty(), Optional.empty());

    /** The token at {@code at} replaced by {@code word}. */
    public record Replacement(TokenRef at, String word) {
        public Replacement {
            Objects.requireNonNull(at);
            if (word == null || word.isBlank()) {
                throw new IllegalArgumentException("a replacement needs a word");
            }
            word = word.strip();
        }
    }

    /** {@code unit}'s memory cell forced to 0 from token {@code from} on. */
    public record Silence(UnitRef unit, TokenRef from) {
        public Silence {
            Objects.requireNonNull(unit);
            Objects.requireNonNull(from);
        }
    }

    public ViewState {
        units = units == null ? null : List.copyOf(units);
        clamps = clamps == null ? null : List.copyOf(clamps);
    }

    /** This state where it says something, {@code base} where it does not. */
    public ViewState over(ViewState base) {
        return new ViewState(or(model, base.model), or(text, base.text), or(token, base.token), or(units, base.units),
                or(compare, base.compare), or(compareModel, base.compareModel), or(reach, base.reach),
                or(activation, base.activation), or(memoryFrom, base.memoryFrom), or(clamps, base.clamps),
                or(counterfactual, base.counterfactual), or(silence, base.silence));
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    public ViewState withModel(ModelRef newModel) {
        return new ViewState(newModel, text, token, units, compare, compareModel, reach, activation, memoryFrom, clamps,
                counterfactual, silence);
    }

    public ViewState withCompareModel(ModelRef newModel) {
        return new ViewState(model, text, token, units, compare, newModel, reach, activation, memoryFrom, clamps,
                counterfactual, silence);
    }
}
