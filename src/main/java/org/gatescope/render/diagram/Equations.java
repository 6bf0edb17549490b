package org.gatescope.render.diagram;

import java.util.List;
import java.util.Locale;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.GruReset;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.Trace;
import org.gatescope.render.diagram.CellStructure.Node;

/**
 * The text a node's tooltip shows: its equation in the lecture's notation, exactly as
 * docs/equations.md writes it, with the current numbers plugged in, and the notes a student needs
 * (Γu = 1 − z for GRUs, tanh in the LSTM's a&lt;t&gt;, where the GRU applies Γr, what the peepholes
 * see). Numbers are those of the trace, never recomputed.
 */
public final class Equations {

    private Equations() {
    }

    /** A value as the diagram prints it: two decimals, a true minus sign, no "−0.00". */
    public static String number(double value) {
        String text = String.format(Locale.ROOT, "%.2f", value);
        if (text.equals("-0.00")) {
            return "0.00";
        }
        return text.startsWith("-") ? "\u2212" + text.substring(1) : text;
    }

    /** "x<2> = “cat”", the current token with its 1-based position, as the lecture counts. */
    public static String token(Trace trace, int t) {
        String word = trace.tokens().get(t);
        return "x<" + (t + 1) + "> = \u201c" + word + "\u201d" + (trace.isUnknown(t) ? " (unknown: " + trace.readAs(t) + ")" : "");
    }

    /** The tooltip of {@code quantity} at step {@code t} for {@code unit}. */
    public static String forQuantity(Trace trace, int t, int unit, Quantity quantity) {
        return forQuantity(trace, t, unit, quantity, LayerContext.OWN);
    }

    /** As {@link #forQuantity(Trace, int, int, Quantity)}, for a layer in {@code context} (t+1 for a backward direction). */
    public static String forQuantity(Trace trace, int t, int unit, Quantity quantity, LayerContext context) {
        if (!trace.has(quantity)) {
            throw new IllegalArgumentException(trace.cell().id() + " has no " + quantity.symbol());
        }
        Values v = new Values(trace, t, unit, context.backward());
        String body = switch (trace.cell()) {
            case RNN -> rnn(v);
            case GRU_SIMPLE, GRU -> gru(v, quantity);
            case LSTM, PEEPHOLE_LSTM -> lstm(v, quantity);
        };
        return header(trace, t, unit) + "\n" + context.direction(body);
    }

    /** The tooltip of any node: quantities as {@link #forQuantity}, the rest explained; null for bare junctions. */
    public static String forNode(Node node, Trace trace, int t, int unit) {
        return forNode(node, trace, t, unit, LayerContext.OWN);
    }

