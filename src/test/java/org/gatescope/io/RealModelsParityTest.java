package org.gatescope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gatescope.engine.Network;
import org.gatescope.engine.NetworkTrace;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.cell.NetworkTracer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Models real people published (../shared/realmodels, read in place; skipped where absent) traced
 * as their frameworks compute them: every layer's h (and c) at every step within 1e-4 of the
 * reference an independent implementation of each framework's equations made, and the model's
 * own output too.
 */
class RealModelsParityTest {

    private static final Path SHARED = Path.of("../shared/realmodels");
    private static final double TOLERANCE = 1e-4;

    @ParameterizedTest
    @ValueSource(strings = {"01-cse5393-imdb-gru.h5", "02-trumptweet-char-lstm2.h5", "05-hamlet-nextword-lstm2.h5",
            "06-pizza-nextword-lstm.keras", "08-hamlet-char-gru.pth", "10-contract-bilstm.onnx"})
    void everyLayerAndStepMatchesTheReference(String file) throws Exception {
        Path model = SHARED.resolve(file);
        assumeTrue(Files.isRegularFile(model), "the shared real models are not on this machine");
        String stem = file.substring(0, file.lastIndexOf('.'));
        Map<?, ?> expected = (Map<?, ?>) Json.parse(Files.readString(SHARED.resolve(stem + ".expected.json"),
                StandardCharsets.UTF_8));
        Network network = ImportedModels.read(model, null);
        NetworkTrace trace = trace(network, expected);
        List<?> layers = (List<?>) expected.get("layers");
        assertEquals(layers.size(), trace.layers().size(), "layer directions");
        for (int k = 0; k < layers.size(); k++) {
            Map<?, ?> layer = (Map<?, ?>) layers.get(k);
            compare(file + " " + layer.get("name") + " " + layer.get("direction") + " h", (List<?>) layer.get("h"),
                    trace.layers().get(k).trace().values(Quantity.ACTIVATION));
            if (layer.get("c") != null) {
                compare(file + " " + layer.get("name") + " c", (List<?>) layer.get("c"),
                        trace.layers().get(k).trace().values(Quantity.MEMORY_CELL));
            }
        }
        compare(file + " output", List.of(expected.get("output")), new double[][] {trace.finalOutput()});
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

    private static void compare(String what, List<?> expected, double[][] found) {
        assertEquals(expected.size(), found.length, what + " steps");
        double worst = 0;
        for (int t = 0; t < found.length; t++) {
            List<?> row = (List<?>) expected.get(t);
            assertEquals(row.size(), found[t].length, what + " width at step " + t);
            for (int j = 0; j < row.size(); j++) {
                worst = Math.max(worst, Math.abs(((Number) row.get(j)).doubleValue() - found[t][j]));
            }
        }
        assertTrue(worst <= TOLERANCE, what + ": largest difference " + worst);
    }
}
