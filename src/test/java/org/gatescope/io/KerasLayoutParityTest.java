package org.gatescope.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keras-layout files written with h5py (src/test/python/make_keras_fixtures.py) trace as Keras's
 * equations compute them: a Keras 2 .h5 with a GRU whose config has no reset_after (bias (3H,):
 * reset before) under a reset_after GRU (bias (2, 3H)), Keras 2's hard_sigmoid, and a classifier head;
 * a Keras 3 .keras archive with two LSTMs, Keras 3's hard_sigmoid and a sigmoid head. Every layer and
 * step within 1e-6 (float32 weights, the references in float64).
 */
class KerasLayoutParityTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"gru2_reset_before.h5", "lstm2_keras3.keras"})
    void everyLayerAndStepAsKerasComputesIt(String file) throws Exception {
        String stem = file.substring(0, file.lastIndexOf('.'));
        Map<?, ?> expected = (Map<?, ?>) Json.parse(resource(stem + ".expected.json"));
        Path model = dir.resolve(file);
        Files.write(model, bytes(file));
        ReferenceOutputs.assertReproduces(file, ImportedModels.read(model, null), expected, 1e-6);
    }

    private byte[] bytes(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/keras/" + name)) {
            return in.readAllBytes();
        }
    }

    private String resource(String name) throws IOException {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }
}
