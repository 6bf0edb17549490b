package org.gatescope.cli;

import static org.gatescope.cli.CommandLineTest.assertRefused;
import static org.gatescope.cli.CommandLineTest.run;
import static org.gatescope.cli.CommandLineTest.runWithInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.gatescope.io.ModelFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gatescope heatmap}: a PNG of the expected size on good input; exit 2 and one line otherwise. */
class HeatmapCommandTest {

    private static final String LECTURE = "The cat, which already ate ..., was full.";
    /** 11 tokens, 16 units, 22 × 18 px cells: a panel is 58 + 242 + 100 px wide, 32 + 288 + 92 px high. */
    private static final int PANEL_WIDTH = 400;
    private static final int PANEL_HEIGHT = 412;

    @TempDir
    Path dir;
    private Path lstm;
    private Path gru;

    @BeforeEach
    void writeModels() throws Exception {
        lstm = dir.resolve("lstm.safetensors");
        ModelFiles.write(lstm, TestModels.random(CellKind.LSTM, GruReset.AFTER, 16, 4, 16, 1));
        gru = dir.resolve("gru.safetensors");
        ModelFiles.write(gru, TestModels.random(CellKind.GRU, GruReset.BEFORE, 16, 4, 16, 2));
    }

    @Test
    void everyGateOfAnLstmIsOnePngOfTwoRowsOfPanels() throws IOException {
        Path out = dir.resolve("all.png");
        CommandLineTest.Result result = run("heatmap", "--model", lstm.toString(), "--text", LECTURE,
                "--gate", "all", "--out", out.toString());
        assertEquals(0, result.status(), result.err());
        assertEquals("", result.out());
        BufferedImage image = ImageIO.read(out.toFile());
        assertEquals(40 + 3 * PANEL_WIDTH + 2 * 28, image.getWidth());
        assertEquals(40 + 62 + 2 * PANEL_HEIGHT + 20, image.getHeight());
        assertEquals("wrote " + out + " (1296×946 px)", result.err().strip());
    }

    @Test
    void oneGateFromStandardInputIsOnePanel() throws IOException {
        Path out = dir.resolve("u.png");
        CommandLineTest.Result result = runWithInput(LECTURE, "heatmap", "--model", gru.toString(),
                "--text-file", "-", "--gate", "u", "--out", out.toString());
        assertEquals(0, result.status(), result.err());
        BufferedImage image = ImageIO.read(out.toFile());
        assertEquals(560, image.getWidth());
        assertEquals(40 + 62 + PANEL_HEIGHT, image.getHeight());
    }

    @Test
    void severalGatesAndATokenRange() throws IOException {
        Path out = dir.resolve("range.png");
        CommandLineTest.Result result = run("heatmap", "--model", lstm.toString(), "--text", LECTURE,
                "--gate", "u,f,c", "--first", "8", "--count", "3", "--out", out.toString());
        assertEquals(0, result.status(), result.err());
        BufferedImage image = ImageIO.read(out.toFile());
        int panelWidth = 58 + 3 * 22 + 100;
        assertEquals(Math.max(560, 40 + 2 * panelWidth + 28), image.getWidth(), "Γu and Γf side by side");
        assertEquals(40 + 62 + 2 * PANEL_HEIGHT + 20, image.getHeight(), "c under them");
    }

    @Test
    void aGateTheCellLacksIsNamedWithTheGatesItHas() throws IOException {
        Path out = dir.resolve("f.png");
        assertRefused(run("heatmap", "--model", gru.toString(), "--text", LECTURE, "--gate", "f",
                "--out", out.toString()), "gatescope heatmap: gru has no f (its gates: u, r, c_tilde, c, a)");
        assertEquals(List.of(), pngs());
    }

    @Test
    void anUnknownGateNameIsRefused() throws IOException {
        assertRefused(run("heatmap", "--model", lstm.toString(), "--text", LECTURE, "--gate", "input",
                "--out", dir.resolve("x.png").toString()), "--gate must be one of", "'input'");
        assertEquals(List.of(), pngs());
    }

    @Test
    void anEmptyTextIsRefused() throws IOException {
        assertRefused(run("heatmap", "--model", lstm.toString(), "--text", "  ", "--gate", "u",
                "--out", dir.resolve("x.png").toString()), "heatmap: the text is empty");
        assertEquals(List.of(), pngs());
    }

    @Test
    void aMissingOutIsRefused() {
        assertRefused(run("heatmap", "--model", lstm.toString(), "--text", LECTURE, "--gate", "u"),
                "heatmap: --out is required");
    }

    @Test
    void aMissingGateIsRefused() {
        assertRefused(run("heatmap", "--model", lstm.toString(), "--text", LECTURE,
                "--out", dir.resolve("x.png").toString()), "heatmap: --gate is required");
    }

    @Test
    void anOutInAMissingDirectoryIsRefusedAndNothingIsLeft() throws IOException {
        Path out = dir.resolve("no-such-dir").resolve("u.png");
        assertRefused(run("heatmap", "--model", lstm.toString(), "--text", LECTURE, "--gate", "u",
                "--out", out.toString()), "heatmap: cannot write " + out, "does not exist");
        assertEquals(List.of(), pngs());
        assertTrue(Files.notExists(out.getParent()));
    }

    @Test
    void anOutThatIsADirectoryIsRefusedAndLeftAsItWas() throws IOException {
        Path out = Files.createDirectory(dir.resolve("folder.png"));
        assertRefused(run("heatmap", "--model", lstm.toString(), "--text", LECTURE, "--gate", "u",
                "--out", out.toString()), "cannot write " + out + ": it is a directory");
        try (Stream<Path> inside = Files.list(out)) {
            assertEquals(0, inside.count());
        }
    }

    @Test
    void anOutUnderAPlainFileIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "x");
        assertRefused(run("heatmap", "--model", lstm.toString(), "--text", LECTURE, "--gate", "u",
                "--out", file.resolve("u.png").toString()), "cannot write", "is not a directory");
        assertEquals("x", Files.readString(file));
    }

    @Test
    void aFirstTokenBeyondTheTextIsRefused() {
        assertRefused(run("heatmap", "--model", lstm.toString(), "--text", LECTURE, "--gate", "u",
                "--first", "11", "--out", dir.resolve("x.png").toString()),
                "heatmap: --first 11 lies beyond the text's 11 tokens");
    }

    @Test
    void aZeroCountIsRefused() {
        assertRefused(run("heatmap", "--model", lstm.toString(), "--text", LECTURE, "--gate", "u",
                "--count", "0", "--out", dir.resolve("x.png").toString()), "--count must be between 1");
    }

    @Test
    void aTextTooLongForOneImageIsRefusedWithARangeThatFits() throws IOException {
        String text = String.join(" ", Collections.nCopies(200, "the cat ate the fish ."));
        assertRefused(run("heatmap", "--model", lstm.toString(), "--text", text, "--gate", "u",
                "--out", dir.resolve("long.png").toString()),
                "heatmap: the image would be", "draw at most 718 tokens at a time (--first N --count 718)");
        assertEquals(List.of(), pngs());
    }

    @Test
    void anUnknownModelIsRefused() {
        assertRefused(run("heatmap", "--model", "no-such-model", "--text", LECTURE, "--gate", "u",
                "--out", dir.resolve("x.png").toString()), "heatmap", "no-such-model");
    }

    private List<Path> pngs() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> !p.toString().endsWith(".safetensors") && !p.equals(dir)
                    && !Files.isDirectory(p) && !p.getFileName().toString().equals("notes.txt")).toList();
        }
    }
}
