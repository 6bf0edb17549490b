package org.gatescope.render.diagram;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.GruReset;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.Trace;
import org.gatescope.render.ColorScale;
import org.gatescope.render.draw.DrawFont;
import org.gatescope.render.draw.LineCap;
import org.gatescope.render.draw.LineJoin;
import org.gatescope.render.draw.Painter;
import org.gatescope.render.draw.Rgba;
import org.gatescope.render.draw.TextAlign;
import org.gatescope.render.diagram.CellStructure.Edge;
import org.gatescope.render.diagram.CellStructure.EdgeKind;
import org.gatescope.render.diagram.CellStructure.Flow;
import org.gatescope.render.diagram.CellStructure.Node;
import org.gatescope.render.diagram.CellStructure.NodeKind;
import org.gatescope.render.diagram.DiagramLayout.Box;

/**
 * Paints a cell diagram: lines first (the memory line thick, each line as wide and opaque as
 * its gate lets information through), then the boxes with their symbols, values and unit
 * strips, then the title, the notes and the colour legend. Stateless.
 */
public final class DiagramPainter {

    /** A box's value is set this much smaller than its symbol. */
    public static final double VALUE_SCALE = 0.95;

    /** A box's corner radius, as a share of its height (pills are fully round). */
    private static final double BOX_ARC = 0.28;

    /**
     * What to paint: the trace and position (for labels), the frame of values (maybe
     * mid-animation), the node under the mouse (or null) and the softmax's top prediction.
     */
    public record Scene(Trace trace, int step, int unit, DisplayFrame frame, String hovered, Trace.Prediction prediction,
                 List<Placed> placed, LayerContext context) {

        Scene(Trace trace, int step, int unit, DisplayFrame frame, String hovered, Trace.Prediction prediction) {
            this(trace, step, unit, frame, hovered, prediction, null, LayerContext.OWN);
        }

        Scene(Trace trace, int step, int unit, DisplayFrame frame, String hovered, Trace.Prediction prediction,
              List<Placed> placed) {
            this(trace, step, unit, frame, hovered, prediction, placed, LayerContext.OWN);
        }

        /** The layer named in the title; "" for a model of one layer. */
        public String layer() {
            return context.label();
        }
    }

    /**
     * Where a text outside the boxes went (the title, notes, tags, captions, the legend), so a test
     * can check that none collides with another, a box or a line: {@code owner} is the node or edge
     * (from→to) the text belongs to, if any; {@code size} its font size in px.
     */
    public record Placed(String owner, String text, Box bounds, double size) {
    }

    /** Notes a text drawn from {@code left} with its baseline at {@code baseline}, when the scene records. */
    private static void place(Scene scene, String owner, String text, double left, double baseline, double width,
                              double size) {
        if (scene.placed() != null) {
            double top = baseline - size * 0.78;
            double height = size * 0.98;
            scene.placed().add(new Placed(owner, text, new Box(left + width / 2, top + height / 2, width, height), size));
        }
    }

    private DiagramPainter() {
    }

    public static void paint(Painter g, DiagramLayout layout, Scene scene) {
        g.save();
        g.setFill(DiagramTheme.BACKGROUND);
        g.fillRect(0, 0, layout.width(), layout.height());
        g.setLineCap(LineCap.BUTT);
        g.setLineJoin(LineJoin.ROUND);
        g.setTextAlign(TextAlign.LEFT);
        g.setTextBaseline(org.gatescope.render.draw.TextBaseline.ALPHABETIC);
        CellStructure structure = layout.structure();
        Map<String, Integer> degree = degrees(structure);

        drawMemoryCaption(g, layout, structure, scene);
        for (Edge edge : structure.edges()) {
            if (!edge.bridge()) {
                drawEdge(g, layout, edge, scene);
            }
        }
        for (Edge edge : structure.edges()) {
            if (edge.bridge()) {
                drawEdge(g, layout, edge, scene);
            }
        }
        for (Node node : structure.nodes()) {
            if (node.kind() == NodeKind.JUNCTION && degree.getOrDefault(node.id(), 0) >= 3) {
                Box box = layout.box(node.id());
                double r = Math.max(2.5, layout.lineWidth() * 1.8);
                g.setFill(junctionColor(structure, node));
                g.fillOval(box.cx() - r, box.cy() - r, 2 * r, 2 * r);
            }
        }
        for (Node node : structure.nodes()) {
            drawNode(g, layout, node, scene);
        }
        for (Edge edge : structure.edges()) {
            if (edge.label() != null) {
                drawEdgeLabel(g, layout, edge, scene);
            }
        }
        drawTitle(g, layout, scene);
        drawLegend(g, layout, scene);
        g.restore();
    }

