package org.gatescope.engine.intervention;

import java.util.List;
import org.gatescope.engine.Model;
import org.gatescope.engine.Trace;
import org.gatescope.engine.cell.MemoryCellIntervention;
import org.gatescope.engine.cell.Tracer;

/**
 * A sentence traced twice: as the model runs it ({@code before}) and with gates clamped ({@code after});
 * both with the same silenced unit, if any, so clamps compose with ablation.
 *
 * @param compared the prediction the two are judged by (p(was) against p(were) …)
 */
public record ClampedTrace(GateClamps clamps, Trace before, Trace after, ComparedPrediction compared) {

    /**
     * Traces {@code tokens} without and with {@code clamps}.
     *
     * @param silenced a memory-cell intervention applied to both (an ablation), or null
     * @throws IllegalArgumentException a clamp that does not fit the model or the text
     */
    public static ClampedTrace trace(Model model, List<String> tokens, GateClamps clamps,
                                     MemoryCellIntervention silenced) {
        clamps.check(model.cell(), model.hiddenSize(), tokens.size());
        Trace before = Tracer.trace(model, tokens, silenced);
        Trace after = Tracer.trace(model, tokens, silenced, clamps);
        return new ClampedTrace(clamps, before, after, ComparedPrediction.of(model, tokens, before));
    }
}
