package org.gatescope.engine.analysis;

import static org.gatescope.engine.analysis.PcaParityTest.matrix;
import static org.gatescope.engine.analysis.PcaParityTest.vector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LinearProbeTest {

    @Test
    void ridgeWeightsAgreeWithNumpysSolveOfTheNormalEquations() throws Exception {
        Map<?, ?> fixture = (Map<?, ?>) PcaParityTest.fixture().get("probe");
        assertEquals(LinearProbe.RIDGE, ((Number) fixture.get("ridge")).doubleValue());
        double[][] states = matrix(fixture.get("states"));
        int[] labels = ((List<?>) fixture.get("labels")).stream().mapToInt(x -> ((Number) x).intValue()).toArray();
        LinearProbe probe = LinearProbe.fit(states, labels, List.of("no", "yes"));
        PcaParityTest.assertClose(vector(fixture.get("weights")), probe.unitWeights(), "weights");
        assertEquals(0, probe.unitWeights()[5], 1e-12, "a constant unit weighs nothing");
    }

    @Test
    void aPropertyCarriedByOneUnitIsReadFromThatUnit() {
        Random random = new Random(3);
        int n = 400;
        double[][] states = new double[n][6];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextBoolean() ? 1 : 0;
            for (int j = 0; j < 6; j++) {
                states[i][j] = random.nextGaussian();
            }
            states[i][4] = (labels[i] == 1 ? 1 : -1) + 0.1 * random.nextGaussian();
        }
        LinearProbe probe = LinearProbe.fit(states, labels, List.of("singular", "plural"));
        assertEquals(4, probe.topUnits(1).get(0).unit());
        assertTrue(probe.topUnits(1).get(0).weight() > 0, "higher for the second class: positive");
        assertTrue(probe.weightShare(new int[] {4}) > 0.95);
        int right = 0;
        for (int i = 0; i < n; i++) {
            right += probe.predict(states[i]) == labels[i] ? 1 : 0;
        }
        assertEquals(n, right);
    }

    @Test
    void threeClassesAreToldApartByOneScoreEach() {
        double[][] states = {{0, 0}, {0.1, 0}, {5, 0}, {5.1, 0.1}, {0, 5}, {0.1, 5.1}};
        int[] labels = {0, 0, 1, 1, 2, 2};
        LinearProbe probe = LinearProbe.fit(states, labels, List.of("a", "b", "c"));
        for (int i = 0; i < states.length; i++) {
            assertEquals(labels[i], probe.predict(states[i]));
        }
    }

    @Test
    void oneLabelIsNothingToTellApart() {
        AnalysisException e = assertThrows(AnalysisException.class,
                () -> LinearProbe.fit(new double[][] {{1}, {2}}, new int[] {0, 0}, List.of("only")));
        assertTrue(e.getMessage().contains("two labels"), e.getMessage());
    }
}
