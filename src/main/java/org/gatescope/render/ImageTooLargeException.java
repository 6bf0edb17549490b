package org.gatescope.render;

import java.util.Locale;

/**
 * A heatmap too large to draw: wider or taller than {@link HeatmapImage#MAX_SIDE} pixels, or
 * more than {@link HeatmapImage#MAX_PIXELS} in all. Says how many tokens would fit, so a
 * caller can suggest a token range in its own words.
 */
public final class ImageTooLargeException extends IllegalArgumentException {

    private final long width;
    private final long height;
    private final int maxTokens;

    ImageTooLargeException(long width, long height, int tokens, int maxTokens) {
        super(message(width, height, tokens, maxTokens));
        this.width = width;
        this.height = height;
        this.maxTokens = maxTokens;
    }

    /** The width the image would have had. */
    public long width() {
        return width;
    }

    /** The height the image would have had. */
    public long height() {
        return height;
    }

    /**
     * The most tokens one image of these quantities and cell size can show; 0 if not even one
     * token fits (too many units or panels: fewer quantities or smaller cells are needed).
     */
    public int maxTokens() {
        return maxTokens;
    }

    private static String message(long width, long height, int tokens, int maxTokens) {
        String size = String.format(Locale.ROOT, "the heatmap of %,d tokens would be %,d × %,d px, more than an image "
                + "may have (%,d px a side, %,d Mpx)", tokens, width, height, HeatmapImage.MAX_SIDE,
                HeatmapImage.MAX_PIXELS / 1_000_000);
        return size + (maxTokens > 0
                ? String.format(Locale.ROOT, ": show a token range of at most %,d tokens", maxTokens)
                : ": show fewer quantities or use smaller cells");
    }
}
