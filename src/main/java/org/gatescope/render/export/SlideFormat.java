package org.gatescope.render.export;

import java.util.Locale;
import java.util.Optional;

/** The file a slide export writes: a vector SVG, a PNG, an animated GIF (one frame per token) or a CSV of the numbers. */
public enum SlideFormat {
    SVG, PNG, GIF, CSV;

    /** The name on the command line, and the file extension: svg, png, gif, csv. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SlideFormat> fromId(String id) {
        for (SlideFormat format : values()) {
            if (format.id().equals(id.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** Whether the file is pixels, drawn at a scale. */
    public boolean isRaster() {
        return this == PNG || this == GIF;
    }
}
