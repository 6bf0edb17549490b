package org.gatescope.render.export;

import java.util.Locale;
import java.util.Optional;

/** What a slide export draws: the cell diagram, the timeline, the heatmaps, or all of them stacked. */
public enum SlideView {
    DIAGRAM, TIMELINE, HEATMAPS, ALL;

    /** The name on the command line and in file names: diagram, timeline, heatmaps, all. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SlideView> fromId(String id) {
        for (SlideView view : values()) {
            if (view.id().equals(id.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(view);
            }
        }
        return Optional.empty();
    }

    /** Whether it changes from token to token (a GIF steps through it): everything but the heatmaps alone. */
    public boolean stepsThroughTheSentence() {
        return this != HEATMAPS;
    }
}
