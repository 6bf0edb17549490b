package org.gatescope.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.gatescope.render.Palette;
import org.gatescope.render.PngExport;
import org.gatescope.render.Theme;

/** Where the image commands draw and write: headless AWT, and {@code --out} as PNG, completely or not at all. */
final class ImageOutput {

    private ImageOutput() {
    }

    /** The option the image commands take, as their usage lines show it. */
    static final String PALETTE_USAGE = " [--palette standard|colourblind]";

    /**
     * Draws with the palette {@code --palette} names (standard unless given), the same colours the
     * window's View ▸ Colour-blind-safe colours shows. {@link CommandLine} puts the previous
     * palette back once the command ends.
     *
     * @throws UsageException if the palette is not one GateScope knows
     */
    static void usePalette(String command, Options options) throws UsageException {
        String id = options.get("palette", Palette.STANDARD.id());
        Palette palette = Palette.fromId(id).orElseThrow(() -> new UsageException(command
                + ": --palette must be standard or colourblind (colour-blind-safe colours), got '" + id + "'"));
        Theme.use(palette);
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
