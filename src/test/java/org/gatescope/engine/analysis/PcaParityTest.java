package org.gatescope.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.gatescope.io.Json;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * GateScope's PCA (EJML's SVD) against numpy's (LAPACK, cross-checked with PyTorch) on the same states:
 * src/test/python/make_analysis_fixtures.py made the fixture. Explained variance within 1e-9.
 */
class PcaParityTest {

    static final double TOLERANCE = 1e-9;

    @TestFactory
    List<DynamicTest> explainedVarianceComponentsAndPointsAgreeWithNumpy() throws IOException {
        List<?> cases = (List<?>) fixture().get("cases");
        return cases.stream().map(c -> (Map<?, ?>) c).map(c -> DynamicTest.dynamicTest((String) c.get("name"), () -> {
            double[][] states = matrix(c.get("states"));
            int k = ((Number) c.get("k")).intValue();
            Pca pca = Pca.fit(states, k);
            assertClose(vector(c.get("explained_variance_ratio")), pca.explainedVarianceRatio(), "ratio");
            assertClose(vector(c.get("explained_variance")), pca.explainedVariance(), "variance");
            assertClose(vector(c.get("mean")), pca.mean(), "mean");
            double[][] components = matrix(c.get("components"));
            for (int i = 0; i < k; i++) {
                assertClose(components[i], pca.components()[i], "component " + i);
            }
            double[][] points = matrix(c.get("points"));
            double[][] projected = pca.project(states);
            for (int t = 0; t < points.length; t++) {
                assertClose(points[t], projected[t], "point " + t);
            }
        })).toList();
    }

    static Map<?, ?> fixture() throws IOException {
        try (InputStream in = PcaParityTest.class.getResourceAsStream("/analysis/pca.expected.json")) {
            return (Map<?, ?>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static void assertClose(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], TOLERANCE * Math.max(1, Math.abs(expected[i])), what + "[" + i + "]");
        }
    }

    static double[] vector(Object list) {
        return ((List<?>) list).stream().mapToDouble(x -> ((Number) x).doubleValue()).toArray();
    }

    static double[][] matrix(Object list) {
        return ((List<?>) list).stream().map(PcaParityTest::vector).toArray(double[][]::new);
    }
}
