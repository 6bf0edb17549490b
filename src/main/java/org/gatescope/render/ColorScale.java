package org.gatescope.render;

import org.gatescope.engine.Quantity;

/**
 * The colours of GateScope's heatmaps, shared by the window and the exported PNGs so both
 * show a value in the same colour.
 *
 * <p>Two scales, both safe for the common colour-vision deficiencies and legible when
 * projected:
 * <ul>
 *   <li>{@link #GATE}: sequential viridis on 0..1 for the Γ gates, dark violet = 0 = shut,
 *       yellow = 1 = open. Its lightness rises monotonically, so a gate reads in grey too.</li>
 *   <li>{@link #SIGNED}: diverging blue ↔ white ↔ red (ColorBrewer's RdBu) on −1..+1 for
 *       c̃, c and a: −1 dark blue, 0 near-white, +1 dark red, the same lightness at v and −v.
 *       An LSTM's c is unbounded; values beyond ±1 take the end colours. With the
 *       colour-blind-safe {@link Palette} it is blue ↔ white ↔ orange instead (RdBu's blue half,
 *       an orange half after ColorBrewer's PuOr, lightness mirrored): protanopes see RdBu's dark
 *       red end as nearly black, while blue and orange stay apart under every dichromacy.</li>
 * </ul>
 *
 * <p>Each scale is a lookup table of {@link #LEVELS} colours, computed once; {@link #argb}
 * is a clamp, a multiply and an array read, cheap enough for every pixel of a canvas.
 * Instances are immutable and thread-safe.
 */
public final class ColorScale {

    /**
     * Colours per scale. Odd, so that the centre of a diverging scale (value 0) has a colour
     * of its own and v and −v sit at mirrored levels.
     */
    public static final int LEVELS = 257;

    /** The colour of a value that is not a number (never produced by a sound model). */
    public static final int MISSING_ARGB = 0xFF9E9E9E;

    /** Viridis (CC0, van der Walt &amp; Smith), 17 samples of matplotlib's table, evenly spaced but the last. */
    private static final int[] VIRIDIS = {
        0x440154, 0x48186A, 0x472D7B, 0x424086, 0x3B528B, 0x33638D, 0x2C728E, 0x26828E, 0x21918C,
        0x1FA088, 0x28AE80, 0x3FBC73, 0x5EC962, 0x84D44B, 0xADDC30, 0xD8E219, 0xFDE725,
    };
    private static final double[] VIRIDIS_AT = viridisPositions();

    /** ColorBrewer RdBu (11 classes), reversed so negative is blue: −1, −0.8, …, 0, …, +1. */
    private static final int[] RED_BLUE = {
        0x053061, 0x2166AC, 0x4393C3, 0x92C5DE, 0xD1E5F0, 0xF7F7F7, 0xFDDBC7, 0xF4A582, 0xD6604D, 0xB2182B,
        0x67001F,
    };

    /**
     * The colour-blind-safe diverging scale: RdBu's blue half, then an orange half (after
     * ColorBrewer's PuOr, darkened at the end so that v and −v have nearly the same lightness).
     */
    private static final int[] ORANGE_BLUE = {
        0x053061, 0x2166AC, 0x4393C3, 0x92C5DE, 0xD1E5F0, 0xF7F7F7, 0xFDDBB0, 0xF9B35E, 0xD9801A, 0xA65606,
        0x5E2C06,
    };

    /** For the Γ gates: 0 (shut) .. 1 (open). Viridis in every palette: it is safe already. */
    public static final ColorScale GATE = new ColorScale(new String[] {"viridis", "viridis"}, 0, 1, false,
            table(VIRIDIS, VIRIDIS_AT), table(VIRIDIS, VIRIDIS_AT));

    /** For c̃, c and a: −1 .. +1, white at 0; blue–white–red, or blue–white–orange in the colour-blind-safe palette. */
    public static final ColorScale SIGNED = new ColorScale(new String[] {"blue-white-red", "blue-white-orange"}, -1, 1,
            true, table(RED_BLUE, evenly(RED_BLUE.length)), table(ORANGE_BLUE, evenly(ORANGE_BLUE.length)));

