package org.gatescope.render.draw;

/**
 * A font as the painters ask for it: GateScope's one sans-serif family (each back end resolves it:
 * DejaVu Sans where installed), a size in px, bold and italic. Immutable.
 */
public record DrawFont(double size, boolean bold, boolean italic) {

    public DrawFont {
        if (!(size > 0) || Double.isInfinite(size)) {
            throw new IllegalArgumentException("a font size must be positive: " + size);
        }
    }

    public static DrawFont plain(double size) {
        return new DrawFont(size, false, false);
    }

    public static DrawFont bold(double size) {
        return new DrawFont(size, true, false);
    }

    public static DrawFont of(double size, boolean bold) {
        return new DrawFont(size, bold, false);
    }

    public static DrawFont italic(double size, boolean bold) {
        return new DrawFont(size, bold, true);
    }
}
