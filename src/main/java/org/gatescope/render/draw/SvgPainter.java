package org.gatescope.render.draw;

import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.util.Locale;

/**
 * {@link Painter} that writes an SVG 1.1 document: vector shapes, text kept as {@code <text>} (so a
 * slide can be edited and searched), measured as the Java2D back end measures ({@link AwtText}),
 * so the SVG lays out as the PNG. The document depends only on what was drawn: the same scene gives
 * the same bytes. Transforms may translate and scale (no rotation); coordinates are written in the
 * document's own px, with two decimals.
 */
public final class SvgPainter extends StyledPainter<SvgPainter.Place> {

    private final double width;
    private final double height;
    private final StringBuilder body = new StringBuilder(1 << 16);
    private final StringBuilder defs = new StringBuilder();
    private final StringBuilder path = new StringBuilder();
    private int clips;
    /** The clip of the open {@code <g>}, or 0 when none is open. */
    private int openClip;

    /** The transform and clip, kept at a save. */
    record Place(AffineTransform transform, double[] clip, int clipId) {
    }

    /** Transforms may translate and scale. */
    private AffineTransform transform = new AffineTransform();
    /** The clip, in the document's px, or null. */
    private double[] clip;
    private int clipId;

    /** A document of {@code width} × {@code height} px. */
    public SvgPainter(double width, double height) {
        this.width = width;
        this.height = height;
    }

    /** The document so far, complete (it may be taken more than once). */
    public String document() {
        StringBuilder out = new StringBuilder(body.length() + defs.length() + 400);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(num(width))
                .append("\" height=\"").append(num(height)).append("\" viewBox=\"0 0 ").append(num(width)).append(' ')
                .append(num(height)).append("\" font-family=\"").append(escape(families()))
                .append("\" xml:space=\"preserve\">\n");
        if (defs.length() > 0) {
            out.append("<defs>\n").append(defs).append("</defs>\n");
        }
        out.append(body);
        if (openClip != 0) {
            out.append("</g>\n");
        }
        out.append("</svg>\n");
        return out.toString();
    }

    /** The family the text was measured in, then DejaVu Sans, then any sans-serif. */
    private static String families() {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>(
                java.util.List.of(AwtText.FAMILY.equals(java.awt.Font.SANS_SERIF) ? "DejaVu Sans" : AwtText.FAMILY,
                        "DejaVu Sans", "sans-serif"));
        return String.join(", ", names);
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        element("<rect" + rect(x, y, w, h) + fillAttributes() + "/>");
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        element("<rect" + rect(x, y, w, h) + strokeAttributes() + "/>");
    }

    @Override
    public void fillRoundRect(double x, double y, double w, double h, double arcWidth, double arcHeight) {
        element("<rect" + rect(x, y, w, h) + corners(w, h, arcWidth, arcHeight) + fillAttributes() + "/>");
    }

    @Override
    public void strokeRoundRect(double x, double y, double w, double h, double arcWidth, double arcHeight) {
        element("<rect" + rect(x, y, w, h) + corners(w, h, arcWidth, arcHeight) + strokeAttributes() + "/>");
    }

    @Override
    public void fillOval(double x, double y, double w, double h) {
        element("<ellipse" + ellipse(x, y, w, h) + fillAttributes() + "/>");
    }

    @Override
    public void strokeOval(double x, double y, double w, double h) {
        element("<ellipse" + ellipse(x, y, w, h) + strokeAttributes() + "/>");
    }

