package org.gatescope.render.diagram;

import org.gatescope.engine.Quantity;
import org.gatescope.render.ColorScale;
import org.gatescope.render.Theme;
import org.gatescope.render.draw.Rgba;

/**
 * The diagram's colours, all from the stylesheet's {@code -gs-*} colours through
 * {@link Theme} (as the window's canvases). Values are filled with the heatmaps' {@link ColorScale} (viridis for the
 * gates, blue–white–red for c̃, c, a), so a colour means the same everywhere in the window;
 * background, text, muted text and hover are the window's, the rest the diagram's own
 * ({@code -gs-diagram-*}).
 */
public final class DiagramTheme {

    public static final Rgba BACKGROUND = Rgba.of(Theme.SURFACE);
    public static final Rgba TEXT = Rgba.of(Theme.TEXT);
    public static final Rgba MUTED = Rgba.of(Theme.MUTED);
    public static final Rgba DANGER = Rgba.of(Theme.DANGER);
    /** Lines carrying data: the bus, gate signals, products. */
    public static final Rgba LINE = Rgba.of(Theme.argb("diagram-line"));
    /** The memory line, the conveyor belt. */
    public static final Rgba MEMORY = Rgba.of(Theme.TEXT);
    /** Peephole connections. */
    public static final Rgba PEEPHOLE = Rgba.of(Theme.argb("diagram-peephole"));
    /** Pointwise operation nodes (Colah draws them pink). */
    public static final Rgba OP_FILL = Rgba.of(Theme.argb("diagram-op-fill"));
    public static final Rgba OP_STROKE = Rgba.of(Theme.argb("diagram-op-stroke"));
    /** The matrix-product box (W_hn). */
    public static final Rgba LINEAR_FILL = Rgba.of(Theme.TRACK);
    public static final Rgba PREDICTION_FILL = Rgba.of(Theme.argb("diagram-prediction-fill"));
    public static final Rgba BOX_STROKE = Rgba.of(Theme.TEXT);
    public static final Rgba SELECTED_UNIT = Rgba.of(Theme.TEXT);
    public static final Rgba HOVER = Rgba.of(Theme.ACCENT);
    public static final Rgba OVERLAY_BACKGROUND = Rgba.of(Theme.argb("diagram-overlay"));

    private DiagramTheme() {
    }

    /** The fill of {@code value} of {@code quantity}: the heatmaps' colour. */
    public static Rgba fill(Quantity quantity, double value) {
        return color(ColorScale.forQuantity(quantity).argb(value));
    }

    /** Black or white, whichever reads better on {@code background}. */
    public static Rgba textOn(Rgba background) {
        return background.luminance() > 0.23 ? TEXT : Rgba.WHITE;
    }

    public static Rgba color(int argb) {
        return Rgba.of(argb);
    }

}
