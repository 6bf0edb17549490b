package org.gatescope.cli;

import static org.gatescope.cli.CommandLineTest.assertRefused;
import static org.gatescope.cli.CommandLineTest.run;
import static org.gatescope.cli.CommandLineTest.runWithInput;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.gatescope.TestModels;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.GruReset;
import org.gatescope.engine.Model;
import org.gatescope.engine.analysis.Ablation;
import org.gatescope.engine.analysis.MemoryReach;
import org.gatescope.engine.cell.Tracer;
import org.gatescope.io.ModelFiles;
import org.gatescope.io.ModelLibrary;
import org.gatescope.render.ReachChart;
import org.gatescope.text.Tokenizer;
import org.gatescope.ui.explorer.ExplorerViewModel;
import org.gatescope.ui.explorer.ModelCatalog;
import org.gatescope.ui.task.CallingThreadExecutor;
import org.gatescope.ui.task.HeatmapExportService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code gatescope reach}: the window's memory-reach export, pixel for pixel, as a PNG of the
 * expected size on good input; exit 2 and one line on stderr, and no file, otherwise.
 */
class ReachCommandTest {

    private static final String LECTURE = ExplorerViewModel.LECTURE_SENTENCE;
    /** 11 tokens of 84 px after 2 × 24 px of padding and a 70 px axis. */
    private static final int LECTURE_WIDTH = 2 * 24 + 70 + 11 * 84;
    private static final int REACH_HEIGHT = 24 + 60 + 160 + 40 + 24;
    private static final int ABLATION_HEIGHT = REACH_HEIGHT + 150;

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
    void theReachOfTheLectureSentenceIsOneColumnPerToken() throws IOException {
        Path out = dir.resolve("reach.png");
        CommandLineTest.Result result = run("reach", "--model", lstm.toString(), "--text", LECTURE,
                "--out", out.toString());
        assertEquals(0, result.status(), result.err());
        assertEquals("", result.out());
        BufferedImage image = ImageIO.read(out.toFile());
        assertEquals(LECTURE_WIDTH, image.getWidth());
        assertEquals(REACH_HEIGHT, image.getHeight());
        assertEquals("wrote " + out + " (1042×308 px): reach of log p(was) after token 7 (\",\")",
                result.err().strip());
    }

    @Test
    void silencingAUnitAddsTheBeforeAndAfterBox() throws IOException {
        Path out = dir.resolve("ablation.png");
        CommandLineTest.Result result = run("reach", "--model", lstm.toString(), "--text", LECTURE,
                "--silence", "3", "--from", "2", "--out", out.toString());
        assertEquals(0, result.status(), result.err());
        BufferedImage image = ImageIO.read(out.toFile());
        assertEquals(LECTURE_WIDTH, image.getWidth());
        assertEquals(ABLATION_HEIGHT, image.getHeight());
        assertTrue(result.err().strip().endsWith("; unit 3 silenced from token 2"), result.err());
    }

    @Test
    void theImageIsTheChartOfTheDefaultTargetAndTheAblationAtTheVerb() throws Exception {
        Path out = dir.resolve("ablation.png");
        run("reach", "--model", lstm.toString(), "--text", LECTURE, "--silence", "3", "--out", out.toString());

        Model model = ModelFiles.read(lstm);
        List<String> tokens = Tokenizer.tokenize(LECTURE);
        MemoryReach reach = MemoryReach.defaultTarget(model, tokens);
        Ablation ablation = Ablation.silence(model, tokens, 3, 0, 7);
        BufferedImage expected = ReachChart.draw("lstm-model", tokens, reach, ablation, "c<t>");
        assertArrayEquals(pixels(expected), pixels(ImageIO.read(out.toFile())),
                "titled with the file's name without .safetensors, the reach taken at c<t>");
    }

    @Test
    void theTextComesFromStandardInputToo() throws IOException {
        Path inline = dir.resolve("inline.png");
        Path piped = dir.resolve("piped.png");
        run("reach", "--model", lstm.toString(), "--text", LECTURE, "--out", inline.toString());
        CommandLineTest.Result result = runWithInput(LECTURE, "reach", "--model", lstm.toString(),
                "--text-file", "-", "--out", piped.toString());
        assertEquals(0, result.status(), result.err());
        assertArrayEquals(Files.readAllBytes(inline), Files.readAllBytes(piped));
    }

    @Test
    void aTextWithoutAMainVerbReachesForItsLastToken() throws IOException {
        Path out = dir.resolve("fish.png");
        CommandLineTest.Result result = run("reach", "--model", lstm.toString(), "--text", "the cat ate the fish",
                "--out", out.toString());
        assertEquals(0, result.status(), result.err());
        assertTrue(result.err().contains("reach of log p(fish) after token 3 (\"the\")"), result.err());
        assertEquals(640, ImageIO.read(out.toFile()).getWidth(), "a short text gets the chart's least width");
    }

