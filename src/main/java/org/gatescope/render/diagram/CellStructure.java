package org.gatescope.render.diagram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.GruReset;
import org.gatescope.engine.Quantity;

/**
 * What a cell's diagram is made of, in the lecture's (and Colah's) picture: the memory line
 * c&lt;t-1&gt; → c&lt;t&gt; across the top, the input bus [a&lt;t-1&gt;, x&lt;t&gt;] along the bottom, the σ and
 * tanh boxes between them, and the pointwise ×, +, 1− nodes that combine them.
 *
 * <p>Positions are on a coarse grid (columns left to right, {@link #ROW_PREDICTION rows} top to
 * bottom); {@link DiagramLayout} maps the grid onto whatever size the view has and routes the
 * edges between the nodes' ports. The descriptions below are the whole of each drawing.
 */
public record CellStructure(CellKind cell, GruReset reset, List<Node> nodes, List<Edge> edges) {

    /** Row of the softmax ŷ (top right). */
    public static final double ROW_PREDICTION = 0;
    /** Row of the memory line, the "conveyor belt". */
    public static final double ROW_MEMORY = 1;
    /** Row of the pointwise products between the gates and the memory line. */
    public static final double ROW_COMBINE = 2;
    /** Row of the σ and tanh boxes. */
    public static final double ROW_GATES = 3;
    /** Row of the input bus carrying a&lt;t-1&gt; and x&lt;t&gt; (and of a&lt;t&gt; leaving). */
    public static final double ROW_BUS = 4.25;
    /** Row of the token x&lt;t&gt;. */
    public static final double ROW_INPUT = 5.1;

    /** What a node is drawn as. */
    public enum NodeKind {
        /** A state from the previous step (c&lt;t-1&gt;, a&lt;t-1&gt;): a pill with its value. */
        INPUT,
        /** The token x&lt;t&gt;, a text label. */
        TOKEN,
        /** A σ box computing a gate Γ. */
        GATE,
        /** A tanh box computing a state (c̃&lt;t&gt;; a&lt;t&gt; for the vanilla RNN). */
        LAYER,
        /** A box applying a function with no value of its own (the vanilla RNN's tanh). */
        FUNCTION,
        /** A pointwise operation: ×, +, 1−, tanh. */
        OP,
        /** A matrix product drawn on its own (the GRU's W_hn, to show where Γr acts). */
        LINEAR,
        /** An output state (c&lt;t&gt;, a&lt;t&gt;): a pill with its value. */
        STATE,
        /** The softmax ŷ&lt;t&gt;. */
        PREDICTION,
        /** A branching point or corner on a line. */
        JUNCTION,
        /** Where a line leaves the cell towards the next step (an arrow tip). */
        EXIT
    }

    /** The side of a node an edge leaves or enters by. */
    public enum Port {
        N, S, E, W;

        public boolean vertical() {
            return this == N || this == S;
        }
    }

    /** What an edge carries, which sets how it is drawn. */
    public enum EdgeKind {
        /** The memory line: thick. */
        MEMORY,
        /** States and inputs. */
        DATA,
        /** A gate's value on its way to a product. */
        GATE,
        /** A peephole connection from the memory cell into a gate: dashed. */
        PEEPHOLE
    }

    /** How much an edge lets through, for its width and opacity: the gate that controls it. */
    public enum Flow {
        FULL, FORGET, UPDATE, KEEP, OUTPUT, RELEVANCE
    }

    /**
     * One node.
     *
     * @param quantity what it shows (for {@link NodeKind#INPUT}: the previous step's value of it), or null
     * @param symbol its label as {@link MathText} markup
     * @param function the function a box applies ("σ", "tanh"), or null
     */
    public record Node(String id, NodeKind kind, Quantity quantity, String symbol, String function, double col,
                double row) {

        public boolean showsValue() {
            return quantity != null;
        }

        /** Whether it is one of the cell's own quantities at step t (not an input from t − 1). */
        public boolean isQuantityNode() {
            return quantity != null && kind != NodeKind.INPUT;
        }
    }

