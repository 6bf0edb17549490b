package org.gatescope.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gatescope.TestModels;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.GruReset;
import org.gatescope.engine.Model;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.Trace;
import org.gatescope.engine.cell.Tracer;
import org.gatescope.engine.intervention.GateClamp;
import org.gatescope.engine.intervention.GateClamps;
import org.junit.jupiter.api.Test;

/** A lesson's text reads its numbers from the trace on screen, with the step's unit and token as defaults. */
class LessonTextTest {

    private final Model gru = TestModels.random(CellKind.GRU, GruReset.BEFORE, 16, 5, 6, 7);
    private final List<String> tokens = gru.vocabulary().tokens().subList(0, 5);
    private final Trace trace = Tracer.trace(gru, tokens);

    private LessonText.Facts facts(Trace shown, Trace intact, int unit, int at) {
        return new LessonText.Facts(shown, intact, null, null, null, unit, at, -1);
    }

    @Test
    void aGateOfTheStepsUnitAtItsTokenIsFilledWithTwoDecimals() {
        String text = LessonText.fill("Γu of unit {unit} is {u} here", facts(trace, null, 4, 2));

        assertEquals("Γu of unit 4 is " + LessonText.number(trace.value(Quantity.UPDATE_GATE, 2, 4), 2) + " here", text);
    }

    @Test
    void unitAndTokenCanBeNamedInThePlaceholder() {
        String word = tokens.get(3);
        String text = LessonText.fill("{gate u unit 1 at 3} {c unit 1 at " + word + "} {token at 3}",
                facts(trace, null, 0, 0));

        String c = LessonText.number(trace.value(Quantity.MEMORY_CELL, tokens.indexOf(word), 1), 2);
        assertEquals(LessonText.number(trace.value(Quantity.UPDATE_GATE, 3, 1), 2) + " " + c + " " + tokens.get(3), text);
    }

    @Test
    void aNegativeValueHasATrueMinusAndNeverMinusZero() {
        assertEquals("\u22120.42", LessonText.number(-0.42, 2));
        assertEquals("0.00", LessonText.number(-0.001, 2));
    }

    @Test
    void intactReadsTheTraceWithoutTheClampsAndPReadsTheSoftmax() {
        Trace clamped = Tracer.trace(gru, tokens, null, GateClamps.of(GateClamp.allUnits(Quantity.UPDATE_GATE, 0, 4, 0)));
        String word = tokens.get(1);

        String text = LessonText.fill("{u} / {u intact}; {p " + word + " at 2}", facts(clamped, trace, 2, 1));

        assertEquals("0.00 / " + LessonText.number(trace.value(Quantity.UPDATE_GATE, 1, 2), 2) + "; "
                + LessonText.percent(clamped.probability(2, word)), text);
    }

    @Test
    void aNumberThatDoesNotApplyIsADashAndOneNotYetComputedAnEllipsis() {
        String text = LessonText.fill("{f} {u unit 99} {reach} {c replaced}", facts(trace, null, 1, 1));

        assertEquals("\u2014 \u2014 \u2026 \u2026", text, "a GRU has no Γf, no unit 99; no reach, no counterfactual yet");
    }

    @Test
    void theModelsNumberUnitsAreNamedByRank() {
        Model lstm = TestModels.random(CellKind.LSTM, GruReset.AFTER, 16, 5, 6, 3)
                .withMetadata(java.util.Map.of(Model.NUMBER_UNITS_KEY, "3,1"));
        Trace traced = Tracer.trace(lstm, tokens);

        assertEquals("3 and 1", LessonText.fill("{unit number1} and {unit number2}", facts(traced, null, -1, 0)));
        assertEquals("\u2014", LessonText.fill("{unit number3}", facts(traced, null, -1, 0)));
    }

    @Test
    void placeholdersThatCannotBeReadAreRefusedWhenTheLessonIsChecked() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LessonText.check("{gamma}")).getMessage()
                .contains("gamma"));
        assertThrows(IllegalArgumentException.class, () -> LessonText.check("{u unit}"));
        assertThrows(IllegalArgumentException.class, () -> LessonText.check("{u sideways}"));
        assertThrows(IllegalArgumentException.class, () -> LessonText.check("an open { brace"));
        LessonText.check("{{literal} and {p was at 7 silenced} and {survival from cat unit number1}");
    }
}