    /** How much {@code flow} lets through for the selected unit, 0..1. */
    public static double weight(Flow flow, DisplayFrame frame, int unit) {
        double w = switch (flow) {
            case FULL -> 1;
            case FORGET -> frame.value(Quantity.FORGET_GATE, unit);
            case UPDATE -> frame.value(Quantity.UPDATE_GATE, unit);
            case KEEP -> 1 - frame.value(Quantity.UPDATE_GATE, unit);
            case OUTPUT -> frame.value(Quantity.OUTPUT_GATE, unit);
            case RELEVANCE -> frame.value(Quantity.RELEVANCE_GATE, unit);
        };
        return Double.isNaN(w) ? 1 : Math.max(0, Math.min(1, w));
    }

    // ---- lines

    private static void drawEdge(Painter g, DiagramLayout layout, Edge edge, Scene scene) {
        List<Point> points = layout.route(edge);
        double w = weight(edge.flow(), scene.frame(), scene.unit());
        double base = edge.kind() == EdgeKind.MEMORY ? layout.memoryWidth() : layout.lineWidth();
        double width = edge.flow() == Flow.FULL ? base : base * (0.35 + 1.0 * w);
        double opacity = edge.flow() == Flow.FULL ? 1 : 0.22 + 0.78 * w;
        Rgba color = switch (edge.kind()) {
            case MEMORY -> DiagramTheme.MEMORY;
            case PEEPHOLE -> DiagramTheme.PEEPHOLE;
            default -> DiagramTheme.LINE;
        };
        double arrowLength = edge.arrow() ? Math.max(8, Math.max(width, layout.lineWidth()) * 3.2 + 4) : 0;

        if (edge.bridge()) {
            List<Point> halo = trim(points, layout.opRadius() * 0.9, layout.opRadius() * 0.9);
            g.setStroke(DiagramTheme.BACKGROUND);
            g.setLineWidth(width + 2 * Math.max(3, layout.lineWidth() * 3));
            g.setLineDashes();
            strokePolyline(g, halo);
        }
        g.setStroke(color.fade(opacity));
        g.setLineWidth(width);
        if (edge.kind() == EdgeKind.PEEPHOLE) {
            g.setLineDashes(width * 3.5, width * 2.5);
        } else {
            g.setLineDashes();
        }
        strokePolyline(g, trim(points, 0, arrowLength * 0.7));
        g.setLineDashes();
        if (edge.arrow()) {
            Point tip = points.get(points.size() - 1);
            Point before = points.get(points.size() - 2);
            drawArrowHead(g, before, tip, arrowLength, color.fade(Math.max(opacity, 0.5)));
        }
    }

    private static void drawArrowHead(Painter g, Point from, Point tip, double length, Rgba color) {
        Point direction = tip.subtract(from);
        double norm = direction.magnitude();
        if (norm < 1e-6) {
            return;
        }
        double dx = direction.getX() / norm;
        double dy = direction.getY() / norm;
        double half = length * 0.45;
        double bx = tip.getX() - dx * length;
        double by = tip.getY() - dy * length;
        g.setFill(color);
        g.fillPolygon(new double[] {tip.getX(), bx - dy * half, bx + dy * half},
                new double[] {tip.getY(), by + dx * half, by - dx * half}, 3);
    }

