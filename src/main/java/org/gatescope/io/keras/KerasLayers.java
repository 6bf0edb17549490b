package org.gatescope.io.keras;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gatescope.io.ModelFileException;

/**
 * A Keras model configuration read as the chain of layers GateScope can run: input, optional
 * embedding, recurrent layers (LSTM, GRU, SimpleRNN, each possibly Bidirectional), then the head
 * (Dense layers, activations; Dropout and its kin are the identity at inference). Sequential
 * models and functional models whose layers form one chain are accepted; anything else (a
 * branch, a layer GateScope cannot run, a setting that changes the equations such as
 * {@code go_backwards} or {@code stateful}) is refused in one line naming the layer and setting.
 */
public final class KerasLayers {

    /** One layer of the chain. */
    public sealed interface Layer permits Input, Embedding, Recurrent, Bidirectional, Dense, Identity {
        String name();
    }

    /** The model's input; {@code shape} excludes the batch dimension, -1 where it is free. */
    public record Input(String name, List<Integer> shape) implements Layer {
    }

    public record Embedding(String name, int inputDim, int outputDim, boolean maskZero) implements Layer {
    }

    public enum RecurrentKind { LSTM, GRU, SIMPLE_RNN }

    /**
     * @param resetAfter a GRU's {@code reset_after} as configured, or null when the config does not
     *                   say (Keras before 2.1.5): the bias shape decides then
     */
    public record Recurrent(String name, RecurrentKind kind, int units, String activation,
                            String recurrentActivation, boolean returnSequences, Boolean resetAfter,
                            boolean useBias) implements Layer {
    }

    /** Both directions of one recurrent layer; {@code mergeMode} as Keras names it ("concat", "sum"…). */
    public record Bidirectional(String name, Recurrent forward, Recurrent backward, String mergeMode) implements Layer {
    }

    /** A Dense layer, applied to every step when wrapped in TimeDistributed or fed a sequence. */
    public record Dense(String name, int units, String activation, boolean useBias) implements Layer {
    }

    /** A layer that changes nothing at inference (Dropout…), or an Activation layer ({@code activation} set). */
    public record Identity(String name, String className, String activation) implements Layer {
    }

    private static final List<String> IDENTITY_AT_INFERENCE = List.of("Dropout", "SpatialDropout1D", "GaussianNoise",
            "GaussianDropout", "AlphaDropout", "ActivityRegularization");

    private KerasLayers() {
    }

    /** The layers of {@code config} (the parsed {@code model_config} / {@code config.json}) in order. */
    public static List<Layer> chain(Path path, Map<String, Object> config) throws ModelFileException {
        String className = string(config, "class_name");
        Object inner = config.get("config");
        List<Map<String, Object>> layers;
        if (inner instanceof List<?> list) {
            layers = maps(path, list); // Keras 2.0 Sequential: the config is the list of layers
        } else if (inner instanceof Map<?, ?> map && map.get("layers") instanceof List<?> list) {
            layers = maps(path, list);
        } else {
            throw new ModelFileException(path, "model config has no layers");
        }
        if (!className.equals("Sequential")) {
            layers = functionalChain(path, layers);
        }
        List<Layer> chain = new ArrayList<>();
        for (Map<String, Object> layer : layers) {
            chain.add(layer(path, layer));
        }
        return chain;
    }