    /** As {@link #forNode(Node, Trace, int, int)}, for a layer in {@code context}. */
    public static String forNode(Node node, Trace trace, int t, int unit, LayerContext context) {
        if (node.isQuantityNode()) {
            return forQuantity(trace, t, unit, node.quantity(), context);
        }
        if (node.id().equals("plus")) {
            return forQuantity(trace, t, unit, Quantity.MEMORY_CELL, context);
        }
        if (node.id().equals("tanh")) {
            return forQuantity(trace, t, unit, Quantity.ACTIVATION, context);
        }
        boolean backward = context.backward();
        Values v = new Values(trace, t, unit, backward);
        boolean lstm = trace.cell().isLstm();
        // the step whose state this one starts from: t-1, or t+1 for a direction that reads backward
        int from = backward ? t + 1 : t - 1;
        boolean start = backward ? t == trace.length() - 1 : t == 0;
        String previousToken = backward ? "the next token (read before this one: this direction reads last to first)"
                : "the previous token";
        String zero = backward ? " (zero before the last token, where this direction starts)"
                : " (zero before the first token)";
        String text = switch (node.id()) {
            case "cPrev" -> lstm
                    ? "c<t-1> = " + n(v.previousCell) + ": the memory cell after " + previousToken
                            + (start ? zero : " " + quoted(trace, from))
                    : "c<t-1> = a<t-1> = " + n(v.previousCell) + ": the GRU's state after " + previousToken
                            + (start ? zero : " " + quoted(trace, from));
            case "aPrev" -> "a<t-1> = " + n(v.previousActivation) + ": the activation after " + previousToken
                    + (start ? zero : " " + quoted(trace, from));
            case "x" -> token(trace, t) + "\nthe embedding of the current token, the cell's input";
            case "mulF" -> "Γf ⊙ c<t-1> = " + n(v.forget) + " × " + n(v.previousCell) + " = "
                    + n(v.forget * v.previousCell) + "\nwhat the conveyor belt keeps of the old memory";
            case "mulU", "mulW" -> "Γu ⊙ c̃<t> = " + n(v.update) + " × " + n(v.candidate) + " = "
                    + n(v.update * v.candidate) + "\nwhat is written into the memory cell";
            case "mulK" -> "(1 − Γu) ⊙ c<t-1> = " + n(1 - v.update) + " × " + n(v.previousCell) + " = "
                    + n((1 - v.update) * v.previousCell) + "\nwhat the conveyor belt keeps of the old memory";
            case "oneMinus" -> "1 − Γu = 1 − " + n(v.update) + " = " + n(1 - v.update)
                    + "\nin a GRU one gate both writes (Γu) and keeps (1 − Γu)";
            case "tanhC" -> "tanh(c<t>) = tanh(" + n(v.cell) + ") = " + n(Math.tanh(v.cell))
                    + "\nthe memory cell squashed into (−1, 1) before the output gate";
            case "mulO" -> "a<t> = Γo ⊙ tanh(c<t>) = " + n(v.output) + " × " + n(Math.tanh(v.cell)) + " = "
                    + n(v.activation);
            case "mulR" -> trace.gruReset() == GruReset.BEFORE
                    ? "Γr ⊙ c<t-1> = " + n(v.relevance) + " × " + n(v.previousCell) + " = "
                            + n(v.relevance * v.previousCell)
                            + "\nreset before: Γr gates c<t-1> before the matrix W_hn (the lecture, Cho et al. 2014)"
                    : "Γr ⊙ (W_hn c<t-1> + b_hn), Γr = " + n(v.relevance)
                            + "\nreset after: Γr gates the recurrent term after the matrix W_hn (PyTorch, cuDNN)";
            case "linear" -> trace.gruReset() == GruReset.BEFORE
                    ? "W_hn (Γr ⊙ c<t-1>) + b_hn: the candidate's recurrent weights, applied after Γr"
                    : "W_hn c<t-1> + b_hn: the candidate's recurrent weights, applied before Γr";
            case "prediction" -> context.note() == null ? prediction(trace, t) : output(trace, t, context);
            default -> null;
        };
        return text == null ? null : header(trace, t, unit) + "\n" + context.direction(text);
    }

    private static String prediction(Trace trace, int t) {
        StringBuilder text = new StringBuilder("ŷ<t> = softmax(W_y a<t> + b_y): the next token is probably");
        for (Trace.Prediction p : trace.topPredictions(t, 5)) {
            text.append("\n  ").append(p.token()).append("  ").append(n(p.probability()));
        }
        return text.toString();
    }

    /** The box this layer feeds, as {@code context} describes it, with the head's top outputs where named. */
    private static String output(Trace trace, int t, LayerContext context) {
        StringBuilder text = new StringBuilder(context.note());
        List<Trace.Prediction> top = trace.topPredictions(t, 5);
        if (!top.isEmpty()) {
            text.append("\nafter this token, most probably:");
            for (Trace.Prediction p : top) {
                text.append("\n  ").append(p.token()).append("  ").append(n(p.probability()));
            }
        }
        return text.toString();
    }

    private static String header(Trace trace, int t, int unit) {
        return token(trace, t) + ", unit " + unit;
    }

    private static String quoted(Trace trace, int t) {
        return "(x<" + (t + 1) + "> = \u201c" + trace.tokens().get(t) + "\u201d)";
    }

