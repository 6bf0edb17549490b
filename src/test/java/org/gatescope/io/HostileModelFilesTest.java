package org.gatescope.io;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile and broken files of issue 12, each refused by {@link ImportedModels} in one line that
 * says what and where, with nothing executed (the pickle and zip cases are in
 * TorchCheckpointHostileFileTest, the protobuf ones in OnnxFileTest).
 */
class HostileModelFilesTest {

    @TempDir
    Path dir;

    @Test
    void anHdf5FileCutShortIsNamedUnreadable() throws IOException {
        byte[] whole = resourceBytes("/onnx/lstm.pt"); // any bytes will do for the HDF5 signature test below
        byte[] hdf5 = new byte[4096];
        System.arraycopy(new byte[] {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'}, 0, hdf5, 0, 8);
        System.arraycopy(whole, 0, hdf5, 8, Math.min(whole.length, hdf5.length - 8));
        assertRefused(Files.write(dir.resolve("cut.h5"), hdf5), "cut.h5");
    }

    @Test
    void aVocabularyLargerThanTheEmbeddingIsNotThisModels() throws IOException {
        Path model = copy("/onnx/gru.pt", "gru.pt");
        Path vocab = Files.writeString(dir.resolve("big.json"), "{\"the\": 1, \"cat\": 40}");
        String message = assertRefused(model, vocab, "not this model's vocabulary");
        assertTrue(message.contains("big.json"), message);
    }

    @Test
    void emptyFilesDirectoriesAndStrangersAreNamed() throws IOException {
        assertRefused(Files.write(dir.resolve("empty.pt"), new byte[0]), "empty");
        assertRefused(dir, "directory");
        assertRefused(Files.writeString(dir.resolve("notes.txt"), "not a model"), "not a model file GateScope reads");
        byte[] onnx = resourceBytes("/onnx/rnn_folded.onnx");
        assertRefused(Files.write(dir.resolve("half.onnx"), Arrays.copyOf(onnx, onnx.length / 3)), "half.onnx");
    }

    private String assertRefused(Path model, String expected) {
        return assertRefused(model, null, expected);
    }

    private String assertRefused(Path model, Path vocab, String expected) {
        ModelFileException e = assertThrows(ModelFileException.class, () -> ImportedModels.read(model, vocab));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    private Path copy(String resource, String name) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, resourceBytes(resource));
        return file;
    }

    private byte[] resourceBytes(String resource) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }
}
