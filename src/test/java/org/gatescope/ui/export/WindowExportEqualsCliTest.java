package org.gatescope.ui.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.gatescope.cli.CommandLine;
import org.gatescope.render.export.SlideFormat;
import org.gatescope.render.export.SlideView;
import org.gatescope.ui.UiTestModels;
import org.gatescope.ui.explorer.ExplorerViewModel;
import org.gatescope.ui.task.CallingThreadExecutor;
import org.gatescope.ui.task.HeatmapExportService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Export for slides" in the window writes the very file {@code gatescope export} writes for the same
 * state (model, text, token, units, view, format, scale): the same document (SVG, CSV) or the same pixels
 * (PNG, GIF), because both draw through render.export with Java2D measuring the text.
 */
class WindowExportEqualsCliTest {

    @TempDir
    Path folder;

    private ExplorerViewModel explorer;
    private SlideExportViewModel slides;
    private final List<BufferedImage> clipboard = new ArrayList<>();

    @BeforeEach
    void start() {
        System.setProperty("java.awt.headless", "true");
        explorer = new ExplorerViewModel(new CallingThreadExecutor(), UiTestModels.catalog(folder),
                new HeatmapExportService(), clipboard::add);
        explorer.start();
        // a model that claims no number units: the command line keeps only those its test confirms
        explorer.openModel("gru");
        explorer.jumpTo(2);
        slides = new SlideExportViewModel(explorer);
    }

    private byte[] window(SlideView view, SlideFormat format, int scale) throws Exception {
        slides.viewProperty().set(view);
        slides.formatProperty().set(format);
        slides.scaleProperty().set(scale);
        slides.delayProperty().set(300);
        Path file = folder.resolve("window-" + view.id() + "." + format.id());
        slides.export(file);
        assertEquals("", explorer.errorProperty().get());
        return Files.readAllBytes(file);
    }

    private byte[] cli(SlideView view, SlideFormat format, int scale) throws Exception {
        var cell = explorer.primary();
        String text = String.join(" ", cell.getTrace().tokens());
        String units = cell.selectedUnits().stream().map(String::valueOf).collect(Collectors.joining(","));
        Path file = folder.resolve("cli-" + view.id() + "." + format.id());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CommandLine.run(new String[] {"export", "--model", folder.resolve("gru.safetensors").toString(),
                "--text", text, "--view", view.id(), "--format", format.id(), "--step", "2", "--scale",
                String.valueOf(scale), "--unit", String.valueOf(cell.getPrimaryUnit()), "--units", units, "--delay",
                "300", "--out", file.toString()}, new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        return Files.readAllBytes(file);
    }

    @Test
    void theWindowsSvgIsTheCommandLinesDocument() throws Exception {
        assertArrayEquals(cli(SlideView.ALL, SlideFormat.SVG, 1), window(SlideView.ALL, SlideFormat.SVG, 1));
    }

    @Test
    void theWindowsPngIsTheCommandLinesPixelsAtTwiceTheScale() throws Exception {
        assertArrayEquals(cli(SlideView.TIMELINE, SlideFormat.PNG, 2), window(SlideView.TIMELINE, SlideFormat.PNG, 2));
    }

    @Test
    void theWindowsGifIsTheCommandLinesFrames() throws Exception {
        assertArrayEquals(cli(SlideView.DIAGRAM, SlideFormat.GIF, 1), window(SlideView.DIAGRAM, SlideFormat.GIF, 1));
    }

    @Test
    void theWindowsCsvIsTheCommandLinesNumbers() throws Exception {
        assertArrayEquals(cli(SlideView.DIAGRAM, SlideFormat.CSV, 1), window(SlideView.DIAGRAM, SlideFormat.CSV, 1));
    }

    @Test
    void copyImagePutsTheViewOnTheClipboard() {
        slides.viewProperty().set(SlideView.DIAGRAM);
        slides.scaleProperty().set(1);
        slides.copyImage();
        assertEquals(1, clipboard.size());
        assertEquals(1120, clipboard.get(0).getWidth());
        assertTrue(explorer.statusProperty().get().startsWith("Copied the diagram"), explorer.statusProperty().get());
    }

    @Test
    void anUnwritablePathIsOneMessageAndTheWindowKeepsItsState() {
        Path target = folder.resolve("no/such/folder/slide.svg");
        int step = explorer.getStep();
        slides.export(target);
        assertTrue(explorer.errorProperty().get().startsWith("Cannot save " + target + ": "),
                explorer.errorProperty().get());
        assertFalse(Files.exists(target.getParent()));
        assertEquals(step, explorer.getStep());
    }
}