    @ParameterizedTest
    @MethodSource("bundledModels")
    void everyBundledModelDrawsItsReachAndAnAblation(String name) throws IOException {
        Path out = dir.resolve(name + ".png");
        CommandLineTest.Result result = run("reach", "--model", name, "--text", LECTURE, "--silence", "0",
                "--out", out.toString());
        assertEquals(0, result.status(), result.err());
        BufferedImage image = ImageIO.read(out.toFile());
        assertEquals(LECTURE_WIDTH, image.getWidth());
        assertEquals(ABLATION_HEIGHT, image.getHeight());
    }

    /**
     * The rule of the heatmaps, for the reach: the window's "Export memory reach" (the explorer's
     * view model, its reach and its ablation) and the command write the same file.
     */
    @ParameterizedTest
    @MethodSource("bundledModels")
    void theWindowAndTheReachCommandGiveIdenticalPixels(String name) throws Exception {
        ExplorerViewModel explorer = new ExplorerViewModel(new CallingThreadExecutor(), ModelCatalog.library(),
                new HeatmapExportService(), image -> { });
        explorer.start();
        explorer.openModel(name);
        assertEquals(name, explorer.primary().modelNameProperty().get());
        explorer.silenceUnit(1, 3);
        Path fromWindow = dir.resolve("window-" + name + ".png");
        explorer.exportReach(fromWindow);
        assertEquals("", explorer.errorProperty().get());

        Path fromCli = dir.resolve("cli-" + name + ".png");
        CommandLineTest.Result result = run("reach", "--model", name, "--text", LECTURE, "--silence", "1",
                "--from", "3", "--out", fromCli.toString());
        assertEquals(0, result.status(), result.err());

        assertArrayEquals(pixels(ImageIO.read(fromWindow.toFile())), pixels(ImageIO.read(fromCli.toFile())));
        assertArrayEquals(Files.readAllBytes(fromWindow), Files.readAllBytes(fromCli), "byte for byte");
    }

    @Test
    void withoutAnAblationTheWindowAndTheCommandGiveIdenticalPixelsToo() throws Exception {
        ExplorerViewModel explorer = new ExplorerViewModel(new CallingThreadExecutor(), ModelCatalog.library(),
                new HeatmapExportService(), image -> { });
        explorer.start();
        explorer.openModel("rnn");
        Path fromWindow = dir.resolve("window.png");
        explorer.exportReach(fromWindow);
        Path fromCli = dir.resolve("cli.png");
        run("reach", "--model", "rnn", "--text", LECTURE, "--out", fromCli.toString());
        assertArrayEquals(Files.readAllBytes(fromWindow), Files.readAllBytes(fromCli));
    }

    @Test
    void theVanillaRnnsReachIsTakenAtItsActivation() throws Exception {
        Path out = dir.resolve("rnn.png");
        run("reach", "--model", "rnn", "--text", LECTURE, "--out", out.toString());
        Model model = ModelLibrary.load("rnn");
        List<String> tokens = Tokenizer.tokenize(LECTURE);
        assertEquals("a<t>", ReachChart.stateLabel(Tracer.trace(model, tokens)));
        BufferedImage expected = ReachChart.draw("rnn", tokens, MemoryReach.defaultTarget(model, tokens), null,
                "a<t>");
        assertArrayEquals(pixels(expected), pixels(ImageIO.read(out.toFile())));
    }

    @Test
    void theLongestTextItDrawsIsMaxTokens() throws IOException {
        assertEquals(189, ReachChart.MAX_TOKENS);
        Path out = dir.resolve("longest.png");
        CommandLineTest.Result result = run("reach", "--model", lstm.toString(), "--text", words(189),
                "--out", out.toString());
        assertEquals(0, result.status(), result.err());
        assertEquals(2 * 24 + 70 + 189 * 84, ImageIO.read(out.toFile()).getWidth());
    }

    @Test
    void theAblationComparesAtTheVerbsPredictionOrElseAtTheFallback() {
        assertEquals(7, MemoryReach.targetPosition(Tokenizer.tokenize(LECTURE), 2));
        assertEquals(2, MemoryReach.targetPosition(Tokenizer.tokenize("the cat ate the fish"), 2));
    }

