package org.gatescope.render.diagram;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.gatescope.engine.GateActivation;
import org.gatescope.engine.Network;

/**
 * Where the layer the diagram draws sits in its model: its name, whether it reads the input last to
 * first (the backward direction of a bidirectional layer: its recurrent state comes from step t+1),
 * and what its a&lt;t&gt; feeds — GateScope's softmax ŷ&lt;t&gt;, the next layer, or a model's own head with
 * its activation — so the box at the top right is labelled truthfully.
 *
 * @param label    the layer and direction for the title ("layer 2 (backward)"); "" for a model of one layer
 * @param output   the top-right box's label as {@link MathText} markup ("ŷ^<t>", "layer 3", "ŷ")
 * @param function the function the box applies, shown small beside it ("softmax", "sigmoid"), or null
 * @param note     the box's tooltip: what it computes from this layer's a&lt;t&gt;
 * @param gates    the gates' function as their boxes are tagged: "σ", or "hard σ" for Keras's hard_sigmoid
 */
public record LayerContext(String label, boolean backward, String output, String function, String note,
                           String gates) {

    private static final String SIGMA = "\u03C3";

    /** GateScope's own model: one layer under a softmax over the vocabulary at every step. */
    public static final LayerContext OWN = new LayerContext("", false, "\u0177^<t>", "softmax", null, SIGMA);

    public LayerContext {
        Objects.requireNonNull(label);
        Objects.requireNonNull(output);
    }

    /**
     * Layer direction {@code direction} ({@link Network#layerDirections()}' order) of {@code network}.
     *
     * @param label as the window names it
     */
    public static LayerContext of(Network network, int direction, String label) {
        List<Network.Level> levels = network.levels();
        int index = 0;
        int level = 0;
        boolean backward = false;
        for (int k = 0; k < levels.size(); k++) {
            int count = levels.get(k).bidirectional() ? 2 : 1;
            if (direction < index + count) {
                level = k;
                backward = direction > index;
                break;
            }
            index += count;
        }
        Network.Level here = levels.get(level);
        String gates = network.layerDirections().get(direction).gateActivation() == GateActivation.SIGMOID ? SIGMA
                : "hard " + SIGMA;
        boolean top = level == levels.size() - 1;
        boolean everyStep = network.readout() == Network.Readout.EVERY_STEP;
        String joined = joined(here, everyStep || !top ? "<t>" : null);
        if (!top) {
            Network.Level next = levels.get(level + 1);
            return new LayerContext(label, backward, "layer " + (level + 2), null,
                    joined + " is layer " + (level + 2) + "'s input x<t> (" + (next.bidirectional() ? "bidirectional " : "")
                            + next.forward().cell().displayName() + ", " + next.forward().hiddenSize() + " units), at every step",
                    gates);
        }
        if (network.head().isEmpty()) {
            return new LayerContext(label, backward, everyStep ? "out^<t>" : "out", null,
                    "no head: " + joined + " is the model's output" + (everyStep ? " at every step" : after(here)), gates);
        }
        String expression = joined;
        for (int i = 0; i < network.head().size(); i++) {
            Network.Dense dense = network.head().get(i);
            String w = network.head().size() == 1 ? "W_y" : "W_" + (i + 1);
            String b = network.head().size() == 1 ? "b_y" : "b_" + (i + 1);
            String affine = w + " " + expression + " + " + b;
            expression = dense.activation() == Network.Activation.LINEAR ? "(" + affine + ")"
                    : name(dense.activation()) + "(" + affine + ")";
        }
        Network.Activation last = network.head().get(network.head().size() - 1).activation();
        String y = everyStep ? "\u0177<t>" : "\u0177";
        String layers = network.head().size() == 1 ? "one dense layer" : network.head().size() + " dense layers";
        return new LayerContext(label, backward, everyStep ? "\u0177^<t>" : "\u0177", name(last),
                y + " = " + expression + "\nthe model's head (" + layers + ", " + network.outputSize() + " outputs)"
                        + (everyStep ? " reads every step" : after(here)), gates);
    }

    /** "a<t>", or for a bidirectional level both directions joined as it joins them. */
    private static String joined(Network.Level level, String at) {
        if (!level.bidirectional()) {
            return at == null ? "a<T>" : "a" + at;
        }
        String f = at == null ? "a\u2192<T>" : "a\u2192" + at;
        String b = at == null ? "a\u2190<1>" : "a\u2190" + at;
        return switch (level.merge()) {
            case CONCAT -> "[" + f + "; " + b + "]";
            case SUM -> "(" + f + " + " + b + ")";
            case AVERAGE -> "(" + f + " + " + b + ")/2";
            case MULTIPLY -> "(" + f + " \u2299 " + b + ")";
        };
    }

    private static String after(Network.Level level) {
        return ", once, after the whole input: the forward direction's last state"
                + (level.bidirectional() ? " with the backward direction's state at x<1>, where it ends" : "")
                + "; the other steps feed it only through the recurrence";
    }

    private static String name(Network.Activation activation) {
        return activation.name().toLowerCase(Locale.ROOT);
    }

    /** The structure as this layer's diagram shows it: t+1 for a backward direction, and its output box. */
    public CellStructure apply(CellStructure structure) {
        List<CellStructure.Node> nodes = structure.nodes().stream().map(node -> {
            String symbol = node.symbol();
            String function = node.function();
            if (node.kind() == CellStructure.NodeKind.PREDICTION) {
                symbol = output;
                function = this.function;
            } else if (SIGMA.equals(function)) {
                function = gates;
            }
            return new CellStructure.Node(node.id(), node.kind(), node.quantity(), direction(symbol), function,
                    node.col(), node.row());
        }).toList();
        List<CellStructure.Edge> edges = structure.edges().stream().map(e -> new CellStructure.Edge(e.from(), e.exit(),
                e.exitOffset(), e.to(), e.entry(), e.entryOffset(), e.kind(), e.flow(), e.arrow(), e.bridge(),
                direction(e.label()), e.labelLeft(), e.via())).toList();
        return new CellStructure(structure.cell(), structure.reset(), nodes, edges);
    }

    /** A label or text with the previous step named as this direction has it: t+1 when it reads backward. */
    public String direction(String text) {
        if (text == null || !backward) {
            return text;
        }
        return text.replace("<t-1>", "<t+1>").replace("t \u2212 1", "t + 1");
    }
}
