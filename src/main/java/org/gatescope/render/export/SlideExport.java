package org.gatescope.render.export;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gatescope.io.AtomicFile;
import org.gatescope.io.TraceCsv;
import org.gatescope.render.HeatmapImage;
import org.gatescope.render.PngExport;
import org.gatescope.render.draw.Java2DPainter;
import org.gatescope.render.draw.SvgPainter;

/**
 * Makes a slide: the diagram, timeline or heatmaps of a trace as SVG, PNG (1×, 2×, 3×) or an animated
 * GIF (one frame per token), or the trace's numbers as CSV. The window's Export dialog and the command
 * line's {@code export} both call it with a {@link SlideRequest}, so the same state gives the same
 * bytes: pixels are always drawn by Java2D, text measured by Java2D, whatever the screen shows.
 * Everything is made in memory before a file is touched, and written completely or not at all.
 */
public final class SlideExport {

    private SlideExport() {
    }

    /**
     * Writes {@code request}'s file to {@code target}, replacing one that is there; on failure the
     * target is as it was.
     *
     * @throws SlideExportException if the request is out of range (the message says what to change)
     * @throws IOException if the file cannot be written (the reason in a few words, without the name)
     */
    public static void write(SlideRequest request, Path target) throws SlideExportException, IOException {
        byte[] bytes = encode(request);
        AtomicFile.write(target, out -> out.write(bytes));
    }

    /** The file's bytes. */
    public static byte[] encode(SlideRequest request) throws SlideExportException {
        request.validated();
        return switch (request.format()) {
            case SVG -> svg(request).getBytes(StandardCharsets.UTF_8);
            case PNG -> PngExport.toPng(image(request));
            case GIF -> gif(request);
            case CSV -> csv(request).getBytes(StandardCharsets.UTF_8);
        };
    }

    /** The picture at the request's step and scale, as pixels (the PNG; Copy image). */
    public static BufferedImage image(SlideRequest request) throws SlideExportException {
        request.validated();
        return image(new SlidePicture(request), request.step(), request.scale());
    }

    /** The picture at the request's step as an SVG document (its scale does not apply: vectors scale). */
    public static String svg(SlideRequest request) throws SlideExportException {
        request.validated();
        SlidePicture picture = new SlidePicture(request);
        SvgPainter svg = new SvgPainter(picture.width(), picture.height());
        picture.paint(svg, request.step());
        return svg.document();
    }

    /** Every quantity per step and unit, one row each ({@link TraceCsv#writePerUnit}). */
    public static String csv(SlideRequest request) throws SlideExportException {
        request.validated();
        StringBuilder text = new StringBuilder();
        try {
            TraceCsv.writePerUnit(request.trace(), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return text.toString();
    }

    /** A name for the file: "gatescope-diagram-step3.png", "gatescope-timeline.gif". */
    public static String suggestedName(SlideRequest request) {
        String step = request.format() == SlideFormat.GIF || request.format() == SlideFormat.CSV
                || request.view() == SlideView.HEATMAPS ? "" : "-step" + (request.step() + 1);
        String view = request.format() == SlideFormat.CSV ? "trace" : request.view().id();
        String scale = request.format().isRaster() && request.scale() > 1 ? "@" + request.scale() + "x" : "";
        return "gatescope-" + view + step + scale + "." + request.format().id();
    }

    private static byte[] gif(SlideRequest request) throws SlideExportException {
        SlidePicture picture = new SlidePicture(request);
        checkSize(picture, request.scale(), request.trace().length());
        List<BufferedImage> frames = new ArrayList<>(request.trace().length());
        for (int t = 0; t < request.trace().length(); t++) {
            frames.add(rgb(image(picture, t, request.scale())));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 18);
        try {
            GifAnimation.write(frames, request.delayMillis(), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("a GIF in memory failed: " + e.getMessage(), e); // not expected
        }
        return bytes.toByteArray();
    }

    private static BufferedImage image(SlidePicture picture, int step, int scale) throws SlideExportException {
        checkSize(picture, scale, 1);
        int width = (int) Math.ceil(picture.width() * scale);
        int height = (int) Math.ceil(picture.height() * scale);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = image.createGraphics();
        try {
            Java2DPainter painter = new Java2DPainter(graphics, image);
            painter.scale(scale, scale);
            picture.paint(painter, step);
        } finally {
            graphics.dispose();
        }
        return image;
    }

    /** Refuses a picture whose pixels (times its frames) would not fit in memory comfortably. */
    private static void checkSize(SlidePicture picture, int scale, int frames) throws SlideExportException {
        double pixels = picture.width() * scale * picture.height() * scale;
        if (pixels > HeatmapImage.MAX_PIXELS || pixels * frames > 4 * HeatmapImage.MAX_PIXELS) {
            throw new SlideExportException(String.format(Locale.ROOT, "the picture would be %,d × %,d px%s: too"
                    + " large; export at a smaller scale or a shorter text", Math.round(picture.width() * scale),
                    Math.round(picture.height() * scale), frames > 1 ? " × " + frames + " frames" : ""));
        }
    }

    /** GIF has no alpha: the opaque frame as RGB. */
    private static BufferedImage rgb(BufferedImage argb) {
        BufferedImage rgb = new BufferedImage(argb.getWidth(), argb.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.drawImage(argb, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }
}
