package org.gatescope.io.keras;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.GateActivation;
import org.gatescope.engine.GruReset;
import org.gatescope.engine.Network;
import org.gatescope.engine.NetworkLayer;
import org.gatescope.io.GateBlocks;
import org.gatescope.io.ModelFileException;
import org.gatescope.io.Tensor;
import org.gatescope.io.keras.KerasLayers.Bidirectional;
import org.gatescope.io.keras.KerasLayers.Dense;
import org.gatescope.io.keras.KerasLayers.Embedding;
import org.gatescope.io.keras.KerasLayers.Identity;
import org.gatescope.io.keras.KerasLayers.Input;
import org.gatescope.io.keras.KerasLayers.Layer;
import org.gatescope.io.keras.KerasLayers.Recurrent;

/**
 * Converts a Keras model into a {@link Network}, every convention exactly:
 * <ul>
 *   <li>kernels are (in, G·H) and recurrent kernels (H, G·H): transposed into W_ih, W_hh;</li>
 *   <li>LSTM gates i, f, c, o are PyTorch's i, f, g, o; one bias, all of it on the input side;</li>
 *   <li>GRU gates z, r, h become r, z, n; bias (2, 3H) is reset_after (input row, recurrent row),
 *       bias (3H,) reset-before with the bias on the input side. A config without
 *       {@code reset_after} (Keras before 2.1.5) is decided by the bias's shape;</li>
 *   <li>{@code hard_sigmoid} gates are Keras 1–2's or Keras 3's by the file's {@code keras_version};</li>
 *   <li>Dense kernels (in, out) are transposed; an Activation layer after a linear Dense is its activation.</li>
 * </ul>
 */
public final class KerasNetworks {

    private KerasNetworks() {
    }

    public static Network build(Path path, KerasFile.Contents contents, List<String> vocabulary) throws ModelFileException {
        List<Layer> chain = KerasLayers.chain(path, contents.config());
        boolean keras3 = contents.kerasVersion().startsWith("3");
        Network.InputKind inputKind = null;
        int inputSize = 0;
        DMatrixRMaj embedding = null;
        boolean maskZero = false;
        List<Network.Level> levels = new ArrayList<>();
        List<Network.Dense> head = new ArrayList<>();
        Boolean lastReturnsSequences = null;
        for (Layer layer : chain) {
            List<Tensor> weights = contents.weights().getOrDefault(layer.name(), List.of());
            if (layer instanceof Input input) {
                if (input.shape().size() == 2) {
                    inputSize = input.shape().get(1);
                }
            } else if (layer instanceof Embedding e) {
                require(path, levels.isEmpty() && embedding == null, layer, "an Embedding must come first");
                Tensor table = weight(path, layer, weights, 0, e.inputDim(), e.outputDim());
                embedding = new DMatrixRMaj(e.inputDim(), e.outputDim(), true, table.data());
                inputKind = Network.InputKind.TOKEN_IDS;
                inputSize = e.inputDim();
                maskZero = e.maskZero();
            } else if (layer instanceof Recurrent r) {
                require(path, head.isEmpty(), layer, "a recurrent layer after the dense head is not a chain GateScope runs");
                require(path, lastReturnsSequences == null || lastReturnsSequences, layer,
                        "the layer before it returns only its last state");
                int width = levels.isEmpty() ? firstWidth(embedding, inputSize) : levels.get(levels.size() - 1).outputSize();
                levels.add(new Network.Level(recurrent(path, r, weights, 0, width, keras3), null, Network.Merge.CONCAT));
                lastReturnsSequences = r.returnSequences();
            } else if (layer instanceof Bidirectional b) {
                require(path, head.isEmpty(), layer, "a recurrent layer after the dense head is not a chain GateScope runs");
                require(path, lastReturnsSequences == null || lastReturnsSequences, layer,
                        "the layer before it returns only its last state");
                int width = levels.isEmpty() ? firstWidth(embedding, inputSize) : levels.get(levels.size() - 1).outputSize();
                int perDirection = weights.size() / 2;
                NetworkLayer forward = recurrent(path, b.forward(), weights, 0, width, keras3);
                NetworkLayer backward = recurrent(path, b.backward(), weights, perDirection, width, keras3);
                Network.Merge merge = switch (b.mergeMode()) {
                    case "sum" -> Network.Merge.SUM;
                    case "ave" -> Network.Merge.AVERAGE;
                    case "mul" -> Network.Merge.MULTIPLY;
                    default -> Network.Merge.CONCAT;
                };
                levels.add(new Network.Level(forward, backward, merge));
                lastReturnsSequences = b.forward().returnSequences();
            } else if (layer instanceof Dense d) {
                require(path, !levels.isEmpty(), layer, "a Dense layer before any recurrent layer is not supported");
                int in = head.isEmpty() ? levels.get(levels.size() - 1).outputSize() : head.get(head.size() - 1).weight().numRows;
                Tensor kernel = weight(path, layer, weights, 0, in, d.units());
                DMatrixRMaj w = transpose(kernel.data(), in, d.units());
                DMatrixRMaj bias = d.useBias() ? vector(weight(path, layer, weights, 1, d.units()).data())
                        : new DMatrixRMaj(1, d.units());
                head.add(new Network.Dense(w, bias, activation(path, layer, d.activation())));
            } else if (layer instanceof Identity id && id.activation() != null) {
                require(path, !head.isEmpty() && head.get(head.size() - 1).activation() == Network.Activation.LINEAR, layer,
                        "an Activation layer is supported after a linear Dense layer only");
                Network.Dense last = head.remove(head.size() - 1);
                head.add(new Network.Dense(last.weight(), last.bias(), activation(path, layer, id.activation())));
            }
        }
        if (levels.isEmpty()) {
            throw new ModelFileException(path, "has no LSTM, GRU or SimpleRNN layer");
        }
        if (inputKind == null) {
            require(path, inputSize > 0, chain.get(0), "the input's width is not stated");
            inputKind = !vocabulary.isEmpty() && vocabulary.size() == inputSize ? Network.InputKind.ONE_HOT
                    : Network.InputKind.FEATURES;
        }
        Network.Readout readout = Boolean.FALSE.equals(lastReturnsSequences) ? Network.Readout.LAST_STEP
                : Network.Readout.EVERY_STEP;
        int outputs = head.isEmpty() ? levels.get(levels.size() - 1).outputSize() : head.get(head.size() - 1).weight().numRows;
        List<String> labels = outputs == vocabulary.size() ? vocabulary : List.of();
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("format", "Keras " + (path.toString().endsWith(".keras") ? ".keras" : ".h5"));
        provenance.put("keras_version", contents.kerasVersion());
        String name = path.getFileName().toString();
        try {
            return new Network(name, inputKind, inputSize, embedding, maskZero, levels, head, readout, labels, provenance);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(path, e.getMessage(), e);
        }
    }

