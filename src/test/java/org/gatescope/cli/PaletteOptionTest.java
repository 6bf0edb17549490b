package org.gatescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.gatescope.TestModels;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.GruReset;
import org.gatescope.io.ModelFiles;
import org.gatescope.render.ColorScale;
import org.gatescope.render.Palette;
import org.gatescope.render.Theme;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --palette colourblind} on the image commands: the PNG is drawn in the colour-blind-safe
 * colours the window's View ▸ Colour-blind-safe colours shows, for that command only.
 */
class PaletteOptionTest {

    private static final String LECTURE = "The cat, which already ate ..., was full.";

    @TempDir
    Path dir;
    private Path lstm;

    @BeforeEach
    void writeModel() throws Exception {
        lstm = dir.resolve("lstm.safetensors");
        ModelFiles.write(lstm, TestModels.random(CellKind.LSTM, GruReset.AFTER, 16, 4, 16, 1));
    }

    @Test
    void aColourBlindHeatmapIsTheSameImageInTheSafeColours() throws Exception {
        BufferedImage standard = heatmap("standard.png");
        BufferedImage safe = heatmap("safe.png", "--palette", "colourblind");
        assertEquals(standard.getWidth(), safe.getWidth());
        assertEquals(standard.getHeight(), safe.getHeight());
        // the colours of positive values in the standard scale (red), which the safe one draws orange
        java.util.Set<Integer> reds = new java.util.HashSet<>();
        for (int level = ColorScale.LEVELS / 2 + 8; level < ColorScale.LEVELS; level++) {
            reds.add(ColorScale.SIGNED.argbAtLevel(level));
        }
        int differ = 0;
        int redBefore = 0;
        int redAfter = 0;
        for (int y = 0; y < safe.getHeight(); y++) {
            for (int x = 0; x < safe.getWidth(); x++) {
                differ += standard.getRGB(x, y) != safe.getRGB(x, y) ? 1 : 0;
                redBefore += reds.contains(standard.getRGB(x, y)) ? 1 : 0;
                redAfter += reds.contains(safe.getRGB(x, y)) ? 1 : 0;
            }
        }
        assertTrue(redBefore > 500, "the standard c<t> panel has red cells: " + redBefore + " px");
        assertTrue(differ > redBefore, "the cells change colour: " + differ + " px");
        assertEquals(0, redAfter, "no red is left: positive values are orange");
        assertEquals(Palette.STANDARD, Theme.palette(), "the palette is the command's only");
        assertTrue(heatmapAgain(standard), "a standard run afterwards is drawn in the standard colours again");
    }

    @Test
    void everyImageCommandTakesThePalette() throws Exception {
        for (String[] command : new String[][] {
            {"saturation", "--model", "gru", "--text", LECTURE},
            {"diff", "--model", "gru", "--text", LECTURE, "--replace", "1=cats"}}) {
            assertFalse(java.util.Arrays.equals(draw(command, "standard"), draw(command, "colourblind")),
                    command[0] + " draws other colours");
        }
        // the reach chart's blue against red (ΔE ≥ 90 for every dichromacy) is safe already: it stays
        String[] reach = {"reach", "--model", "gru", "--text", LECTURE};
        assertTrue(java.util.Arrays.equals(draw(reach, "standard"), draw(reach, "colourblind")));
    }

    private byte[] draw(String[] command, String palette) throws Exception {
        Path out = dir.resolve(command[0] + "-" + palette + ".png");
        CommandLineTest.Result result = CommandLineTest.run(append(command, "--out", out.toString(), "--palette", palette));
        assertEquals(0, result.status(), command[0] + ": " + result.err());
        return Files.readAllBytes(out);
    }

    @Test
    void anUnknownPaletteIsRefusedWithOneLineAndNothingWritten() {
        Path out = dir.resolve("never.png");
        CommandLineTest.Result result = CommandLineTest.run("heatmap", "--model", lstm.toString(), "--text", LECTURE,
                "--gate", "c", "--out", out.toString(), "--palette", "sepia");
        assertEquals(CommandLine.BAD_INPUT, result.status());
        assertEquals("gatescope heatmap: --palette must be standard or colourblind (colour-blind-safe colours), "
                + "got 'sepia'", result.err().strip());
        assertFalse(Files.exists(out));
    }

    private BufferedImage heatmap(String name, String... more) throws Exception {
        Path out = dir.resolve(name);
        String[] args = append(new String[] {"heatmap", "--model", lstm.toString(), "--text", LECTURE, "--gate", "c",
            "--out", out.toString()}, more);
        CommandLineTest.Result result = CommandLineTest.run(args);
        assertEquals(0, result.status(), result.err());
        return ImageIO.read(out.toFile());
    }

    private boolean heatmapAgain(BufferedImage standard) throws Exception {
        BufferedImage again = heatmap("again.png");
        for (int y = 0; y < again.getHeight(); y++) {
            for (int x = 0; x < again.getWidth(); x++) {
                if (again.getRGB(x, y) != standard.getRGB(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String[] append(String[] args, String... more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }
}
