package org.gatescope.io;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.gatescope.engine.Model;
import org.gatescope.engine.Trace;
import org.gatescope.engine.analysis.Ablation;
import org.gatescope.engine.analysis.MemoryReach;
import org.gatescope.engine.cell.Tracer;
import org.gatescope.engine.intervention.ClampedTrace;
import org.gatescope.engine.intervention.Counterfactual;
import org.gatescope.engine.intervention.GateClamp;
import org.gatescope.engine.intervention.GateClamps;
import org.gatescope.state.ClampRef;
import org.gatescope.state.Lesson;
import org.gatescope.state.LessonStep;
import org.gatescope.state.LessonText;
import org.gatescope.state.ViewState;
import org.gatescope.text.Tokenizer;
import org.junit.jupiter.api.Test;

/**
 * The built-in lessons on the bundled models as they are today: every step names units and tokens the model
 * and the sentence have, and every number its text asks for is there (no "—"), so a retrained model that
 * loses a number unit a lesson needs is caught here.
 */
class BuiltInLessonsTest {

    @Test
    void everyStepOfEveryBuiltInLessonFillsAllItsNumbers() throws Exception {
        for (LessonLibrary.BuiltIn each : LessonLibrary.all()) {
            Lesson lesson = each.lesson();
            for (int k = 0; k < lesson.size(); k++) {
                String filled = filled(lesson, k);
                String where = each.id() + " step " + (k + 1) + ": " + filled;
                assertFalse(filled.contains(LessonText.MISSING), where);
                assertFalse(filled.contains(LessonText.PENDING), where);
                assertFalse(filled.isBlank(), where);
            }
        }
    }

    @Test
    void theUpdateGateLessonShowsTheGateOpenAtCatAndShutInTheClause() throws Exception {
        Lesson lesson = LessonLibrary.load("gru-update-gate");
        String atCat = filled(lesson, 1);
        String inClause = filled(lesson, 2);

        double open = Double.parseDouble(atCat.replaceAll("(?s).* is (\\d\\.\\d\\d): the gate opens.*", "$1"));
        double shut = Double.parseDouble(inClause.replaceAll("(?s).*Γu of unit \\d+ is (\\d\\.\\d\\d).*", "$1"));
        assertTrue(open > 0.9 && shut < 0.1, atCat + " / " + inClause);
    }

    /** Step {@code k}'s text as the window would show it once everything the step asks for is traced. */
    static String filled(Lesson lesson, int k) throws Exception {
        ViewState state = lesson.stateAt(k);
        Model model = ModelLibrary.load(state.model().value());
        List<String> tokens = List.copyOf(Tokenizer.tokenize(state.text()));
        List<GateClamp> clamps = new ArrayList<>();
        for (ClampRef clamp : state.clamps()) {
            clamps.add(clamp.resolve(model.numberUnits()));
        }
        Trace intact = Tracer.trace(model, tokens);
        Trace shown = clamps.isEmpty() ? intact
                : ClampedTrace.trace(model, tokens, new GateClamps(clamps), null).after();
        int unit = state.units().get(0).resolve(shown.numberUnits(), shown.hidden()).orElseThrow(
                () -> new AssertionError("step " + (k + 1) + ": the model has no unit " + state.units().get(0)));
        int at = state.token().resolve(tokens).orElseThrow();
        Trace replaced = state.counterfactual().isEmpty() ? null : Counterfactual.replace(model, tokens,
                state.counterfactual().get().at().resolve(tokens).orElseThrow(), state.counterfactual().get().word())
                .after();
        Trace silenced = null;
        if (state.silence().isPresent()) {
            int silencedUnit = state.silence().get().unit().resolve(model.numberUnits(), model.hiddenSize()).orElseThrow();
            silenced = Ablation.silence(model, tokens, silencedUnit, state.silence().get().from().resolve(tokens)
                    .orElseThrow(), at).after();
        }
        int memoryFrom = state.memoryFrom().isEmpty() ? -1 : state.memoryFrom().get().resolve(tokens).orElseThrow();
        LessonStep step = lesson.steps().get(k);
        return LessonText.fill(step.say(), new LessonText.Facts(shown, clamps.isEmpty() ? null : intact, replaced,
                silenced, MemoryReach.defaultTarget(model, tokens), unit, at, memoryFrom));
    }
}