    private static int firstWidth(DMatrixRMaj embedding, int inputSize) {
        return embedding != null ? embedding.numCols : inputSize;
    }

    private static NetworkLayer recurrent(Path path, Recurrent r, List<Tensor> weights, int first, int inputWidth,
                                          boolean keras3) throws ModelFileException {
        if (!"tanh".equals(r.activation())) {
            throw new ModelFileException(path, "layer " + r.name() + " has activation " + r.activation()
                    + "; GateScope's cells use tanh");
        }
        GateActivation gates = switch (r.recurrentActivation() == null ? "sigmoid" : r.recurrentActivation()) {
            case "sigmoid" -> GateActivation.SIGMOID;
            case "hard_sigmoid" -> keras3 ? GateActivation.HARD_SIGMOID_KERAS3 : GateActivation.HARD_SIGMOID_KERAS2;
            default -> throw new ModelFileException(path, "layer " + r.name() + " has recurrent_activation "
                    + r.recurrentActivation() + "; GateScope runs sigmoid and hard_sigmoid gates");
        };
        int h = r.units();
        CellKind cell = switch (r.kind()) {
            case LSTM -> CellKind.LSTM;
            case GRU -> CellKind.GRU;
            case SIMPLE_RNN -> CellKind.RNN;
        };
        int g = cell.gateBlocks();
        Tensor kernel = weight(path, r, weights, first, inputWidth, g * h);
        Tensor recurrentKernel = weight(path, r, weights, first + 1, h, g * h);
        double[] biasIh = new double[g * h];
        double[] biasHh = new double[g * h];
        GruReset reset = GruReset.AFTER;
        String convention;
        if (r.useBias()) {
            Tensor bias = at(path, r, weights, first + 2);
            int n = bias.data().length;
            if (n == g * h) {
                System.arraycopy(bias.data(), 0, biasIh, 0, n);
                reset = GruReset.BEFORE;
            } else if (n == 2 * g * h) {
                System.arraycopy(bias.data(), 0, biasIh, 0, g * h);
                System.arraycopy(bias.data(), g * h, biasHh, 0, g * h);
            } else {
                throw new ModelFileException(path, "layer " + r.name() + ": bias " + java.util.Arrays.toString(bias.shape())
                        + " fits neither " + g * h + " nor 2×" + g * h + " values");
            }
            if (cell == CellKind.GRU && r.resetAfter() != null && r.resetAfter() != (n == 2 * g * h)) {
                throw new ModelFileException(path, "layer " + r.name() + " says reset_after=" + r.resetAfter()
                        + " but its bias has " + n + " values");
            }
        } else if (cell == CellKind.GRU && !Boolean.TRUE.equals(r.resetAfter())) {
            reset = GruReset.BEFORE;
        }
        DMatrixRMaj wIh = transpose(kernel.data(), inputWidth, g * h);
        DMatrixRMaj wHh = transpose(recurrentKernel.data(), h, g * h);
        if (cell == CellKind.GRU) {
            // Keras z, r, h → GateScope (PyTorch) r, z, n
            int[] order = {1, 0, 2};
            wIh = GateBlocks.reorder(wIh, order, h);
            wHh = GateBlocks.reorder(wHh, order, h);
            biasIh = GateBlocks.reorder(biasIh, order, h);
            biasHh = GateBlocks.reorder(biasHh, order, h);
            convention = "Keras GRU z,r,h, " + (reset == GruReset.AFTER ? "reset_after=True" : "reset_after=False")
                    + (r.resetAfter() == null ? " (decided by the bias shape)" : "");
        } else {
            convention = cell == CellKind.LSTM ? "Keras LSTM i,f,c,o" : "Keras SimpleRNN";
        }
        if (cell != CellKind.GRU) {
            reset = GruReset.AFTER;
        }
        convention += ", gates " + gates.description();
        try {
            return new NetworkLayer(cell, reset, gates, wIh, wHh, vector(biasIh), vector(biasHh), null, convention);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(path, "layer " + r.name() + ": " + e.getMessage(), e);
        }
    }