    @Override
    public void strokeLine(double x1, double y1, double x2, double y2) {
        Point2D a = map(x1, y1);
        Point2D b = map(x2, y2);
        element("<line x1=\"" + num(a.getX()) + "\" y1=\"" + num(a.getY()) + "\" x2=\"" + num(b.getX()) + "\" y2=\""
                + num(b.getY()) + "\"" + strokeAttributes() + "/>");
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int n) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < n; i++) {
            Point2D p = map(xs[i], ys[i]);
            if (i > 0) {
                points.append(' ');
            }
            points.append(num(p.getX())).append(',').append(num(p.getY()));
        }
        element("<polygon points=\"" + points + "\"" + fillAttributes() + "/>");
    }

    @Override
    public void beginPath() {
        path.setLength(0);
    }

    @Override
    public void moveTo(double x, double y) {
        Point2D p = map(x, y);
        path.append(path.length() == 0 ? "M" : " M").append(num(p.getX())).append(' ').append(num(p.getY()));
    }

    @Override
    public void lineTo(double x, double y) {
        Point2D p = map(x, y);
        path.append(path.length() == 0 ? "M" : " L").append(num(p.getX())).append(' ').append(num(p.getY()));
    }

    @Override
    public void bezierCurveTo(double x1, double y1, double x2, double y2, double x, double y) {
        Point2D a = map(x1, y1);
        Point2D b = map(x2, y2);
        Point2D c = map(x, y);
        path.append(" C").append(num(a.getX())).append(' ').append(num(a.getY())).append(' ').append(num(b.getX()))
                .append(' ').append(num(b.getY())).append(' ').append(num(c.getX())).append(' ')
                .append(num(c.getY()));
    }

    @Override
    public void closePath() {
        if (path.length() > 0) {
            path.append(" Z");
        }
    }

    @Override
    public void stroke() {
        if (path.length() > 0) {
            element("<path d=\"" + path + "\"" + strokeAttributes() + "/>");
        }
    }

    @Override
    public void fill() {
        if (path.length() > 0) {
            element("<path d=\"" + path + "\"" + fillAttributes() + "/>");
        }
    }

    @Override
    public void fillText(String text, double x, double y) {
        String shown = xmlSafe(text);
        if (shown.isEmpty()) {
            return;
        }
        double scale = scaleY();
        double baseline = y + AwtText.baselineShift(shown, style.font, style.baseline);
        Point2D p = map(x, baseline);
        DrawFont font = style.font;
        StringBuilder element = new StringBuilder("<text x=\"").append(num(p.getX())).append("\" y=\"")
                .append(num(p.getY())).append("\" font-size=\"").append(num(font.size() * scale)).append('"');
        if (font.bold()) {
            element.append(" font-weight=\"bold\"");
        }
        if (font.italic()) {
            element.append(" font-style=\"italic\"");
        }
        if (style.align != TextAlign.LEFT) {
            element.append(" text-anchor=\"").append(style.align == TextAlign.CENTER ? "middle" : "end").append('"');
        }
        element.append(fillAttributes()).append('>').append(escape(shown)).append("</text>");
        element(element.toString());
    }

    @Override
    public void fillTextUpwards(String text, double x, double y) {
        String shown = xmlSafe(text);
        if (shown.isEmpty()) {
            return;
        }
        Point2D p = map(x, y);
        DrawFont font = style.font;
        String at = num(p.getX()) + " " + num(p.getY());
        element("<text x=\"" + num(p.getX()) + "\" y=\"" + num(p.getY()) + "\" transform=\"rotate(-90 " + at
                + ")\" font-size=\"" + num(font.size() * scaleY()) + "\"" + (font.bold() ? " font-weight=\"bold\"" : "")
                + (font.italic() ? " font-style=\"italic\"" : "") + fillAttributes() + ">" + escape(shown) + "</text>");
    }

    @Override
    public double textWidth(String text, DrawFont font) {
        return AwtText.width(text, font);
    }

    /** Row by row, neighbours of one colour merged into one rectangle; grid lines as thin rectangles. */
    @Override
    public void fillCells(CellGrid grid) {
        StringBuilder cells = new StringBuilder();
        for (int row = 0; row < grid.rows(); row++) {
            int col = 0;
            while (col < grid.cols()) {
                int argb = grid.colour(row, col);
                int end = col + 1;
                while (!grid.gridLines() && end < grid.cols() && grid.colour(row, end) == argb) {
                    end++;
                }
                double x = grid.x() + col * grid.cellWidth();
                double y = grid.y() + row * grid.cellHeight();
                cells.append("<rect").append(rect(x, y, (end - col) * grid.cellWidth(), grid.cellHeight()))
                        .append(colourAttributes("fill", new Rgba(argb))).append("/>\n");
                if (grid.gridLines()) {
                    Rgba line = new Rgba(CellGrid.lighten(argb));
                    if (row > 0) {
                        cells.append("<rect").append(rect(x, y, grid.cellWidth(), 1))
                                .append(colourAttributes("fill", line)).append("/>\n");
                    }
                    if (col > 0) {
                        cells.append("<rect").append(rect(x, y, 1, grid.cellHeight()))
                                .append(colourAttributes("fill", line)).append("/>\n");
                    }
                }
                col = end;
            }
        }
        if (cells.length() > 0) {
            cells.setLength(cells.length() - 1);
            element(cells.toString());
        }
    }

    @Override
    protected Place keepPlace() {
        return new Place(new AffineTransform(transform), clip, clipId);
    }

    @Override
    protected void restorePlace(Place place) {
        transform = place.transform();
        clip = place.clip();
        clipId = place.clipId();
    }

    @Override
    public void translate(double x, double y) {
        transform.translate(x, y);
    }

    @Override
    public void scale(double sx, double sy) {
        transform.scale(sx, sy);
    }

    @Override
    public void clipRect(double x, double y, double w, double h) {
        Point2D a = map(x, y);
        Point2D b = map(x + w, y + h);
        double left = Math.min(a.getX(), b.getX());
        double top = Math.min(a.getY(), b.getY());
        double right = Math.max(a.getX(), b.getX());
        double bottom = Math.max(a.getY(), b.getY());
        if (clip != null) {
            left = Math.max(left, clip[0]);
            top = Math.max(top, clip[1]);
            right = Math.min(right, clip[2]);
            bottom = Math.min(bottom, clip[3]);
        }
        clip = new double[] {left, top, Math.max(left, right), Math.max(top, bottom)};
        clipId = ++clips;
        defs.append("<clipPath id=\"clip").append(clipId).append("\"><rect x=\"").append(num(left))
                .append("\" y=\"").append(num(top)).append("\" width=\"").append(num(clip[2] - left))
                .append("\" height=\"").append(num(clip[3] - top)).append("\"/></clipPath>\n");
    }

    // ---- writing

    /** Appends an element inside the group of its clip, opening and closing groups as the clip changes. */
    private void element(String element) {
        if (clipId != openClip) {
            if (openClip != 0) {
                body.append("</g>\n");
            }
            if (clipId != 0) {
                body.append("<g clip-path=\"url(#clip").append(clipId).append(")\">\n");
            }
            openClip = clipId;
        }
        body.append(element).append('\n');
    }

    private Point2D map(double x, double y) {
        return transform.transform(new Point2D.Double(x, y), null);
    }

    private double scaleX() {
        return Math.abs(transform.getScaleX());
    }

    private double scaleY() {
        return Math.abs(transform.getScaleY());
    }

    private String rect(double x, double y, double w, double h) {
        Point2D a = map(x, y);
        double sw = w * scaleX();
        double sh = h * scaleY();
        return " x=\"" + num(a.getX()) + "\" y=\"" + num(a.getY()) + "\" width=\"" + num(Math.max(0, sw))
                + "\" height=\"" + num(Math.max(0, sh)) + "\"";
    }

    private String corners(double w, double h, double arcWidth, double arcHeight) {
        double rx = Math.min(w, arcWidth) / 2 * scaleX();
        double ry = Math.min(h, arcHeight) / 2 * scaleY();
        return " rx=\"" + num(rx) + "\" ry=\"" + num(ry) + "\"";
    }

    private String ellipse(double x, double y, double w, double h) {
        Point2D c = map(x + w / 2, y + h / 2);
        return " cx=\"" + num(c.getX()) + "\" cy=\"" + num(c.getY()) + "\" rx=\"" + num(w / 2 * scaleX())
                + "\" ry=\"" + num(h / 2 * scaleY()) + "\"";
    }

    private String fillAttributes() {
        return colourAttributes("fill", style.fill.fade(style.alpha));
    }

    private String strokeAttributes() {
        StringBuilder a = new StringBuilder(" fill=\"none\"").append(colourAttributes("stroke",
                style.stroke.fade(style.alpha)));
        a.append(" stroke-width=\"").append(num(style.lineWidth * scaleY())).append('"');
        if (style.cap != LineCap.BUTT) {
            a.append(" stroke-linecap=\"").append(style.cap == LineCap.ROUND ? "round" : "square").append('"');
        }
        if (style.join != LineJoin.MITER) {
            a.append(" stroke-linejoin=\"").append(style.join == LineJoin.ROUND ? "round" : "bevel").append('"');
        }
        if (style.dashes != null) {
            a.append(" stroke-dasharray=\"");
            for (int i = 0; i < style.dashes.length; i++) {
                a.append(i == 0 ? "" : ",").append(num(style.dashes[i] * scaleY()));
            }
            a.append('"');
        }
        return a.toString();
    }

    private static String colourAttributes(String name, Rgba colour) {
        String attributes = " " + name + "=\"" + colour.hex() + "\"";
        int alpha = colour.argb() >>> 24;
        return alpha == 255 ? attributes : attributes + " " + name + "-opacity=\"" + num(alpha / 255.0) + "\"";
    }

    /** A number with at most two decimals, no trailing zeros, never "-0": the same scene, the same bytes. */
    static String num(double v) {
        if (!Double.isFinite(v)) {
            return "0";
        }
        long hundredths = Math.round(v * 100);
        if (hundredths == 0) {
            return "0";
        }
        String text = String.format(Locale.ROOT, "%.2f", hundredths / 100.0);
        text = text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
        return text;
    }

    /** {@code text} for XML: {@code & < > "} escaped. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    /** Drops what XML 1.0 cannot hold (control characters, lone surrogates); a tab becomes a space. */
    static String xmlSafe(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (Character.isHighSurrogate(ch) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(ch).append(text.charAt(++i));
            } else if (ch == '\t') {
                out.append(' ');
            } else if (ch >= 0x20 && ch != 0xFFFE && ch != 0xFFFF && !Character.isSurrogate(ch)) {
                out.append(ch);
            }
        }
        return out.toString();
    }
}