    private static String rnn(Values v) {
        return "a<t> = tanh(W_ih x<t> + b_ih + W_hh a<t-1> + b_hh) = tanh(" + n(v.pre(Quantity.ACTIVATION))
                + ") = " + n(v.activation);
    }

    private static String gru(Values v, Quantity quantity) {
        boolean simple = v.trace.cell() == CellKind.GRU_SIMPLE;
        boolean before = v.trace.gruReset() == GruReset.BEFORE;
        return switch (quantity) {
            case RELEVANCE_GATE -> "Γr = σ(W_ir x<t> + b_ir + W_hr c<t-1> + b_hr) = σ(" + n(v.pre(quantity)) + ") = "
                    + n(v.relevance)
                    + "\nrelevance (reset) gate: how much c<t-1> counts in the candidate c̃<t>"
                    + (before ? "\napplied to c<t-1> before the matrix W_hn (reset before: the lecture, Cho et al. 2014)"
                              : "\napplied to W_hn c<t-1> + b_hn, after the matrix (reset after: PyTorch nn.GRU, cuDNN)");
            case UPDATE_GATE -> {
                double z = 1 - v.update;
                yield "Γu = 1 − z,  z = σ(W_iz x<t> + b_iz + W_hz c<t-1> + b_hz) = σ(" + n(v.pre(quantity)) + ") = "
                        + n(z) + "\nΓu = 1 − " + n(z) + " = " + n(v.update)
                        + "\nupdate gate, the lecture's write gate: PyTorch's z is the keep gate, so Γu = 1 − z";
            }
            case CANDIDATE -> simple
                    ? "c̃<t> = tanh(W_in x<t> + b_in + W_hn c<t-1> + b_hn) = tanh(" + n(v.pre(quantity)) + ") = "
                            + n(v.candidate)
                            + "\nsimplified GRU (the lecture's first version): no relevance gate, Γr ≡ 1"
                    : before
                    ? "c̃<t> = tanh(W_in x<t> + b_in + W_hn (Γr ⊙ c<t-1>) + b_hn) = tanh(" + n(v.pre(quantity))
                            + ") = " + n(v.candidate) + "\nwith Γr = " + n(v.relevance) + ", c<t-1> = "
                            + n(v.previousCell)
                            + "\nreset before (the lecture, Cho et al. 2014; Keras reset_after=False): Γr acts on c<t-1>"
                            + " before the matrix W_hn"
                    : "c̃<t> = tanh(W_in x<t> + b_in + Γr ⊙ (W_hn c<t-1> + b_hn)) = tanh(" + n(v.pre(quantity))
                            + ") = " + n(v.candidate) + "\nwith Γr = " + n(v.relevance) + ", c<t-1> = "
                            + n(v.previousCell)
                            + "\nreset after (PyTorch nn.GRU, cuDNN, Keras reset_after=True): Γr acts on the recurrent"
                            + " term after the matrix W_hn";
            case MEMORY_CELL -> "c<t> = Γu ⊙ c̃<t> + (1 − Γu) ⊙ c<t-1> = " + n(v.update) + " × " + n(v.candidate)
                    + " + " + n(1 - v.update) + " × " + n(v.previousCell) + " = " + n(v.cell)
                    + "\nΓu ≈ 0 keeps c<t-1> unchanged; Γu ≈ 1 writes c̃<t>";
            case ACTIVATION -> "a<t> = c<t> = " + n(v.activation) + "\nin a GRU the activation is the memory cell";
            default -> throw new IllegalArgumentException(quantity.symbol());
        };
    }