    /** By {@link Palette#ordinal()}. */
    private final String[] names;
    private final double min;
    private final double max;
    private final boolean diverging;
    /** The lookup table of each palette, by {@link Palette#ordinal()}. */
    private final int[][] luts;

    private ColorScale(String[] names, double min, double max, boolean diverging, int[]... luts) {
        this.names = names;
        this.min = min;
        this.max = max;
        this.diverging = diverging;
        this.luts = luts;
    }

    /** The table of the palette in use ({@link Theme#use}). */
    private int[] lut() {
        return luts[Theme.palette().ordinal()];
    }

    /** {@link #GATE} for gates, {@link #SIGNED} for the candidate, memory cell and activation. */
    public static ColorScale forQuantity(Quantity quantity) {
        return quantity.isGate() ? GATE : SIGNED;
    }

    /** A short name for legends and logs: "viridis" or "blue-white-red". */
    public String name() {
        return names[Theme.palette().ordinal()];
    }

    /** The value of the first colour; smaller values are clamped to it. */
    public double min() {
        return min;
    }

    /** The value of the last colour; larger values are clamped to it. */
    public double max() {
        return max;
    }

    /** Whether the scale is centred on 0 (white there). */
    public boolean isDiverging() {
        return diverging;
    }

    /** Whether {@code value} lies beyond the scale and is drawn in an end colour. */
    public boolean clamps(double value) {
        return value < min || value > max;
    }

    /**
     * The colour of {@code value} as opaque 0xAARRGGBB, as {@code BufferedImage.setRGB} and
     * JavaFX's {@code PixelWriter.setArgb} take it. Values beyond [min, max] get the end
     * colours; NaN gets {@link #MISSING_ARGB}.
     */
    public int argb(double value) {
        return value != value ? MISSING_ARGB : lut()[level(value)];
    }

    /** The level 0..{@code LEVELS − 1} of {@code value} (clamped), mirrored around the centre. */
    public int level(double value) {
        double centred = 2 * (value - min) / (max - min) - 1; // −1 .. +1
        if (centred <= -1) {
            return 0;
        }
        if (centred >= 1) {
            return LEVELS - 1;
        }
        int half = LEVELS / 2;
        // Round the distance from the centre, not the position, so v and −v mirror exactly.
        int offset = (int) (Math.abs(centred) * half + 0.5);
        return centred < 0 ? half - offset : half + offset;
    }

    /** The colour of level {@code i}, 0 = min .. {@code LEVELS − 1} = max. */
    public int argbAtLevel(int i) {
        return lut()[i];
    }

    @Override
    public String toString() {
        return name() + " [" + min + ", " + max + "]";
    }

    private static double[] viridisPositions() {
        double[] at = new double[VIRIDIS.length];
        for (int i = 0; i < at.length - 1; i++) {
            at[i] = 16.0 * i / 255.0; // matplotlib's entries 0, 16, …, 240
        }
        at[at.length - 1] = 1;
        return at;
    }

    private static double[] evenly(int n) {
        double[] at = new double[n];
        for (int i = 0; i < n; i++) {
            at[i] = (double) i / (n - 1);
        }
        return at;
    }

    /** {@link #LEVELS} colours interpolated linearly in sRGB between the anchors. */
    private static int[] table(int[] anchors, double[] positions) {
        int[] lut = new int[LEVELS];
        int segment = 0;
        for (int i = 0; i < LEVELS; i++) {
            double t = (double) i / (LEVELS - 1);
            while (segment < anchors.length - 2 && t > positions[segment + 1]) {
                segment++;
            }
            double f = (t - positions[segment]) / (positions[segment + 1] - positions[segment]);
            f = Math.max(0, Math.min(1, f));
            int a = anchors[segment];
            int b = anchors[segment + 1];
            lut[i] = 0xFF000000 | mix(a >> 16, b >> 16, f) << 16 | mix(a >> 8, b >> 8, f) << 8 | mix(a, b, f);
        }
        return lut;
    }

    private static int mix(int a, int b, double f) {
        int x = a & 0xFF;
        int y = b & 0xFF;
        return (int) Math.round(x + (y - x) * f);
    }
}