    @Test
    void theChartRefusesMoreTokensThanItDrawsInTheWindowToo() throws Exception {
        Model model = ModelFiles.read(lstm);
        List<String> tokens = Tokenizer.tokenize(words(190));
        MemoryReach reach = MemoryReach.defaultTarget(model, tokens);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ReachChart.forExport("lstm", Tracer.trace(model, tokens), reach, null));
        assertTrue(refused.getMessage().contains("at most 189 tokens"), refused.getMessage());
    }

    // --- bad input -------------------------------------------------------------------------

    @Test
    void aTextTooLongForOneChartIsRefusedWithTheLimit() throws IOException {
        assertRefused(run("reach", "--model", lstm.toString(), "--text", words(190),
                "--out", dir.resolve("long.png").toString()),
                "gatescope reach: the reach chart of 190 tokens would be 16,078 px wide",
                "at most 189 tokens (84 px each, 16,000 px a side)");
        assertEquals(List.of(), pngs());
    }

    @Test
    void anUnknownModelIsRefused() {
        assertRefused(run("reach", "--model", "no-such-model", "--text", LECTURE,
                "--out", dir.resolve("x.png").toString()), "gatescope reach", "no-such-model", "bundled");
    }

    @Test
    void aUnitBeyondTheModelIsRefusedWithItsUnits() throws IOException {
        assertRefused(run("reach", "--model", lstm.toString(), "--text", LECTURE, "--silence", "16",
                "--out", dir.resolve("x.png").toString()),
                "gatescope reach: --silence 16 is not a unit of lstm-model: its units are 0 to 15");
        assertRefused(run("reach", "--model", lstm.toString(), "--text", LECTURE, "--silence", "-1",
                "--out", dir.resolve("x.png").toString()), "--silence -1 is not a unit");
        assertRefused(run("reach", "--model", lstm.toString(), "--text", LECTURE, "--silence", "three",
                "--out", dir.resolve("x.png").toString()), "--silence must be a whole number, got 'three'");
        assertEquals(List.of(), pngs());
    }

    @Test
    void aFromStepOutsideTheTextIsRefused() throws IOException {
        assertRefused(run("reach", "--model", lstm.toString(), "--text", LECTURE, "--silence", "1", "--from", "11",
                "--out", dir.resolve("x.png").toString()),
                "gatescope reach: --from 11 lies outside the text's 11 tokens (steps 0 to 10)");
        assertRefused(run("reach", "--model", lstm.toString(), "--text", LECTURE, "--silence", "1", "--from", "-2",
                "--out", dir.resolve("x.png").toString()), "--from -2 lies outside the text's 11 tokens");
        assertEquals(List.of(), pngs());
    }

    @Test
    void aFromStepAfterThePredictionIsRefusedAsChangingNothing() throws IOException {
        assertRefused(run("reach", "--model", lstm.toString(), "--text", LECTURE, "--silence", "1", "--from", "8",
                "--out", dir.resolve("x.png").toString()),
                "--from 8 comes after the prediction of \"was\" at step 7", "give --from 7 or less");
        assertEquals(List.of(), pngs());
    }

    @Test
    void fromWithoutSilenceIsRefused() {
        assertRefused(run("reach", "--model", lstm.toString(), "--text", LECTURE, "--from", "2",
                "--out", dir.resolve("x.png").toString()), "gatescope reach: --from needs --silence UNIT");
    }

    @Test
    void anEmptyTextIsRefused() throws IOException {
        assertRefused(run("reach", "--model", lstm.toString(), "--text", "  ",
                "--out", dir.resolve("x.png").toString()), "gatescope reach: the text is empty");
        assertEquals(List.of(), pngs());
    }

    @Test
    void aTextOfOneTokenIsRefusedForItPredictsNothing() throws IOException {
        assertRefused(run("reach", "--model", lstm.toString(), "--text", "cat",
                "--out", dir.resolve("x.png").toString()),
                "gatescope reach: the text is one token (\"cat\"), which predicts nothing: give at least two");
        assertEquals(List.of(), pngs());
    }

    @Test
    void noTextOrTwoTextsAreRefused() {
        assertRefused(run("reach", "--model", lstm.toString(), "--out", dir.resolve("x.png").toString()),
                "reach: give the text with either --text");
        assertRefused(run("reach", "--model", lstm.toString(), "--text", LECTURE, "--text-file", "-",
                "--out", dir.resolve("x.png").toString()), "reach: give the text with either --text");
    }

    @Test
    void aMissingOutIsRefused() {
        assertRefused(run("reach", "--model", lstm.toString(), "--text", LECTURE), "gatescope reach: --out is required");
    }

    @Test
    void anOutInAMissingDirectoryIsRefusedAndNothingIsLeft() throws IOException {
        Path out = dir.resolve("no-such-dir").resolve("reach.png");
        assertRefused(run("reach", "--model", lstm.toString(), "--text", LECTURE, "--out", out.toString()),
                "gatescope reach: cannot write " + out, "does not exist");
        assertEquals(List.of(), pngs());
    }

    @Test
    void anOutThatIsADirectoryIsRefusedAndLeftAsItWas() throws IOException {
        Path out = Files.createDirectory(dir.resolve("folder.png"));
        assertRefused(run("reach", "--model", lstm.toString(), "--text", LECTURE, "--silence", "1",
                "--out", out.toString()), "cannot write " + out + ": it is a directory");
        try (Stream<Path> inside = Files.list(out)) {
            assertEquals(0, inside.count());
        }
    }

    @Test
    void anUnknownOptionIsRefused() {
        assertRefused(run("reach", "--model", lstm.toString(), "--text", LECTURE, "--gate", "u",
                "--out", dir.resolve("x.png").toString()), "gatescope reach: unknown option --gate");
    }

    private static String words(int count) {
        return String.join(" ", Collections.nCopies(count, "the"));
    }

    private List<Path> pngs() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> !p.toString().endsWith(".safetensors") && !Files.isDirectory(p)).toList();
        }
    }

    static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
