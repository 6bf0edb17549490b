package org.gatescope.ui.diagram;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Point2D;
import org.gatescope.ui.diagram.CellStructure.Edge;
import org.gatescope.ui.diagram.CellStructure.Node;
import org.gatescope.ui.diagram.CellStructure.NodeKind;
import org.gatescope.ui.diagram.CellStructure.Port;

/**
 * Where everything of a {@link CellStructure} goes on a canvas of a given size: the grid is
 * stretched to fill it (within limits on the aspect ratio, then centred), node sizes and
 * fonts follow the grid's cell size, and each edge is routed orthogonally between ports.
 * Immutable; computed again when the size or the cell changes.
 */
final class DiagramLayout {

    /** A node's rectangle in pixels (for circles, the bounding box). */
    record Box(double cx, double cy, double w, double h) {
        double left() {
            return cx - w / 2;
        }

        double right() {
            return cx + w / 2;
        }

        double top() {
            return cy - h / 2;
        }

        double bottom() {
            return cy + h / 2;
        }

        boolean contains(double x, double y, double margin) {
            return x >= left() - margin && x <= right() + margin && y >= top() - margin && y <= bottom() + margin;
        }
    }

    private static final double MAX_STRETCH_X = 2.0;
    private static final double MAX_STRETCH_Y = 1.15;

    private final CellStructure structure;
    private final double width;
    private final double height;
    private final double minCol;
    private final double minRow;
    private final double sx;
    private final double sy;
    private final double originX;
    private final double originY;
    private final Map<String, Box> boxes = new HashMap<>();

    DiagramLayout(CellStructure structure, double width, double height) {
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
        // room above the top row for the title, below the bottom row for the token
        lowRow -= 0.62;
        highRow += 0.42;
        double spanX = highCol - lowCol;
        double spanY = highRow - lowRow;
        double fitX = width / spanX;
        double fitY = height / spanY;
        sx = Math.min(fitX, fitY * MAX_STRETCH_X);
        sy = Math.min(fitY, fitX * MAX_STRETCH_Y);
        minCol = lowCol;
        minRow = lowRow;
        originX = (width - spanX * sx) / 2;
        originY = (height - spanY * sy) / 2;
        for (Node node : structure.nodes()) {
            boxes.put(node.id(), boxOf(node));
        }
    }

    CellStructure structure() {
        return structure;
    }

    double width() {
        return width;
    }

    double height() {
        return height;
    }

    double x(double col) {
        return originX + (col - minCol) * sx;
    }

    double y(double row) {
        return originY + (row - minRow) * sy;
    }

    /** Left edge of the drawing (the grid may be narrower than the canvas). */
    double left() {
        return originX;
    }

    double top() {
        return originY;
    }

    double right() {
        return width - originX;
    }

    double bottom() {
        return height - originY;
    }

    /** The size of a grid step, the unit everything else is proportional to. */
    double unit() {
        return Math.min(sx, sy);
    }

    double boxWidth() {
        return Math.min(0.84 * sx, 1.5 * sy);
    }

    /** At most about 5:8, so boxes stay landscape (and pills pills) in a tall view. */
    double boxHeight() {
        return Math.min(0.66 * sy, 0.62 * boxWidth());
    }

    /** Font size of a box's symbol (Γu, c̃&lt;t&gt;) and of its value. */
    double labelSize() {
        return Math.min(boxHeight() * 0.36, boxWidth() * 0.27);
    }

    double smallSize() {
        return Math.max(10, labelSize() * 0.66);
    }

    /** Captions beside lines and the note under the title. */
    double captionSize() {
        return Math.max(10, labelSize() * 0.74);
    }

    double titleSize() {
        return Math.max(11, labelSize() * 0.92);
    }

    double lineWidth() {
        return Math.max(1.2, unit() * 0.022);
    }

    double memoryWidth() {
        return Math.max(3, unit() * 0.075);
    }

    double opRadius() {
        return Math.max(8, unit() * 0.19);
    }

    double stripGap() {
        return Math.max(2, sy * 0.05);
    }

    double stripHeight() {
        return Math.max(5, sy * 0.11);
    }

    Box box(String id) {
        Box box = boxes.get(id);
        if (box == null) {
            throw new IllegalArgumentException("no node " + id);
        }
        return box;
    }

    /** The strip of all units under a node that shows a value. */
    Box strip(String id) {
        Box box = box(id);
        double h = stripHeight();
        return new Box(box.cx(), box.bottom() + stripGap() + h / 2, box.w(), h);
    }

    /** The polyline of {@code edge}, from its exit port to its entry port. */
    List<Point2D> route(Edge edge) {
        Node from = structure.node(edge.from());
        Node to = structure.node(edge.to());
        Box a = box(from.id());
        Box b = box(to.id());
        Point2D start = port(from, a, edge.exit(), edge.exitOffset(), new Point2D(b.cx(), b.cy()));
        Point2D end = port(to, b, edge.entry(), edge.entryOffset(), start);
        List<Point2D> points = new ArrayList<>();
        points.add(start);
        double tolerance = 0.5;
        if (Math.abs(start.getX() - end.getX()) < tolerance || Math.abs(start.getY() - end.getY()) < tolerance) {
            points.add(end);
            return points;
        }
        boolean exitVertical = edge.exit().vertical();
        boolean entryVertical = edge.entry().vertical();
        if (exitVertical && !entryVertical) {
            points.add(new Point2D(start.getX(), end.getY()));
        } else if (!exitVertical && entryVertical) {
            points.add(new Point2D(end.getX(), start.getY()));
        } else if (exitVertical) {
            double middle = Double.isNaN(edge.via()) ? (start.getY() + end.getY()) / 2 : y(edge.via());
            points.add(new Point2D(start.getX(), middle));
            points.add(new Point2D(end.getX(), middle));
        } else {
            double middle = Double.isNaN(edge.via()) ? (start.getX() + end.getX()) / 2 : x(edge.via());
            points.add(new Point2D(middle, start.getY()));
            points.add(new Point2D(middle, end.getY()));
        }
        points.add(end);
        return points;
    }

    /** Where a line leaves or enters {@code node} by {@code port}; auto-aligned on {@code other} when offset is NaN. */
    private Point2D port(Node node, Box box, Port port, double offset, Point2D other) {
        if (node.kind() == NodeKind.JUNCTION || node.kind() == NodeKind.EXIT) {
            return new Point2D(box.cx(), box.cy());
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
        return new Point2D(x, y);
    }

    private Box boxOf(Node node) {
        double cx = x(node.col());
        double cy = y(node.row());
        double r = opRadius();
        return switch (node.kind()) {
            case GATE, LAYER, INPUT, STATE, FUNCTION -> new Box(cx, cy, boxWidth(), boxHeight());
            case OP -> "tanh".equals(node.symbol()) ? new Box(cx, cy, 3.3 * r, 2 * r) : new Box(cx, cy, 2 * r, 2 * r);
            case LINEAR -> new Box(cx, cy, Math.min(0.7 * sx, 3.6 * r), 1.7 * r);
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
