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
 * memory cell forced to 0 from a chosen step on, and the outputs at one position (the verb's,
 * by default) are compared — p(verb) against p(its partner in the other number), before and
 * after. A model trained elsewhere ({@link NetworkAblation}) silences a unit of one layer
 * direction and compares the network's own outputs.
 *
 * @param unit the silenced unit
 * @param fromStep the first step at which its c (a, for the vanilla RNN) is forced to 0 (for a backward
 *     direction, which reads the input last to first: this step and every one before it)
 * @param position the step whose output is compared
 * @param before the silenced layer's intact trace
 * @param after its trace with the unit silenced
 * @param compared the outputs compared: the agreeing verb predicted at {@code position} and its partner
 *     ("are", "is"), or, where no verb of the model's vocabulary is predicted, the intact model's most
 *     probable next token; a model trained elsewhere, its largest outputs
 * @param comparedBefore each compared output's value, intact
 * @param comparedAfter each compared output's value with the unit silenced
 * @param layer the silenced layer direction of a model trained elsewhere ("layer 2 (backward)"), "" for GateScope's own
 * @param outputName what the outputs are: "next token", "next word", "class", "output"
 * @param wholeInput whether the output is read after the whole input (a sequence classifier) rather than at
 *     {@code position}
 * @param probabilities whether the outputs are probabilities (softmax, sigmoid) rather than raw values
 */
public record Ablation(int unit, int fromStep, int position, Trace before, Trace after, List<String> compared,
                       double[] comparedBefore, double[] comparedAfter, String layer, String outputName,
                       boolean wholeInput, boolean probabilities) {

    public Ablation {
        compared = List.copyOf(compared);
        comparedBefore = comparedBefore.clone();
        comparedAfter = comparedAfter.clone();
        if (comparedBefore.length != compared.size() || comparedAfter.length != compared.size()) {
            throw new IllegalArgumentException("one value before and after per compared output");
        }
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
        List<String> compared = compared(model, tokens, position, before);
        double[] valuesBefore = new double[compared.size()];
        double[] valuesAfter = new double[compared.size()];
        for (int i = 0; i < compared.size(); i++) {
            valuesBefore[i] = before.probability(position, compared.get(i));
            valuesAfter[i] = after.probability(position, compared.get(i));
        }
        return new Ablation(unit, fromStep, position, before, after, compared, valuesBefore, valuesAfter, "",
                "next token", false, true);
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

    /** Where the compared output is read, in words: "next token after “the”", "class after the whole input". */
    public String describeOutput() {
        return outputName + (wholeInput ? " after the whole input"
                : " after \u201C" + before.tokens().get(position) + "\u201D");
    }

    /** Whether a verb and its partner are compared (else the one most probable token). */
    public boolean comparesVerbs() {
        return layer.isEmpty() && compared.size() == 2;
    }

    /** p(token) at the compared position, intact (any token of GateScope's own model; a compared output otherwise). */
    public double probabilityBefore(String token) {
        int i = compared.indexOf(token);
        return i >= 0 ? comparedBefore[i] : before.probability(position, token);
    }

    /** p(token) at the compared position, with the unit silenced. */
    public double probabilityAfter(String token) {
        int i = compared.indexOf(token);
        return i >= 0 ? comparedAfter[i] : after.probability(position, token);
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
