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
import java.util.Arrays;

/**
 * {@link Painter} on a Java2D {@link Graphics2D}: what PNG and GIF exports draw with. Shapes and
 * text are antialiased, text with fractional metrics (the widths {@link AwtText} measures). Over an
 * INT_ARGB image with no transform, {@link #fillCells} writes the pixels directly.
 */
public final class Java2DPainter extends StyledPainter<Java2DPainter.Place> {

    private final Graphics2D g;
    private final BufferedImage image;
    private Path2D.Double path = new Path2D.Double();

    /** The Graphics2D's transform and clip, kept at a save. */
    record Place(AffineTransform transform, Shape clip) {
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
        g.setColor(colour(style.fill));
        g.setFont(AwtText.font(style.font));
        double left = AwtText.left(text, style.font, style.align, x);
        double baseline = y + AwtText.baselineShift(text, style.font, style.baseline);
        g.drawString(text, (float) left, (float) baseline);
    }

    @Override
    public void fillTextUpwards(String text, double x, double y) {
        if (text.isEmpty()) {
            return;
        }
        AffineTransform saved = g.getTransform();
        g.setColor(colour(style.fill));
        g.setFont(AwtText.font(style.font));
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
        if (image != null && g.getTransform().isIdentity() && g.getClip() == null && style.alpha == 1
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
    protected Place keepPlace() {
        return new Place(g.getTransform(), g.getClip());
    }

    @Override
    protected void restorePlace(Place place) {
        g.setTransform(place.transform());
        g.setClip(place.clip());
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
        g.setColor(colour(style.fill));
        g.fill(shape);
    }

    private void stroke(Shape shape) {
        g.setColor(colour(style.stroke));
        g.setStroke(new BasicStroke((float) style.lineWidth, cap(), join(), 10f, dashes(), 0f));
        g.draw(shape);
    }

    private Color colour(Rgba rgba) {
        Rgba shown = style.alpha == 1 ? rgba : rgba.fade(style.alpha);
        return new Color(shown.argb(), true);
    }

    private int cap() {
        return switch (style.cap) {
            case BUTT -> BasicStroke.CAP_BUTT;
            case ROUND -> BasicStroke.CAP_ROUND;
            case SQUARE -> BasicStroke.CAP_SQUARE;
        };
    }

    private int join() {
        return switch (style.join) {
            case MITER -> BasicStroke.JOIN_MITER;
            case ROUND -> BasicStroke.JOIN_ROUND;
            case BEVEL -> BasicStroke.JOIN_BEVEL;
        };
    }

    private float[] dashes() {
        if (style.dashes == null) {
            return null;
        }
        float[] dashes = new float[style.dashes.length];
        for (int i = 0; i < dashes.length; i++) {
            dashes[i] = (float) Math.max(0.01, style.dashes[i]);
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
