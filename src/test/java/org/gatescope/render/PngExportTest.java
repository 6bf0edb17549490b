package org.gatescope.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.gatescope.engine.CellKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PNG files hold exactly the rendered pixels, and a failed write leaves nothing behind. */
class PngExportTest {

    @TempDir
    Path dir;

    private static BufferedImage heatmap() {
        return HeatmapImage.render(HeatmapImageTest.trace(CellKind.LSTM, 16, HeatmapImageTest.LECTURE),
                HeatmapOptions.defaults());
    }

    @Test
    void writtenPngReadsBackToTheSamePixels() throws IOException {
        BufferedImage image = heatmap();
        Path file = dir.resolve("heatmap.png");
        PngExport.write(image, file);
        BufferedImage back = ImageIO.read(file.toFile());
        assertEquals(image.getWidth(), back.getWidth());
        assertEquals(image.getHeight(), back.getHeight());
        assertArrayEquals(HeatmapImageTest.pixels(image), HeatmapImageTest.pixels(back));
        assertEquals(List.of(file), list(dir), "no temporary file is left");
    }

    @Test
    void bytesAreAPngOfTheSamePixelsAndTheSameEveryTime() throws IOException {
        BufferedImage image = heatmap();
        byte[] png = PngExport.toPng(image);
        assertEquals((byte) 0x89, png[0]);
        assertEquals("PNG", new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII));
        assertArrayEquals(HeatmapImageTest.pixels(image),
                HeatmapImageTest.pixels(ImageIO.read(new ByteArrayInputStream(png))));
        assertArrayEquals(png, PngExport.toPng(heatmap()), "deterministic bytes");
        Path file = dir.resolve("same.png");
        PngExport.write(image, file);
        assertArrayEquals(png, Files.readAllBytes(file));
    }

    @Test
    void aDirectoryAsTargetIsRefusedAndLeftAlone() throws IOException {
        Path target = Files.createDirectory(dir.resolve("out.png"));
        var e = assertThrows(IOException.class, () -> PngExport.write(heatmap(), target));
        assertEquals("it is a directory", e.getMessage());
        assertEquals(List.of(), list(target));
        assertEquals(List.of(target), list(dir));
    }

    @Test
    void aMissingDirectoryIsRefusedAndNothingIsCreated() throws IOException {
        Path target = dir.resolve("missing").resolve("out.png");
        var e = assertThrows(IOException.class, () -> PngExport.write(heatmap(), target));
        assertEquals("directory " + target.getParent() + " does not exist", e.getMessage());
        assertEquals(List.of(), list(dir));
    }

    @Test
    void aFileWhereTheDirectoryShouldBeIsRefused() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("plain.txt"), "x");
        var e = assertThrows(IOException.class, () -> PngExport.write(heatmap(), notADirectory.resolve("out.png")));
        assertEquals(notADirectory + " is not a directory", e.getMessage());
        assertEquals(List.of(notADirectory), list(dir));
    }

    @Test
    void anExistingFileIsReplacedWhole() throws IOException {
        Path file = Files.writeString(dir.resolve("old.png"), "an older export");
        BufferedImage image = heatmap();
        PngExport.write(image, file);
        assertArrayEquals(PngExport.toPng(image), Files.readAllBytes(file));
        assertEquals(List.of(file), list(dir));
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