    private static void strokePolyline(Painter g, List<Point> points) {
        if (points.size() < 2) {
            return;
        }
        g.beginPath();
        g.moveTo(points.get(0).getX(), points.get(0).getY());
        for (int i = 1; i < points.size(); i++) {
            g.lineTo(points.get(i).getX(), points.get(i).getY());
        }
        g.stroke();
    }

    /** The polyline shortened by {@code head} pixels at its start and {@code tail} at its end. */
    public static List<Point> trim(List<Point> points, double head, double tail) {
        List<Point> out = new ArrayList<>(points);
        cut(out, tail);
        java.util.Collections.reverse(out);
        cut(out, head);
        java.util.Collections.reverse(out);
        return out;
    }

    private static void cut(List<Point> points, double length) {
        double left = length;
        while (left > 0 && points.size() >= 2) {
            Point end = points.get(points.size() - 1);
            Point previous = points.get(points.size() - 2);
            double segment = end.distance(previous);
            if (segment > left) {
                Point direction = previous.subtract(end).normalize();
                points.set(points.size() - 1, end.add(direction.multiply(left)));
                return;
            }
            points.remove(points.size() - 1);
            left -= segment;
            if (points.size() < 2) {
                return;
            }
        }
    }

    private static void drawEdgeLabel(Painter g, DiagramLayout layout, Edge edge, Scene scene) {
        List<Point> points = layout.route(edge);
        int longest = 0;
        double length = -1;
        for (int i = 0; i + 1 < points.size(); i++) {
            double d = points.get(i).distance(points.get(i + 1));
            if (d > length) {
                length = d;
                longest = i;
            }
        }
        Point a = points.get(longest);
        Point b = points.get(longest + 1);
        double size = layout.captionSize();
        g.setFill(edge.kind() == EdgeKind.PEEPHOLE ? DiagramTheme.PEEPHOLE : DiagramTheme.MUTED);
        double pad = Math.max(5, layout.lineWidth() * 3);
        double width = MathText.width(g, edge.label(), size, false);
        String owner = edge.from() + "\u2192" + edge.to();
        if (Math.abs(a.getX() - b.getX()) < 0.5) {
            // below the middle: clear of the boxes' unit strips where the line starts under a row
            double y = Math.min(a.getY(), b.getY()) + Math.abs(a.getY() - b.getY()) * 0.6 + size * 0.35;
            double left = edge.labelLeft() ? a.getX() - pad - width : a.getX() + pad;
            MathText.draw(g, edge.label(), left, y, size, false, TextAlign.LEFT);
            place(scene, owner, edge.label(), left, y, width, size);
        } else {
            double left = (a.getX() + b.getX()) / 2 - width / 2;
            MathText.draw(g, edge.label(), left, a.getY() - pad, size, false, TextAlign.LEFT);
            place(scene, owner, edge.label(), left, a.getY() - pad, width, size);
        }
    }

    private static void drawMemoryCaption(Painter g, DiagramLayout layout, CellStructure structure,
                                          Scene scene) {
        if (structure.cell() == CellKind.RNN) {
            return;
        }
        Box from = layout.box("cPrev");
        Box to = layout.box("c");
        double size = layout.smallSize();
        double y = from.cy() - layout.opRadius() - size * 0.55;
        g.setFill(DiagramTheme.MUTED);
        g.setFont(MathText.italic(size, false));
        String caption = structure.cell().isLstm() ? "memory cell c — the conveyor belt"
                : "memory cell c = a — the conveyor belt";
        double width = g.textWidth(caption, MathText.italic(size, false));
        double x = Math.max(from.right() + size, (from.right() + to.left()) / 2 - width / 2);
        g.fillText(caption, x, y);
        place(scene, null, caption, x, y, width, size);
    }

    // ---- nodes

