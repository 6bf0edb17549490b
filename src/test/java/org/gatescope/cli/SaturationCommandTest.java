package org.gatescope.cli;

import static org.gatescope.cli.CommandLineTest.assertRefused;
import static org.gatescope.cli.CommandLineTest.run;
import static org.gatescope.cli.CommandLineTest.runWithInput;
import static org.gatescope.cli.ReachCommandTest.pixels;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.gatescope.TestModels;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.GruReset;
import org.gatescope.engine.Model;
import org.gatescope.engine.analysis.GateSaturation;
import org.gatescope.io.ModelFiles;
import org.gatescope.io.ModelLibrary;
import org.gatescope.render.SaturationChart;
import org.gatescope.text.Tokenizer;
import org.gatescope.ui.explorer.ExplorerViewModel;
import org.gatescope.ui.explorer.ModelCatalog;
import org.gatescope.ui.saturation.SaturationViewModel;
import org.gatescope.ui.task.CallingThreadExecutor;
import org.gatescope.ui.task.HeatmapExportService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code gatescope saturation}: the saturation window's export, pixel for pixel, over the same
 * held-out sentences (or a given text); exit 2 and one line on stderr, and no file, on bad input.
 */
class SaturationCommandTest {

    private static final String LECTURE = ExplorerViewModel.LECTURE_SENTENCE;

    @TempDir
    Path dir;
    private Path lstm;

    @BeforeEach
    void writeModel() throws Exception {
        lstm = dir.resolve("lstm-model.safetensors");
        ModelFiles.write(lstm, TestModels.random(CellKind.LSTM, GruReset.AFTER, 16, 4, 16, 1));
    }

    static List<String> bundledModels() {
        return ModelLibrary.BUNDLED;
    }

    @Test
    void theChartOverTheHeldOutSentencesIsOnePngOfTheChartsSize() throws IOException {
        Path out = dir.resolve("saturation.png");
        CommandLineTest.Result result = run("saturation", "--model", lstm.toString(), "--out", out.toString());
        assertEquals(0, result.status(), result.err());
        assertEquals("", result.out());
        BufferedImage image = ImageIO.read(out.toFile());
        assertEquals(SaturationChart.WIDTH, image.getWidth());
        assertEquals(SaturationChart.HEIGHT, image.getHeight());
        assertEquals("wrote " + out + " (780×660 px): 48 gate units over the 300 held-out agreement sentences",
                result.err().strip());
    }

    @Test
    void theImageIsTheChartOfTheHeldOutSentencesTitledWithTheFilesName() throws Exception {
        Path out = dir.resolve("saturation.png");
        run("saturation", "--model", lstm.toString(), "--out", out.toString());

        Model model = ModelFiles.read(lstm);
        List<GateSaturation.Point> points = GateSaturation.count(model, GateSaturation.heldOutSentences());
        BufferedImage expected = SaturationChart.render(points, "lstm-model", CellKind.LSTM, 16,
                "agreement corpus, 300 held-out sentences");
        assertArrayEquals(pixels(expected), pixels(ImageIO.read(out.toFile())));
    }

    @Test
    void aGivenTextIsCountedInsteadOfTheHeldOutSentences() throws Exception {
        Path out = dir.resolve("text.png");
        CommandLineTest.Result result = run("saturation", "--model", lstm.toString(), "--text", LECTURE,
                "--out", out.toString());
        assertEquals(0, result.status(), result.err());
        assertEquals("wrote " + out + " (780×660 px): 48 gate units over the text's 11 tokens", result.err().strip());

        Model model = ModelFiles.read(lstm);
        List<GateSaturation.Point> points = GateSaturation.count(model, List.of(Tokenizer.tokenize(LECTURE)));
        BufferedImage expected = SaturationChart.render(points, "lstm-model", CellKind.LSTM, 16, "loaded text");
        assertArrayEquals(pixels(expected), pixels(ImageIO.read(out.toFile())));
    }

