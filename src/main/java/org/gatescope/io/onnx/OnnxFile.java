package org.gatescope.io.onnx;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gatescope.io.HalfFloats;
import org.gatescope.io.IoErrors;
import org.gatescope.io.ModelFileException;
import org.gatescope.io.onnx.OnnxGraph.Attribute;
import org.gatescope.io.onnx.OnnxGraph.Node;
import org.gatescope.io.onnx.OnnxGraph.ValueInfo;
import org.gatescope.io.onnx.OnnxTensor.DataType;
import org.gatescope.io.onnx.ProtoReader.ProtoException;

/**
 * Reads an {@code .onnx} file (a serialised {@code ModelProto}) with GateScope's own small
 * protocol-buffers reader, no ONNX runtime: the main graph's nodes, initializers, inputs and
 * outputs. Tensors stored outside the file ({@code data_location = EXTERNAL}) are refused, as
 * they would make the reader open other paths the file names.
 */
public final class OnnxFile {

    /** Recurrent models people open are megabytes; this refuses a mistaken multi-gigabyte file. */
    static final long MAX_FILE_BYTES = 1L << 30;

    private OnnxFile() {
    }

    public static OnnxGraph read(Path path) throws ModelFileException {
        if (Files.isDirectory(path)) {
            throw new ModelFileException(path, "is a directory, not a model file");
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0) {
                throw new ModelFileException(path, "is empty (0 bytes)");
            }
            if (size > MAX_FILE_BYTES) {
                throw new ModelFileException(path, "is " + size + " bytes, larger than a model GateScope opens");
            }
            ByteBuffer bytes = channel.map(FileChannel.MapMode.READ_ONLY, 0, size).order(ByteOrder.LITTLE_ENDIAN);
            return model(ProtoReader.of(bytes, "model"));
        } catch (NoSuchFileException e) {
            throw new ModelFileException(path, "file not found", e);
        } catch (ProtoException e) {
            throw new ModelFileException(path, e.getMessage() + " (is it an ONNX file?)", e);
        } catch (IOException e) {
            throw new ModelFileException(path, "cannot read: " + IoErrors.reason(e), e);
        }
    }

    private static OnnxGraph model(ProtoReader model) throws ProtoException {
        long irVersion = 0;
        long opset = -1;
        String producer = "";
        String producerVersion = "";
        ProtoReader graph = null;
        while (model.next()) {
            switch (model.field()) {
                case 1 -> irVersion = model.varint();
                case 2 -> producer = model.string();
                case 3 -> producerVersion = model.string();
                case 7 -> graph = model.message("graph");
                case 8 -> {
                    ProtoReader set = model.message("opset import");
                    String domain = "";
                    long version = -1;
                    while (set.next()) {
                        switch (set.field()) {
                            case 1 -> domain = set.string();
                            case 2 -> version = set.varint();
                            default -> set.skip();
                        }
                    }
                    if (domain.isEmpty() || domain.equals("ai.onnx")) {
                        opset = version;
                    }
                }
                default -> model.skip();
            }
        }
        if (graph == null) {
            throw new ProtoException("holds no graph, so it is not an ONNX model");
        }
        return graph(graph, irVersion, opset, (producer + " " + producerVersion).trim());
    }

    private static OnnxGraph graph(ProtoReader graph, long irVersion, long opset, String producer) throws ProtoException {
        List<Node> nodes = new ArrayList<>();
        Map<String, OnnxTensor> initializers = new LinkedHashMap<>();
        List<ValueInfo> inputs = new ArrayList<>();
        List<ValueInfo> outputs = new ArrayList<>();
        while (graph.next()) {
            switch (graph.field()) {
                case 1 -> nodes.add(node(graph.message("node")));
                case 5 -> {
                    OnnxTensor tensor = tensor(graph.message("initializer"));
                    initializers.put(tensor.name(), tensor);
                }
                case 11 -> inputs.add(valueInfo(graph.message("graph input")));
                case 12 -> outputs.add(valueInfo(graph.message("graph output")));
                default -> graph.skip();
            }
        }
        inputs.removeIf(input -> initializers.containsKey(input.name())); // IR < 4 lists initializers as inputs
        return new OnnxGraph(irVersion, opset, producer, List.copyOf(nodes), initializers, List.copyOf(inputs),
                outputs.stream().map(ValueInfo::name).toList(), List.copyOf(outputs));
    }

    private static Node node(ProtoReader node) throws ProtoException {
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        String name = "";
        String opType = "";
        String domain = "";
        Map<String, Attribute> attributes = new LinkedHashMap<>();
        while (node.next()) {
            switch (node.field()) {
                case 1 -> inputs.add(node.string());
                case 2 -> outputs.add(node.string());
                case 3 -> name = node.string();
                case 4 -> opType = node.string();
                case 7 -> domain = node.string();
                case 5 -> {
                    Attribute attribute = attribute(node.message("attribute"));
                    attributes.put(attribute.name(), attribute);
                }
                default -> node.skip();
            }
        }
        return new Node(name, opType, domain, List.copyOf(inputs), List.copyOf(outputs), attributes);
    }

    private static Attribute attribute(ProtoReader a) throws ProtoException {
        String name = "";
        long i = 0;
        double f = 0;
        String s = "";
        List<Long> ints = new ArrayList<>();
        List<Double> floats = new ArrayList<>();
        List<String> strings = new ArrayList<>();
        OnnxTensor t = null;
        while (a.next()) {
            switch (a.field()) {
                case 1 -> name = a.string();
                case 2 -> f = a.fixed32();
                case 3 -> i = a.varint();
                case 4 -> s = a.string();
                case 5 -> t = tensor(a.message("attribute tensor"));
                case 7 -> a.readFloats(floats::add);
                case 8 -> a.readInts(ints::add);
                case 9 -> strings.add(a.string());
                default -> a.skip(); // graphs (If/Loop bodies) and sparse tensors: not for recurrent layers
            }
        }
        return new Attribute(name, i, f, s, ints.stream().mapToLong(Long::longValue).toArray(),
                floats.stream().mapToDouble(Double::doubleValue).toArray(), List.copyOf(strings), t);
    }

    private static ValueInfo valueInfo(ProtoReader info) throws ProtoException {
        String name = "";
        int elementType = 0;
        List<Long> dims = new ArrayList<>();
        while (info.next()) {
            if (info.field() == 1) {
                name = info.string();
            } else if (info.field() == 2) {
                ProtoReader type = info.message("value type");
                while (type.next()) {
                    if (type.field() != 1) {
                        type.skip();
                        continue;
                    }
                    ProtoReader tensorType = type.message("tensor type");
                    while (tensorType.next()) {
                        if (tensorType.field() == 1) {
                            elementType = (int) tensorType.varint();
                        } else if (tensorType.field() == 2) {
                            ProtoReader shape = tensorType.message("shape");
                            while (shape.next()) {
                                if (shape.field() != 1) {
                                    shape.skip();
                                    continue;
                                }
                                ProtoReader dim = shape.message("dimension");
                                long value = -1;
                                while (dim.next()) {
                                    if (dim.field() == 1) {
                                        value = dim.varint();
                                    } else {
                                        dim.skip();
                                    }
                                }
                                dims.add(value);
                            }
                        } else {
                            tensorType.skip();
                        }
                    }
                }
            } else {
                info.skip();
            }
        }
        return new ValueInfo(name, elementType, dims.stream().mapToLong(Long::longValue).toArray());
    }

    static OnnxTensor tensor(ProtoReader t) throws ProtoException {
        List<Long> dims = new ArrayList<>();
        int code = 1;
        String name = "";
        ByteBuffer raw = null;
        List<Double> listed = new ArrayList<>();
        boolean external = false;
        while (t.next()) {
            switch (t.field()) {
                case 1 -> t.readInts(dims::add);
                case 2 -> code = (int) t.varint();
                case 4 -> t.readFloats(listed::add);
                case 5, 7 -> t.readInts(v -> listed.add((double) v));
                case 8 -> name = t.string();
                case 9 -> raw = t.bytes();
                case 10 -> t.readDoubles(listed::add);
                case 11 -> t.readInts(v -> listed.add((double) v));
                case 14 -> external = t.varint() == 1;
                default -> t.skip();
            }
        }
        String label = "tensor " + (name.isEmpty() ? "(unnamed)" : name);
        if (external) {
            throw new ProtoException(label + " is stored in an external file; GateScope opens single-file models only");
        }
        DataType type = DataType.of(code);
        if (type == null) {
            throw new ProtoException(label + " has element type " + code + ", which GateScope does not read");
        }
        long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
        long count = OnnxTensor.count(shape);
        if (count < 0 || count > Integer.MAX_VALUE - 8) {
            throw new ProtoException(label + " has impossible dimensions " + dims);
        }
        double[] values;
        if (raw != null) {
            if (raw.remaining() != count * type.bytes) {
                throw new ProtoException(label + " " + dims + " of " + type + " needs " + count * type.bytes
                        + " bytes, its data has " + raw.remaining());
            }
            values = new double[(int) count];
            for (int k = 0; k < values.length; k++) {
                values[k] = element(raw, type, k);
            }
        } else {
            if (listed.size() != count) {
                throw new ProtoException(label + " " + dims + " lists " + listed.size() + " values");
            }
            values = listed.stream().mapToDouble(Double::doubleValue).toArray();
            if (type == DataType.FLOAT16 || type == DataType.BFLOAT16) {
                for (int k = 0; k < values.length; k++) {
                    values[k] = halfBits(type, (int) values[k]);
                }
            }
        }
        return new OnnxTensor(name, type, shape, values);
    }

    private static double element(ByteBuffer raw, DataType type, int k) {
        int at = k * type.bytes;
        return switch (type) {
            case FLOAT -> raw.getFloat(at);
            case DOUBLE -> raw.getDouble(at);
            case INT64 -> raw.getLong(at);
            case UINT64 -> raw.getLong(at) < 0 ? Math.pow(2, 64) + raw.getLong(at) : raw.getLong(at);
            case INT32 -> raw.getInt(at);
            case UINT32 -> raw.getInt(at) & 0xffffffffL;
            case INT16 -> raw.getShort(at);
            case UINT16 -> raw.getShort(at) & 0xffff;
            case INT8 -> raw.get(at);
            case UINT8 -> raw.get(at) & 0xff;
            case BOOL -> raw.get(at) != 0 ? 1 : 0;
            case FLOAT16, BFLOAT16 -> halfBits(type, raw.getShort(at) & 0xffff);
        };
    }

    private static double halfBits(DataType type, int bits) {
        return type == DataType.BFLOAT16 ? HalfFloats.fromBfloat16(bits) : HalfFloats.fromFloat16(bits);
    }
}
