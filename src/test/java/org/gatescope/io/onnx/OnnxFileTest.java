package org.gatescope.io.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gatescope.io.ModelFileException;
import org.gatescope.io.onnx.OnnxGraph.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ONNX files read with GateScope's own protobuf reader, recurrent weights found by folding constants. */
class OnnxFileTest {

    private static final Path CONTRACT_BILSTM = Path.of("../shared/realmodels/10-contract-bilstm.onnx");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"lstm", "gru", "rnn"})
    void foldingTheExportersChainsGivesTheWeightsItsOwnFoldingGives(String kind) throws Exception {
        OnnxGraph unfolded = OnnxFile.read(copy(kind + "_unfolded.onnx"));
        OnnxGraph folded = OnnxFile.read(copy(kind + "_folded.onnx"));
        Map<String, OnnxTensor> ours = ConstantFolder.fold(unfolded);
        Map<String, OnnxTensor> theirs = ConstantFolder.fold(folded);
        List<Node> ourNodes = recurrentNodes(unfolded);
        List<Node> theirNodes = recurrentNodes(folded);
        assertEquals(2, ourNodes.size(), "two stacked layers");
        assertEquals(theirNodes.size(), ourNodes.size());
        for (int n = 0; n < ourNodes.size(); n++) {
            assertEquals("bidirectional", ourNodes.get(n).attribute("direction").orElseThrow().s());
            for (int k = 1; k <= 3; k++) {
                OnnxTensor mine = ours.get(ourNodes.get(n).input(k));
                OnnxTensor exporters = theirs.get(theirNodes.get(n).input(k));
                String what = kind + " layer " + n + " input " + k;
                assertTrue(mine != null && exporters != null, what + " resolved to a constant");
                assertArrayEquals(exporters.dims(), mine.dims(), what + " dims");
                assertArrayEquals(exporters.values(), mine.values(), 0.0, what + " values");
            }
        }
    }

    @Test
    void readsTheGraphsInputsOutputsAndOpset() throws Exception {
        OnnxGraph graph = OnnxFile.read(copy("lstm_folded.onnx"));
        assertEquals(13, graph.opset());
        assertEquals("ids", graph.inputs().get(0).name());
        assertEquals(List.of("logits"), graph.outputs());
        assertTrue(graph.producer().startsWith("pytorch"), graph.producer());
        assertArrayEquals(new long[] {10, 4}, graph.initializers().get("emb.weight").dims());
    }

    @Test
    void resolvesBothBidirectionalLayersOfAPublishedTf2onnxModel() throws Exception {
        assumeTrue(Files.isRegularFile(CONTRACT_BILSTM), "the shared real models are not on this machine");
        OnnxGraph graph = OnnxFile.read(CONTRACT_BILSTM);
        Map<String, OnnxTensor> constants = ConstantFolder.fold(graph);
        List<Node> lstms = recurrentNodes(graph);
        assertEquals(2, lstms.size());
        Node first = lstms.stream().filter(n -> n.name().equals("LSTM__202")).findFirst().orElseThrow();
        assertArrayEquals(new long[] {2, 512, 200}, constants.get(first.input(1)).dims());
        assertArrayEquals(new long[] {2, 512, 128}, constants.get(first.input(2)).dims());
        assertArrayEquals(new long[] {2, 1024}, constants.get(first.input(3)).dims());
    }

    @Test
    void brokenFilesAreRefusedWithOneLineEach() throws IOException {
        assertTrue(refusal(Files.write(dir.resolve("empty.onnx"), new byte[0])).contains("empty"));
        assertTrue(refusal(dir).contains("directory"));
        byte[] model = Files.readAllBytes(copy("rnn_folded.onnx"));
        Path truncated = Files.write(dir.resolve("cut.onnx"), java.util.Arrays.copyOf(model, model.length / 2));
        assertTrue(refusal(truncated).contains("damaged"), refusal(truncated));
        // field 7 (graph) claiming 2^31 bytes in a 6-byte file
        Path claims = Files.write(dir.resolve("claims.onnx"), new byte[] {0x3a, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x08});
        assertTrue(refusal(claims).contains("claims a field"), refusal(claims));
        Path text = Files.writeString(dir.resolve("notes.onnx"), "just some words, not a model");
        refusal(text);
    }

    private static String refusal(Path file) {
        ModelFileException e = assertThrows(ModelFileException.class, () -> OnnxFile.read(file));
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    private static List<Node> recurrentNodes(OnnxGraph graph) {
        return graph.nodes().stream().filter(n -> List.of("LSTM", "GRU", "RNN").contains(n.opType())).toList();
    }

    private Path copy(String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/onnx/" + name)) {
            Files.copy(in, file);
        }
        return file;
    }
}
