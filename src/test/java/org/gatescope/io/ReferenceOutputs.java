package org.gatescope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gatescope.engine.Network;
import org.gatescope.engine.NetworkTrace;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.cell.NetworkTracer;

/**
 * Checks a network against a reference file of the form
 * {@code {"input": ids or rows, "layers": [{"h": [[…] per step], "c"?: …}, …], "output": […]}}:
 * one entry per layer direction in the network's order, every value within a tolerance.
 */
final class ReferenceOutputs {

    private ReferenceOutputs() {
    }

    static void assertReproduces(String what, Network network, Map<?, ?> expected, double tolerance) {
        NetworkTrace trace = trace(network, expected);
        List<?> layers = (List<?>) expected.get("layers");
        assertEquals(layers.size(), trace.layers().size(), what + ": layer directions");
        for (int k = 0; k < layers.size(); k++) {
            Map<?, ?> layer = (Map<?, ?>) layers.get(k);
            String label = what + " " + trace.layers().get(k).label();
            compare(label + " h", (List<?>) layer.get("h"), trace.layers().get(k).trace().values(Quantity.ACTIVATION),
                    tolerance);
            if (layer.get("c") != null) {
                compare(label + " c", (List<?>) layer.get("c"),
                        trace.layers().get(k).trace().values(Quantity.MEMORY_CELL), tolerance);
            }
        }
        compare(what + " output", List.of(expected.get("output")), new double[][] {trace.finalOutput()}, tolerance);
    }

    private static NetworkTrace trace(Network network, Map<?, ?> expected) {
        List<?> input = (List<?>) expected.get("input");
        if (input.get(0) instanceof List<?>) {
            double[][] rows = input.stream().map(r -> ((List<?>) r).stream()
                    .mapToDouble(v -> ((Number) v).doubleValue()).toArray()).toArray(double[][]::new);
            return NetworkTracer.trace(network, rows);
        }
        int[] ids = input.stream().mapToInt(v -> ((Number) v).intValue()).toArray();
        List<String> tokens = new ArrayList<>();
        for (int id : ids) {
            tokens.add("#" + id);
        }
        return NetworkTracer.trace(network, ids, tokens, new int[0]);
    }

    private static void compare(String what, List<?> expected, double[][] found, double tolerance) {
        assertEquals(expected.size(), found.length, what + " steps");
        double worst = 0;
        for (int t = 0; t < found.length; t++) {
            List<?> row = (List<?>) expected.get(t);
            assertEquals(row.size(), found[t].length, what + " width at step " + t);
            for (int j = 0; j < row.size(); j++) {
                worst = Math.max(worst, Math.abs(((Number) row.get(j)).doubleValue() - found[t][j]));
            }
        }
        assertTrue(worst <= tolerance, what + ": largest difference " + worst);
    }
}