    private static void drawNode(Painter g, DiagramLayout layout, Node node, Scene scene) {
        Box box = layout.box(node.id());
        boolean hovered = node.id().equals(scene.hovered());
        switch (node.kind()) {
            case GATE, LAYER, INPUT, STATE -> drawValueBox(g, layout, node, box, scene);
            case OP -> drawOp(g, layout, node, box);
            case LINEAR -> drawLinear(g, layout, node, box);
            case FUNCTION -> drawFunction(g, layout, node, box);
            case PREDICTION -> drawPrediction(g, layout, node, box, scene);
            case TOKEN -> drawToken(g, layout, box, scene);
            case JUNCTION, EXIT -> {
                return;
            }
        }
        if (hovered) {
            double pad = 3;
            g.setStroke(DiagramTheme.HOVER);
            g.setLineWidth(Math.max(2, layout.lineWidth() * 1.5));
            g.strokeRoundRect(box.left() - pad, box.top() - pad, box.w() + 2 * pad, box.h() + 2 * pad, 10, 10);
        }
    }

    private static void drawValueBox(Painter g, DiagramLayout layout, Node node, Box box, Scene scene) {
        Quantity quantity = node.quantity();
        boolean previous = node.kind() == NodeKind.INPUT;
        double value = previous ? scene.frame().previous(quantity, scene.unit())
                : scene.frame().value(quantity, scene.unit());
        Rgba fill = DiagramTheme.fill(quantity, value);
        boolean pill = node.kind() == NodeKind.INPUT || node.kind() == NodeKind.STATE;
        double arc = pill ? box.h() : box.h() * BOX_ARC;
        drawBox(g, layout, box, fill, arc);

        double size = layout.labelSize();
        g.setFill(DiagramTheme.textOn(fill));
        MathText.draw(g, node.symbol(), box.cx(), box.top() + box.h() * 0.45, size, true, TextAlign.CENTER);
        g.setFont(MathText.font(size * VALUE_SCALE, false));
        g.setTextAlign(TextAlign.CENTER);
        g.fillText(Equations.number(value), box.cx(), box.top() + box.h() * 0.86);
        g.setTextAlign(TextAlign.LEFT);

        drawFunctionTag(g, layout, node, box, scene);
        drawStrip(g, layout.strip(node.id()), scene.frame().units(quantity, previous), quantity, scene.unit());
    }

    /** A box's rounded rectangle, filled and outlined as every box of the diagram is. */
    private static void drawBox(Painter g, DiagramLayout layout, Box box, Rgba fill, double arc) {
        g.setFill(fill);
        g.fillRoundRect(box.left(), box.top(), box.w(), box.h(), arc, arc);
        g.setStroke(DiagramTheme.BOX_STROKE);
        g.setLineWidth(Math.max(1.2, layout.lineWidth() * 0.9));
        g.strokeRoundRect(box.left(), box.top(), box.w(), box.h(), arc, arc);
    }

    private static void drawStrip(Painter g, Box strip, double[] values, Quantity quantity, int unit) {
        ColorScale scale = ColorScale.forQuantity(quantity);
        int n = values.length;
        double cell = strip.w() / n;
        for (int i = 0; i < n; i++) {
            g.setFill(DiagramTheme.color(scale.argb(values[i])));
            // overlap by a pixel fraction so no background shows between cells
            g.fillRect(strip.left() + i * cell, strip.top(), cell + 0.6, strip.h());
        }
        g.setStroke(DiagramTheme.MUTED.fade(0.6));
        g.setLineWidth(0.8);
        g.strokeRect(strip.left(), strip.top(), strip.w(), strip.h());
        double outline = Math.max(cell, 4);
        double x = strip.left() + unit * cell + cell / 2 - outline / 2;
        g.setStroke(DiagramTheme.SELECTED_UNIT);
        g.setLineWidth(2);
        g.strokeRect(x, strip.top() - 1.5, outline, strip.h() + 3);
    }