    /** A functional model's layers in the order data flows, if they form one chain. */
    private static List<Map<String, Object>> functionalChain(Path path, List<Map<String, Object>> layers)
            throws ModelFileException {
        Map<String, String> feeds = new HashMap<>();
        for (Map<String, Object> layer : layers) {
            String name = layerName(layer);
            List<String> inbound = inbound(layer.get("inbound_nodes"));
            if (inbound.size() > 1) {
                throw new ModelFileException(path, "layer " + name + " takes " + inbound.size()
                        + " inputs (" + String.join(", ", inbound) + "); GateScope runs models that are one chain of layers");
            }
            if (inbound.size() == 1) {
                feeds.put(name, inbound.get(0));
            }
        }
        Map<String, Integer> consumers = new HashMap<>();
        feeds.values().forEach(from -> consumers.merge(from, 1, Integer::sum));
        for (Map.Entry<String, Integer> e : consumers.entrySet()) {
            if (e.getValue() > 1) {
                throw new ModelFileException(path, "layer " + e.getKey() + " feeds " + e.getValue()
                        + " layers; GateScope runs models that are one chain of layers");
            }
        }
        // Keras lists layers in topological order; a chain keeps that order.
        return layers;
    }

    private static List<String> inbound(Object nodes) {
        List<String> names = new ArrayList<>();
        if (!(nodes instanceof List<?> list)) {
            return names;
        }
        for (Object node : list) {
            if (node instanceof List<?> keras2) { // [[name, node, tensor, kwargs], …]
                for (Object edge : keras2) {
                    if (edge instanceof List<?> e && !e.isEmpty() && e.get(0) instanceof String name) {
                        names.add(name);
                    }
                }
            } else if (node instanceof Map<?, ?> keras3 && keras3.get("args") instanceof List<?> args) {
                collectHistory(args, names);
            }
        }
        return names;
    }

    /** Keras 3 names an input tensor by {"keras_history": [layer, node, tensor]} anywhere in the args. */
    private static void collectHistory(Object value, List<String> names) {
        if (value instanceof Map<?, ?> map) {
            if (map.get("keras_history") instanceof List<?> history && !history.isEmpty()
                    && history.get(0) instanceof String name) {
                names.add(name);
                return;
            }
            for (Object v : map.values()) {
                collectHistory(v, names);
            }
        } else if (value instanceof List<?> list) {
            for (Object v : list) {
                collectHistory(v, names);
            }
        }
    }

    private static Layer layer(Path path, Map<String, Object> layer) throws ModelFileException {
        String className = string(layer, "class_name");
        Map<String, Object> config = map(layer.get("config"));
        String name = layerName(layer);
        switch (className) {
            case "InputLayer" -> {
                Object shape = config.containsKey("batch_shape") ? config.get("batch_shape") : config.get("batch_input_shape");
                List<Integer> dims = new ArrayList<>();
                if (shape instanceof List<?> list) {
                    for (Object d : list.subList(Math.min(1, list.size()), list.size())) {
                        dims.add(d instanceof Number n ? n.intValue() : -1);
                    }
                }
                return new Input(name, List.copyOf(dims));
            }
            case "Embedding" -> {
                return new Embedding(name, integer(path, name, config, "input_dim"), integer(path, name, config, "output_dim"),
                        Boolean.TRUE.equals(config.get("mask_zero")));
            }
            case "LSTM", "GRU", "SimpleRNN", "CuDNNLSTM", "CuDNNGRU" -> {
                return recurrent(path, className, name, config);
            }
            case "Bidirectional" -> {
                Map<String, Object> wrapped = map(config.get("layer"));
                Recurrent forward = recurrent(path, string(wrapped, "class_name"), name, map(wrapped.get("config")));
                Map<String, Object> backwardLayer = config.get("backward_layer") instanceof Map<?, ?> b ? map(b) : wrapped;
                Recurrent backward = recurrent(path, string(backwardLayer, "class_name"), name,
                        withoutGoBackwards(map(backwardLayer.get("config"))));
                String merge = config.get("merge_mode") instanceof String m ? m : "concat";
                if (!List.of("concat", "sum", "ave", "mul").contains(merge)) {
                    throw new ModelFileException(path, "layer " + name + ": merge_mode " + merge + " is not supported");
                }
                return new Bidirectional(name, forward, backward, merge);
            }
            case "Dense" -> {
                return dense(path, name, config);
            }
            case "TimeDistributed" -> {
                Map<String, Object> wrapped = map(config.get("layer"));
                if (!"Dense".equals(wrapped.get("class_name"))) {
                    throw new ModelFileException(path, "layer " + name + " wraps " + wrapped.get("class_name")
                            + "; GateScope runs TimeDistributed(Dense) only");
                }
                return dense(path, name, map(wrapped.get("config")));
            }
            case "Activation" -> {
                return new Identity(name, className, string(config, "activation"));
            }
            default -> {
                if (IDENTITY_AT_INFERENCE.contains(className)) {
                    return new Identity(name, className, null);
                }
                throw new ModelFileException(path, "layer " + name + " is a " + className
                        + ", which GateScope cannot run (it runs Embedding, LSTM, GRU, SimpleRNN, Bidirectional, Dense,"
                        + " Dropout and Activation layers)");
            }
        }
    }

