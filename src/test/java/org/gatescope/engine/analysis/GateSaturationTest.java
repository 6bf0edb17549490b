package org.gatescope.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gatescope.TestModels;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.GruReset;
import org.gatescope.engine.Model;
import org.gatescope.engine.Trace;
import org.gatescope.engine.cell.Tracer;
import org.junit.jupiter.api.Test;

/** Saturation fractions count exactly the steps a gate unit is below 0.1 or above 0.9. */
class GateSaturationTest {

    private static final List<String> SENTENCE = List.of("the", "cat", ",", "which", "already", "ate", "...",
            ",", "was", "full", ".");

    @Test
    void fractionsCountShutAndOpenStepsOfEveryGateUnit() {
        Model model = TestModels.random(CellKind.LSTM, GruReset.AFTER, 16, 4, 3, 8);
        Trace trace = Tracer.trace(model, SENTENCE);
        List<GateSaturation.Point> points = GateSaturation.of(List.of(trace, trace));
        assertEquals(3 * 3, points.size(), "Γu, Γf, Γo × 3 units");
        for (GateSaturation.Point point : points) {
            int shut = 0;
            int open = 0;
            for (int t = 0; t < trace.length(); t++) {
                double value = trace.value(point.gate(), t, point.unit());
                shut += value < 0.1 ? 1 : 0;
                open += value > 0.9 ? 1 : 0;
            }
            assertEquals(shut / (double) trace.length(), point.leftFraction(), 1e-12);
            assertEquals(open / (double) trace.length(), point.rightFraction(), 1e-12);
            assertTrue(point.leftFraction() + point.rightFraction() <= 1.0);
        }
    }

    @Test
    void theVanillaRnnHasNoGatesToSaturate() {
        Model model = TestModels.random(CellKind.RNN, GruReset.AFTER, 16, 4, 3, 8);
        assertTrue(GateSaturation.of(List.of(Tracer.trace(model, SENTENCE))).isEmpty());
    }

    @Test
    void tracesOfDifferentModelsAreRefused() {
        Trace lstm = Tracer.trace(TestModels.random(CellKind.LSTM, GruReset.AFTER, 16, 4, 3, 8), SENTENCE);
        Trace gru = Tracer.trace(TestModels.random(CellKind.GRU, GruReset.AFTER, 16, 4, 3, 8), SENTENCE);
        assertThrows(IllegalArgumentException.class, () -> GateSaturation.of(List.of(lstm, gru)));
    }
}
