package org.gatescope.io.torch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ejml.data.DMatrixRMaj;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.GateActivation;
import org.gatescope.engine.GruReset;
import org.gatescope.engine.Network;
import org.gatescope.engine.NetworkLayer;
import org.gatescope.io.ModelFileException;
import org.gatescope.io.Tensor;

/**
 * Builds a {@link Network} from a PyTorch state dict, which records tensors but not the module
 * that owned them ({@code gru.}, {@code lstm.}, {@code rnn.}, {@code encoder.} all occur). So:
 * <ul>
 *   <li>the recurrent stack is the tensors named {@code <prefix>.weight_ih_l<k>[_reverse]} with their
 *       {@code weight_hh}/{@code bias_ih}/{@code bias_hh}; the cell is told by G = rows / H
 *       (1 RNN, 3 GRU with PyTorch's reset-after, 4 LSTM); {@code weight_hr} (proj_size) is refused;</li>
 *   <li>the embedding is a [V, D] {@code .weight} whose D is the first layer's input width;</li>
 *   <li>the head is the chain of Linear layers ({@code X.weight} [out, in] with {@code X.bias}) that
 *       reads the last layer's output, applied to every step; its activation is none (logits),
 *       unless the caller states one, because a state dict does not record it;</li>
 *   <li>any other tensor belongs to a module GateScope cannot run, and is refused by name.</li>
 * </ul>
 */
public final class TorchNetworks {

    private static final Pattern RECURRENT = Pattern.compile("(.*?)\\.?weight_ih_l(\\d+)(_reverse)?");

    private TorchNetworks() {
    }

    public static Network build(Path path, Map<String, Tensor> tensors, List<String> vocabulary)
            throws ModelFileException {
        return build(path, tensors, vocabulary, Network.Activation.LINEAR);
    }

