package org.gatescope.io.onnx;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The main graph of an ONNX model as GateScope reads it: nodes in file (topological) order, the
 * initializers by name, and the graph's inputs and outputs.
 *
 * @param opset the default-domain operator set version, which changes how Slice, Squeeze and
 *              Unsqueeze take their arguments
 */
public record OnnxGraph(long irVersion, long opset, String producer, List<Node> nodes,
                        Map<String, OnnxTensor> initializers, List<ValueInfo> inputs, List<String> outputs,
                        List<ValueInfo> outputInfo) {

    /** One operator; attribute values keep their ONNX meaning. */
    public record Node(String name, String opType, String domain, List<String> inputs, List<String> outputs,
                       Map<String, Attribute> attributes) {

        /** The node's name for messages, or its type and first output when it has none. */
        public String label() {
            return name.isEmpty() ? opType + " → " + (outputs.isEmpty() ? "?" : outputs.get(0)) : name;
        }

        public Optional<Attribute> attribute(String key) {
            return Optional.ofNullable(attributes.get(key));
        }

        public long intAttribute(String key, long otherwise) {
            Attribute a = attributes.get(key);
            return a == null ? otherwise : a.i();
        }

        /** Input {@code k}, or "" when it is absent (ONNX marks skipped optional inputs with ""). */
        public String input(int k) {
            return k < inputs.size() ? inputs.get(k) : "";
        }
    }

    /** An attribute; only the field its type uses is meaningful. */
    public record Attribute(String name, long i, double f, String s, long[] ints, double[] floats,
                            List<String> strings, OnnxTensor t) {
    }

    /** A graph input with its element type and dimensions (-1 for a symbolic one such as "N"). */
    public record ValueInfo(String name, int elementType, long[] dims) {
    }
}
