package org.gatescope.io.keras;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.gatescope.io.BoundedZip;
import org.gatescope.io.DType;
import org.gatescope.io.IoErrors;
import org.gatescope.io.Json;
import org.gatescope.io.JsonException;
import org.gatescope.io.ModelFileException;
import org.gatescope.io.Tensor;

/**
 * A whole Keras model as saved by {@code model.save(...)}: its configuration (the JSON Keras
 * rebuilds the model from) and each layer's weights in Keras's own order, read with jHDF (pure
 * Java HDF5). Two layouts:
 * <ul>
 *   <li>{@code .h5} (Keras 2, and Keras 3's legacy writer): the root attribute {@code model_config},
 *       {@code model_weights/<layer>} groups whose {@code weight_names} attribute lists the
 *       layer's datasets in order (Keras 2 as {@code gru_2/kernel:0}, Keras 3 as
 *       {@code sequential_7/lstm_14/lstm_cell/kernel}).</li>
 *   <li>{@code .keras} (Keras 3): a zip of {@code config.json}, {@code metadata.json} and
 *       {@code model.weights.h5}, whose {@code layers/<layer>/…/vars/<i>} datasets are numbered
 *       in the order Keras created them.</li>
 * </ul>
 * Which recurrent layers and conventions the configuration describes is read elsewhere; this
 * class only gets the file's contents out, checking every size against the file first.
 */
public final class KerasFile {

    /** Keras models people open are megabytes; refuse what could only exhaust memory. */
    static final long MAX_BYTES = 1L << 30;

    /**
     * @param kerasVersion as the file records it ("2.0.4", "3.5.0"), "" when it does not
     * @param config       the model's configuration, parsed (maps, lists, strings, numbers)
     * @param weights      per layer name, its weights in Keras's order, in the file's layer order
     */
    public record Contents(String kerasVersion, Map<String, Object> config, Map<String, List<Tensor>> weights) {
    }

    private KerasFile() {
    }

    public static Contents read(Path path) throws ModelFileException {
        if (Files.isDirectory(path)) {
            throw new ModelFileException(path, "is a directory, not a model file");
        }
        try {
            long size = Files.size(path);
            if (size == 0) {
                throw new ModelFileException(path, "is empty (0 bytes)");
            }
            if (size > MAX_BYTES) {
                throw new ModelFileException(path, "is " + size + " bytes, larger than a model GateScope opens");
            }
            return isZip(path) ? readKerasArchive(path) : readH5(path, size);
        } catch (NoSuchFileException e) {
            throw new ModelFileException(path, "file not found", e);
        } catch (IOException e) {
            throw new ModelFileException(path, "cannot read: " + IoErrors.reason(e), e);
        }
    }