    private static String lstm(Values v, Quantity quantity) {
        boolean peephole = v.trace.cell() == CellKind.PEEPHOLE_LSTM;
        String oneToOne = " (one weight per unit: the lecture's one-to-one connection)";
        return switch (quantity) {
            case UPDATE_GATE -> "Γu = σ(W_ii x<t> + b_ii + W_hi a<t-1> + b_hi" + (peephole ? " + p_u ⊙ c<t-1>" : "")
                    + ") = σ(" + n(v.pre(quantity)) + ") = " + n(v.update)
                    + "\nupdate gate (PyTorch's input gate i): how much of c̃<t> is written"
                    + (peephole ? "\npeephole: Γu peeks at c<t-1> = " + n(v.previousCell) + oneToOne : "");
            case FORGET_GATE -> "Γf = σ(W_if x<t> + b_if + W_hf a<t-1> + b_hf" + (peephole ? " + p_f ⊙ c<t-1>" : "")
                    + ") = σ(" + n(v.pre(quantity)) + ") = " + n(v.forget)
                    + "\nforget gate: how much of c<t-1> the conveyor belt keeps"
                    + (peephole ? "\npeephole: Γf peeks at c<t-1> = " + n(v.previousCell) + oneToOne : "");
            case OUTPUT_GATE -> "Γo = σ(W_io x<t> + b_io + W_ho a<t-1> + b_ho" + (peephole ? " + p_o ⊙ c<t>" : "")
                    + ") = σ(" + n(v.pre(quantity)) + ") = " + n(v.output)
                    + "\noutput gate: how much of tanh(c<t>) becomes a<t>"
                    + (peephole ? "\npeephole: Γo peeks at the new c<t> = " + n(v.cell)
                            + ", as Gers, Schraudolph & Schmidhuber (2002), TF1, ONNX and CNTK do;"
                            + " the lecture says all three gates peek at c<t-1>" : "");
            case CANDIDATE -> "c̃<t> = tanh(W_ig x<t> + b_ig + W_hg a<t-1> + b_hg) = tanh(" + n(v.pre(quantity))
                    + ") = " + n(v.candidate) + "\ncandidate value (PyTorch's g)";
            case MEMORY_CELL -> "c<t> = Γu ⊙ c̃<t> + Γf ⊙ c<t-1> = " + n(v.update) + " × " + n(v.candidate) + " + "
                    + n(v.forget) + " × " + n(v.previousCell) + " = " + n(v.cell)
                    + "\nΓu ≈ 0 and Γf ≈ 1 carry c<t-1> unchanged along the conveyor belt";
            case ACTIVATION -> "a<t> = Γo ⊙ tanh(c<t>) = " + n(v.output) + " × tanh(" + n(v.cell) + ") = "
                    + n(v.output) + " × " + n(Math.tanh(v.cell)) + " = " + n(v.activation)
                    + "\nthe slide writes a<t> = Γo ⊙ c<t>; every framework applies tanh, and so does GateScope";
            default -> throw new IllegalArgumentException(quantity.symbol());
        };
    }

    private static String n(double value) {
        return number(value);
    }

    /** The selected unit's numbers at step t (gates absent from the cell read NaN). */
    private static final class Values {
        final Trace trace;
        final int t;
        final int unit;
        final double update;
        final double relevance;
        final double forget;
        final double output;
        final double candidate;
        final double cell;
        final double activation;
        final double previousCell;
        final double previousActivation;

        Values(Trace trace, int t, int unit, boolean backward) {
            this.trace = trace;
            this.t = t;
            this.unit = unit;
            update = get(Quantity.UPDATE_GATE);
            relevance = get(Quantity.RELEVANCE_GATE);
            forget = get(Quantity.FORGET_GATE);
            output = get(Quantity.OUTPUT_GATE);
            candidate = get(Quantity.CANDIDATE);
            cell = get(Quantity.MEMORY_CELL);
            activation = get(Quantity.ACTIVATION);
            // a backward direction's state before step t is the one after step t+1
            int from = backward ? t + 1 : t - 1;
            boolean exists = from >= 0 && from < trace.length();
            previousCell = trace.has(Quantity.MEMORY_CELL) && exists ? trace.value(Quantity.MEMORY_CELL, from, unit) : 0;
            previousActivation = exists ? trace.value(Quantity.ACTIVATION, from, unit) : 0;
        }

        public double pre(Quantity quantity) {
            return trace.preActivation(quantity, t, unit);
        }

        private double get(Quantity quantity) {
            return trace.has(quantity) ? trace.value(quantity, t, unit) : Double.NaN;
        }
    }
}
