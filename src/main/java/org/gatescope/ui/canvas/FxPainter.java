package org.gatescope.ui.canvas;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontPosture;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.gatescope.render.draw.CellGrid;
import org.gatescope.render.draw.DrawFont;
import org.gatescope.render.draw.LineCap;
import org.gatescope.render.draw.LineJoin;
import org.gatescope.render.draw.Painter;
import org.gatescope.render.draw.Rgba;
import org.gatescope.render.draw.TextAlign;
import org.gatescope.render.draw.TextBaseline;

/**
 * {@link Painter} on a JavaFX canvas: how the window's diagram and timeline reach the screen.
 * Text is set and measured in JavaFX fonts ({@link TextWidths}), so on screen it may be a hair
 * wider or narrower than in an export, which Java2D measures; exports never go through here.
 * FX thread only.
 */
public final class FxPainter implements Painter {

    /** The family of the canvases' drawings: the first installed of these, as the exports' Java2D picks. */
    public static final String FAMILY = pickFamily();

    private static final Map<DrawFont, Font> FONTS = new HashMap<>();

    private final GraphicsContext g;
    /** The fill as set through this painter, and as {@link #save} kept it. */
    private Rgba fill = Rgba.BLACK;
    private final java.util.Deque<Rgba> savedFills = new java.util.ArrayDeque<>();

    public FxPainter(GraphicsContext g) {
        this.g = g;
    }

    /** The JavaFX font of {@code font}. */
    public static Font font(DrawFont font) {
        return FONTS.computeIfAbsent(font, f -> Font.font(FAMILY, f.bold() ? FontWeight.BOLD : FontWeight.NORMAL,
                f.italic() ? FontPosture.ITALIC : FontPosture.REGULAR, f.size()));
    }

    /** The JavaFX colour of {@code colour}. */
    public static Color colour(Rgba colour) {
        return CanvasTheme.fx(colour.argb());
    }

    @Override
    public void setFill(Rgba colour) {
        fill = colour;
        g.setFill(colour(colour));
    }

    @Override
    public Rgba getFill() {
        return fill;
    }

    @Override
    public void setStroke(Rgba colour) {
        g.setStroke(colour(colour));
    }

    @Override
    public void setLineWidth(double width) {
        g.setLineWidth(width);
    }

    @Override
    public void setLineDashes(double... dashes) {
        g.setLineDashes(dashes == null || dashes.length == 0 ? null : dashes);
    }

    @Override
    public void setLineCap(LineCap cap) {
        g.setLineCap(switch (cap) {
            case BUTT -> StrokeLineCap.BUTT;
            case ROUND -> StrokeLineCap.ROUND;
            case SQUARE -> StrokeLineCap.SQUARE;
        });
    }

    @Override
    public void setLineJoin(LineJoin join) {
        g.setLineJoin(switch (join) {
            case MITER -> StrokeLineJoin.MITER;
            case ROUND -> StrokeLineJoin.ROUND;
            case BEVEL -> StrokeLineJoin.BEVEL;
        });
    }

    @Override
    public void setGlobalAlpha(double alpha) {
        g.setGlobalAlpha(alpha);
    }

    @Override
    public void setFont(DrawFont font) {
        g.setFont(font(font));
    }

    @Override
    public void setTextAlign(TextAlign align) {
        g.setTextAlign(switch (align) {
            case LEFT -> TextAlignment.LEFT;
            case CENTER -> TextAlignment.CENTER;
            case RIGHT -> TextAlignment.RIGHT;
        });
    }

    @Override
    public void setTextBaseline(TextBaseline baseline) {
        g.setTextBaseline(baseline == TextBaseline.MIDDLE ? VPos.CENTER : VPos.BASELINE);
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        g.fillRect(x, y, w, h);
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        g.strokeRect(x, y, w, h);
    }

    @Override
    public void fillRoundRect(double x, double y, double w, double h, double arcWidth, double arcHeight) {
        g.fillRoundRect(x, y, w, h, arcWidth, arcHeight);
    }

    @Override
    public void strokeRoundRect(double x, double y, double w, double h, double arcWidth, double arcHeight) {
        g.strokeRoundRect(x, y, w, h, arcWidth, arcHeight);
    }

    @Override
    public void fillOval(double x, double y, double w, double h) {
        g.fillOval(x, y, w, h);
    }

    @Override
    public void strokeOval(double x, double y, double w, double h) {
        g.strokeOval(x, y, w, h);
    }

    @Override
    public void strokeLine(double x1, double y1, double x2, double y2) {
        g.strokeLine(x1, y1, x2, y2);
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int n) {
        g.fillPolygon(xs, ys, n);
    }

    @Override
    public void beginPath() {
        g.beginPath();
    }

    @Override
    public void moveTo(double x, double y) {
        g.moveTo(x, y);
    }

    @Override
    public void lineTo(double x, double y) {
        g.lineTo(x, y);
    }

    @Override
    public void bezierCurveTo(double x1, double y1, double x2, double y2, double x, double y) {
        g.bezierCurveTo(x1, y1, x2, y2, x, y);
    }

    @Override
    public void closePath() {
        g.closePath();
    }

    @Override
    public void stroke() {
        g.stroke();
    }

    @Override
    public void fill() {
        g.fill();
    }

    @Override
    public void fillText(String text, double x, double y) {
        g.fillText(text, x, y);
    }

    @Override
    public void fillTextUpwards(String text, double x, double y) {
        g.save();
        g.translate(x, y);
        g.rotate(-90);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BASELINE);
        g.fillText(text, 0, 0);
        g.restore();
    }

    @Override
    public double textWidth(String text, DrawFont font) {
        return TextWidths.of(text, font(font));
    }

    /** One image of the cells, drawn scaled without smoothing. */
    @Override
    public void fillCells(CellGrid grid) {
        if (grid.cols() == 0 || grid.rows() == 0) {
            return;
        }
        WritableImage image = new WritableImage(grid.cols(), grid.rows());
        image.getPixelWriter().setPixels(0, 0, grid.cols(), grid.rows(), PixelFormat.getIntArgbInstance(), grid.argb(),
                0, grid.cols());
        boolean smooth = g.isImageSmoothing();
        g.setImageSmoothing(false);
        g.drawImage(image, grid.x(), grid.y(), grid.cols() * grid.cellWidth(), grid.rows() * grid.cellHeight());
        g.setImageSmoothing(smooth);
    }

    @Override
    public void save() {
        savedFills.push(fill);
        g.save();
    }

    @Override
    public void restore() {
        if (!savedFills.isEmpty()) {
            fill = savedFills.pop();
        }
        g.restore();
    }

    @Override
    public void translate(double x, double y) {
        g.translate(x, y);
    }

    @Override
    public void scale(double sx, double sy) {
        g.scale(sx, sy);
    }

    @Override
    public void clipRect(double x, double y, double w, double h) {
        g.beginPath();
        g.rect(x, y, w, h);
        g.clip();
        g.beginPath();
    }

    private static String pickFamily() {
        List<String> families = Font.getFamilies();
        for (String preferred : List.of("DejaVu Sans", "Liberation Sans", "Segoe UI", "Helvetica Neue", "Arial")) {
            if (families.contains(preferred)) {
                return preferred;
            }
        }
        return Font.getDefault().getFamily();
    }
}
