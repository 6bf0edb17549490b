package org.gatescope.ui.task;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.Trace;
import org.gatescope.render.ChartTitle;
import org.gatescope.render.HeatmapImage;
import org.gatescope.render.HeatmapOptions;
import org.gatescope.render.ImageTooLargeException;
import org.gatescope.render.PngExport;

/**
 * The window's "Export heatmaps as PNG…" and "Copy image": drawn from the trace by render's
 * {@link HeatmapImage} with the options {@code gatescope heatmap} uses, so the window and the
 * command line give the same pixels for the same model, text and gate; written by
 * {@link PngExport}, completely or not at all. Never a screenshot of a node.
 *
 * <p>Stateless and thread-safe: the view model calls it on the worker thread.
 */
public class HeatmapExportService {


    public HeatmapExportService() {
        // stateless: rendering and writing depend only on their arguments
    }

    /** A rendered heatmap image and which tokens it shows. */
    public record Rendered(BufferedImage image, Quantity gate, int firstToken, int tokenCount, int totalTokens) {

        /** "the Γu heatmap, 600 × 300 px" or "all heatmaps (tokens 1–700 of 5,000), …". */
        public String describe() {
            String what = gate == null ? "all heatmaps" : "the " + gate.symbol() + " heatmap";
            if (tokenCount < totalTokens) {
                what += String.format(Locale.ROOT, " (tokens %,d\u2013%,d of %,d: the most one image holds)",
                        firstToken + 1, firstToken + tokenCount, totalTokens);
            }
            return what + String.format(Locale.ROOT, ", %d \u00D7 %d px", image.getWidth(), image.getHeight());
        }
    }

    /**
     * The options {@code gatescope heatmap --model M --gate G [--first N --count K]} draws with.
     *
     * @param gate one quantity, or null for every quantity the cell has ({@code --gate all})
     * @param modelName a bundled model's name or a file's path; its file name goes in the title
     */
    public static HeatmapOptions options(Trace trace, Quantity gate, String modelName, int first, int count) {
        List<Quantity> quantities = gate == null ? trace.quantities() : List.of(gate);
        return HeatmapOptions.defaults().withQuantities(quantities).withTokenRange(first, count)
                .withTitle(ChartTitle.modelName(modelName));
    }

    /**
     * Draws the heatmaps of the whole text; a text too long for one image gets the longest
     * range of tokens that fits, centred on token {@code around}.
     */
    public Rendered render(Trace trace, Quantity gate, String modelName, int around) {
        try {
            BufferedImage image = HeatmapImage.render(trace, options(trace, gate, modelName, 0, HeatmapOptions.TO_END));
            return new Rendered(image, gate, 0, trace.length(), trace.length());
        } catch (ImageTooLargeException e) {
            int fits = e.maxTokens();
            if (fits <= 0) {
                throw e;
            }
            int first = Math.max(0, Math.min(around - fits / 2, trace.length() - fits));
            BufferedImage image = HeatmapImage.render(trace, options(trace, gate, modelName, first, fits));
            return new Rendered(image, gate, first, fits, trace.length());
        }
    }

    /** Renders as {@link #render} and writes the PNG atomically: on failure no file, not even part of one. */
    public Rendered export(Trace trace, Quantity gate, String modelName, int around, Path target) throws IOException {
        Rendered rendered = render(trace, gate, modelName, around);
        PngExport.write(rendered.image(), target);
        return rendered;
    }

    /** A failure in the user's words: its message, or its kind when it has none. */
    public static String describe(Throwable failure) {
        if (failure instanceof java.nio.file.AccessDeniedException e) {
            return "permission denied (" + e.getFile() + ")";
        }
        if (failure instanceof java.nio.file.NoSuchFileException e) {
            return "no such folder (" + e.getFile() + ")";
        }
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }
}
