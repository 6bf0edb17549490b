package org.gatescope.render.export;

import java.util.List;
import java.util.Locale;
import org.gatescope.engine.Trace;

/**
 * One slide export, immutable: what the window's Export dialog and the command line's {@code export}
 * both hand to {@link SlideExport}, so the same state gives the same file.
 *
 * @param trace     the traced text; not modified
 * @param modelName named in the heatmaps' title
 * @param step      the token shown (0-based); a GIF runs through every token instead
 * @param scale     1, 2 or 3: pixels per px in a PNG or GIF
 * @param unit      the unit in the diagram's boxes and the timeline's gate bars
 * @param units     the units drawn as lines on the timeline ({@code unit} among them, or it is added)
 * @param delayMillis a GIF's time per frame
 */
public record SlideRequest(Trace trace, String modelName, SlideView view, SlideFormat format, int step, int scale,
                           int unit, List<Integer> units, int delayMillis) {

    public static final int MIN_SCALE = 1;
    public static final int MAX_SCALE = 3;
    public static final int MIN_DELAY = 20;
    public static final int MAX_DELAY = 10_000;
    public static final int DEFAULT_DELAY = 600;
    /** A GIF has one frame per token; beyond this many it is no longer a slide but a film (and megabytes). */
    public static final int MAX_GIF_FRAMES = 200;

    public SlideRequest {
        units = List.copyOf(units);
        modelName = modelName == null ? "" : modelName;
    }

    /**
     * Checks what a user may have got wrong, with one line that says what to change.
     *
     * @throws SlideExportException when the step, unit, scale, delay or the GIF's length is out of range
     */
    public SlideRequest validated() throws SlideExportException {
        int length = trace.length();
        if (step < 0 || step >= length) {
            throw new SlideExportException("step " + step + " lies outside the text's " + length + " tokens (0.."
                    + (length - 1) + ", counted from 0)");
        }
        if (scale < MIN_SCALE || scale > MAX_SCALE) {
            throw new SlideExportException("the scale must be 1, 2 or 3, not " + scale);
        }
        for (int u : units.isEmpty() ? List.of(unit) : concat(unit, units)) {
            if (u < 0 || u >= trace.hidden()) {
                throw new SlideExportException("unit " + u + " is not one of the model's units 0.." + (trace.hidden() - 1));
            }
        }
        if (delayMillis < MIN_DELAY || delayMillis > MAX_DELAY) {
            throw new SlideExportException("a GIF frame lasts " + MIN_DELAY + " to " + MAX_DELAY + " ms, not "
                    + delayMillis);
        }
        if (format == SlideFormat.GIF) {
            if (!view.stepsThroughTheSentence()) {
                throw new SlideExportException("a GIF steps through the sentence: export the diagram, the timeline"
                        + " or all as GIF, the heatmaps as PNG or SVG");
            }
            requireGifFrames(length);
        }
        return this;
    }

    /** Refuses a text too long for a GIF (one frame per token) before anything is traced or drawn. */
    public static void requireGifFrames(int tokens) throws SlideExportException {
        if (tokens > MAX_GIF_FRAMES) {
            throw new SlideExportException(String.format(Locale.ROOT, "a GIF has one frame per token: this text"
                    + " has %,d tokens, at most %,d make a GIF; shorten the text, or export a PNG or SVG of one"
                    + " step", tokens, MAX_GIF_FRAMES));
        }
    }

    /** The timeline's lines: {@code units}, with {@code unit} added first when missing. */
    public List<Integer> timelineUnits() {
        return units.contains(unit) ? units : concat(unit, units);
    }

    private static List<Integer> concat(int first, List<Integer> rest) {
        java.util.ArrayList<Integer> all = new java.util.ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return List.copyOf(all);
    }

    /** The same export at another step (a GIF's frames). */
    public SlideRequest atStep(int t) {
        return new SlideRequest(trace, modelName, view, format, t, scale, unit, units, delayMillis);
    }
}