    /** @param headActivation the last Linear layer's activation, which the file cannot say */
    public static Network build(Path path, Map<String, Tensor> tensors, List<String> vocabulary,
                                Network.Activation headActivation) throws ModelFileException {
        Set<String> used = new LinkedHashSet<>();
        String prefix = null;
        TreeMap<Integer, NetworkLayer[]> stack = new TreeMap<>();
        for (String name : tensors.keySet()) {
            Matcher m = RECURRENT.matcher(name);
            if (!m.matches()) {
                continue;
            }
            if (prefix != null && !prefix.equals(m.group(1))) {
                throw new ModelFileException(path, "holds two recurrent modules (" + prefix + " and " + m.group(1)
                        + "); GateScope runs one stack of recurrent layers");
            }
            prefix = m.group(1);
            int level = Integer.parseInt(m.group(2));
            boolean reverse = m.group(3) != null;
            String base = (prefix.isEmpty() ? "" : prefix + ".");
            String suffix = "_l" + level + (reverse ? "_reverse" : "");
            NetworkLayer layer = layer(path, tensors, base, suffix, used);
            stack.computeIfAbsent(level, k -> new NetworkLayer[2])[reverse ? 1 : 0] = layer;
        }
        if (stack.isEmpty()) {
            throw new ModelFileException(path, "holds no recurrent layer (no tensor named like rnn.weight_ih_l0)");
        }
        List<Network.Level> levels = new ArrayList<>();
        for (Map.Entry<Integer, NetworkLayer[]> e : stack.entrySet()) {
            if (e.getKey() != levels.size() || e.getValue()[0] == null) {
                throw new ModelFileException(path, "layer " + levels.size() + " of " + prefix + " is missing");
            }
            try {
                levels.add(new Network.Level(e.getValue()[0], e.getValue()[1], Network.Merge.CONCAT));
            } catch (IllegalArgumentException ex) {
                throw new ModelFileException(path, "layer " + e.getKey() + ": " + ex.getMessage(), ex);
            }
        }
        int width = levels.get(0).forward().inputSize();
        DMatrixRMaj embedding = null;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            Tensor t = e.getValue();
            if (!used.contains(e.getKey()) && e.getKey().endsWith("weight") && t.shape().length == 2
                    && t.shape()[1] == width && !tensors.containsKey(e.getKey().replaceAll("weight$", "bias"))) {
                embedding = new DMatrixRMaj(t.shape()[0], t.shape()[1], true, t.data());
                used.add(e.getKey());
                break;
            }
        }
        List<Network.Dense> head = head(path, tensors, used, levels.get(levels.size() - 1).outputSize(), headActivation);
        for (String name : tensors.keySet()) {
            if (!used.contains(name)) {
                throw new ModelFileException(path, "tensor " + name + " " + Arrays.toString(tensors.get(name).shape())
                        + " belongs to no recurrent layer, embedding or linear head; GateScope cannot run that module");
            }
        }
        Network.InputKind kind = embedding != null ? Network.InputKind.TOKEN_IDS
                : vocabulary.size() == width ? Network.InputKind.ONE_HOT : Network.InputKind.FEATURES;
        int inputSize = embedding != null ? embedding.numRows : width;
        int outputs = head.isEmpty() ? levels.get(levels.size() - 1).outputSize() : head.get(head.size() - 1).weight().numRows;
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("format", "PyTorch state dict");
        provenance.put("head_activation", headActivation.name().toLowerCase(java.util.Locale.ROOT)
                + (headActivation == Network.Activation.LINEAR ? " (a state dict does not record it)" : ""));
        try {
            return new Network(path.getFileName().toString(), kind, inputSize, embedding, false, levels, head,
                    Network.Readout.EVERY_STEP, outputs == vocabulary.size() ? vocabulary : List.of(), provenance);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(path, e.getMessage(), e);
        }
    }

    private static NetworkLayer layer(Path path, Map<String, Tensor> tensors, String base, String suffix, Set<String> used)
            throws ModelFileException {
        if (tensors.containsKey(base + "weight_hr" + suffix)) {
            throw new ModelFileException(path, "tensor " + base + "weight_hr" + suffix
                    + ": LSTM projections (proj_size) are not supported");
        }
        Tensor wIh = required(path, tensors, base + "weight_ih" + suffix, used);
        Tensor wHh = required(path, tensors, base + "weight_hh" + suffix, used);
        if (wIh.shape().length != 2 || wHh.shape().length != 2 || wHh.shape()[0] != wIh.shape()[0]
                || wHh.shape()[0] % wHh.shape()[1] != 0) {
            throw new ModelFileException(path, base + "weight_hh" + suffix + " " + Arrays.toString(wHh.shape())
                    + " does not fit " + base + "weight_ih" + suffix + " " + Arrays.toString(wIh.shape()));
        }
        int h = wHh.shape()[1];
        int g = wHh.shape()[0] / h;
        CellKind cell = switch (g) {
            case 1 -> CellKind.RNN;
            case 3 -> CellKind.GRU;
            case 4 -> CellKind.LSTM;
            default -> throw new ModelFileException(path, base + "weight_hh" + suffix + " has " + g
                    + " gate blocks; PyTorch's RNN, GRU and LSTM have 1, 3 and 4");
        };
        DMatrixRMaj bIh = bias(tensors, base + "bias_ih" + suffix, g * h, used);
        DMatrixRMaj bHh = bias(tensors, base + "bias_hh" + suffix, g * h, used);
        String conventions = switch (cell) {
            case RNN -> "PyTorch nn.RNN (tanh assumed: a state dict does not record the nonlinearity)";
            case GRU -> "PyTorch nn.GRU r,z,n, reset after";
            default -> "PyTorch nn.LSTM i,f,g,o";
        };
        try {
            return new NetworkLayer(cell, GruReset.AFTER, GateActivation.SIGMOID,
                    new DMatrixRMaj(wIh.shape()[0], wIh.shape()[1], true, wIh.data()),
                    new DMatrixRMaj(wHh.shape()[0], wHh.shape()[1], true, wHh.data()), bIh, bHh, null, conventions);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(path, base + "weight_ih" + suffix + ": " + e.getMessage(), e);
        }
    }

    private static List<Network.Dense> head(Path path, Map<String, Tensor> tensors, Set<String> used, int width,
                                            Network.Activation last) throws ModelFileException {
        List<Network.Dense> head = new ArrayList<>();
        boolean found = true;
        while (found) {
            found = false;
            for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
                String name = e.getKey();
                Tensor w = e.getValue();
                if (used.contains(name) || !name.endsWith("weight") || w.shape().length != 2 || w.shape()[1] != width) {
                    continue;
                }
                String biasName = name.substring(0, name.length() - "weight".length()) + "bias";
                used.add(name);
                DMatrixRMaj bias = bias(tensors, biasName, w.shape()[0], used);
                head.add(new Network.Dense(new DMatrixRMaj(w.shape()[0], w.shape()[1], true, w.data()), bias,
                        Network.Activation.LINEAR));
                width = w.shape()[0];
                found = true;
                break;
            }
        }
        if (!head.isEmpty() && last != Network.Activation.LINEAR) {
            Network.Dense top = head.remove(head.size() - 1);
            head.add(new Network.Dense(top.weight(), top.bias(), last));
        }
        return head;
    }

    private static Tensor required(Path path, Map<String, Tensor> tensors, String name, Set<String> used)
            throws ModelFileException {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new ModelFileException(path, "missing tensor " + name);
        }
        used.add(name);
        return t;
    }

    /** A bias, or zeros where the module had bias=False. */
    private static DMatrixRMaj bias(Map<String, Tensor> tensors, String name, int size, Set<String> used) {
        Tensor t = tensors.get(name);
        if (t == null || t.data().length != size) {
            return new DMatrixRMaj(1, size);
        }
        used.add(name);
        return new DMatrixRMaj(1, size, true, t.data());
    }
}
