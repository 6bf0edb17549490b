package org.gatescope.ui.diagram;

import javafx.scene.paint.Color;
import org.gatescope.engine.Quantity;
import org.gatescope.render.ColorScale;
import org.gatescope.ui.canvas.CssColors;

/**
 * The diagram's colours. Values are filled with the heatmaps' {@link ColorScale} (viridis for
 * the gates, blue–white–red for c̃, c, a), so a colour means the same everywhere in the window;
 * background, text, muted text and hover are the stylesheet's ({@link CssColors}), the rest the diagram's own.
 */
final class DiagramTheme {

    static final Color BACKGROUND = CssColors.SURFACE;
    static final Color TEXT = CssColors.TEXT;
    static final Color MUTED = CssColors.MUTED;
    /** Lines carrying data: the bus, gate signals, products. */
    static final Color LINE = Color.web("#3a4150");
    /** The memory line, the conveyor belt. */
    static final Color MEMORY = Color.web("#1d2330");
    /** Peephole connections. */
    static final Color PEEPHOLE = Color.web("#7b3fa0");
    /** Pointwise operation nodes (Colah draws them pink). */
    static final Color OP_FILL = Color.web("#fbe3ec");
    static final Color OP_STROKE = Color.web("#b0476d");
    /** The matrix-product box (W_hn). */
    static final Color LINEAR_FILL = Color.web("#eef0f3");
    static final Color PREDICTION_FILL = Color.web("#f4f6fb");
    static final Color BOX_STROKE = Color.web("#1d2330");
    static final Color SELECTED_UNIT = Color.web("#1d2330");
    static final Color HOVER = CssColors.ACCENT;
    static final Color OVERLAY_BACKGROUND = Color.web("#fffef8", 0.97);

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
        return Color.rgb(argb >> 16 & 0xFF, argb >> 8 & 0xFF, argb & 0xFF, (argb >>> 24) / 255.0);
    }

    private static double linear(double channel) {
        return channel <= 0.04045 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }
}
