package org.gatescope.io.torch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gatescope.io.DType;
import org.gatescope.io.Json;
import org.gatescope.io.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Checkpoints written by torch.save itself (src/test/python/make_torch_fixtures.py) read as torch reads them. */
class TorchCheckpointTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"gru_state_dict", "gru_state_dict_legacy", "views_and_dtypes"})
    void everyTensorHasTheShapeAndValuesTorchReadsBack(String fixture) throws Exception {
        Map<String, Tensor> tensors = TorchCheckpoint.read(copy(fixture + ".pt"));
        Map<?, ?> expected = (Map<?, ?>) Json.parse(resource(fixture + ".expected.json"));
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(tensors.keySet()), "names in file order");
        for (Map.Entry<?, ?> e : expected.entrySet()) {
            Map<?, ?> want = (Map<?, ?>) e.getValue();
            Tensor tensor = tensors.get((String) e.getKey());
            int[] shape = ((List<?>) want.get("shape")).stream().mapToInt(v -> ((Number) v).intValue()).toArray();
            double[] values = ((List<?>) want.get("values")).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
            assertArrayEquals(shape, tensor.shape(), e.getKey() + " shape");
            assertArrayEquals(values, tensor.data(), 0.0, e.getKey() + " values, exactly");
        }
    }

    @Test
    void keepsTheStoredPrecision() throws Exception {
        Map<String, Tensor> tensors = TorchCheckpoint.read(copy("views_and_dtypes.pt"));
        assertEquals(DType.F64, tensors.get("transposed").dtype());
        assertEquals(DType.F32, tensors.get("half").dtype());
        assertEquals(DType.F32, TorchCheckpoint.read(copy("gru_state_dict.pt")).get("gru.weight_ih_l0").dtype());
    }

    private Path copy(String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/torch/" + name)) {
            Files.copy(in, file);
        }
        return file;
    }

    private String resource(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/torch/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
