package org.gatescope.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.GateActivation;
import org.gatescope.engine.GruReset;
import org.gatescope.engine.Network;
import org.gatescope.engine.NetworkLayer;

/**
 * GateScope's own file for any {@link Network} (what {@code import} writes): a safetensors file whose
 * tensors carry PyTorch's stacked names ({@code embedding.weight}, {@code rnn.weight_ih_l<k>[_reverse]},
 * {@code rnn.peephole_u_l<k>…}, {@code head.<i>.weight}, {@code head.<i>.bias}) and whose metadata key
 * {@value #NETWORK} describes the structure as JSON (docs/model-format.md, "Networks").
 * A single-layer next-token network is still written in the classic layout by {@link ModelFiles}.
 */
public final class NetworkFiles {

    /** The metadata key that marks a network file and holds its structure. */
    public static final String NETWORK = "gatescope_network";
    static final String LABELS = "output_labels";

    private NetworkFiles() {
    }

    public static boolean isNetworkFile(SafeTensorsFile file) {
        return file.metadata().containsKey(NETWORK);
    }

    public static void write(Path path, Network network) throws ModelFileException {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        StringBuilder json = new StringBuilder();
        JsonWriter w = new JsonWriter(json, true);
        try {
            w.beginObject();
            w.name("input").value(network.inputKind().name().toLowerCase(Locale.ROOT));
            w.name("input_size").value(network.inputSize());
            w.name("mask_zero").value(network.maskZero() ? "true" : "false");
            w.name("readout").value(network.readout().name().toLowerCase(Locale.ROOT));
            if (network.sharedEmbedding() != null) {
                put(tensors, "embedding.weight", network.sharedEmbedding());
            }
            w.name("levels").beginArray();
            for (int k = 0; k < network.levels().size(); k++) {
                Network.Level level = network.levels().get(k);
                w.beginObject();
                w.name("merge").value(level.merge().name().toLowerCase(Locale.ROOT));
                w.name("directions").beginArray();
                layer(w, tensors, level.forward(), "_l" + k);
                if (level.bidirectional()) {
                    layer(w, tensors, level.backward(), "_l" + k + "_reverse");
                }
                w.endArray();
                w.endObject();
            }
            w.endArray();
            w.name("head").beginArray();
            for (int i = 0; i < network.head().size(); i++) {
                Network.Dense dense = network.head().get(i);
                put(tensors, "head." + i + ".weight", dense.weight());
                put(tensors, "head." + i + ".bias", dense.bias());
                w.value(dense.activation().name().toLowerCase(Locale.ROOT));
            }
            w.endArray();
            w.endObject();
        } catch (IOException e) {
            throw new AssertionError("a StringBuilder does not fail", e);
        }
        Map<String, String> metadata = new LinkedHashMap<>(network.provenance());
        metadata.put(NETWORK, json.toString());
        if (!network.outputLabels().isEmpty()) {
            metadata.put(LABELS, stringArray(network.outputLabels()));
        }
        for (Tensor t : tensors.values()) {
            ModelFiles.checkFinite(path, "cannot save: tensor " + t.name(), t.shape(), t.data());
        }
        SafeTensors.write(path, new SafeTensorsFile(metadata, tensors));
    }

    private static void layer(JsonWriter w, Map<String, Tensor> tensors, NetworkLayer layer, String suffix)
            throws IOException {
        w.beginObject();
        w.name("cell").value(layer.cell().id());
        w.name("gru_reset").value(layer.gruReset().id());
        w.name("gates").value(layer.gateActivation().name().toLowerCase(Locale.ROOT));
        w.name("conventions").value(layer.conventions());
        w.endObject();
        put(tensors, "rnn.weight_ih" + suffix, layer.sharedWeightIh());
        put(tensors, "rnn.weight_hh" + suffix, layer.sharedWeightHh());
        put(tensors, "rnn.bias_ih" + suffix, layer.sharedBiasIh());
        put(tensors, "rnn.bias_hh" + suffix, layer.sharedBiasHh());
        if (layer.cell() == CellKind.PEEPHOLE_LSTM) {
            put(tensors, "rnn.peephole_u" + suffix, layer.sharedPeephole(0));
            put(tensors, "rnn.peephole_f" + suffix, layer.sharedPeephole(1));
            put(tensors, "rnn.peephole_o" + suffix, layer.sharedPeephole(2));
        }
    }

    private static void put(Map<String, Tensor> tensors, String name, DMatrixRMaj m) {
        int[] shape = m.numRows == 1 && (name.contains("bias") || name.contains("peephole"))
                ? new int[] {m.numCols} : new int[] {m.numRows, m.numCols};
        tensors.put(name, new Tensor(name, DType.F32, shape, m.data.clone()));
    }

