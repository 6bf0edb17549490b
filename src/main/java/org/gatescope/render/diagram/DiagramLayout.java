package org.gatescope.render.diagram;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gatescope.render.diagram.CellStructure.Edge;
import org.gatescope.render.diagram.CellStructure.Node;
import org.gatescope.render.diagram.CellStructure.NodeKind;
import org.gatescope.render.diagram.CellStructure.Port;

/**
 * Where everything of a {@link CellStructure} goes on a canvas of a given size: the grid is
 * stretched to fill it (within limits on the aspect ratio, then centred), node sizes and
 * fonts follow the grid's cell size, and each edge is routed orthogonally between ports.
 * Immutable; computed again when the size or the cell changes.
 */
public final class DiagramLayout {

    /** A node's rectangle in pixels (for circles, the bounding box). */
    public record Box(double cx, double cy, double w, double h) {
        public double left() {
            return cx - w / 2;
        }

        public double right() {
            return cx + w / 2;
        }

        public double top() {
            return cy - h / 2;
        }

        public double bottom() {
            return cy + h / 2;
        }

        public boolean contains(double x, double y, double margin) {
            return x >= left() - margin && x <= right() + margin && y >= top() - margin && y <= bottom() + margin;
        }
    }

    /**
     * How far the grid may stretch beyond the drawing's own proportions: wide panels (a window's
     * diagram over the timeline) stretch it sideways, so it fills the panel's width as well.
     */
    private static final double MAX_STRETCH_X = 2.7;
    private static final double MAX_STRETCH_Y = 1.15;
    /** Rows below the last node's centre: the token x&lt;t&gt; under the bus. */
    private static final double BOTTOM_ROWS = 0.42;
    /** The least size of any text in the diagram, in px: captions, tags, the legend. */
    public static final double MIN_TEXT = 11;
    /**
     * The least height the diagram needs so that its box values are {@value #MIN_TEXT} px or more,
     * whatever the cell (the LSTMs are the tallest): a panel never gets smaller than this.
     */
    public static final double MIN_HEIGHT = 280;

    private final CellStructure structure;
    private final double width;
    private final double height;
    private final double minCol;
    private final double minRow;
    private final double sx;
    private final double sy;
    private final double originX;
    private final double originY;
    /** Pixels between the top of the drawing and the first row's centre: the title, the notes, the tags. */
    private final double topBand;
    /** Pixels under the last row for the colour legend. */
    private final double legendBand;
    private final Map<String, Box> boxes = new HashMap<>();

    public DiagramLayout(CellStructure structure, double width, double height) {
        this.structure = structure;
        this.width = width;
        this.height = height;
        double lowCol = Double.POSITIVE_INFINITY;
        double highCol = Double.NEGATIVE_INFINITY;
        double lowRow = Double.POSITIVE_INFINITY;
        double highRow = Double.NEGATIVE_INFINITY;
        for (Node node : structure.nodes()) {
            double half = halfWidthInColumns(node.kind());
            lowCol = Math.min(lowCol, node.col() - half);
            highCol = Math.max(highCol, node.col() + half);
            lowRow = Math.min(lowRow, node.row());
            highRow = Math.max(highRow, node.row());
        }
        highRow += BOTTOM_ROWS;
        double spanX = highCol - lowCol;
        double spanY = highRow - lowRow;
        // The band above the first row holds text whose size follows the scale, which follows the
        // room the band leaves: a few rounds settle it (the text sizes are bounded below).
        double band = 0.62 * Math.max(1, height / (spanY + 0.62));
        double scaleX = 1;
        double scaleY = 1;
        for (int round = 0; round < 4; round++) {
            double fitX = width / spanX;
            double fitY = Math.max(1, height - band - legendBand(scaleX, scaleY)) / spanY;
            scaleX = Math.min(fitX, fitY * MAX_STRETCH_X);
            scaleY = Math.min(fitY, fitX * MAX_STRETCH_Y);
            band = topBand(scaleX, scaleY, structure.cell() == org.gatescope.engine.CellKind.RNN);
        }
        legendBand = legendBand(scaleX, scaleY);
        sx = scaleX;
        sy = scaleY;
        topBand = band;
        minCol = lowCol;
        minRow = lowRow;
        originX = (width - spanX * sx) / 2;
        originY = (height - spanY * sy - topBand - legendBand) / 2;
        for (Node node : structure.nodes()) {
            boxes.put(node.id(), boxOf(node));
        }
    }