    private static Network.Activation activation(Path path, Layer layer, String name) throws ModelFileException {
        return switch (name) {
            case "linear" -> Network.Activation.LINEAR;
            case "relu" -> Network.Activation.RELU;
            case "tanh" -> Network.Activation.TANH;
            case "sigmoid" -> Network.Activation.SIGMOID;
            case "softmax" -> Network.Activation.SOFTMAX;
            default -> throw new ModelFileException(path, "layer " + layer.name() + " has activation " + name
                    + "; GateScope's heads use linear, relu, tanh, sigmoid or softmax");
        };
    }

    private static Tensor at(Path path, Layer layer, List<Tensor> weights, int index) throws ModelFileException {
        if (index >= weights.size()) {
            throw new ModelFileException(path, "layer " + layer.name() + " has " + weights.size()
                    + " weights; expected at least " + (index + 1));
        }
        return weights.get(index);
    }

    private static Tensor weight(Path path, Layer layer, List<Tensor> weights, int index, int... shape)
            throws ModelFileException {
        Tensor tensor = at(path, layer, weights, index);
        if (!java.util.Arrays.equals(tensor.shape(), shape)) {
            throw new ModelFileException(path, "layer " + layer.name() + ": weight " + tensor.name() + " has shape "
                    + java.util.Arrays.toString(tensor.shape()) + ", expected " + java.util.Arrays.toString(shape));
        }
        return tensor;
    }

    /** A row-major (rows, cols) array transposed into a (cols, rows) matrix. */
    private static DMatrixRMaj transpose(double[] data, int rows, int cols) {
        DMatrixRMaj out = new DMatrixRMaj(cols, rows);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out.data[j * rows + i] = data[i * cols + j];
            }
        }
        return out;
    }

    private static DMatrixRMaj vector(double[] values) {
        return new DMatrixRMaj(1, values.length, true, values.clone());
    }

    private static void require(Path path, boolean condition, Layer layer, String problem) throws ModelFileException {
        if (!condition) {
            throw new ModelFileException(path, "layer " + layer.name() + ": " + problem);
        }
    }
}
