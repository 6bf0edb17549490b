package org.gatescope.render.draw;

/**
 * A colour with alpha, as every back end of {@link Painter} takes it: 0xAARRGGBB, the form
 * {@link org.gatescope.render.ColorScale} and {@link org.gatescope.render.Theme} already give.
 */
public record Rgba(int argb) {

    public static final Rgba WHITE = new Rgba(0xFFFFFFFF);
    public static final Rgba BLACK = new Rgba(0xFF000000);

    public static Rgba of(int argb) {
        return new Rgba(argb);
    }

    /** A Java2D colour (Theme's), alpha kept. */
    public static Rgba of(java.awt.Color colour) {
        return new Rgba(colour.getRGB());
    }

    public int red() {
        return argb >> 16 & 0xFF;
    }

    public int green() {
        return argb >> 8 & 0xFF;
    }

    public int blue() {
        return argb & 0xFF;
    }

    /** Alpha, 0..1. */
    public double opacity() {
        return (argb >>> 24) / 255.0;
    }

    /** The same colour with its alpha multiplied by {@code factor} (0..1), as JavaFX's deriveColor does. */
    public Rgba fade(double factor) {
        double f = Math.max(0, Math.min(1, factor));
        int alpha = (int) Math.round((argb >>> 24) * f);
        return new Rgba(alpha << 24 | argb & 0xFFFFFF);
    }

    /** Relative luminance (WCAG), 0..1. */
    public double luminance() {
        return 0.2126 * linear(red() / 255.0) + 0.7152 * linear(green() / 255.0) + 0.0722 * linear(blue() / 255.0);
    }

    /** {@code #rrggbb}, for SVG. */
    public String hex() {
        return String.format(java.util.Locale.ROOT, "#%06x", argb & 0xFFFFFF);
    }

    private static double linear(double channel) {
        return channel <= 0.04045 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }
}
