package org.gatescope.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Two-layer bidirectional LSTM, GRU and RNN models saved by PyTorch three ways (state dict, ONNX
 * with constant folding on and off; src/test/python/make_onnx_fixtures.py) all trace as torch
 * computes them in float64: every layer direction and step within 1e-5 (float32 weights).
 */
class StackedModelsParityTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"lstm,lstm.pt", "lstm,lstm_folded.onnx", "lstm,lstm_unfolded.onnx",
            "gru,gru.pt", "gru,gru_folded.onnx", "gru,gru_unfolded.onnx",
            "rnn,rnn.pt", "rnn,rnn_folded.onnx", "rnn,rnn_unfolded.onnx"})
    void everyExportOfOneModelTracesAsTorchComputesIt(String kind, String file) throws Exception {
        Map<?, ?> expected = (Map<?, ?>) Json.parse(resource(kind + ".expected.json"));
        ReferenceOutputs.assertReproduces(file, ImportedModels.read(copy(file), null), expected, 1e-5);
    }

    private Path copy(String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/onnx/" + name)) {
            Files.copy(in, file);
        }
        return file;
    }

    private String resource(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/onnx/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