    private static Recurrent recurrent(Path path, String className, String name, Map<String, Object> config)
            throws ModelFileException {
        RecurrentKind kind = switch (className) {
            case "LSTM", "CuDNNLSTM" -> RecurrentKind.LSTM;
            case "GRU", "CuDNNGRU" -> RecurrentKind.GRU;
            case "SimpleRNN" -> RecurrentKind.SIMPLE_RNN;
            default -> throw new ModelFileException(path, "layer " + name + " wraps a " + className
                    + ", which is not a recurrent layer GateScope runs");
        };
        for (String setting : List.of("go_backwards", "stateful")) {
            if (Boolean.TRUE.equals(config.get(setting))) {
                throw new ModelFileException(path, "layer " + name + " has " + setting
                        + "=True, which GateScope does not run");
            }
        }
        boolean cudnn = className.startsWith("CuDNN");
        String activation = cudnn ? "tanh" : config.get("activation") instanceof String a ? a : "tanh";
        String recurrentActivation = cudnn ? "sigmoid"
                : config.get("recurrent_activation") instanceof String r ? r : kind == RecurrentKind.SIMPLE_RNN ? null
                : "hard_sigmoid";
        Boolean resetAfter = cudnn ? Boolean.TRUE : config.get("reset_after") instanceof Boolean b ? b : null;
        return new Recurrent(name, kind, integer(path, name, config, "units"), activation, recurrentActivation,
                Boolean.TRUE.equals(config.get("return_sequences")), kind == RecurrentKind.GRU ? resetAfter : null,
                cudnn || !Boolean.FALSE.equals(config.get("use_bias")));
    }

    /** Keras stores the backward copy of a Bidirectional layer with go_backwards=True: that is what backward means there. */
    private static Map<String, Object> withoutGoBackwards(Map<String, Object> config) {
        Map<String, Object> copy = new HashMap<>(config);
        copy.remove("go_backwards");
        return copy;
    }

    private static Dense dense(Path path, String name, Map<String, Object> config) throws ModelFileException {
        return new Dense(name, integer(path, name, config, "units"),
                config.get("activation") instanceof String a ? a : "linear", !Boolean.FALSE.equals(config.get("use_bias")));
    }

    private static String layerName(Map<String, Object> layer) {
        if (layer.get("name") instanceof String name) {
            return name;
        }
        return map(layer.get("config")).get("name") instanceof String name ? name : "(unnamed)";
    }

    private static int integer(Path path, String layer, Map<String, Object> config, String key) throws ModelFileException {
        if (config.get(key) instanceof Number n && n.doubleValue() == n.intValue() && n.intValue() > 0) {
            return n.intValue();
        }
        throw new ModelFileException(path, "layer " + layer + " has no positive whole " + key);
    }

    private static String string(Map<String, Object> map, String key) {
        return map.get(key) instanceof String s ? s : "";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static List<Map<String, Object>> maps(Path path, List<?> list) throws ModelFileException {
        List<Map<String, Object>> maps = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?>)) {
                throw new ModelFileException(path, "model config lists a layer that is not an object");
            }
            maps.add(map(item));
        }
        return maps;
    }
}
