package org.gatescope.engine.intervention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gatescope.TestModels;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.GruReset;
import org.gatescope.engine.Model;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.TextbookModels;
import org.gatescope.engine.Trace;
import org.gatescope.engine.cell.MemoryCellIntervention;
import org.gatescope.engine.cell.Tracer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A clamped gate replaces σ(…) in the cell's equations and everything downstream follows: the
 * equations of docs/equations.md hold exactly with the clamped value in the gate's place.
 */
class GateClampTest {

    private static final List<String> LECTURE = List.of("the", "cat", ",", "which", "already", "ate", "...", ",",
            "was", "full", ".");
    private static final List<String> TOKENS = List.of("the", "cat", ",", "which", "already", "ate", "the", "fish",
            ",", "was", "full", ".");

    private static Model gru(GruReset reset) {
        return TestModels.random(CellKind.GRU, reset, 16, 6, 5, 7);
    }

    @ParameterizedTest
    @EnumSource(GruReset.class)
    void updateGateShutOnTheGruKeepsTheMemoryCellExactly(GruReset reset) {
        Trace clamped = Tracer.trace(gru(reset), TOKENS, null, GateClamps.of(GateClamp.unit(Quantity.UPDATE_GATE,
                2, 3, 8, 0.0)));
        for (int t = 3; t <= 8; t++) {
            assertEquals(0.0, clamped.value(Quantity.UPDATE_GATE, t, 2));
            // c<t> = Γu ⊙ c̃ + (1 − Γu) ⊙ c<t-1> with Γu = 0: c<t-1>, to the last bit
            assertEquals(clamped.value(Quantity.MEMORY_CELL, t - 1, 2), clamped.value(Quantity.MEMORY_CELL, t, 2));
        }
    }

    @ParameterizedTest
    @EnumSource(GruReset.class)
    void updateGateOpenOnTheGruWritesTheCandidate(GruReset reset) {
        Trace clamped = Tracer.trace(gru(reset), TOKENS, null, GateClamps.of(GateClamp.allUnits(Quantity.UPDATE_GATE,
                4, 6, 1.0)));
        for (int t = 4; t <= 6; t++) {
            for (int j = 0; j < 5; j++) {
                assertEquals(1.0, clamped.value(Quantity.UPDATE_GATE, t, j));
                assertEquals(clamped.value(Quantity.CANDIDATE, t, j), clamped.value(Quantity.MEMORY_CELL, t, j));
            }
        }
    }

