package org.gatescope.io;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Models real people published (../shared/realmodels, read in place; skipped where absent) traced
 * as their frameworks compute them: every layer direction's h (and c) at every step, and the
 * model's own output, within 1e-4 of the reference an independent implementation of each
 * framework's equations made (measured: at most 1.5e-8).
 */
class RealModelsParityTest {

    private static final Path SHARED = Path.of("../shared/realmodels");

    @ParameterizedTest
    @ValueSource(strings = {"01-cse5393-imdb-gru.h5", "02-trumptweet-char-lstm2.h5", "05-hamlet-nextword-lstm2.h5",
            "06-pizza-nextword-lstm.keras", "08-hamlet-char-gru.pth", "10-contract-bilstm.onnx"})
    void everyLayerAndStepMatchesTheReference(String file) throws Exception {
        Path model = SHARED.resolve(file);
        assumeTrue(Files.isRegularFile(model), "the shared real models are not on this machine");
        String stem = file.substring(0, file.lastIndexOf('.'));
        Map<?, ?> expected = (Map<?, ?>) Json.parse(Files.readString(SHARED.resolve(stem + ".expected.json"),
                StandardCharsets.UTF_8));
        ReferenceOutputs.assertReproduces(file, ImportedModels.read(model, null), expected, 1e-4);
    }
}
