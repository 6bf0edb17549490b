package org.gatescope.io.onnx;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.GateActivation;
import org.gatescope.engine.GruReset;
import org.gatescope.engine.Network;
import org.gatescope.engine.NetworkLayer;
import org.gatescope.io.GateBlocks;
import org.gatescope.io.ModelFileException;
import org.gatescope.io.onnx.ConstantFolder.OnnxFoldException;
import org.gatescope.io.onnx.OnnxGraph.Node;

/**
 * Builds a {@link Network} from an ONNX graph. The recurrent layers are its LSTM, GRU and RNN
 * nodes in graph order, their W, R, B (and P) found by folding constants, whatever the exporter
 * named them; ONNX's gate orders (LSTM i, o, f, c; GRU z, r, h) become GateScope's, B = [Wb ‖ Rb]
 * is split, {@code linear_before_reset} chooses the GRU's reset, peepholes make a peephole LSTM.
 * The embedding is a Gather from a constant table; the head is the MatMul (+ Add) or Gemm nodes
 * after the last recurrent node, with the Relu, Tanh, Sigmoid or Softmax that follow each.
 * A graph output with a time axis is read at every step; one without is a sequence classifier,
 * read at the forward direction's end and the backward direction's start.
 */
public final class OnnxNetworks {

    private static final Set<String> RECURRENT = Set.of("LSTM", "GRU", "RNN");
    /** Nodes that move data between recurrent layers and head without computing on it. */
    private static final Set<String> PLUMBING = Set.of("Identity", "Transpose", "Reshape", "Squeeze", "Unsqueeze",
            "Slice", "Concat", "Gather", "Shape", "Expand", "Constant", "ConstantOfShape", "Cast", "Split", "Flatten",
            "Dropout");
    private static final Set<String> UNSUPPORTED_RECURRENT_ATTRIBUTES = Set.of("clip", "input_forget",
            "activation_alpha", "activation_beta");

    private OnnxNetworks() {
    }