    private static void drawOp(Painter g, DiagramLayout layout, Node node, Box box) {
        g.setFill(DiagramTheme.OP_FILL);
        g.fillOval(box.left(), box.top(), box.w(), box.h());
        g.setStroke(DiagramTheme.OP_STROKE);
        g.setLineWidth(Math.max(1.2, layout.lineWidth()));
        g.strokeOval(box.left(), box.top(), box.w(), box.h());
        String symbol = node.symbol();
        boolean word = symbol.length() > 2;
        double size = Math.max(DiagramLayout.MIN_TEXT, word ? box.h() * 0.46 : box.h() * (symbol.length() > 1 ? 0.5 : 0.7));
        g.setFill(DiagramTheme.TEXT);
        g.setFont(MathText.font(size, !word));
        g.setTextAlign(TextAlign.CENTER);
        g.fillText(symbol, box.cx(), box.cy() + size * 0.36);
        g.setTextAlign(TextAlign.LEFT);
    }

    private static void drawLinear(Painter g, DiagramLayout layout, Node node, Box box) {
        g.setFill(DiagramTheme.LINEAR_FILL);
        g.fillRect(box.left(), box.top(), box.w(), box.h());
        g.setStroke(DiagramTheme.LINE);
        g.setLineWidth(Math.max(1, layout.lineWidth() * 0.8));
        g.strokeRect(box.left(), box.top(), box.w(), box.h());
        double size = Math.max(DiagramLayout.MIN_TEXT, box.h() * 0.5);
        g.setFill(DiagramTheme.TEXT);
        MathText.draw(g, node.symbol(), box.cx(), box.cy() + size * 0.3, size, false, TextAlign.CENTER);
    }

    private static void drawFunction(Painter g, DiagramLayout layout, Node node, Box box) {
        drawBox(g, layout, box, DiagramTheme.LINEAR_FILL, box.h() * BOX_ARC);
        double size = layout.labelSize();
        g.setFill(DiagramTheme.TEXT);
        MathText.draw(g, node.symbol(), box.cx(), box.cy() + size * 0.35, size, true, TextAlign.CENTER);
    }

    private static void drawPrediction(Painter g, DiagramLayout layout, Node node, Box box, Scene scene) {
        drawBox(g, layout, box, DiagramTheme.PREDICTION_FILL, box.h() * BOX_ARC);
        double size = layout.labelSize();
        g.setFill(DiagramTheme.TEXT);
        MathText.draw(g, node.symbol(), box.cx(), box.top() + box.h() * 0.45, size, true, TextAlign.CENTER);
        Trace.Prediction top = scene.prediction();
        if (top == null) { // no softmax over named tokens at this layer
            drawFunctionTag(g, layout, node, box, scene);
            return;
        }
        double small = Math.max(DiagramLayout.MIN_TEXT, size * 0.78);
        DrawFont font = MathText.font(small, false);
        g.setFont(font);
        g.setTextAlign(TextAlign.CENTER);
        // a long word is shortened, never set below the least text size
        String probability = "\u201d " + Equations.number(top.probability());
        double room = box.w() - 8 - g.textWidth("\u201c" + probability, font);
        String text = "\u201c" + g.fit(top.token(), font, room) + probability;
        g.fillText(text, box.cx(), box.top() + box.h() * 0.85);
        g.setTextAlign(TextAlign.LEFT);
        drawFunctionTag(g, layout, node, box, scene);
    }

    /**
     * The function a box applies (σ, tanh, softmax), small above its top-right corner: lines
     * enter and leave boxes at the top's centre or left, never at its right.
     */
    private static void drawFunctionTag(Painter g, DiagramLayout layout, Node node, Box box, Scene scene) {
        if (node.function() == null) {
            return;
        }
        double size = layout.smallSize();
        DrawFont font = MathText.italic(size, false);
        double width = g.textWidth(node.function(), font);
        // right of the line that enters the box's top at its centre, overhanging the box if need be
        double left = Math.max(box.right() - 2 - width, box.cx() + layout.lineWidth() * 2 + 3);
        double baseline = box.top() - size * 0.3 - 2; // clear of the box's outline
        g.setFill(DiagramTheme.MUTED);
        g.setFont(font);
        g.fillText(node.function(), left, baseline);
        place(scene, node.id(), node.function(), left, baseline, width, size);
    }

