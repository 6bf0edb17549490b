package org.gatescope.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.gatescope.render.PngExport;

/** Where the image commands draw and write: headless AWT, and {@code --out} as PNG, completely or not at all. */
final class ImageOutput {

    private ImageOutput() {
    }

    /** Draws without a display unless the user asked for one ({@code -Djava.awt.headless=false}). */
    static void useHeadlessGraphics() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /**
     * Writes {@code image} to {@code outFile} ({@link PngExport}: on failure the file is as it
     * was) and says so on stderr: "wrote FILE (W×H px)", then {@code note} if there is one.
     *
     * @param note a few words more for the "wrote" line, or null
     */
    static void write(String command, BufferedImage image, String outFile, PrintStream err, String note)
            throws UsageException {
        try {
            PngExport.write(image, Path.of(outFile));
        } catch (IOException e) {
            throw new UsageException(command + ": cannot write " + outFile + ": " + e.getMessage());
        }
        err.println("wrote " + outFile + " (" + image.getWidth() + "×" + image.getHeight() + " px)"
                + (note == null ? "" : ": " + note));
    }
}
