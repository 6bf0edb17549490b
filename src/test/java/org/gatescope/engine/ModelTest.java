package org.gatescope.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.gatescope.TestModels;
import org.gatescope.engine.cell.Tracer;
import org.junit.jupiter.api.Test;

class ModelTest {

    private static final List<String> TOKENS = List.of("the", "cats", "were", "full");

    @Test
    void changingTheWeightsAModelWasMadeWithLeavesTheModelAsItWas() {
        Model random = TestModels.random(CellKind.LSTM, GruReset.AFTER, 16, 4, 5, 3);
        Weights weights = random.weights();
        Model model = random.withWeights(weights);
        double[] before = Tracer.trace(model, TOKENS).probabilitiesAt(3);

        weights.zero();

        assertArrayEquals(before, Tracer.trace(model, TOKENS).probabilitiesAt(3), 0.0);
    }

    @Test
    void changingTheWeightsAModelHandsOutLeavesTheModelAsItWas() {
        Model model = TestModels.random(CellKind.GRU, GruReset.BEFORE, 16, 4, 5, 3);
        double[] before = Tracer.trace(model, TOKENS).probabilitiesAt(3);

        model.weights().zero();
        model.weights().headBias.data[0] = 100;

        assertArrayEquals(before, Tracer.trace(model, TOKENS).probabilitiesAt(3), 0.0);
        assertNotEquals(100, model.weights().headBias.data[0]);
    }
}