    private static void drawToken(Painter g, DiagramLayout layout, Box box, Scene scene) {
        double size = layout.labelSize();
        int t = scene.step();
        String symbol = "x^<" + (t + 1) + ">";
        String word = " = \u201c" + scene.trace().tokens().get(t) + "\u201d";
        boolean unknown = scene.trace().isUnknown(t);
        double symbolWidth = MathText.width(g, symbol, size, true);
        double wordWidth = g.textWidth(word, MathText.font(size, false));
        double left = box.cx() - symbolWidth / 2;
        double baseline = box.cy() + size * 0.35;
        g.setFill(DiagramTheme.TEXT);
        MathText.draw(g, symbol, left, baseline, size, true, TextAlign.LEFT);
        g.setFill(unknown ? DiagramTheme.DANGER : DiagramTheme.TEXT);
        g.setFont(MathText.font(size, false));
        g.fillText(word, left + symbolWidth, baseline);
        double unknownWidth = 0;
        if (unknown) {
            DrawFont small = MathText.font(layout.smallSize(), false);
            g.setFont(small);
            String readAs = " unknown → " + scene.trace().readAs(t); // <unk>, or its signature (<unk-s>)
            g.fillText(readAs, left + symbolWidth + wordWidth, baseline);
            unknownWidth = g.textWidth(readAs, small);
        }
        place(scene, "x", symbol + word, left, baseline, symbolWidth + wordWidth + unknownWidth, size);
    }

    // ---- title, notes, legend

    private static void drawTitle(Painter g, DiagramLayout layout, Scene scene) {
        Trace trace = scene.trace();
        double size = layout.titleSize();
        double x = layout.left() + size * 0.4;
        double y = layout.top() + size * 1.15;
        String name = switch (trace.cell()) {
            case RNN -> "Vanilla RNN";
            case GRU_SIMPLE -> "Simplified GRU";
            case GRU -> "GRU";
            case LSTM -> "LSTM";
            case PEEPHOLE_LSTM -> "Peephole LSTM";
        } + (scene.layer() == null || scene.layer().isEmpty() ? "" : " \u00B7 " + scene.layer());
        double small = layout.captionSize();
        double right = titleRight(layout, y + small * 1.45 + small * 0.3);
        g.setFill(DiagramTheme.TEXT);
        g.setFont(MathText.font(size, true));
        g.fillText(name, x, y);
        double nameWidth = g.textWidth(name, MathText.font(size, true));
        place(scene, null, name, x, y, nameWidth, size);
        double after = x + nameWidth;
        double whereSize = Math.max(DiagramLayout.MIN_TEXT, size * 0.85);
        DrawFont whereFont = MathText.font(whereSize, false);
        String where = "   t = " + (scene.step() + 1) + " \u201c" + trace.tokens().get(scene.step()) + "\u201d"
                + "   unit " + scene.unit() + " of " + trace.hidden();
        if (g.textWidth(where, whereFont) > right - after) { // a long token gives way first
            where = "   t = " + (scene.step() + 1) + "   unit " + scene.unit() + " of " + trace.hidden();
        }
        where = g.fit(where, whereFont, right - after);
        g.setFont(whereFont);
        g.setFill(DiagramTheme.MUTED);
        g.fillText(where, after, y);
        place(scene, null, where, after, y, g.textWidth(where, whereFont), whereSize);
        String note = scene.context().direction(note(trace)); // c<t+1> for a backward direction
        if (note != null) {
            DrawFont noteFont = MathText.font(small, false);
            note = g.fit(note, noteFont, right - x);
            g.setFont(noteFont);
            g.fillText(note, x, y + small * 1.45);
            place(scene, null, note, x, y + small * 1.45, g.textWidth(note, noteFont), small);
        }
    }

    /**
     * Where the title and the note must end: before the softmax box and its tag when they reach
     * down beside the title (a short panel), else at the drawing's right edge.
     */
    private static double titleRight(DiagramLayout layout, double titleBottom) {
        Box prediction = layout.box("prediction");
        double tagTop = prediction.top() - layout.smallSize() * 1.4;
        return tagTop < titleBottom ? prediction.left() - layout.smallSize() : layout.right() - 4;
    }

