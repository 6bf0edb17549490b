package org.gatescope.ui.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.gatescope.TestModels;
import org.gatescope.cli.CommandLine;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.GruReset;
import org.gatescope.engine.Model;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.Trace;
import org.gatescope.engine.cell.Tracer;
import org.gatescope.io.ModelFiles;
import org.gatescope.render.HeatmapImage;
import org.gatescope.render.HeatmapOptions;
import org.gatescope.text.Tokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The window's export gives the pixels of {@code gatescope heatmap}, and never half a file. */
class HeatmapExportServiceTest {

    private static final String SENTENCE = "The cat, which already ate ..., was full.";

    @TempDir
    Path folder;

    private final HeatmapExportService exporter = new HeatmapExportService();

    private Path modelFile(CellKind cell) throws Exception {
        Path file = folder.resolve(cell.id() + "-model.safetensors");
        ModelFiles.write(file, TestModels.random(cell, GruReset.BEFORE, 16, 5, 7, 42));
        return file;
    }

    /** Traces as the window does: the model read back from its file, the text tokenised. */
    private static Trace windowTrace(Path file, String text) throws Exception {
        Model model = ModelFiles.read(file);
        return Tracer.trace(model, Tokenizer.tokenize(text));
    }

    private int cli(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CommandLine.run(args, new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        return status;
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    @ParameterizedTest
    @ValueSource(strings = {"u", "f", "c", "all"})
    void theWindowAndTheHeatmapCommandGiveIdenticalPixels(String gate) throws Exception {
        Path model = modelFile(CellKind.LSTM);
        Path fromWindow = folder.resolve("window-" + gate + ".png");
        Path fromCli = folder.resolve("cli-" + gate + ".png");
        Quantity quantity = gate.equals("all") ? null : Quantity.fromKey(gate).orElseThrow();

        exporter.export(windowTrace(model, SENTENCE), quantity, model.toString(), 0, fromWindow);
        cli("heatmap", "--model", model.toString(), "--text", SENTENCE, "--gate", gate, "--out", fromCli.toString());

        BufferedImage window = ImageIO.read(fromWindow.toFile());
        BufferedImage command = ImageIO.read(fromCli.toFile());
        assertEquals(command.getWidth(), window.getWidth());
        assertEquals(command.getHeight(), window.getHeight());
        assertArrayEquals(pixels(command), pixels(window));
        assertArrayEquals(Files.readAllBytes(fromCli), Files.readAllBytes(fromWindow), "byte for byte");
    }

    @Test
    void theRenderedImageIsTheRenderersOwnForTheSameOptions() throws Exception {
        Path model = modelFile(CellKind.GRU);
        Trace trace = windowTrace(model, "The cats, which already ate ..., were full.");

        BufferedImage exported = exporter.render(trace, null, model.toString(), 0).image();
        BufferedImage direct = HeatmapImage.render(trace, HeatmapOptions.defaults()
                .withQuantities(trace.quantities()).withTitle("gru-model"));

        assertArrayEquals(pixels(direct), pixels(exported));
    }

    @Test
    void aTextTooLongForOneImageExportsTheLongestRangeAroundTheStep() throws Exception {
        Path model = modelFile(CellKind.LSTM);
        List<String> words = List.of("the", "cat", "cats", ",", "which", "already", "ate", "...", "was", "were");
        Random random = new Random(3);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            tokens.add(words.get(random.nextInt(words.size())));
        }
        Trace trace = Tracer.trace(ModelFiles.read(model), tokens);

        HeatmapExportService.Rendered rendered = exporter.render(trace, Quantity.UPDATE_GATE, "lstm", 2500);

        assertTrue(rendered.tokenCount() < 5000);
        assertTrue(rendered.firstToken() <= 2500 && 2500 < rendered.firstToken() + rendered.tokenCount());
        assertTrue(rendered.describe().contains("of 5,000"), rendered.describe());
    }

    @Test
    void anUnwritableTargetFailsWithoutLeavingAFile() throws Exception {
        Path model = modelFile(CellKind.LSTM);
        Trace trace = windowTrace(model, SENTENCE);
        Path readOnly = Files.createDirectory(folder.resolve("locked"));
        assertTrue(readOnly.toFile().setWritable(false));
        try {
            Path target = readOnly.resolve("u.png");
            if (Files.isWritable(readOnly)) {
                return; // running as root: permissions do not stop us, the missing-folder case still does
            }
            assertThrows(IOException.class, () -> exporter.export(trace, Quantity.UPDATE_GATE, "lstm", 0, target));
            assertFalse(Files.exists(target));
        } finally {
            readOnly.toFile().setWritable(true);
        }
        try (var left = Files.list(readOnly)) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void aMissingFolderFailsWithoutLeavingAFile() throws Exception {
        Path model = modelFile(CellKind.LSTM);
        Trace trace = windowTrace(model, SENTENCE);
        Path target = folder.resolve("missing/u.png");

        IOException e = assertThrows(IOException.class,
                () -> exporter.export(trace, Quantity.UPDATE_GATE, "lstm", 0, target));
        assertTrue(HeatmapExportService.describe(e).contains("missing"), HeatmapExportService.describe(e));
        assertFalse(Files.exists(folder.resolve("missing")));
    }
}
