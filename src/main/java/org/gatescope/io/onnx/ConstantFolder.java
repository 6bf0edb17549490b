package org.gatescope.io.onnx;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gatescope.io.onnx.OnnxGraph.Attribute;
import org.gatescope.io.onnx.OnnxGraph.Node;
import org.gatescope.io.onnx.OnnxTensor.DataType;

/**
 * Evaluates the parts of an ONNX graph that depend on constants only. Exporters rename and
 * reshape a recurrent layer's weights on their way to the LSTM / GRU / RNN node (PyTorch's keeps
 * {@code rnn.weight_ih_l0} behind Slice, Concat and Unsqueeze chains when constant folding is
 * off; tf2onnx slices one bidirectional node's output for the next), so W, R, B and P are found
 * by evaluating those chains, not by trusting names.
 *
 * <p>Folded: Constant, Identity, Cast, Shape, Slice, Concat, Unsqueeze, Squeeze, Transpose,
 * Reshape, Gather. A node with any non-constant input, or of another type, is left alone.
 */
public final class ConstantFolder {

    /** Bounds what folding may allocate: a constant larger than this is a hostile file, not a model. */
    static final long MAX_ELEMENTS = 1L << 28;

    private final long opset;
    private final Map<String, OnnxTensor> values = new HashMap<>();

    private ConstantFolder(OnnxGraph graph) {
        this.opset = graph.opset() < 0 ? 13 : graph.opset();
        values.putAll(graph.initializers());
    }

    /** Every value of the graph that constants determine, by name (initializers included). */
    public static Map<String, OnnxTensor> fold(OnnxGraph graph) throws OnnxFoldException {
        ConstantFolder folder = new ConstantFolder(graph);
        for (Node node : graph.nodes()) {
            folder.evaluate(node);
        }
        return Map.copyOf(folder.values);
    }

    /** A constant chain that cannot be evaluated (an index out of range, a shape that does not fit). */
    public static final class OnnxFoldException extends Exception {
        OnnxFoldException(Node node, String problem) {
            super("node " + node.label() + " (" + node.opType() + "): " + problem);
        }
    }

    private void evaluate(Node node) throws OnnxFoldException {
        if (!node.domain().isEmpty() && !node.domain().equals("ai.onnx")) {
            return;
        }
        if (node.opType().equals("Constant")) {
            put(node, constant(node));
            return;
        }
        for (String input : node.inputs()) {
            if (!input.isEmpty() && !values.containsKey(input)) {
                if (!node.opType().equals("Shape")) {
                    return;
                }
            }
        }
        OnnxTensor result = switch (node.opType()) {
            case "Identity" -> in(node, 0);
            case "Cast" -> cast(node);
            case "Shape" -> values.containsKey(node.input(0)) ? shapeOf(in(node, 0)) : null;
            case "Slice" -> slice(node);
            case "Concat" -> concat(node);
            case "Unsqueeze" -> unsqueeze(node);
            case "Squeeze" -> squeeze(node);
            case "Transpose" -> transpose(node);
            case "Reshape" -> reshape(node);
            case "Gather" -> gather(node);
            default -> null;
        };
        if (result != null) {
            put(node, result);
        }
    }

    private void put(Node node, OnnxTensor tensor) throws OnnxFoldException {
        if (tensor.values().length > MAX_ELEMENTS) {
            throw new OnnxFoldException(node, "makes a constant of " + tensor.values().length + " elements");
        }
        if (!node.outputs().isEmpty()) {
            values.put(node.outputs().get(0), tensor.named(node.outputs().get(0)));
        }
    }

    private OnnxTensor in(Node node, int k) {
        return values.get(node.input(k));
    }

    private Optional<long[]> ints(Node node, int inputIndex, String attribute) {
        if (opset >= 10 && !node.input(inputIndex).isEmpty() && values.containsKey(node.input(inputIndex))) {
            return Optional.of(in(node, inputIndex).longs());
        }
        return node.attribute(attribute).map(Attribute::ints);
    }