    /** The one-line note under the title: what this drawing does differently from the slide. */
    public static String note(Trace trace) {
        return switch (trace.cell()) {
            case RNN -> "no gates, no memory cell: a<t-1> is rewritten at every step";
            case GRU_SIMPLE -> "the lecture's first GRU: no relevance gate (Γr ≡ 1); Γu = 1 − z";
            case GRU -> trace.gruReset() == GruReset.BEFORE
                    ? "reset before (the lecture, Cho et al. 2014): Γr ⊙ c<t-1>, then W_hn;  Γu = 1 − z"
                    : "reset after (PyTorch, cuDNN): W_hn c<t-1> + b_hn, then Γr ⊙;  Γu = 1 − z";
            case LSTM -> "a<t> = Γo ⊙ tanh(c<t>): the slide writes Γo ⊙ c<t>; frameworks apply tanh";
            case PEEPHOLE_LSTM -> "peepholes: Γu, Γf peek at c<t-1>, Γo at the new c<t> (Gers et al. 2002)";
        };
    }

    private static void drawLegend(Painter g, DiagramLayout layout, Scene scene) {
        double size = layout.smallSize();
        double barWidth = Math.max(50, layout.unit() * 0.9);
        double barHeight = Math.max(6, size * 0.7);
        double y = layout.bottom() - size * 0.6 - barHeight;
        double x = layout.right() - size * 0.5;
        double start = x;
        x = legendEntry(g, x, y, barWidth, barHeight, size, ColorScale.SIGNED, "c\u0303, c, a", "\u22121", "+1");
        double end = legendEntry(g, x - size * 1.5, y, barWidth, barHeight, size, ColorScale.GATE, "\u0393 gates",
                "shut 0", "1 open");
        place(scene, null, "legend", end, y + barHeight / 2 + size * 0.35, start - end, size);
    }

    /** One colour bar drawn right-aligned at {@code right}; returns where the next entry ends. */
    private static double legendEntry(Painter g, double right, double y, double barWidth, double barHeight,
                                      double size, ColorScale scale, String name, String low, String high) {
        DrawFont font = MathText.font(size, false);
        double highWidth = g.textWidth(high, font);
        double lowWidth = g.textWidth(low, font);
        double nameWidth = g.textWidth(name, MathText.font(size, true));
        double gap = size * 0.4;
        double barRight = right - highWidth - gap;
        double barLeft = barRight - barWidth;
        int steps = 48;
        for (int i = 0; i < steps; i++) {
            double v = scale.min() + (scale.max() - scale.min()) * (i + 0.5) / steps;
            g.setFill(DiagramTheme.color(scale.argb(v)));
            g.fillRect(barLeft + barWidth * i / steps, y, barWidth / steps + 0.6, barHeight);
        }
        g.setStroke(DiagramTheme.MUTED);
        g.setLineWidth(0.8);
        g.strokeRect(barLeft, y, barWidth, barHeight);
        double baseline = y + barHeight / 2 + size * 0.35;
        g.setFill(DiagramTheme.MUTED);
        g.setFont(font);
        g.fillText(high, barRight + gap, baseline);
        g.fillText(low, barLeft - gap - lowWidth, baseline);
        g.setFont(MathText.font(size, true));
        double nameLeft = barLeft - gap - lowWidth - gap - nameWidth;
        g.fillText(name, nameLeft, baseline);
        return nameLeft;
    }

    private static Map<String, Integer> degrees(CellStructure structure) {
        Map<String, Integer> degree = new HashMap<>();
        for (Edge edge : structure.edges()) {
            degree.merge(edge.from(), 1, Integer::sum);
            degree.merge(edge.to(), 1, Integer::sum);
        }
        return degree;
    }

    private static Rgba junctionColor(CellStructure structure, Node node) {
        for (Edge edge : structure.edges()) {
            if (edge.from().equals(node.id()) || edge.to().equals(node.id())) {
                if (edge.kind() == EdgeKind.MEMORY) {
                    return DiagramTheme.MEMORY;
                }
            }
        }
        return DiagramTheme.LINE;
    }
}
