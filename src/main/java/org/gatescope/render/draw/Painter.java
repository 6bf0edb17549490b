package org.gatescope.render.draw;

/**
 * The one drawing interface of GateScope's views: the cell diagram, the timeline and the heatmaps
 * paint through it, so one painter draws the window's canvas (ui.canvas.FxPainter), a PNG or GIF
 * frame ({@link Java2DPainter}) and a vector SVG ({@link SvgPainter}) — as JFreeChart draws to any
 * Graphics2D. Stateful like JavaFX's GraphicsContext: fill, stroke, line, font and alignment are
 * set, then used by the drawing calls; {@link #save}/{@link #restore} keep and bring back all of it
 * with the transform and the clip. Coordinates are px; transforms are translations and scales.
 *
 * <p>Text is measured by the painter ({@link #textWidth}): the Java2D and SVG back ends measure
 * alike (Java2D's metrics), so an SVG lays out as the PNG does.
 */
public interface Painter {

    void setFill(Rgba colour);

    /** The fill colour set last (or restored). */
    Rgba getFill();

    void setStroke(Rgba colour);

    void setLineWidth(double width);

    /** Dash lengths, on and off; none for a solid line. */
    void setLineDashes(double... dashes);

    void setLineCap(LineCap cap);

    void setLineJoin(LineJoin join);

    /** Multiplies the alpha of everything drawn after, 0..1. */
    void setGlobalAlpha(double alpha);

    void setFont(DrawFont font);

    void setTextAlign(TextAlign align);

    void setTextBaseline(TextBaseline baseline);

    void fillRect(double x, double y, double w, double h);

    void strokeRect(double x, double y, double w, double h);

    /** A rectangle with round corners; arcs are the corner ellipse's full width and height, as in JavaFX. */
    void fillRoundRect(double x, double y, double w, double h, double arcWidth, double arcHeight);

    void strokeRoundRect(double x, double y, double w, double h, double arcWidth, double arcHeight);

    void fillOval(double x, double y, double w, double h);

    void strokeOval(double x, double y, double w, double h);

    void strokeLine(double x1, double y1, double x2, double y2);

    void fillPolygon(double[] xs, double[] ys, int n);

    /** Starts a new path; {@link #moveTo} … then {@link #stroke} or {@link #fill}. */
    void beginPath();

    void moveTo(double x, double y);

    void lineTo(double x, double y);

    void bezierCurveTo(double x1, double y1, double x2, double y2, double x, double y);

    void closePath();

    void stroke();

    void fill();

    /** Draws {@code text} at (x, y) as the alignment and baseline say, in the fill colour. */
    void fillText(String text, double x, double y);

    /**
     * Draws {@code text} reading upwards (turned 90° anticlockwise), its baseline starting at (x, y), in the
     * fill colour; alignment and baseline settings do not apply.
     */
    void fillTextUpwards(String text, double x, double y);

    /** The width of {@code text} set in {@code font}, in px. */
    double textWidth(String text, DrawFont font);

    /** A heatmap's cells (see {@link CellGrid}). */
    void fillCells(CellGrid grid);

    void save();

    void restore();

    void translate(double x, double y);

    void scale(double sx, double sy);

    /** Narrows the clip to the rectangle, until the matching {@link #restore}. */
    void clipRect(double x, double y, double w, double h);

    /** {@code text}, shortened with an ellipsis to fit {@code maxWidth}; "" if not even one letter fits. */
    default String fit(String text, DrawFont font, double maxWidth) {
        if (textWidth(text, font) <= maxWidth) {
            return text;
        }
        for (int n = text.length() - 1; n >= 1; n--) {
            String shorter = text.substring(0, n) + "\u2026";
            if (textWidth(shorter, font) <= maxWidth) {
                return shorter;
            }
        }
        return "";
    }
}
