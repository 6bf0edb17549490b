package org.gatescope.io.torch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gatescope.io.Tensor;
import org.junit.jupiter.api.Test;

/** A state dict someone published (../shared/realmodels, read in place; skipped where absent). */
class TorchCheckpointRealFileTest {

    private static final Path HAMLET_GRU = Path.of("../shared/realmodels/08-hamlet-char-gru.pth");

    @Test
    void readsEveryTensorOfAPublishedCharacterGruWithItsShape() throws Exception {
        assumeTrue(Files.isRegularFile(HAMLET_GRU), "the shared real models are not on this machine");
        Map<String, Tensor> tensors = TorchCheckpoint.read(HAMLET_GRU);
        assertEquals(List.of("embedding.weight", "gru.weight_ih_l0", "gru.weight_hh_l0", "gru.bias_ih_l0",
                "gru.bias_hh_l0", "fc.weight", "fc.bias"), List.copyOf(tensors.keySet()));
        assertArrayEquals(new int[] {44, 128}, tensors.get("embedding.weight").shape());
        assertArrayEquals(new int[] {768, 256}, tensors.get("gru.weight_hh_l0").shape());
        assertArrayEquals(new int[] {44}, tensors.get("fc.bias").shape());
    }
}