    /** The legend's line under the drawing: its colour bars and their labels. */
    private static double legendBand(double sx, double sy) {
        return smallSize(labelSize(sx, sy)) * 1.6;
    }

    /**
     * The room above the first row for the title line and the note under it, so that the memory
     * line's caption (above the second row) starts below them, and for the softmax box's tag
     * above the first row's boxes.
     */
    private static double topBand(double sx, double sy, boolean rnn) {
        double label = labelSize(sx, sy);
        double title = titleSize(label);
        double caption = captionSize(label);
        double small = smallSize(label);
        double titleBlock = title * 1.3 + caption * 1.45 + small * 0.4;
        double memoryCaption = rnn ? 0 : small * 1.35 + opRadius(Math.min(sx, sy)) - sy;
        double tagAbove = boxHeight(sx, sy) / 2 + small * 1.4;
        return Math.max(tagAbove, titleBlock + memoryCaption);
    }

    public CellStructure structure() {
        return structure;
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    public double x(double col) {
        return originX + (col - minCol) * sx;
    }

    public double y(double row) {
        return originY + topBand + (row - minRow) * sy;
    }

    /** Left edge of the drawing (the grid may be narrower than the canvas). */
    public double left() {
        return originX;
    }

    public double top() {
        return originY;
    }

    public double right() {
        return width - originX;
    }

    public double bottom() {
        return height - originY;
    }

    /** How far the drawing reaches across the canvas, 0..1 of its width and of its height. */
    public double fillX() {
        return (right() - left()) / width;
    }

    public double fillY() {
        return (bottom() - top()) / height;
    }

    /** The size of a grid step, the unit everything else is proportional to. */
    public double unit() {
        return Math.min(sx, sy);
    }

    public double boxWidth() {
        return boxWidth(sx, sy);
    }

    private static double boxWidth(double sx, double sy) {
        return Math.min(0.84 * sx, 1.5 * sy);
    }

    /** At most about 5:8, so boxes stay landscape (and pills pills) in a tall view. */
    public double boxHeight() {
        return boxHeight(sx, sy);
    }

    private static double boxHeight(double sx, double sy) {
        return Math.min(0.75 * sy, 0.62 * boxWidth(sx, sy));
    }

    /** Font size of a box's symbol (Γu, c̃&lt;t&gt;) and of its value. */
    public double labelSize() {
        return labelSize(sx, sy);
    }

    private static double labelSize(double sx, double sy) {
        return Math.min(boxHeight(sx, sy) * 0.37, boxWidth(sx, sy) * 0.3);
    }

    /** Tags (σ, tanh), the legend, the memory line's caption: never below {@value #MIN_TEXT} px. */
    public double smallSize() {
        return smallSize(labelSize());
    }

    private static double smallSize(double label) {
        return Math.max(MIN_TEXT, label * 0.66);
    }

    /** Captions beside lines and the note under the title. */
    public double captionSize() {
        return captionSize(labelSize());
    }

    private static double captionSize(double label) {
        return Math.max(MIN_TEXT, label * 0.74);
    }

    public double titleSize() {
        return titleSize(labelSize());
    }

    private static double titleSize(double label) {
        return Math.max(MIN_TEXT + 1, label * 0.92);
    }

    public double lineWidth() {
        return Math.max(1.2, unit() * 0.022);
    }

    public double memoryWidth() {
        return Math.max(3, unit() * 0.075);
    }

    /** Large enough for its symbol ("tanh", "1−") at {@value #MIN_TEXT} px. */
    public double opRadius() {
        return opRadius(unit());
    }

    private static double opRadius(double unit) {
        return Math.max(9.5, unit * 0.19);
    }

    public double stripGap() {
        return Math.max(2, sy * 0.05);
    }

    public double stripHeight() {
        return Math.max(5, sy * 0.11);
    }

    public Box box(String id) {
        Box box = boxes.get(id);
        if (box == null) {
            throw new IllegalArgumentException("no node " + id);
        }
        return box;
    }

    /** The strip of all units under a node that shows a value. */
    public Box strip(String id) {
        Box box = box(id);
        double h = stripHeight();
        return new Box(box.cx(), box.bottom() + stripGap() + h / 2, box.w(), h);
    }

    /** The polyline of {@code edge}, from its exit port to its entry port. */
    public List<Point> route(Edge edge) {
        Node from = structure.node(edge.from());
        Node to = structure.node(edge.to());
        Box a = box(from.id());
        Box b = box(to.id());
        Point start = port(from, a, edge.exit(), edge.exitOffset(), new Point(b.cx(), b.cy()));
        Point end = port(to, b, edge.entry(), edge.entryOffset(), start);
        List<Point> points = new ArrayList<>();
        points.add(start);
        double tolerance = 0.5;
        if (Math.abs(start.getX() - end.getX()) < tolerance || Math.abs(start.getY() - end.getY()) < tolerance) {
            points.add(end);
            return points;
        }
        boolean exitVertical = edge.exit().vertical();
        boolean entryVertical = edge.entry().vertical();
        if (exitVertical && !entryVertical) {
            points.add(new Point(start.getX(), end.getY()));
        } else if (!exitVertical && entryVertical) {
            points.add(new Point(end.getX(), start.getY()));
        } else if (exitVertical) {
            double middle = Double.isNaN(edge.via()) ? (start.getY() + end.getY()) / 2 : y(edge.via());
            points.add(new Point(start.getX(), middle));
            points.add(new Point(end.getX(), middle));
        } else {
            double middle = Double.isNaN(edge.via()) ? (start.getX() + end.getX()) / 2 : x(edge.via());
            points.add(new Point(middle, start.getY()));
            points.add(new Point(middle, end.getY()));
        }
        points.add(end);
        return points;
    }

    /** Where a line leaves or enters {@code node} by {@code port}; auto-aligned on {@code other} when offset is NaN. */
    private Point port(Node node, Box box, Port port, double offset, Point other) {
        if (node.kind() == NodeKind.JUNCTION || node.kind() == NodeKind.EXIT) {
            return new Point(box.cx(), box.cy());
        }
        boolean round = node.kind() == NodeKind.OP;
        double x = box.cx();
        double y = box.cy();
        if (port.vertical()) {
            if (!Double.isNaN(offset)) {
                x += offset * box.w();
            } else if (!round && other.getX() > box.left() + 4 && other.getX() < box.right() - 4) {
                x = other.getX();
            }
            y = port == Port.N ? box.top() : box.bottom();
        } else {
            if (!Double.isNaN(offset)) {
                y += offset * box.h();
            } else if (!round && other.getY() > box.top() + 4 && other.getY() < box.bottom() - 4) {
                y = other.getY();
            }
            x = port == Port.W ? box.left() : box.right();
        }
        return new Point(x, y);
    }

    private Box boxOf(Node node) {
        double cx = x(node.col());
        double cy = y(node.row());
        double r = opRadius();
        return switch (node.kind()) {
            case GATE, LAYER, INPUT, STATE, FUNCTION -> new Box(cx, cy, boxWidth(), boxHeight());
            case OP -> "tanh".equals(node.symbol()) ? new Box(cx, cy, 3.3 * r, 2 * r) : new Box(cx, cy, 2 * r, 2 * r);
            case LINEAR -> new Box(cx, cy, Math.max(2.4 * MIN_TEXT, Math.min(0.7 * sx, 3.6 * r)), 1.8 * r);
            case PREDICTION -> new Box(cx, cy, Math.min(1.3 * sx, 2.6 * sy), boxHeight());
            case TOKEN -> new Box(cx, cy, boxWidth() * 1.6, labelSize() * 1.4);
            case JUNCTION, EXIT -> new Box(cx, cy, 0, 0);
        };
    }

    private static double halfWidthInColumns(NodeKind kind) {
        return switch (kind) {
            case GATE, LAYER, INPUT, STATE, FUNCTION -> 0.5;
            case PREDICTION -> 0.68;
            case TOKEN -> 0.3;
            default -> 0.15;
        };
    }
}