    @Test
    void everythingDownstreamFollowsAndNothingBeforeTheClampChanges() {
        Model model = gru(GruReset.AFTER);
        Trace intact = Tracer.trace(model, TOKENS);
        Trace clamped = Tracer.trace(model, TOKENS, null, GateClamps.of(GateClamp.unit(Quantity.RELEVANCE_GATE, 1, 4,
                4, 0.5)));
        for (int t = 0; t < 4; t++) {
            assertArrayEquals(intact.step(Quantity.MEMORY_CELL, t), clamped.step(Quantity.MEMORY_CELL, t));
        }
        // at the clamped token, every unit's c̃ reads Γr = 0.5 in unit 1's place; the next token reads the new c
        assertEquals(0.5, clamped.value(Quantity.RELEVANCE_GATE, 4, 1));
        assertEquals(intact.value(Quantity.RELEVANCE_GATE, 4, 0), clamped.value(Quantity.RELEVANCE_GATE, 4, 0));
        assertNotEquals(intact.value(Quantity.CANDIDATE, 4, 1), clamped.value(Quantity.CANDIDATE, 4, 1));
        assertNotEquals(intact.value(Quantity.UPDATE_GATE, 5, 0), clamped.value(Quantity.UPDATE_GATE, 5, 0));
        for (int t = 0; t < TOKENS.size(); t++) {
            for (int j = 0; j < 5; j++) {
                double u = clamped.value(Quantity.UPDATE_GATE, t, j);
                double previous = t == 0 ? 0 : clamped.value(Quantity.MEMORY_CELL, t - 1, j);
                assertEquals(u * clamped.value(Quantity.CANDIDATE, t, j) + (1 - u) * previous,
                        clamped.value(Quantity.MEMORY_CELL, t, j), 1e-15);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = CellKind.class, names = {"LSTM", "PEEPHOLE_LSTM"})
    void forgetOpenAndUpdateShutCarryTheLstmCellUnchanged(CellKind cell) {
        Model model = TestModels.random(cell, GruReset.AFTER, 16, 6, 4, 3);
        Trace clamped = Tracer.trace(model, TOKENS, null, GateClamps.of(
                GateClamp.allUnits(Quantity.FORGET_GATE, 2, 9, 1.0),
                GateClamp.allUnits(Quantity.UPDATE_GATE, 2, 9, 0.0)));
        for (int t = 2; t <= 9; t++) {
            assertArrayEquals(clamped.step(Quantity.MEMORY_CELL, 1), clamped.step(Quantity.MEMORY_CELL, t));
        }
    }

    @Test
    void outputGateShutSilencesTheActivationButNotTheCell() {
        Model model = TestModels.random(CellKind.LSTM, GruReset.AFTER, 16, 6, 4, 3);
        Trace clamped = Tracer.trace(model, TOKENS, null, GateClamps.of(GateClamp.unit(Quantity.OUTPUT_GATE, 3, 0,
                11, 0.0)));
        for (int t = 0; t < TOKENS.size(); t++) {
            assertEquals(0.0, clamped.value(Quantity.ACTIVATION, t, 3), 0.0);
            double o = clamped.value(Quantity.OUTPUT_GATE, t, 0);
            assertEquals(o * Math.tanh(clamped.value(Quantity.MEMORY_CELL, t, 0)),
                    clamped.value(Quantity.ACTIVATION, t, 0), 1e-15);
        }
        assertNotEquals(0.0, clamped.value(Quantity.MEMORY_CELL, 5, 3));
    }

    @Test
    void theLaterOfTwoOverlappingClampsWins() {
        GateClamps clamps = GateClamps.of(GateClamp.allUnits(Quantity.UPDATE_GATE, 0, 9, 1.0),
                GateClamp.unit(Quantity.UPDATE_GATE, 2, 3, 5, 0.25));
        Trace clamped = Tracer.trace(gru(GruReset.BEFORE), TOKENS, null, clamps);
        assertEquals(0.25, clamped.value(Quantity.UPDATE_GATE, 4, 2));
        assertEquals(1.0, clamped.value(Quantity.UPDATE_GATE, 4, 1));
        assertEquals(1.0, clamped.value(Quantity.UPDATE_GATE, 6, 2));
        assertTrue(clamped.value(Quantity.UPDATE_GATE, 10, 2) < 1.0, "past the range the cell's own Γu");
    }

    @Test
    void clampsComposeWithASilencedUnit() {
        Trace trace = Tracer.trace(gru(GruReset.BEFORE), TOKENS, MemoryCellIntervention.silence(0, 2),
                GateClamps.of(GateClamp.allUnits(Quantity.UPDATE_GATE, 3, 5, 1.0)));
        assertEquals(0.0, trace.value(Quantity.MEMORY_CELL, 4, 0));
        assertEquals(trace.value(Quantity.CANDIDATE, 4, 1), trace.value(Quantity.MEMORY_CELL, 4, 1));
    }

    @Test
    void shuttingTheNumberUnitsWriteGateAtTheSubjectLeavesTheVerbToChance() {
        ClampedTrace clamped = ClampedTrace.trace(TextbookModels.gru(), LECTURE,
                GateClamps.of(GateClamp.unit(Quantity.UPDATE_GATE, 0, 1, 1, 0.0)), null);
        assertEquals(List.of("was", "were"), clamped.compared().tokens());
        assertEquals(7, clamped.compared().position());
        assertTrue(clamped.compared().share(clamped.before()) > 0.9, "intact: was");
        assertTrue(clamped.compared().share(clamped.after()) < 0.6, "clamped: the number never written");
    }

    @Test
    void theCommandLineNotationReadsAndWritesBack() {
        GateClamp all = GateClamp.parse("u:all:3-7=1");
        assertEquals(GateClamp.allUnits(Quantity.UPDATE_GATE, 3, 7, 1.0), all);
        assertEquals("u:all:3-7=1", all.spec());
        GateClamp some = GateClamp.parse("f:10,2:2-9=0.25");
        assertArrayEquals(new int[] {2, 10}, some.units());
        assertEquals("f:2,10:2-9=0.25", some.spec());
        assertEquals(GateClamp.unit(Quantity.OUTPUT_GATE, 1, 4, 4, 0.0), GateClamp.parse("o:1:4=0"));
        assertEquals("\u0393f of units 2, 10 = 0.25 at tokens 3\u201310", some.describe());
    }

    @Test
    void malformedClampsAreRefusedWithTheirReason() {
        assertMessage("between 0 and 1", () -> GateClamp.parse("u:all:3-7=1.5"));
        assertMessage("between 0 and 1", () -> GateClamp.parse("u:all:3-7=-0.1"));
        assertMessage("no gate", () -> GateClamp.parse("c:all:3-7=1"));
        assertMessage("GATE:UNITS:FROM-TO=VALUE", () -> GateClamp.parse("u:3-7=1"));
        assertMessage("no range", () -> GateClamp.parse("u:all:7-3=1"));
        assertMessage("not a unit", () -> GateClamp.parse("u:x:3-7=1"));
        assertMessage("not a number", () -> GateClamp.parse("u:all:3-7=open"));
    }

    @Test
    void clampsThatDoNotFitTheModelOrTextAreRefused() {
        Model model = gru(GruReset.BEFORE);
        assertMessage("units are 0 to 4", () -> ClampedTrace.trace(model, TOKENS,
                GateClamps.of(GateClamp.parse("u:9:0-1=1")), null));
        assertMessage("outside the text's 12 tokens", () -> ClampedTrace.trace(model, TOKENS,
                GateClamps.of(GateClamp.parse("u:all:3-12=1")), null));
        assertMessage("no \u0393f", () -> ClampedTrace.trace(model, TOKENS,
                GateClamps.of(GateClamp.parse("f:all:3-4=1")), null));
        Model rnn = TestModels.random(CellKind.RNN, GruReset.AFTER, 16, 6, 4, 3);
        assertMessage("no gates", () -> ClampedTrace.trace(rnn, TOKENS,
                GateClamps.of(GateClamp.parse("u:all:3-4=1")), null));
    }

    private static void assertMessage(String part, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(part), () -> "'" + e.getMessage() + "' should say '" + part + "'");
    }
}