    private static boolean isZip(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] magic = in.readNBytes(2);
            return magic.length == 2 && magic[0] == 'P' && magic[1] == 'K';
        }
    }

    private static Contents readH5(Path path, long fileSize) throws ModelFileException {
        try (HdfFile hdf = new HdfFile(path)) {
            String config = stringAttribute(hdf, "model_config");
            if (config == null) {
                if (hdf.getAttribute("layer_names") != null) {
                    throw new ModelFileException(path, "holds weights only (model.save_weights); GateScope needs the"
                            + " whole model, saved with model.save(\"model.h5\"), to know its layers");
                }
                throw new ModelFileException(path, "is an HDF5 file without a Keras model_config attribute");
            }
            Node weightsNode = hdf.getChild("model_weights");
            if (!(weightsNode instanceof Group modelWeights)) {
                throw new ModelFileException(path, "has a model_config but no model_weights group");
            }
            String version = stringAttribute(hdf, "keras_version");
            if (version == null) {
                version = stringAttribute(modelWeights, "keras_version");
            }
            Map<String, List<Tensor>> weights = new LinkedHashMap<>();
            for (String layer : strings(modelWeights.getAttribute("layer_names"))) {
                Node layerNode = modelWeights.getChild(layer);
                if (!(layerNode instanceof Group layerGroup)) {
                    throw new ModelFileException(path, "lists layer " + layer + " but has no group for it");
                }
                List<Tensor> tensors = new ArrayList<>();
                for (String name : strings(layerGroup.getAttribute("weight_names"))) {
                    Node node = layerGroup.getByPath(name);
                    if (!(node instanceof Dataset dataset)) {
                        throw new ModelFileException(path, "layer " + layer + " lists weight " + name + " but has no dataset");
                    }
                    tensors.add(tensor(path, layer + "/" + name, dataset, fileSize));
                }
                weights.put(layer, List.copyOf(tensors));
            }
            return new Contents(version == null ? "" : version, json(path, "model_config", config), weights);
        } catch (HdfException | IllegalArgumentException e) {
            throw new ModelFileException(path, "is not a readable HDF5 file (" + oneLine(e) + ")", e);
        }
    }

    private static Contents readKerasArchive(Path path) throws ModelFileException, IOException {
        try (ZipFile zip = new ZipFile(path.toFile())) {
            ZipEntry configEntry = zip.getEntry("config.json");
            ZipEntry weightsEntry = zip.getEntry("model.weights.h5");
            if (configEntry == null || weightsEntry == null) {
                throw new ModelFileException(path, "is a zip archive without config.json and model.weights.h5,"
                        + " so not a Keras 3 .keras model");
            }
            String config = new String(BoundedZip.read(path, zip, configEntry, 64L << 20), StandardCharsets.UTF_8);
            String version = "";
            ZipEntry metadataEntry = zip.getEntry("metadata.json");
            if (metadataEntry != null) {
                Object metadata = json(path, "metadata.json",
                        new String(BoundedZip.read(path, zip, metadataEntry, 1L << 20), StandardCharsets.UTF_8));
                if (metadata instanceof Map<?, ?> m && m.get("keras_version") instanceof String v) {
                    version = v;
                }
            }
            byte[] weightBytes = BoundedZip.read(path, zip, weightsEntry, MAX_BYTES);
            Map<String, List<Tensor>> weights = new LinkedHashMap<>();
            try (HdfFile hdf = HdfFile.fromByteBuffer(ByteBuffer.wrap(weightBytes))) {
                if (hdf.getChild("layers") instanceof Group layers) {
                    for (Node layer : layers.getChildren().values()) {
                        if (layer instanceof Group group) {
                            List<Tensor> tensors = new ArrayList<>();
                            collectVariables(path, group, group.getName(), tensors, weightBytes.length);
                            weights.put(group.getName(), List.copyOf(tensors));
                        }
                    }
                }
            } catch (HdfException | IllegalArgumentException e) {
                throw new ModelFileException(path, "model.weights.h5 is not a readable HDF5 file (" + oneLine(e) + ")", e);
            }
            return new Contents(version, json(path, "config.json", config), weights);
        } catch (ZipException e) {
            throw new ModelFileException(path, "is not a readable zip archive: " + e.getMessage(), e);
        }
    }

    /**
     * A layer's variables in Keras 3's order: its own {@code vars/0…n}, then those of its parts
     * (an RNN's {@code cell}; a Bidirectional's {@code forward_layer} before {@code backward_layer}).
     */
    private static void collectVariables(Path path, Group group, String where, List<Tensor> into, long fileSize)
            throws ModelFileException {
        if (group.getChild("vars") instanceof Group vars) {
            List<Node> numbered = new ArrayList<>(vars.getChildren().values());
            numbered.sort(Comparator.comparingInt(n -> index(n.getName())));
            for (Node node : numbered) {
                if (node instanceof Dataset dataset) {
                    into.add(tensor(path, where + "/vars/" + node.getName(), dataset, fileSize));
                }
            }
        }
        List<Node> parts = new ArrayList<>(group.getChildren().values());
        parts.removeIf(n -> n.getName().equals("vars") || !(n instanceof Group));
        parts.sort(Comparator.comparingInt((Node n) -> partOrder(n.getName())).thenComparing(Node::getName));
        for (Node part : parts) {
            collectVariables(path, (Group) part, where + "/" + part.getName(), into, fileSize);
        }
    }

    private static int partOrder(String name) {
        return switch (name) {
            case "cell" -> 0;
            case "forward_layer" -> 1;
            case "backward_layer" -> 2;
            default -> 3;
        };
    }

    private static int index(String name) {
        try {
            return Integer.parseInt(name);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static Tensor tensor(Path path, String name, Dataset dataset, long fileSize) throws ModelFileException {
        long[] dims = dataset.getDimensionsAsLong();
        int[] shape = new int[dims.length];
        long count = 1;
        for (int d = 0; d < dims.length; d++) {
            if (dims[d] < 0 || dims[d] > Integer.MAX_VALUE) {
                throw new ModelFileException(path, "dataset " + name + " has dimension " + dims[d]);
            }
            shape[d] = (int) dims[d];
            count = Math.multiplyExact(count, dims[d]);
        }
        Class<?> type = dataset.getJavaType();
        if (type != float.class && type != double.class) {
            throw new ModelFileException(path, "dataset " + name + " holds " + type.getSimpleName()
                    + " values; Keras weights are float32 or float64");
        }
        long bytes = dataset.getSizeInBytes();
        if (bytes > MAX_BYTES || (dataset.getFilters().isEmpty() && bytes > fileSize)) {
            throw new ModelFileException(path, "dataset " + name + " claims " + bytes + " bytes in a file of " + fileSize);
        }
        if (count == 0) {
            return new Tensor(name, DType.F32, shape, new double[0]);
        }
        Object flat = dataset.getDataFlat();
        double[] values = new double[(int) count];
        if (flat instanceof float[] f && f.length == count) {
            for (int i = 0; i < f.length; i++) {
                values[i] = f[i];
            }
            return new Tensor(name, DType.F32, shape, values);
        }
        if (flat instanceof double[] v && v.length == count) {
            return new Tensor(name, DType.F64, shape, v);
        }
        throw new ModelFileException(path, "dataset " + name + " does not hold the " + count + " values its shape says");
    }

    private static String stringAttribute(Node node, String key) {
        Attribute attribute = node.getAttribute(key);
        if (attribute == null) {
            return null;
        }
        Object data = attribute.getData();
        if (data instanceof String s) {
            return s;
        }
        if (data instanceof String[] array && array.length == 1) {
            return array[0];
        }
        return null;
    }

    private static List<String> strings(Attribute attribute) {
        if (attribute == null || attribute.isEmpty()) {
            return List.of();
        }
        Object data = attribute.getData();
        if (data instanceof String[] array) {
            return List.of(array);
        }
        if (data instanceof String s) {
            return List.of(s);
        }
        return List.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Path path, String what, String text) throws ModelFileException {
        try {
            Object parsed = Json.parse(text);
            if (parsed instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
            throw new ModelFileException(path, what + " is not a JSON object");
        } catch (JsonException e) {
            throw new ModelFileException(path, what + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
