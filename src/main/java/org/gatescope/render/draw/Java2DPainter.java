package org.gatescope.render.draw;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * {@link Painter} on a Java2D {@link Graphics2D}: what PNG and GIF exports draw with. Shapes and
 * text are antialiased, text with fractional metrics (the widths {@link AwtText} measures). Over an
 * INT_ARGB image with no transform, {@link #fillCells} writes the pixels directly.
 */
public final class Java2DPainter implements Painter {

    private final Graphics2D g;
    private final BufferedImage image;
    private final Deque<State> saved = new ArrayDeque<>();
    private State state = new State();
    private Path2D.Double path = new Path2D.Double();

    /** The state {@link #save} keeps; the Graphics2D's transform and clip are kept beside it. */
    private static final class State implements Cloneable {
        Rgba fill = Rgba.BLACK;
        Rgba stroke = Rgba.BLACK;
        double lineWidth = 1;
        double[] dashes;
        LineCap cap = LineCap.BUTT;
        LineJoin join = LineJoin.MITER;
        double alpha = 1;
        DrawFont font = DrawFont.plain(12);
        TextAlign align = TextAlign.LEFT;
        TextBaseline baseline = TextBaseline.ALPHABETIC;
        AffineTransform transform;
        Shape clip;

        State copy() {
            try {
                return (State) clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }
    }

    /**
     * Paints on {@code g}, which this painter configures (hints) and draws on; the caller disposes it.
     *
     * @param image the image {@code g} draws on, for the fast cell grid; null if none
     */
    public Java2DPainter(Graphics2D g, BufferedImage image) {
        this.g = g;
        this.image = image != null && image.getType() == BufferedImage.TYPE_INT_ARGB ? image : null;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }

    /** Turns shape antialiasing off (crisp axis-aligned rectangles on whole pixels, as the heatmaps draw) or on. */
    public void setShapeAntialiasing(boolean on) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING,
                on ? RenderingHints.VALUE_ANTIALIAS_ON : RenderingHints.VALUE_ANTIALIAS_OFF);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL,
                on ? RenderingHints.VALUE_STROKE_PURE : RenderingHints.VALUE_STROKE_NORMALIZE);
    }

    @Override
    public void setFill(Rgba colour) {
        state.fill = colour;
    }

    @Override
    public Rgba getFill() {
        return state.fill;
    }

    @Override
    public void setStroke(Rgba colour) {
        state.stroke = colour;
    }

    @Override
    public void setLineWidth(double width) {
        state.lineWidth = width;
    }

    @Override
    public void setLineDashes(double... dashes) {
        state.dashes = dashes == null || dashes.length == 0 ? null : dashes.clone();
    }

    @Override
    public void setLineCap(LineCap cap) {
        state.cap = cap;
    }

    @Override
    public void setLineJoin(LineJoin join) {
        state.join = join;
    }

    @Override
    public void setGlobalAlpha(double alpha) {
        state.alpha = Math.max(0, Math.min(1, alpha));
    }

    @Override
    public void setFont(DrawFont font) {
        state.font = font;
    }

    @Override
    public void setTextAlign(TextAlign align) {
        state.align = align;
    }

    @Override
    public void setTextBaseline(TextBaseline baseline) {
        state.baseline = baseline;
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        fill(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        stroke(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void fillRoundRect(double x, double y, double w, double h, double arcWidth, double arcHeight) {
        fill(new RoundRectangle2D.Double(x, y, w, h, arcWidth, arcHeight));
    }

    @Override
    public void strokeRoundRect(double x, double y, double w, double h, double arcWidth, double arcHeight) {
        stroke(new RoundRectangle2D.Double(x, y, w, h, arcWidth, arcHeight));
    }

    @Override
    public void fillOval(double x, double y, double w, double h) {
        fill(new Ellipse2D.Double(x, y, w, h));
    }

    @Override
    public void strokeOval(double x, double y, double w, double h) {
        stroke(new Ellipse2D.Double(x, y, w, h));
    }

    @Override
    public void strokeLine(double x1, double y1, double x2, double y2) {
        stroke(new Line2D.Double(x1, y1, x2, y2));
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int n) {
        Path2D.Double polygon = new Path2D.Double();
        for (int i = 0; i < n; i++) {
            if (i == 0) {
                polygon.moveTo(xs[i], ys[i]);
            } else {
                polygon.lineTo(xs[i], ys[i]);
            }
        }
        polygon.closePath();
        fill(polygon);
    }

    @Override
    public void beginPath() {
        path = new Path2D.Double();
    }

    @Override
    public void moveTo(double x, double y) {
        path.moveTo(x, y);
    }

    @Override
    public void lineTo(double x, double y) {
        if (path.getCurrentPoint() == null) {
            path.moveTo(x, y);
        } else {
            path.lineTo(x, y);
        }
    }

    @Override
    public void bezierCurveTo(double x1, double y1, double x2, double y2, double x, double y) {
        path.curveTo(x1, y1, x2, y2, x, y);
    }

    @Override
    public void closePath() {
        path.closePath();
    }

    @Override
    public void stroke() {
        stroke(path);
    }

    @Override
    public void fill() {
        fill(path);
    }

    @Override
    public void fillText(String text, double x, double y) {
        if (text.isEmpty()) {
            return;
        }
        g.setColor(colour(state.fill));
        g.setFont(AwtText.font(state.font));
        double left = AwtText.left(text, state.font, state.align, x);
        double baseline = y + AwtText.baselineShift(text, state.font, state.baseline);
        g.drawString(text, (float) left, (float) baseline);
    }

    @Override
    public void fillTextUpwards(String text, double x, double y) {
        if (text.isEmpty()) {
            return;
        }
        AffineTransform saved = g.getTransform();
        g.setColor(colour(state.fill));
        g.setFont(AwtText.font(state.font));
        g.translate(x, y);
        g.rotate(-Math.PI / 2);
        g.drawString(text, 0, 0);
        g.setTransform(saved);
    }

    @Override
    public double textWidth(String text, DrawFont font) {
        return AwtText.width(text, font);
    }

    @Override
    public void fillCells(CellGrid grid) {
        if (image != null && g.getTransform().isIdentity() && g.getClip() == null && state.alpha == 1
                && whole(grid.x()) && whole(grid.y()) && whole(grid.cellWidth()) && whole(grid.cellHeight())
                && fitsImage(grid)) {
            writePixels(grid);
            return;
        }
        for (int row = 0; row < grid.rows(); row++) {
            for (int col = 0; col < grid.cols(); col++) {
                int argb = grid.colour(row, col);
                double x = grid.x() + col * grid.cellWidth();
                double y = grid.y() + row * grid.cellHeight();
                g.setColor(colour(new Rgba(argb)));
                g.fill(new Rectangle2D.Double(x, y, grid.cellWidth(), grid.cellHeight()));
                if (grid.gridLines()) {
                    g.setColor(colour(new Rgba(CellGrid.lighten(argb))));
                    if (row > 0) {
                        g.fill(new Rectangle2D.Double(x, y, grid.cellWidth(), 1));
                    }
                    if (col > 0) {
                        g.fill(new Rectangle2D.Double(x, y, 1, grid.cellHeight()));
                    }
                }
            }
        }
    }

    @Override
    public void save() {
        State kept = state.copy();
        kept.dashes = state.dashes == null ? null : state.dashes.clone();
        kept.transform = g.getTransform();
        kept.clip = g.getClip();
        saved.push(kept);
    }

    @Override
    public void restore() {
        if (saved.isEmpty()) {
            return;
        }
        state = saved.pop();
        g.setTransform(state.transform);
        g.setClip(state.clip);
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
        g.clip(new Rectangle2D.Double(x, y, w, h));
    }

    private void fill(Shape shape) {
        g.setColor(colour(state.fill));
        g.fill(shape);
    }

    private void stroke(Shape shape) {
        g.setColor(colour(state.stroke));
        g.setStroke(new BasicStroke((float) state.lineWidth, cap(), join(), 10f, dashes(), 0f));
        g.draw(shape);
    }

    private Color colour(Rgba rgba) {
        Rgba shown = state.alpha == 1 ? rgba : rgba.fade(state.alpha);
        return new Color(shown.argb(), true);
    }

    private int cap() {
        return switch (state.cap) {
            case BUTT -> BasicStroke.CAP_BUTT;
            case ROUND -> BasicStroke.CAP_ROUND;
            case SQUARE -> BasicStroke.CAP_SQUARE;
        };
    }

    private int join() {
        return switch (state.join) {
            case MITER -> BasicStroke.JOIN_MITER;
            case ROUND -> BasicStroke.JOIN_ROUND;
            case BEVEL -> BasicStroke.JOIN_BEVEL;
        };
    }

    private float[] dashes() {
        if (state.dashes == null) {
            return null;
        }
        float[] dashes = new float[state.dashes.length];
        for (int i = 0; i < dashes.length; i++) {
            dashes[i] = (float) Math.max(0.01, state.dashes[i]);
        }
        return dashes;
    }

    private static boolean whole(double v) {
        return v == Math.rint(v);
    }

    private boolean fitsImage(CellGrid grid) {
        return grid.x() >= 0 && grid.y() >= 0 && grid.x() + grid.cols() * grid.cellWidth() <= image.getWidth()
                && grid.y() + grid.rows() * grid.cellHeight() <= image.getHeight();
    }

    /** Cell by cell into the raster: a heatmap of thousands of tokens stays fast. */
    private void writePixels(CellGrid grid) {
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        int stride = image.getWidth();
        int cw = (int) grid.cellWidth();
        int ch = (int) grid.cellHeight();
        int x0 = (int) grid.x();
        int y0 = (int) grid.y();
        for (int row = 0; row < grid.rows(); row++) {
            int top = y0 + row * ch;
            for (int col = 0; col < grid.cols(); col++) {
                int argb = grid.colour(row, col);
                int line = grid.gridLines() ? CellGrid.lighten(argb) : argb;
                int left = x0 + col * cw;
                for (int y = top; y < top + ch; y++) {
                    int start = y * stride + left;
                    if (y == top && row > 0) {
                        Arrays.fill(pixels, start, start + cw, line);
                    } else {
                        Arrays.fill(pixels, start, start + cw, argb);
                        if (col > 0) {
                            pixels[start] = line;
                        }
                    }
                }
            }
        }
    }
}
