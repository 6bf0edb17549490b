package org.gatescope.ui.diagram;

import javafx.scene.paint.Color;
import org.gatescope.engine.Quantity;
import org.gatescope.render.ColorScale;
import org.gatescope.ui.canvas.CanvasTheme;

/**
 * The diagram's colours, all from the stylesheet's {@code -gs-*} colours through
 * {@link CanvasTheme}. Values are filled with the heatmaps' {@link ColorScale} (viridis for the
 * gates, blue–white–red for c̃, c, a), so a colour means the same everywhere in the window;
 * background, text, muted text and hover are the window's, the rest the diagram's own
 * ({@code -gs-diagram-*}).
 */
final class DiagramTheme {

    static final Color BACKGROUND = CanvasTheme.BACKGROUND;
    static final Color TEXT = CanvasTheme.TEXT;
    static final Color MUTED = CanvasTheme.MUTED;
    static final Color DANGER = CanvasTheme.DANGER;
    /** Lines carrying data: the bus, gate signals, products. */
    static final Color LINE = CanvasTheme.color("diagram-line");
    /** The memory line, the conveyor belt. */
    static final Color MEMORY = CanvasTheme.TEXT;
    /** Peephole connections. */
    static final Color PEEPHOLE = CanvasTheme.color("diagram-peephole");
    /** Pointwise operation nodes (Colah draws them pink). */
    static final Color OP_FILL = CanvasTheme.color("diagram-op-fill");
    static final Color OP_STROKE = CanvasTheme.color("diagram-op-stroke");
    /** The matrix-product box (W_hn). */
    static final Color LINEAR_FILL = CanvasTheme.TRACK;
    static final Color PREDICTION_FILL = CanvasTheme.color("diagram-prediction-fill");
    static final Color BOX_STROKE = CanvasTheme.TEXT;
    static final Color SELECTED_UNIT = CanvasTheme.TEXT;
    static final Color HOVER = CanvasTheme.ACCENT;
    static final Color OVERLAY_BACKGROUND = CanvasTheme.color("diagram-overlay");

    private DiagramTheme() {
    }

    /** The fill of {@code value} of {@code quantity}: the heatmaps' colour. */
    static Color fill(Quantity quantity, double value) {
        return color(ColorScale.forQuantity(quantity).argb(value));
    }

    /** Black or white, whichever reads better on {@code background}. */
    static Color textOn(Color background) {
        double luminance = 0.2126 * linear(background.getRed()) + 0.7152 * linear(background.getGreen())
                + 0.0722 * linear(background.getBlue());
        return luminance > 0.23 ? TEXT : Color.WHITE;
    }

    static Color color(int argb) {
        return CanvasTheme.fx(argb);
    }

    private static double linear(double channel) {
        return channel <= 0.04045 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }
}
