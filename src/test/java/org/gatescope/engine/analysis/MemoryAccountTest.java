package org.gatescope.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gatescope.TestModels;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.GruReset;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.Trace;
import org.gatescope.engine.cell.Tracer;
import org.gatescope.engine.intervention.GateClamp;
import org.gatescope.engine.intervention.GateClamps;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** c&lt;t&gt; is what was kept plus what was written; what survives of a token is the product of the keep gates. */
class MemoryAccountTest {

    private static final List<String> TOKENS = List.of("the", "cat", ",", "which", "already", "ate", "the", "fish",
            ",", "was", "full", ".");

    @ParameterizedTest
    @EnumSource(value = CellKind.class, names = {"GRU", "GRU_SIMPLE", "LSTM", "PEEPHOLE_LSTM"})
    void keptPlusWrittenIsTheMemoryCell(CellKind cell) {
        Trace trace = Tracer.trace(TestModels.random(cell, GruReset.BEFORE, 16, 6, 5, 11), TOKENS);
        MemoryAccount account = new MemoryAccount(trace, -1);
        for (int t = 0; t < trace.length(); t++) {
            for (int j = 0; j < 5; j++) {
                assertEquals(trace.value(Quantity.MEMORY_CELL, t, j), account.kept(t, j) + account.written(t, j),
                        1e-15);
            }
        }
    }

    @Test
    void survivalIsTheProductOfTheKeepGatesSinceThePickedToken() {
        Trace trace = Tracer.trace(TestModels.random(CellKind.LSTM, GruReset.AFTER, 16, 6, 5, 11), TOKENS);
        MemoryAccount account = new MemoryAccount(trace, 1);
        double expected = 1.0;
        double[] all = account.survivals(3);
        assertTrue(Double.isNaN(all[0]), "nothing survives before it was written");
        for (int t = 1; t < trace.length(); t++) {
            if (t > 1) {
                expected *= trace.value(Quantity.FORGET_GATE, t, 3);
            }
            assertEquals(expected, account.survival(t, 3), 1e-15);
            assertEquals(expected, all[t], 1e-15);
            assertEquals(account.written(1, 3) * expected, account.surviving(t, 3), 1e-15);
        }
    }

    @Test
    void aClampedGruKeepsAllThatWasWrittenWhileItsUpdateGateIsShut() {
        Trace trace = Tracer.trace(TestModels.random(CellKind.GRU, GruReset.BEFORE, 16, 6, 5, 11), TOKENS, null,
                GateClamps.of(GateClamp.unit(Quantity.UPDATE_GATE, 2, 2, 8, 0.0)));
        MemoryAccount account = new MemoryAccount(trace, 1);
        assertEquals(1.0, account.survival(8, 2));
        assertEquals(0.0, account.written(5, 2), 0.0);
        assertTrue(account.survival(9, 2) < 1.0);
    }

    @Test
    void theVanillaRnnHasNoMemoryToAccountFor() {
        Trace trace = Tracer.trace(TestModels.random(CellKind.RNN, GruReset.AFTER, 16, 6, 5, 11), TOKENS);
        assertThrows(IllegalArgumentException.class, () -> new MemoryAccount(trace, 0));
        Trace gru = Tracer.trace(TestModels.random(CellKind.GRU, GruReset.AFTER, 16, 6, 5, 11), TOKENS);
        assertThrows(IllegalArgumentException.class, () -> new MemoryAccount(gru, 12));
    }
}
