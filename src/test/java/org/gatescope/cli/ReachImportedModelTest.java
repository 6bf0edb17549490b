package org.gatescope.cli;

import static org.gatescope.cli.CommandLineTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.gatescope.engine.Network;
import org.gatescope.engine.NetworkTrace;
import org.gatescope.engine.analysis.MemoryReach;
import org.gatescope.engine.analysis.NetworkReach;
import org.gatescope.engine.cell.NetworkTracer;
import org.gatescope.io.ImportedModels;
import org.gatescope.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reach} and {@code trace --reach} on models trained elsewhere: any layer direction (a Keras
 * hard_sigmoid GRU, a bidirectional ONNX LSTM's backward direction), a silenced unit, and one-line
 * refusals of layers, units, steps and outputs the model does not have.
 */
class ReachImportedModelTest {

    private static final int[] IDS = {1, 5, 9, 2, 7};

    @TempDir
    Path dir;

    @Test
    void reachOfAKerasHardSigmoidGruOnItsFirstLayerIsDrawn() throws IOException {
        Path png = dir.resolve("reach.png");
        CommandLineTest.Result result = run("reach", "--model", fixture("keras/gru2_reset_before.h5").toString(),
                "--ids", "1,5,9,2,7", "--layer", "1", "--out", png.toString());
        assertEquals(0, result.status(), result.err());
        assertTrue(result.err().contains("on layer 1"), result.err());
        assertTrue(ImageIO.read(png.toFile()).getWidth() >= 640);
    }

    @Test
    void theBackwardDirectionOfABidirectionalOnnxLstmIsSilencedAndDrawn() throws IOException {
        Path png = dir.resolve("silenced.png");
        CommandLineTest.Result result = run("reach", "--model", fixture("onnx/lstm_folded.onnx").toString(),
                "--ids", "1,5,9,2,7", "--layer", "2b", "--step", "1", "--output", "3", "--silence", "0", "--from", "3",
                "--out", png.toString());
        assertEquals(0, result.status(), result.err());
        assertTrue(result.err().contains("reach of output #3 after step 1") && result.err().contains("layer 2 (backward)"),
                result.err());
        assertTrue(result.err().contains("unit 0 silenced from step 3"), result.err());
        assertTrue(Files.size(png) > 0);
    }

    @Test
    void traceReachWritesTheChosenLayersGradientsIntoTheJson() throws Exception {
        Path model = fixture("keras/lstm2_keras3.keras");
        Path out = dir.resolve("trace.json");
        CommandLineTest.Result result = run("trace", "--model", model.toString(), "--ids", "1,5,9,2,7", "--reach",
                "--layer", "1", "--out", out.toString());
        assertEquals(0, result.status(), result.err());
        Map<?, ?> json = (Map<?, ?>) Json.parse(Files.readString(out));
        Map<?, ?> target = (Map<?, ?>) json.get("reach_target");
        assertEquals("layer 1", target.get("layer"));

        Network network = ImportedModels.read(model, null);
        NetworkTrace traced = NetworkTracer.trace(network, IDS, List.of("a", "b", "c", "d", "e"), new int[0]);
        MemoryReach expected = NetworkReach.atStep(network, traced, 0, 4);
        assertEquals((long) expected.position(), target.get("position"));
        List<?> steps = (List<?>) json.get("steps");
        for (int t = 0; t < IDS.length; t++) {
            List<?> reach = (List<?>) ((Map<?, ?>) steps.get(t)).get("reach");
            assertEquals(expected.memoryCell()[t], ((Number) reach.get(0)).doubleValue(), 1e-12, "step " + t);
        }
    }

    @Test
    void layersUnitsStepsAndOutputsTheModelLacksAreOneLineRefusals() throws IOException {
        String model = fixture("onnx/lstm_folded.onnx").toString();
        String png = dir.resolve("x.png").toString();
        assertRefusal(run("reach", "--model", model, "--ids", "1,5,9", "--layer", "3", "--out", png), "layers: 1, 1b, 2, 2b");
        assertRefusal(run("reach", "--model", model, "--ids", "1,5,9", "--silence", "99", "--out", png), "--silence 99");
        assertRefusal(run("reach", "--model", model, "--ids", "1,5,9", "--step", "3", "--out", png), "--step");
        assertRefusal(run("reach", "--model", model, "--ids", "1,5,9", "--output", "10", "--out", png), "--output");
        assertRefusal(run("reach", "--model", model, "--ids", "1,5,9", "--silence", "0", "--from", "5", "--out", png),
                "--from 5");
        assertRefusal(run("trace", "--model", model, "--ids", "1,5,9", "--layer", "2"), "--reach");
    }

    private static void assertRefusal(CommandLineTest.Result result, String mentions) {
        assertEquals(2, result.status(), result.err());
        assertTrue(result.err().contains(mentions), result.err());
        assertEquals(1, result.err().strip().lines().count(), "one line: " + result.err());
    }

    private Path fixture(String resource) throws IOException {
        Path file = dir.resolve(Path.of(resource).getFileName().toString());
        if (!Files.exists(file)) {
            try (InputStream in = getClass().getResourceAsStream("/" + resource)) {
                Files.copy(in, file);
            }
        }
        return file;
    }
}