    /** Reads a network file written by {@link #write}. */
    public static Network read(Path path, SafeTensorsFile file) throws ModelFileException {
        Map<?, ?> structure = object(path, NETWORK, file.metadata().get(NETWORK));
        Map<String, Tensor> tensors = file.tensors();
        try {
            Network.InputKind input = Network.InputKind.valueOf(upper(string(structure, "input")));
            DMatrixRMaj embedding = tensors.containsKey("embedding.weight") ? matrix(tensors.get("embedding.weight")) : null;
            List<Network.Level> levels = new ArrayList<>();
            List<?> levelList = (List<?>) structure.get("levels");
            for (int k = 0; k < levelList.size(); k++) {
                Map<?, ?> level = (Map<?, ?>) levelList.get(k);
                List<?> directions = (List<?>) level.get("directions");
                NetworkLayer forward = layer(path, (Map<?, ?>) directions.get(0), tensors, "_l" + k);
                NetworkLayer backward = directions.size() > 1
                        ? layer(path, (Map<?, ?>) directions.get(1), tensors, "_l" + k + "_reverse") : null;
                levels.add(new Network.Level(forward, backward, Network.Merge.valueOf(upper(string(level, "merge")))));
            }
            List<Network.Dense> head = new ArrayList<>();
            List<?> activations = (List<?>) structure.get("head");
            for (int i = 0; i < activations.size(); i++) {
                head.add(new Network.Dense(matrix(tensor(path, tensors, "head." + i + ".weight")),
                        matrix(tensor(path, tensors, "head." + i + ".bias")),
                        Network.Activation.valueOf(upper((String) activations.get(i)))));
            }
            List<String> labels = new ArrayList<>();
            if (file.metadata().containsKey(LABELS)) {
                for (Object label : (List<?>) Json.parse(file.metadata().get(LABELS))) {
                    labels.add(String.valueOf(label));
                }
            }
            Map<String, String> provenance = new LinkedHashMap<>(file.metadata());
            provenance.remove(NETWORK);
            provenance.remove(LABELS);
            return new Network(path.getFileName().toString(), input, ((Number) structure.get("input_size")).intValue(),
                    embedding, "true".equals(structure.get("mask_zero")), levels, head,
                    Network.Readout.valueOf(upper(string(structure, "readout"))), labels, provenance);
        } catch (ClassCastException | NullPointerException | IndexOutOfBoundsException | IllegalArgumentException
                 | JsonException e) {
            throw new ModelFileException(path, "metadata " + NETWORK + " does not describe a network GateScope reads ("
                    + e.getMessage() + ")", e);
        }
    }

    private static NetworkLayer layer(Path path, Map<?, ?> spec, Map<String, Tensor> tensors, String suffix)
            throws ModelFileException {
        CellKind cell = CellKind.fromId(string(spec, "cell")).orElseThrow(
                () -> new IllegalArgumentException("unknown cell " + spec.get("cell")));
        GruReset reset = GruReset.fromId(string(spec, "gru_reset")).orElse(GruReset.AFTER);
        GateActivation gates = GateActivation.valueOf(upper(string(spec, "gates")));
        DMatrixRMaj[] peepholes = cell == CellKind.PEEPHOLE_LSTM ? new DMatrixRMaj[] {
                matrix(tensor(path, tensors, "rnn.peephole_u" + suffix)), matrix(tensor(path, tensors, "rnn.peephole_f" + suffix)),
                matrix(tensor(path, tensors, "rnn.peephole_o" + suffix))} : null;
        return new NetworkLayer(cell, reset, gates, matrix(tensor(path, tensors, "rnn.weight_ih" + suffix)),
                matrix(tensor(path, tensors, "rnn.weight_hh" + suffix)), matrix(tensor(path, tensors, "rnn.bias_ih" + suffix)),
                matrix(tensor(path, tensors, "rnn.bias_hh" + suffix)), peepholes, string(spec, "conventions"));
    }

    private static Tensor tensor(Path path, Map<String, Tensor> tensors, String name) throws ModelFileException {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new ModelFileException(path, "missing tensor " + name);
        }
        return t;
    }

    private static DMatrixRMaj matrix(Tensor t) {
        int rows = t.shape().length == 2 ? t.shape()[0] : 1;
        int cols = t.shape().length == 2 ? t.shape()[1] : t.data().length;
        return new DMatrixRMaj(rows, cols, true, t.data());
    }

    private static Map<?, ?> object(Path path, String key, String json) throws ModelFileException {
        try {
            if (Json.parse(json) instanceof Map<?, ?> map) {
                return map;
            }
        } catch (JsonException e) {
            throw new ModelFileException(path, "metadata " + key + " is not valid JSON: " + e.getMessage(), e);
        }
        throw new ModelFileException(path, "metadata " + key + " is not a JSON object");
    }

    private static String string(Map<?, ?> map, String key) {
        Object value = map.get(key);
        if (!(value instanceof String s)) {
            throw new IllegalArgumentException("\"" + key + "\" missing");
        }
        return s;
    }

    private static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    private static String stringArray(List<String> values) {
        StringBuilder json = new StringBuilder();
        JsonWriter w = new JsonWriter(json, true);
        try {
            w.beginArray();
            for (String v : values) {
                w.value(v);
            }
            w.endArray();
        } catch (IOException e) {
            throw new AssertionError("a StringBuilder does not fail", e);
        }
        return json.toString();
    }
}