    private static OnnxTensor constant(Node node) throws OnnxFoldException {
        Optional<Attribute> tensor = node.attribute("value");
        if (tensor.isPresent() && tensor.get().t() != null) {
            return tensor.get().t();
        }
        if (node.attributes().containsKey("value_float")) {
            return new OnnxTensor("", DataType.FLOAT, new long[0], new double[] {node.attributes().get("value_float").f()});
        }
        if (node.attributes().containsKey("value_floats")) {
            double[] v = node.attributes().get("value_floats").floats();
            return new OnnxTensor("", DataType.FLOAT, new long[] {v.length}, v);
        }
        if (node.attributes().containsKey("value_int")) {
            return new OnnxTensor("", DataType.INT64, new long[0], new double[] {node.attributes().get("value_int").i()});
        }
        if (node.attributes().containsKey("value_ints")) {
            long[] v = node.attributes().get("value_ints").ints();
            return new OnnxTensor("", DataType.INT64, new long[] {v.length}, Arrays.stream(v).asDoubleStream().toArray());
        }
        throw new OnnxFoldException(node, "has no value GateScope reads (value, value_float(s), value_int(s))");
    }

    private OnnxTensor cast(Node node) {
        OnnxTensor x = in(node, 0);
        DataType to = DataType.of((int) node.intAttribute("to", 1));
        if (to == null) {
            return null;
        }
        double[] v = x.values().clone();
        if (!to.floating()) {
            for (int i = 0; i < v.length; i++) {
                v[i] = to == DataType.BOOL ? (v[i] != 0 ? 1 : 0) : (double) (long) v[i];
            }
        } else if (to == DataType.FLOAT) {
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) v[i];
            }
        }
        return new OnnxTensor("", to, x.dims(), v);
    }

    private static OnnxTensor shapeOf(OnnxTensor x) {
        return new OnnxTensor("", DataType.INT64, new long[] {x.rank()},
                Arrays.stream(x.dims()).asDoubleStream().toArray());
    }

    private OnnxTensor slice(Node node) throws OnnxFoldException {
        OnnxTensor x = in(node, 0);
        long[] starts = ints(node, 1, "starts").orElse(null);
        long[] ends = ints(node, 2, "ends").orElse(null);
        if (starts == null || ends == null || starts.length != ends.length) {
            throw new OnnxFoldException(node, "has starts and ends that do not match");
        }
        long[] axes = ints(node, 3, "axes").orElseGet(() -> range(starts.length));
        long[] steps = opset >= 10 && !node.input(4).isEmpty() ? in(node, 4).longs() : filled(starts.length, 1);
        int rank = x.rank();
        long[] begin = new long[rank];
        long[] step = filled(rank, 1);
        long[] count = x.dims().clone();
        for (int k = 0; k < axes.length; k++) {
            int axis = axis(node, axes[k], rank);
            long dim = x.dims()[axis];
            long s = steps[k];
            if (s == 0) {
                throw new OnnxFoldException(node, "has a step of 0");
            }
            long from = clampIndex(starts[k], dim, s > 0);
            long to = clampIndex(ends[k], dim, s > 0);
            begin[axis] = from;
            step[axis] = s;
            count[axis] = s > 0 ? Math.max(0, (to - from + s - 1) / s) : Math.max(0, (from - to - s - 1) / -s);
        }
        double[] out = new double[checkedCount(node, count)];
        long[] index = new long[rank];
        long[] strides = strides(x.dims());
        for (int i = 0; i < out.length; i++) {
            long source = 0;
            for (int d = 0; d < rank; d++) {
                source += (begin[d] + index[d] * step[d]) * strides[d];
            }
            out[i] = x.values()[(int) source];
            increment(index, count);
        }
        return new OnnxTensor("", x.type(), count, out);
    }

    /** numpy's clamping of a slice bound: negatives count from the end, then into [0, dim] (or [-1, dim-1] backwards). */
    private static long clampIndex(long bound, long dim, boolean forward) {
        long b = bound < 0 ? bound + dim : bound;
        return forward ? Math.max(0, Math.min(dim, b)) : Math.max(-1, Math.min(dim - 1, b));
    }

    private OnnxTensor concat(Node node) throws OnnxFoldException {
        List<String> inputs = node.inputs();
        OnnxTensor first = values.get(inputs.get(0));
        int axis = axis(node, node.intAttribute("axis", 0), first.rank());
        long[] dims = first.dims().clone();
        dims[axis] = 0;
        for (String name : inputs) {
            OnnxTensor t = values.get(name);
            if (t.rank() != first.rank()) {
                throw new OnnxFoldException(node, "joins tensors of rank " + first.rank() + " and " + t.rank());
            }
            for (int d = 0; d < dims.length; d++) {
                if (d != axis && t.dims()[d] != first.dims()[d]) {
                    throw new OnnxFoldException(node, "joins " + Arrays.toString(first.dims()) + " and "
                            + Arrays.toString(t.dims()) + " along axis " + axis);
                }
            }
            dims[axis] += t.dims()[axis];
        }
        double[] out = new double[checkedCount(node, dims)];
        long outer = 1;
        for (int d = 0; d < axis; d++) {
            outer *= dims[d];
        }
        int at = 0;
        for (long o = 0; o < outer; o++) {
            for (String name : inputs) {
                OnnxTensor t = values.get(name);
                int block = (int) (t.values().length / Math.max(1, outer));
                System.arraycopy(t.values(), (int) (o * block), out, at, block);
                at += block;
            }
        }
        return new OnnxTensor("", first.type(), dims, out);
    }

    private OnnxTensor unsqueeze(Node node) throws OnnxFoldException {
        OnnxTensor x = in(node, 0);
        long[] axes = (opset >= 13 ? ints(node, 1, "axes") : node.attribute("axes").map(Attribute::ints))
                .orElseThrow(() -> new OnnxFoldException(node, "has no axes"));
        int rank = x.rank() + axes.length;
        boolean[] inserted = new boolean[rank];
        for (long a : axes) {
            inserted[axis(node, a, rank)] = true;
        }
        long[] dims = new long[rank];
        for (int d = 0, k = 0; d < rank; d++) {
            dims[d] = inserted[d] ? 1 : x.dims()[k++];
        }
        return new OnnxTensor("", x.type(), dims, x.values());
    }

    private OnnxTensor squeeze(Node node) throws OnnxFoldException {
        OnnxTensor x = in(node, 0);
        Optional<long[]> axes = opset >= 13 ? ints(node, 1, "axes") : node.attribute("axes").map(Attribute::ints);
        boolean[] removed = new boolean[x.rank()];
        if (axes.isPresent()) {
            for (long a : axes.get()) {
                int axis = axis(node, a, x.rank());
                if (x.dims()[axis] != 1) {
                    throw new OnnxFoldException(node, "squeezes axis " + axis + " of size " + x.dims()[axis]);
                }
                removed[axis] = true;
            }
        } else {
            for (int d = 0; d < x.rank(); d++) {
                removed[d] = x.dims()[d] == 1;
            }
        }
        long[] dims = new long[x.rank()];
        int n = 0;
        for (int d = 0; d < x.rank(); d++) {
            if (!removed[d]) {
                dims[n++] = x.dims()[d];
            }
        }
        return new OnnxTensor("", x.type(), Arrays.copyOf(dims, n), x.values());
    }

    private OnnxTensor transpose(Node node) throws OnnxFoldException {
        OnnxTensor x = in(node, 0);
        int rank = x.rank();
        long[] perm = node.attribute("perm").map(Attribute::ints).orElseGet(() -> {
            long[] reversed = new long[rank];
            for (int d = 0; d < rank; d++) {
                reversed[d] = rank - 1 - d;
            }
            return reversed;
        });
        if (perm.length != rank) {
            throw new OnnxFoldException(node, "permutes " + perm.length + " axes of a rank-" + rank + " tensor");
        }
        long[] dims = new long[rank];
        for (int d = 0; d < rank; d++) {
            dims[d] = x.dims()[axis(node, perm[d], rank)];
        }
        long[] sourceStrides = strides(x.dims());
        double[] out = new double[x.values().length];
        long[] index = new long[rank];
        for (int i = 0; i < out.length; i++) {
            long source = 0;
            for (int d = 0; d < rank; d++) {
                source += index[d] * sourceStrides[(int) perm[d]];
            }
            out[i] = x.values()[(int) source];
            increment(index, dims);
        }
        return new OnnxTensor("", x.type(), dims, out);
    }

    private OnnxTensor reshape(Node node) throws OnnxFoldException {
        OnnxTensor x = in(node, 0);
        long[] shape = in(node, 1).longs();
        boolean allowZero = node.intAttribute("allowzero", 0) == 1;
        long known = 1;
        int infer = -1;
        long[] dims = new long[shape.length];
        for (int d = 0; d < shape.length; d++) {
            dims[d] = shape[d] == 0 && !allowZero ? x.dims()[d] : shape[d];
            if (dims[d] == -1) {
                if (infer >= 0) {
                    throw new OnnxFoldException(node, "has two dimensions to infer");
                }
                infer = d;
            } else if (dims[d] < 0) {
                throw new OnnxFoldException(node, "has dimension " + dims[d]);
            } else {
                known *= dims[d];
            }
        }
        if (infer >= 0) {
            dims[infer] = known == 0 ? 0 : x.values().length / known;
        }
        if (OnnxTensor.count(dims) != x.values().length) {
            throw new OnnxFoldException(node, "reshapes " + Arrays.toString(x.dims()) + " to " + Arrays.toString(dims));
        }
        return new OnnxTensor("", x.type(), dims, x.values());
    }

    private OnnxTensor gather(Node node) throws OnnxFoldException {
        OnnxTensor data = in(node, 0);
        OnnxTensor indices = in(node, 1);
        int axis = axis(node, node.intAttribute("axis", 0), data.rank());
        long size = data.dims()[axis];
        long[] dims = new long[data.rank() - 1 + indices.rank()];
        int n = 0;
        for (int d = 0; d < axis; d++) {
            dims[n++] = data.dims()[d];
        }
        for (long d : indices.dims()) {
            dims[n++] = d;
        }
        for (int d = axis + 1; d < data.rank(); d++) {
            dims[n++] = data.dims()[d];
        }
        long outer = 1;
        for (int d = 0; d < axis; d++) {
            outer *= data.dims()[d];
        }
        long inner = 1;
        for (int d = axis + 1; d < data.rank(); d++) {
            inner *= data.dims()[d];
        }
        double[] out = new double[checkedCount(node, dims)];
        int at = 0;
        for (long o = 0; o < outer; o++) {
            for (long raw : indices.longs()) {
                long index = raw < 0 ? raw + size : raw;
                if (index < 0 || index >= size) {
                    throw new OnnxFoldException(node, "gathers index " + raw + " of an axis of " + size);
                }
                System.arraycopy(data.values(), (int) ((o * size + index) * inner), out, at, (int) inner);
                at += inner;
            }
        }
        return new OnnxTensor("", data.type(), dims, out);
    }

    private static int axis(Node node, long axis, int rank) throws OnnxFoldException {
        long a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new OnnxFoldException(node, "names axis " + axis + " of a rank-" + rank + " tensor");
        }
        return (int) a;
    }

    private static int checkedCount(Node node, long[] dims) throws OnnxFoldException {
        long count = OnnxTensor.count(dims);
        if (count < 0 || count > MAX_ELEMENTS) {
            throw new OnnxFoldException(node, "makes a constant of shape " + Arrays.toString(dims));
        }
        return (int) count;
    }

    private static long[] strides(long[] dims) {
        long[] strides = new long[dims.length];
        long s = 1;
        for (int d = dims.length - 1; d >= 0; d--) {
            strides[d] = s;
            s *= dims[d];
        }
        return strides;
    }

    private static void increment(long[] index, long[] dims) {
        for (int d = index.length - 1; d >= 0; d--) {
            if (++index[d] < dims[d]) {
                return;
            }
            index[d] = 0;
        }
    }

    private static long[] range(int n) {
        long[] r = new long[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    private static long[] filled(int n, long value) {
        long[] r = new long[n];
        Arrays.fill(r, value);
        return r;
    }
}
