package org.gatescope.render;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.gatescope.io.AtomicFile;

/**
 * Writes images as PNG, to a file completely or not at all ({@link AtomicFile}), or to bytes.
 * The bytes depend only on the pixels (no timestamps), so the same image gives the same file.
 */
public final class PngExport {

    private PngExport() {
    }

    /**
     * Writes {@code image} to {@code target} as PNG, replacing a file that is there. On
     * failure the target is as it was and no temporary file is left.
     *
     * @param image not modified
     * @throws IOException whose message is the reason in a few words ("it is a directory",
     *     "directory /x does not exist", "permission denied", ...), without the target's
     *     name: callers name the file their own way
     */
    public static void write(BufferedImage image, Path target) throws IOException {
        AtomicFile.write(target, out -> encode(image, out));
    }

    /** {@code image} as PNG bytes. */
    public static byte[] toPng(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try {
            encode(image, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("a PNG in memory failed: " + e.getMessage(), e); // not expected
        }
        return bytes.toByteArray();
    }

    /** Encodes in memory, not through ImageIO's disk cache, which may be unwritable or full. */
    private static void encode(BufferedImage image, OutputStream out) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IOException("this Java has no PNG encoder");
        }
        ImageWriter writer = writers.next();
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(image);
            stream.flush();
        } finally {
            writer.dispose();
        }
    }
}