    @Test
    void theTextComesFromAFileOrStandardInputToo() throws IOException {
        Path text = Files.writeString(dir.resolve("sentence.txt"), LECTURE);
        Path inline = dir.resolve("inline.png");
        Path fromFile = dir.resolve("file.png");
        Path piped = dir.resolve("piped.png");
        run("saturation", "--model", lstm.toString(), "--text", LECTURE, "--out", inline.toString());
        run("saturation", "--model", lstm.toString(), "--text-file", text.toString(), "--out", fromFile.toString());
        CommandLineTest.Result result = runWithInput(LECTURE, "saturation", "--model", lstm.toString(),
                "--text-file", "-", "--out", piped.toString());
        assertEquals(0, result.status(), result.err());
        assertArrayEquals(Files.readAllBytes(inline), Files.readAllBytes(fromFile));
        assertArrayEquals(Files.readAllBytes(inline), Files.readAllBytes(piped));
    }

    @ParameterizedTest
    @MethodSource("bundledModels")
    void everyBundledModelDrawsItsChart(String name) throws IOException {
        Path out = dir.resolve(name + ".png");
        CommandLineTest.Result result = run("saturation", "--model", name, "--text", LECTURE, "--out", out.toString());
        assertEquals(0, result.status(), result.err());
        BufferedImage image = ImageIO.read(out.toFile());
        assertEquals(SaturationChart.WIDTH, image.getWidth());
        assertEquals(SaturationChart.HEIGHT, image.getHeight());
    }

    @Test
    void theVanillaRnnGetsTheChartThatSaysItHasNoGatesAndExitZero() throws Exception {
        Path out = dir.resolve("rnn.png");
        CommandLineTest.Result result = run("saturation", "--model", "rnn", "--out", out.toString());
        assertEquals(0, result.status(), result.err());
        assertEquals("wrote " + out + " (780×660 px): the vanilla RNN has no gates: the chart says so",
                result.err().strip());
        BufferedImage expected = SaturationChart.render(List.of(), "rnn", CellKind.RNN,
                ModelLibrary.load("rnn").hiddenSize(), SaturationChart.HELD_OUT_SOURCE);
        assertArrayEquals(pixels(expected), pixels(ImageIO.read(out.toFile())));
    }

    /**
     * The rule of the heatmaps, for the saturation chart: the saturation window's export (its
     * view model following the explorer's model) and the command write the same file.
     */
    @ParameterizedTest
    @MethodSource("bundledModels")
    void theWindowAndTheSaturationCommandGiveIdenticalPixels(String name) throws Exception {
        SaturationViewModel window = saturationWindowOn(name);
        Path fromWindow = dir.resolve("window-" + name + ".png");
        window.export(fromWindow);
        assertEquals("", window.errorProperty().get());

        Path fromCli = dir.resolve("cli-" + name + ".png");
        CommandLineTest.Result result = run("saturation", "--model", name, "--out", fromCli.toString());
        assertEquals(0, result.status(), result.err());

        assertArrayEquals(pixels(ImageIO.read(fromWindow.toFile())), pixels(ImageIO.read(fromCli.toFile())));
        assertArrayEquals(Files.readAllBytes(fromWindow), Files.readAllBytes(fromCli), "byte for byte");
    }

    @Test
    void overTheLoadedTextTheWindowAndTheCommandGiveIdenticalPixels() throws Exception {
        SaturationViewModel window = saturationWindowOn("gru");
        window.setSource(SaturationViewModel.Source.LOADED_TEXT);
        Path fromWindow = dir.resolve("window.png");
        window.export(fromWindow);

        Path fromCli = dir.resolve("cli.png");
        run("saturation", "--model", "gru", "--text", LECTURE, "--out", fromCli.toString());
        assertArrayEquals(Files.readAllBytes(fromWindow), Files.readAllBytes(fromCli));
    }

    @Test
    void forAModelFileTheWindowAndTheCommandGiveIdenticalPixels() throws Exception {
        SaturationViewModel window = saturationWindowOn(lstm.toString());
        Path fromWindow = dir.resolve("window.png");
        window.export(fromWindow);

        Path fromCli = dir.resolve("cli.png");
        run("saturation", "--model", lstm.toString(), "--out", fromCli.toString());
        assertArrayEquals(Files.readAllBytes(fromWindow), Files.readAllBytes(fromCli),
                "both titled lstm-model, without .safetensors");
    }

