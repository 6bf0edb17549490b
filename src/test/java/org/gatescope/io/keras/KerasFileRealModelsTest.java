package org.gatescope.io.keras;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gatescope.io.Tensor;
import org.junit.jupiter.api.Test;

/** Keras files people published (../shared/realmodels, read in place; skipped where absent). */
class KerasFileRealModelsTest {

    private static final Path SHARED = Path.of("../shared/realmodels");

    @Test
    void keras2H5WithColonSuffixedWeightNames() throws Exception {
        KerasFile.Contents imdb = read("01-cse5393-imdb-gru.h5");
        assertEquals("2.0.4", imdb.kerasVersion());
        assertEquals(List.of("input_2", "embedding_2", "gru_2", "dense_7"), List.copyOf(imdb.weights().keySet()));
        assertShapes(imdb.weights().get("gru_2"), new int[] {50, 150}, new int[] {50, 150}, new int[] {150});
        assertEquals("Model", imdb.config().get("class_name"));
    }

    @Test
    void keras3LegacyH5WithModelNameInThePath() throws Exception {
        KerasFile.Contents hamlet = read("05-hamlet-nextword-lstm2.h5");
        assertEquals("3.13.0", hamlet.kerasVersion());
        assertShapes(hamlet.weights().get("lstm_15"), new int[] {150, 400}, new int[] {100, 400}, new int[] {400});
        assertEquals(List.of(), hamlet.weights().get("dropout_14"));
    }

    @Test
    void keras3ArchiveWithNumberedVariables() throws Exception {
        KerasFile.Contents pizza = read("06-pizza-nextword-lstm.keras");
        assertEquals("3.5.0", pizza.kerasVersion());
        assertShapes(pizza.weights().get("lstm"), new int[] {10, 512}, new int[] {128, 512}, new int[] {512});
        assertShapes(pizza.weights().get("embedding"), new int[] {687, 10});
        assertEquals("Sequential", pizza.config().get("class_name"));
    }

    @Test
    void oneHotCharacterModelWithTwoStackedLayers() throws Exception {
        Map<String, List<Tensor>> weights = read("02-trumptweet-char-lstm2.h5").weights();
        assertEquals(2, weights.keySet().stream().filter(name -> name.startsWith("lstm")).count());
    }

    private static KerasFile.Contents read(String name) throws Exception {
        Path file = SHARED.resolve(name);
        assumeTrue(Files.isRegularFile(file), "the shared real models are not on this machine");
        return KerasFile.read(file);
    }

    private static void assertShapes(List<Tensor> tensors, int[]... shapes) {
        assertEquals(shapes.length, tensors.size());
        for (int i = 0; i < shapes.length; i++) {
            assertArrayEquals(shapes[i], tensors.get(i).shape(), tensors.get(i).name());
        }
    }
}
