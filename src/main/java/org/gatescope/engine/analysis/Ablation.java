package org.gatescope.engine.analysis;

import java.util.List;
import org.gatescope.engine.Model;
import org.gatescope.engine.Trace;
import org.gatescope.engine.cell.GateOverride;
import org.gatescope.engine.cell.MemoryCellIntervention;
import org.gatescope.engine.cell.Tracer;
import org.gatescope.text.VerbTarget;

/**
 * What a unit does, tested by silencing it: the sentence is traced again with that unit's
 * memory cell forced to 0 from a chosen step on, and the two predictions at one position
 * (the verb's, by default) are compared — p(verb) against p(its partner in the other number),
 * before and after.
 *
 * @param unit the silenced unit
 * @param fromStep the first step at which its c (a, for the vanilla RNN) is forced to 0
 * @param position the step whose next-token prediction is compared
 * @param before the intact trace
 * @param after the trace with the unit silenced
 * @param compared the tokens whose probabilities are compared: the agreeing verb predicted at {@code position}
 *     and its partner ("are", "is"), or, where no verb of the model's vocabulary is predicted, the intact
 *     model's most probable next token
 */
public record Ablation(int unit, int fromStep, int position, Trace before, Trace after, List<String> compared) {

    public Ablation {
        compared = List.copyOf(compared);
    }

    /** Traces {@code tokens} intact and with {@code unit} silenced from {@code fromStep} on. */
    public static Ablation silence(Model model, List<String> tokens, int unit, int fromStep, int position) {
        return silence(model, tokens, unit, fromStep, position, null);
    }

    /** As {@link #silence(Model, List, int, int, int)}, both traces with {@code gates} clamped (null: none). */
    public static Ablation silence(Model model, List<String> tokens, int unit, int fromStep, int position,
                                   GateOverride gates) {
        if (unit < 0 || unit >= model.hiddenSize()) {
            throw new IllegalArgumentException("unit " + unit + " outside the model's " + model.hiddenSize()
                    + " units");
        }
        if (position < 0 || position >= tokens.size()) {
            throw new IllegalArgumentException("position " + position + " outside the text's " + tokens.size()
                    + " tokens");
        }
        Trace before = Tracer.trace(model, tokens, null, gates);
        Trace after = Tracer.trace(model, tokens, MemoryCellIntervention.silence(unit, fromStep), gates);
        return new Ablation(unit, fromStep, position, before, after, compared(model, tokens, position, before));
    }

    private static List<String> compared(Model model, List<String> tokens, int position, Trace before) {
        for (VerbTarget verb : MemoryReach.verbTargets(model, tokens)) {
            if (verb.predictionStep() == position && model.vocabulary().contains(verb.verb())
                    && model.vocabulary().contains(verb.partner())) {
                return List.of(verb.verb(), verb.partner());
            }
        }
        return List.of(before.topPredictions(position, 1).get(0).token());
    }

    /** Whether a verb and its partner are compared (else the one most probable token). */
    public boolean comparesVerbs() {
        return compared.size() == 2;
    }

    /** p(token) at the compared position, intact. */
    public double probabilityBefore(String token) {
        return before.probability(position, token);
    }

    /** p(token) at the compared position, with the unit silenced. */
    public double probabilityAfter(String token) {
        return after.probability(position, token);
    }

    /** p(a) / (p(a) + p(b)) intact: the share the model gives {@code a} of the two. */
    public double shareBefore(String a, String b) {
        return share(probabilityBefore(a), probabilityBefore(b));
    }

    /** p(a) / (p(a) + p(b)) with the unit silenced. */
    public double shareAfter(String a, String b) {
        return share(probabilityAfter(a), probabilityAfter(b));
    }

    private static double share(double a, double b) {
        return a + b == 0 ? 0.5 : a / (a + b);
    }
}