    // --- bad input -------------------------------------------------------------------------

    @Test
    void anUnknownModelIsRefused() throws IOException {
        assertRefused(run("saturation", "--model", "no-such-model", "--out", dir.resolve("x.png").toString()),
                "gatescope saturation", "no-such-model", "bundled");
        assertEquals(List.of(), pngs());
    }

    @Test
    void anEmptyTextIsRefused() throws IOException {
        assertRefused(run("saturation", "--model", lstm.toString(), "--text", " ",
                "--out", dir.resolve("x.png").toString()),
                "gatescope saturation: the text is empty: give a sentence, or leave out --text to count over the "
                        + "300 held-out agreement sentences");
        assertEquals(List.of(), pngs());
    }

    @Test
    void twoTextsAreRefused() {
        assertRefused(run("saturation", "--model", lstm.toString(), "--text", LECTURE, "--text-file", "-",
                "--out", dir.resolve("x.png").toString()), "saturation: give the text with either --text");
    }

    @Test
    void aMissingOutIsRefused() {
        assertRefused(run("saturation", "--model", lstm.toString()), "gatescope saturation: --out is required");
    }

    @Test
    void aMissingModelIsRefused() {
        assertRefused(run("saturation", "--out", dir.resolve("x.png").toString()),
                "gatescope saturation: --model is required");
    }

    @Test
    void anOutInAMissingDirectoryIsRefusedAndNothingIsLeft() throws IOException {
        Path out = dir.resolve("no-such-dir").resolve("saturation.png");
        assertRefused(run("saturation", "--model", lstm.toString(), "--text", LECTURE, "--out", out.toString()),
                "gatescope saturation: cannot write " + out, "does not exist");
        assertEquals(List.of(), pngs());
    }

    @Test
    void anOutThatIsADirectoryIsRefusedAndLeftAsItWas() throws IOException {
        Path out = Files.createDirectory(dir.resolve("folder.png"));
        assertRefused(run("saturation", "--model", lstm.toString(), "--text", LECTURE, "--out", out.toString()),
                "cannot write " + out + ": it is a directory");
        try (Stream<Path> inside = Files.list(out)) {
            assertEquals(0, inside.count());
        }
    }

    @Test
    void anOptionOfTheReachIsRefused() {
        assertRefused(run("saturation", "--model", lstm.toString(), "--silence", "1",
                "--out", dir.resolve("x.png").toString()), "gatescope saturation: unknown option --silence");
    }

    @Test
    void theHelpListsBothNewCommands() {
        CommandLineTest.Result result = run("help");
        assertEquals(0, result.status());
        List<String> lines = Arrays.asList(result.out().split("\n"));
        assertTrue(lines.contains("             " + new ReachCommand().usage()), result.out());
        assertTrue(new ReachCommand().usage().startsWith("reach --model M (--text \"...\" | --text-file FILE|-")
                && new ReachCommand().usage().endsWith("[--silence UNIT [--from STEP]] [--palette standard|colourblind]"));
        assertTrue(lines.contains("             saturation --model M [--text \"...\" | --text-file FILE|-] "
                + "--out FILE.png [--palette standard|colourblind]"), result.out());
    }

    /** The saturation window following an explorer that shows {@code model}, counted on the calling thread. */
    private SaturationViewModel saturationWindowOn(String model) {
        ExplorerViewModel explorer = new ExplorerViewModel(new CallingThreadExecutor(), ModelCatalog.library(),
                new HeatmapExportService(), image -> { });
        explorer.start();
        explorer.openModel(model);
        assertNotNull(explorer.primary().getModel());
        SaturationViewModel window = new SaturationViewModel(new CallingThreadExecutor(), explorer.primary());
        window.refresh();
        assertNotNull(window.chartProperty().get(), window.statusProperty().get());
        return window;
    }

    private List<Path> pngs() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> !p.toString().endsWith(".safetensors") && !Files.isDirectory(p)).toList();
        }
    }
}