    /**
     * One edge, routed orthogonally from a port of {@code from} to a port of {@code to}.
     *
     * @param exitOffset where on the exit side it leaves, −0.5..0.5 of the side's length; NaN: centred
     *     (or straight across from the other end when that end lies within the side)
     * @param entryOffset the same for the entry side
     * @param bridge whether it crosses another line and is drawn over it with a gap
     * @param label a small {@link MathText} caption beside the edge, or null
     * @param labelLeft whether the caption goes left of (not right of, or above) the edge
     * @param via where a route with two bends has its middle segment: the column of a vertical
     *     one, the row of a horizontal one; NaN: halfway
     */
    public record Edge(String from, Port exit, double exitOffset, String to, Port entry, double entryOffset,
                EdgeKind kind, Flow flow, boolean arrow, boolean bridge, String label, boolean labelLeft,
                double via) {
    }

    public CellStructure {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    public Node node(String id) {
        for (Node node : nodes) {
            if (node.id().equals(id)) {
                return node;
            }
        }
        throw new IllegalArgumentException("no node " + id);
    }

    /** The drawing for {@code cell}; {@code reset} matters for {@link CellKind#GRU} only. */
    public static CellStructure of(CellKind cell, GruReset reset) {
        return switch (cell) {
            case RNN -> vanillaRnn();
            case GRU_SIMPLE -> simplifiedGru();
            case GRU -> gru(reset == null ? GruReset.AFTER : reset);
            case LSTM -> lstm(CellKind.LSTM);
            case PEEPHOLE_LSTM -> lstm(CellKind.PEEPHOLE_LSTM);
        };
    }

    // a<t> = tanh(W_ih x + b_ih + W_hh a<t-1> + b_hh)
    private static CellStructure vanillaRnn() {
        // the lecture's RNN unit: a<t-1> in from the left, x<t> from below, a<t> out right and up to ŷ
        Builder b = new Builder(CellKind.RNN, null);
        b.node("aPrev", NodeKind.INPUT, Quantity.ACTIVATION, "a^<t-1>", null, 0, ROW_GATES);
        b.node("tanh", NodeKind.FUNCTION, null, "tanh", null, 1.6, ROW_GATES);
        b.node("x", NodeKind.TOKEN, null, "x^<t>", null, 1.6, ROW_INPUT - 0.6);
        b.node("a", NodeKind.STATE, Quantity.ACTIVATION, "a^<t>", null, 3.1, ROW_GATES);
        b.edge("aPrev", Port.E, "tanh", Port.W);
        b.edge("x", Port.N, "tanh", Port.S);
        b.edge("tanh", Port.E, "a", Port.W);
        b.prediction("a", 4.05, 4.8, ROW_GATES, ROW_MEMORY);
        return b.build();
    }

    // c̃ = tanh(W_in x + b_in + W_hn c<t-1> + b_hn); Γu = 1 − z; c<t> = Γu ⊙ c̃ + (1 − Γu) ⊙ c<t-1>; a<t> = c<t>
    private static CellStructure simplifiedGru() {
        Builder b = new Builder(CellKind.GRU_SIMPLE, null);
        b.gruInputs(1.0);
        b.node("update", NodeKind.GATE, Quantity.UPDATE_GATE, "Γ_u", "σ", 1.85, ROW_GATES);
        b.node("candidate", NodeKind.LAYER, Quantity.CANDIDATE, "c\u0303^<t>", "tanh", 3.0, ROW_GATES);
        b.bus("jDropBus", "update", "candidate");
        b.gruCombination("update", 1.85, "candidate", 3.0, 2.05, false); // Γu's line above its σ tag
        b.gruOutputs(3.0);
        return b.build();
    }

    // Γr, Γu = 1 − z, c̃ with Γr before (lecture) or after (PyTorch) W_hn, c<t> = Γu ⊙ c̃ + (1 − Γu) ⊙ c<t-1>
    private static CellStructure gru(GruReset reset) {
        Builder b = new Builder(CellKind.GRU, reset);
        b.gruInputs(1.0);
        b.node("relevance", NodeKind.GATE, Quantity.RELEVANCE_GATE, "Γ_r", "σ", 1.85, ROW_GATES);
        b.node("candidate", NodeKind.LAYER, Quantity.CANDIDATE, "c\u0303^<t>", "tanh", 3.0, ROW_GATES);
        b.node("update", NodeKind.GATE, Quantity.UPDATE_GATE, "Γ_u", "σ", 4.3, ROW_GATES);
        b.bus("jDropBus", "relevance", "candidate", "update");
        b.edgeLabel("bus:candidate", "x^<t>");

        // The recurrent path into the candidate, tapped off c<t-1>: Γr acts where the model applies it.
        b.node("jReset", NodeKind.JUNCTION, null, null, null, 3.0, ROW_MEMORY);
        // both above c̃'s tanh tag, the lower one's bottom clear of it
        double upper = 1.45;
        double lower = 1.95;
        boolean before = reset == GruReset.BEFORE;
        b.node("mulR", NodeKind.OP, null, "×", null, 3.0, before ? upper : lower);
        b.node("linear", NodeKind.LINEAR, null, "W_hn", null, 3.0, before ? lower : upper);
        if (before) {
            b.edge("jReset", Port.S, "mulR", Port.N);
            b.edge("mulR", Port.S, "linear", Port.N).flow(Flow.RELEVANCE);
            b.edge("linear", Port.S, "candidate", Port.N).flow(Flow.RELEVANCE);
        } else {
            b.edge("jReset", Port.S, "linear", Port.N);
            b.edge("linear", Port.S, "mulR", Port.N);
            b.edge("mulR", Port.S, "candidate", Port.N).flow(Flow.RELEVANCE);
        }
        b.edge("relevance", Port.N, "mulR", Port.W).kind(EdgeKind.GATE);

        b.gruCombination("update", 4.3, "candidate", 5.4, 1.85, true);
        b.gruOutputs(5.4);
        return b.build();
    }

    // Colah's LSTM: Γf, Γu, c̃, Γo from [a<t-1>, x<t>]; c<t> = Γu ⊙ c̃ + Γf ⊙ c<t-1>; a<t> = Γo ⊙ tanh(c<t>)
    private static CellStructure lstm(CellKind cell) {
        boolean peephole = cell == CellKind.PEEPHOLE_LSTM;
        Builder b = new Builder(cell, null);
        b.node("cPrev", NodeKind.INPUT, Quantity.MEMORY_CELL, "c^<t-1>", null, 0, ROW_MEMORY);
        b.inputs(null, 0.75);
        b.node("forget", NodeKind.GATE, Quantity.FORGET_GATE, "Γ_f", "σ", 1.6, ROW_GATES);
        b.node("update", NodeKind.GATE, Quantity.UPDATE_GATE, "Γ_u", "σ", 2.65, ROW_GATES);
        b.node("candidate", NodeKind.LAYER, Quantity.CANDIDATE, "c\u0303^<t>", "tanh", 3.7, ROW_GATES);
        b.node("output", NodeKind.GATE, Quantity.OUTPUT_GATE, "Γ_o", "σ", 4.75, ROW_GATES);
        b.bus("aPrev", "forget", "update", "candidate", "output");

        b.node("mulF", NodeKind.OP, null, "×", null, 1.6, ROW_MEMORY);
        b.node("mulU", NodeKind.OP, null, "×", null, 3.7, ROW_COMBINE);
        b.node("plus", NodeKind.OP, null, "+", null, 3.7, ROW_MEMORY);
        b.node("jTanh", NodeKind.JUNCTION, null, null, null, 5.8, ROW_MEMORY);
        b.node("tanhC", NodeKind.OP, null, "tanh", null, 5.8, ROW_COMBINE);
        b.node("mulO", NodeKind.OP, null, "×", null, 5.8, ROW_GATES);
        b.node("c", NodeKind.STATE, Quantity.MEMORY_CELL, "c^<t>", null, 6.85, ROW_MEMORY);
        b.node("a", NodeKind.STATE, Quantity.ACTIVATION, "a^<t>", null, 6.85, ROW_BUS);

        // the conveyor belt: c<t-1> → Γf ⊙ → + → c<t>
        if (peephole) {
            b.node("jPeepPrev", NodeKind.JUNCTION, null, null, null, 0.95, ROW_MEMORY);
            b.edge("cPrev", Port.E, "jPeepPrev", Port.W).kind(EdgeKind.MEMORY).noArrow();
            b.edge("jPeepPrev", Port.E, "mulF", Port.W).kind(EdgeKind.MEMORY);
        } else {
            b.edge("cPrev", Port.E, "mulF", Port.W).kind(EdgeKind.MEMORY);
        }
        b.edge("mulF", Port.E, "plus", Port.W).kind(EdgeKind.MEMORY).flow(Flow.FORGET);
        if (peephole) {
            b.node("jPeepNew", NodeKind.JUNCTION, null, null, null, 4.75, ROW_MEMORY);
            b.edge("plus", Port.E, "jPeepNew", Port.W).kind(EdgeKind.MEMORY).noArrow();
            b.edge("jPeepNew", Port.E, "jTanh", Port.W).kind(EdgeKind.MEMORY).noArrow();
        } else {
            b.edge("plus", Port.E, "jTanh", Port.W).kind(EdgeKind.MEMORY).noArrow();
        }
        b.edge("jTanh", Port.E, "c", Port.W).kind(EdgeKind.MEMORY);

        b.edge("forget", Port.N, "mulF", Port.S).kind(EdgeKind.GATE);
        b.edge("update", Port.N, "mulU", Port.W).kind(EdgeKind.GATE);
        b.edge("candidate", Port.N, "mulU", Port.S);
        b.edge("mulU", Port.N, "plus", Port.S).flow(Flow.UPDATE);
        b.edge("jTanh", Port.S, "tanhC", Port.N);
        b.edge("tanhC", Port.S, "mulO", Port.N);
        b.edge("output", Port.E, "mulO", Port.W).kind(EdgeKind.GATE);
        b.edge("mulO", Port.S, "a", Port.W).flow(Flow.OUTPUT);
        b.exit("c", 7.65, ROW_MEMORY);

        if (peephole) {
            // Γu and Γf peek at c<t-1> (tapped before Γf acts on it); Γo at the new c<t> (Gers et al. 2002).
            b.node("jPeepUpdate", NodeKind.JUNCTION, null, null, null, 0.95, 2.1); // above Γf's σ tag
            b.edge("jPeepPrev", Port.S, "jPeepUpdate", Port.N).kind(EdgeKind.PEEPHOLE).noArrow()
                    .label("c^<t-1>").labelLeft();
            b.edge("jPeepUpdate", Port.S, "forget", Port.W).kind(EdgeKind.PEEPHOLE);
            b.edge("jPeepUpdate", Port.E, "update", Port.N).kind(EdgeKind.PEEPHOLE).entryOffset(-0.2).bridge();
            b.edge("jPeepNew", Port.S, "output", Port.N).kind(EdgeKind.PEEPHOLE).label("c^<t>");
        }
        b.prediction("a", 8.1, 8.8, ROW_BUS);
        return b.build();
    }

    /** Collects nodes and edges; the helpers hold what the cells share (inputs, bus, GRU combination). */
    private static final class Builder {
        private final CellKind cell;
        private final GruReset reset;
        private final Map<String, Node> nodes = new LinkedHashMap<>();
        private final List<EdgeBuilder> edges = new ArrayList<>();
        private final Map<String, EdgeBuilder> byKey = new LinkedHashMap<>();

        Builder(CellKind cell, GruReset reset) {
            this.cell = cell;
            this.reset = reset;
        }

        public void node(String id, NodeKind kind, Quantity quantity, String symbol, String function, double col,
                  double row) {
            if (nodes.put(id, new Node(id, kind, quantity, symbol, function, col, row)) != null) {
                throw new IllegalStateException("node " + id + " twice");
            }
        }

        public EdgeBuilder edge(String from, Port exit, String to, Port entry) {
            EdgeBuilder edge = new EdgeBuilder(from, exit, to, entry);
            edges.add(edge);
            byKey.put(from + "->" + to, edge);
            return edge;
        }

        public void edgeLabel(String key, String label) {
            EdgeBuilder edge = byKey.get(key);
            if (edge == null) {
                throw new IllegalStateException("no edge " + key);
            }
            edge.label(label);
        }

        /** a&lt;t-1&gt; on the bus at the left (unless the bus starts elsewhere), x&lt;t&gt; below at {@code tokenCol}. */
        public void inputs(String busStart, double tokenCol) {
            if (busStart == null) {
                node("aPrev", NodeKind.INPUT, Quantity.ACTIVATION, "a^<t-1>", null, 0, ROW_BUS);
            }
            node("x", NodeKind.TOKEN, null, "x^<t>", null, tokenCol, ROW_INPUT);
            node("jx", NodeKind.JUNCTION, null, null, null, tokenCol, ROW_BUS);
            edge("x", Port.N, "jx", Port.S).noArrow();
        }

        /** The GRU's c&lt;t-1&gt; (= a&lt;t-1&gt;) on the memory line, dropping to the bus where x&lt;t&gt; joins. */
        public void gruInputs(double tokenCol) {
            node("cPrev", NodeKind.INPUT, Quantity.MEMORY_CELL, "c^<t-1>", null, 0, ROW_MEMORY);
            node("jDrop", NodeKind.JUNCTION, null, null, null, 0.55, ROW_MEMORY);
            node("jDropBus", NodeKind.JUNCTION, null, null, null, 0.55, ROW_BUS);
            edge("cPrev", Port.E, "jDrop", Port.W).kind(EdgeKind.MEMORY).noArrow();
            edge("jDrop", Port.S, "jDropBus", Port.N).noArrow().label("= a^<t-1>");
            inputs("jDropBus", tokenCol);
        }

        /** The bus from {@code start} through x&lt;t&gt;'s junction, feeding each box from below. */
        public void bus(String start, String... boxes) {
            String previous = start;
            for (String current : concat("jx", boxes)) {
                String junction = current.equals("jx") ? "jx" : "bus:" + current;
                if (!current.equals("jx")) {
                    node(junction, NodeKind.JUNCTION, null, null, null, nodes.get(current).col(), ROW_BUS);
                }
                edge(previous, Port.E, junction, Port.W).noArrow();
                if (!current.equals("jx")) {
                    EdgeBuilder feed = edge(junction, Port.N, current, Port.S);
                    if (nodes.get(current).showsValue()) {
                        feed.noArrow(); // the unit strip under the box sits on the line's end
                    }
                    byKey.put("bus:" + current, feed);
                }
                previous = junction;
            }
        }

        /**
         * c&lt;t&gt; = Γu ⊙ c̃ + (1 − Γu) ⊙ c&lt;t-1&gt;: Γu rises through "1−" into the × on the memory
         * line, and sideways into the × with c̃, whose product rises into the +.
         *
         * @param candidateCrosses whether c̃'s line has to cross Γu's on its way (full GRU)
         */
        public void gruCombination(String update, double keepCol, String candidate, double writeCol, double writeRow,
                            boolean candidateCrosses) {
            node("oneMinus", NodeKind.OP, null, "1−", null, keepCol, 1.62);
            node("mulK", NodeKind.OP, null, "×", null, keepCol, ROW_MEMORY);
            double junctionRow = candidateCrosses ? 2.2 : writeRow; // above the σ tag of Γu
            node("jUpdate", NodeKind.JUNCTION, null, null, null, keepCol, junctionRow);
            node("mulW", NodeKind.OP, null, "×", null, writeCol, writeRow);
            node("plus", NodeKind.OP, null, "+", null, writeCol, ROW_MEMORY);
            edge(update, Port.N, "jUpdate", Port.S).kind(EdgeKind.GATE).noArrow();
            edge("jUpdate", Port.N, "oneMinus", Port.S).kind(EdgeKind.GATE);
            edge("oneMinus", Port.N, "mulK", Port.S).kind(EdgeKind.GATE);
            if (candidateCrosses) {
                edge("jUpdate", Port.E, "mulW", Port.S).kind(EdgeKind.GATE);
                // out of c̃'s right side, up through the gap before Γu, over Γu's line into the ×
                double gap = (nodes.get(candidate).col() + keepCol) / 2;
                edge(candidate, Port.E, "mulW", Port.W).exitOffset(-0.2).via(gap).bridge();
            } else {
                edge("jUpdate", Port.E, "mulW", Port.W).kind(EdgeKind.GATE);
                edge(candidate, Port.N, "mulW", Port.S);
            }
            String tap = nodes.containsKey("jReset") ? "jReset" : "jDrop";
            edge(tap, Port.E, "mulK", Port.W).kind(EdgeKind.MEMORY);
            if (tap.equals("jReset")) {
                edge("jDrop", Port.E, "jReset", Port.W).kind(EdgeKind.MEMORY).noArrow();
            }
            edge("mulK", Port.E, "plus", Port.W).kind(EdgeKind.MEMORY).flow(Flow.KEEP);
            edge("mulW", Port.N, "plus", Port.S).flow(Flow.UPDATE);
        }

        /** c&lt;t&gt; leaves on the memory line; a&lt;t&gt; = c&lt;t&gt; is tapped off it down to the bus row. */
        public void gruOutputs(double plusCol) {
            double tapCol = plusCol + 0.75;
            double stateCol = plusCol + 1.6;
            node("jA", NodeKind.JUNCTION, null, null, null, tapCol, ROW_MEMORY);
            node("c", NodeKind.STATE, Quantity.MEMORY_CELL, "c^<t>", null, stateCol, ROW_MEMORY);
            node("a", NodeKind.STATE, Quantity.ACTIVATION, "a^<t>", null, stateCol, ROW_BUS);
            edge("plus", Port.E, "jA", Port.W).kind(EdgeKind.MEMORY).noArrow();
            edge("jA", Port.E, "c", Port.W).kind(EdgeKind.MEMORY);
            edge("jA", Port.S, "a", Port.W).label("a^<t> = c^<t>");
            exit("c", stateCol + 0.8, ROW_MEMORY);
            prediction("a", stateCol + 1.25, stateCol + 1.95, ROW_BUS);
        }

        /** An arrow from {@code from} out of the cell towards the next step. */
        public void exit(String from, double col, double row) {
            String id = "exit:" + from;
            node(id, NodeKind.EXIT, null, null, null, col, row);
            edge(from, Port.E, id, Port.W).kind(from.equals("c") ? EdgeKind.MEMORY : EdgeKind.DATA);
        }

        /** a&lt;t&gt; → (next step, right) and up into the softmax ŷ&lt;t&gt; at the top. */
        public void prediction(String from, double branchCol, double exitCol, double row) {
            prediction(from, branchCol, exitCol, row, ROW_PREDICTION);
        }

        public void prediction(String from, double branchCol, double exitCol, double row, double predictionRow) {
            node("jPrediction", NodeKind.JUNCTION, null, null, null, branchCol, row);
            node("prediction", NodeKind.PREDICTION, null, "ŷ^<t>", "softmax", branchCol, predictionRow);
            node("exit:a", NodeKind.EXIT, null, null, null, exitCol, row);
            edge(from, Port.E, "jPrediction", Port.W).noArrow();
            edge("jPrediction", Port.N, "prediction", Port.S);
            edge("jPrediction", Port.E, "exit:a", Port.W);
        }

        public CellStructure build() {
            List<Edge> built = new ArrayList<>();
            for (EdgeBuilder edge : edges) {
                Objects.requireNonNull(nodes.get(edge.from), () -> "edge from unknown node " + edge.from);
                Objects.requireNonNull(nodes.get(edge.to), () -> "edge to unknown node " + edge.to);
                built.add(edge.build());
            }
            return new CellStructure(cell, reset, List.copyOf(nodes.values()), built);
        }

        private static List<String> concat(String first, String... rest) {
            List<String> all = new ArrayList<>();
            all.add(first);
            all.addAll(List.of(rest));
            return all;
        }
    }

    private static final class EdgeBuilder {
        private final String from;
        private final Port exit;
        private final String to;
        private final Port entry;
        private double exitOffset = Double.NaN;
        private double entryOffset = Double.NaN;
        private EdgeKind kind = EdgeKind.DATA;
        private Flow flow = Flow.FULL;
        private boolean arrow = true;
        private boolean bridge;
        private String label;
        private boolean labelLeft;
        private double via = Double.NaN;

        EdgeBuilder(String from, Port exit, String to, Port entry) {
            this.from = from;
            this.exit = exit;
            this.to = to;
            this.entry = entry;
        }

        public EdgeBuilder kind(EdgeKind value) {
            kind = value;
            return this;
        }

        public EdgeBuilder flow(Flow value) {
            flow = value;
            return this;
        }

        public EdgeBuilder noArrow() {
            arrow = false;
            return this;
        }

        public EdgeBuilder bridge() {
            bridge = true;
            return this;
        }

        public EdgeBuilder label(String value) {
            label = value;
            return this;
        }

        public EdgeBuilder via(double value) {
            via = value;
            return this;
        }

        public EdgeBuilder labelLeft() {
            labelLeft = true;
            return this;
        }

        public EdgeBuilder exitOffset(double value) {
            exitOffset = value;
            return this;
        }

        public EdgeBuilder entryOffset(double value) {
            entryOffset = value;
            return this;
        }

        public Edge build() {
            return new Edge(from, exit, exitOffset, to, entry, entryOffset, kind, flow, arrow, bridge, label, labelLeft, via);
        }
    }
}