    public static Network build(Path path, OnnxGraph graph, List<String> vocabulary) throws ModelFileException {
        Map<String, OnnxTensor> constants;
        try {
            constants = ConstantFolder.fold(graph);
        } catch (OnnxFoldException e) {
            throw new ModelFileException(path, e.getMessage(), e);
        }
        DMatrixRMaj embedding = null;
        List<Network.Level> levels = new ArrayList<>();
        List<Network.Dense> head = new ArrayList<>();
        int lastRecurrent = -1;
        List<Node> nodes = graph.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            if (RECURRENT.contains(node.opType())) {
                lastRecurrent = i;
                levels.add(level(path, node, constants));
            } else if (node.opType().equals("Gather") && levels.isEmpty() && embedding == null
                    && constants.containsKey(node.input(0)) && !constants.containsKey(node.input(1))) {
                OnnxTensor table = constants.get(node.input(0));
                if (table.rank() == 2) {
                    embedding = new DMatrixRMaj(table.shape()[0], table.shape()[1], true, table.values());
                }
            }
        }
        if (levels.isEmpty()) {
            throw new ModelFileException(path, "has no LSTM, GRU or RNN node");
        }
        for (int i = lastRecurrent + 1; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            if (constants.containsKey(node.outputs().isEmpty() ? "" : node.outputs().get(0))
                    || PLUMBING.contains(node.opType())) {
                continue;
            }
            int width = head.isEmpty() ? levels.get(levels.size() - 1).outputSize() : head.get(head.size() - 1).weight().numRows;
            switch (node.opType()) {
                case "MatMul" -> head.add(dense(path, node, constants.get(node.input(1)), false, width));
                case "Gemm" -> {
                    Network.Dense gemm = dense(path, node, constants.get(node.input(1)),
                            node.intAttribute("transB", 0) == 1, width);
                    OnnxTensor c = constants.get(node.input(2));
                    head.add(c == null ? gemm : withBias(path, node, gemm, c));
                }
                case "Add" -> {
                    OnnxTensor bias = constants.containsKey(node.input(1)) ? constants.get(node.input(1))
                            : constants.get(node.input(0));
                    if (head.isEmpty() || bias == null) {
                        throw unsupported(path, node, "adds something other than a dense layer's bias");
                    }
                    head.add(withBias(path, node, head.remove(head.size() - 1), bias));
                }
                case "Relu", "Tanh", "Sigmoid", "Softmax", "LogSoftmax" -> {
                    if (head.isEmpty()) {
                        throw unsupported(path, node, "applies an activation to the recurrent output directly");
                    }
                    if (node.opType().equals("LogSoftmax")) {
                        throw unsupported(path, node, "is a LogSoftmax; GateScope shows probabilities (Softmax)");
                    }
                    Network.Dense last = head.remove(head.size() - 1);
                    head.add(new Network.Dense(last.weight(), last.bias(), switch (node.opType()) {
                        case "Relu" -> Network.Activation.RELU;
                        case "Tanh" -> Network.Activation.TANH;
                        case "Sigmoid" -> Network.Activation.SIGMOID;
                        default -> Network.Activation.SOFTMAX;
                    }));
                }
                default -> throw unsupported(path, node, "is not an operation GateScope runs after the recurrent layers");
            }
        }
        int width = levels.get(0).forward().inputSize();
        Network.InputKind kind = embedding != null ? Network.InputKind.TOKEN_IDS
                : vocabulary.size() == width ? Network.InputKind.ONE_HOT : Network.InputKind.FEATURES;
        Network.Readout readout = outputHasTimeAxis(graph) ? Network.Readout.EVERY_STEP : Network.Readout.LAST_STEP;
        int outputs = head.isEmpty() ? levels.get(levels.size() - 1).outputSize() : head.get(head.size() - 1).weight().numRows;
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("format", "ONNX (opset " + graph.opset() + ")");
        provenance.put("producer", graph.producer());
        try {
            return new Network(path.getFileName().toString(), kind, embedding != null ? embedding.numRows : width,
                    embedding, false, levels, head, readout, outputs == vocabulary.size() ? vocabulary : List.of(),
                    provenance);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(path, e.getMessage(), e);
        }
    }

    /**
     * Whether the model's output keeps a time axis ([T, N, out]: read at every step) or not ([N, out]:
     * a classifier). The output's declared shape says; without one, a Slice or Gather after the last
     * recurrent node (picking a step) says classifier.
     */
    private static boolean outputHasTimeAxis(OnnxGraph graph) {
        if (!graph.outputInfo().isEmpty() && graph.outputInfo().get(0).dims().length > 0) {
            return graph.outputInfo().get(0).dims().length >= 3;
        }
        for (int i = graph.nodes().size() - 1; i >= 0; i--) {
            Node node = graph.nodes().get(i);
            if (node.opType().equals("Slice") || node.opType().equals("Gather")) {
                return false;
            }
            if (RECURRENT.contains(node.opType())) {
                return true;
            }
        }
        return true;
    }

    private static Network.Level level(Path path, Node node, Map<String, OnnxTensor> constants) throws ModelFileException {
        for (String attribute : UNSUPPORTED_RECURRENT_ATTRIBUTES) {
            if (node.attributes().containsKey(attribute)) {
                throw unsupported(path, node, "sets " + attribute + ", which GateScope does not run");
            }
        }
        if (node.intAttribute("layout", 0) != 0) {
            throw unsupported(path, node, "uses layout=1 (batch first)");
        }
        if (!node.input(4).isEmpty() && !constants.containsKey(node.input(4))) {
            throw unsupported(path, node, "takes sequence_lens at run time");
        }
        String direction = node.attribute("direction").map(OnnxGraph.Attribute::s).orElse("forward");
        if (direction.equals("reverse")) {
            throw unsupported(path, node, "runs in reverse only");
        }
        for (String activation : node.attribute("activations").map(OnnxGraph.Attribute::strings).orElse(List.of())) {
            if (!activation.equalsIgnoreCase("sigmoid") && !activation.equalsIgnoreCase("tanh")) {
                throw unsupported(path, node, "uses the activation " + activation);
            }
        }
        OnnxTensor w = constant(path, node, constants, 1, "W");
        OnnxTensor r = constant(path, node, constants, 2, "R");
        OnnxTensor b = node.input(3).isEmpty() ? null : constant(path, node, constants, 3, "B");
        OnnxTensor p = node.input(7).isEmpty() ? null : constant(path, node, constants, 7, "P");
        int dirs = (int) w.dims()[0];
        int rows = (int) w.dims()[1];
        int in = (int) w.dims()[2];
        int h = (int) r.dims()[2];
        CellKind cell = switch (node.opType()) {
            case "LSTM" -> p == null ? CellKind.LSTM : CellKind.PEEPHOLE_LSTM;
            case "GRU" -> CellKind.GRU;
            default -> CellKind.RNN;
        };
        int g = cell.gateBlocks();
        if (rows != g * h || (direction.equals("bidirectional") ? 2 : 1) != dirs) {
            throw unsupported(path, node, "has W " + Arrays.toString(w.dims()) + " and R " + Arrays.toString(r.dims())
                    + ", which do not fit " + direction + " " + node.opType() + " with " + h + " units");
        }
        GruReset reset = node.intAttribute("linear_before_reset", 0) == 1 ? GruReset.AFTER : GruReset.BEFORE;
        int[] order = switch (cell) {
            case LSTM, PEEPHOLE_LSTM -> new int[] {0, 2, 3, 1}; // ONNX i, o, f, c → i, f, g, o
            case GRU -> new int[] {1, 0, 2};                    // ONNX z, r, h → r, z, n
            default -> new int[] {0};
        };
        NetworkLayer[] layers = new NetworkLayer[dirs];
        for (int d = 0; d < dirs; d++) {
            DMatrixRMaj wIh = GateBlocks.reorder(new DMatrixRMaj(g * h, in, true, slice(w, d)), order, h);
            DMatrixRMaj wHh = GateBlocks.reorder(new DMatrixRMaj(g * h, h, true, slice(r, d)), order, h);
            double[] bIh = new double[g * h];
            double[] bHh = new double[g * h];
            if (b != null) {
                double[] both = slice(b, d);
                bIh = GateBlocks.reorder(Arrays.copyOfRange(both, 0, g * h), order, h);
                bHh = GateBlocks.reorder(Arrays.copyOfRange(both, g * h, 2 * g * h), order, h);
            }
            DMatrixRMaj[] peepholes = null;
            if (p != null) {
                double[] pd = slice(p, d); // ONNX P = [Pi, Po, Pf] → p_u, p_f, p_o
                peepholes = new DMatrixRMaj[] {vector(Arrays.copyOfRange(pd, 0, h)),
                        vector(Arrays.copyOfRange(pd, 2 * h, 3 * h)), vector(Arrays.copyOfRange(pd, h, 2 * h))};
            }
            String conventions = "ONNX " + node.opType() + (cell == CellKind.GRU
                    ? " z,r,h, linear_before_reset=" + (reset == GruReset.AFTER ? 1 : 0) : cell == CellKind.RNN ? "" : " i,o,f,c")
                    + (p != null ? ", peepholes" : "");
            try {
                layers[d] = new NetworkLayer(cell, cell == CellKind.GRU ? reset : GruReset.AFTER, GateActivation.SIGMOID,
                        wIh, wHh, vector(bIh), vector(bHh), peepholes, conventions);
            } catch (IllegalArgumentException e) {
                throw unsupported(path, node, e.getMessage());
            }
        }
        return new Network.Level(layers[0], dirs == 2 ? layers[1] : null, Network.Merge.CONCAT);
    }

    private static OnnxTensor constant(Path path, Node node, Map<String, OnnxTensor> constants, int input, String what)
            throws ModelFileException {
        OnnxTensor t = constants.get(node.input(input));
        if (t == null) {
            throw unsupported(path, node, "computes its " + what + " at run time; GateScope reads weights that are constants");
        }
        return t;
    }

    /** Direction d of a [dirs, …] tensor, flattened. */
    private static double[] slice(OnnxTensor t, int d) {
        int per = t.values().length / (int) t.dims()[0];
        return Arrays.copyOfRange(t.values(), d * per, (d + 1) * per);
    }

    private static Network.Dense dense(Path path, Node node, OnnxTensor weight, boolean transposed, int width)
            throws ModelFileException {
        if (weight == null || weight.rank() != 2) {
            throw unsupported(path, node, "multiplies by something that is not a constant matrix");
        }
        int rows = (int) weight.dims()[0];
        int cols = (int) weight.dims()[1];
        DMatrixRMaj w;
        if (transposed) { // Gemm transB: B is already [out, in]
            w = new DMatrixRMaj(rows, cols, true, weight.values());
        } else {          // MatMul: B is [in, out]
            w = new DMatrixRMaj(cols, rows);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    w.data[j * rows + i] = weight.values()[i * cols + j];
                }
            }
        }
        if (w.numCols != width) {
            throw unsupported(path, node, "reads " + w.numCols + " values but receives " + width);
        }
        return new Network.Dense(w, new DMatrixRMaj(1, w.numRows), Network.Activation.LINEAR);
    }

    private static Network.Dense withBias(Path path, Node node, Network.Dense dense, OnnxTensor bias) throws ModelFileException {
        if (bias.values().length != dense.weight().numRows) {
            throw unsupported(path, node, "adds " + bias.values().length + " values to " + dense.weight().numRows + " outputs");
        }
        double[] b = dense.bias().data.clone();
        for (int i = 0; i < b.length; i++) {
            b[i] += bias.values()[i];
        }
        return new Network.Dense(dense.weight(), vector(b), dense.activation());
    }

    private static DMatrixRMaj vector(double[] v) {
        return new DMatrixRMaj(1, v.length, true, v);
    }

    private static ModelFileException unsupported(Path path, Node node, String problem) {
        return new ModelFileException(path, "node " + node.label() + " (" + node.opType() + ") " + problem);
    }
}
