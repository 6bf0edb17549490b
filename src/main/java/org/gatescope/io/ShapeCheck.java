package org.gatescope.io;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.GruReset;
import org.gatescope.engine.ModelSpec;
import org.gatescope.engine.Weights;

/**
 * Checks a model file's tensors against the names and shapes its cell needs (V from the
 * vocabulary, D from the embedding, H from the recurrent weights) and copies them into
 * {@link Weights}. Each refusal names the tensor, its shape and the expected one.
 */
final class ShapeCheck {

    private static final String PEEPHOLE_PREFIX = "rnn.peephole_";

    private final Path path;
    private final CellKind cell;
    private final GruReset reset;
    private final int vocabSize;
    private final Map<String, Tensor> tensors;

    ShapeCheck(Path path, CellKind cell, GruReset reset, int vocabSize, Map<String, Tensor> tensors) {
        this.path = path;
        this.cell = cell;
        this.reset = reset;
        this.vocabSize = vocabSize;
        this.tensors = tensors;
    }

    /** @throws ModelFileException at the first tensor that is missing, unexpected, misshapen or not finite */
    Weights weights() throws ModelFileException {
        checkNoUnexpectedTensors();
        Weights weights = new Weights(new ModelSpec(cell, reset, vocabSize, embedSize(), hiddenSize()));
        for (Weights.Parameter p : weights.parameters()) {
            Tensor tensor = require(p.name(), Arrays.toString(p.shape()));
            if (!Arrays.equals(tensor.shape(), p.shape())) {
                throw wrongShape(tensor, Arrays.toString(p.shape()));
            }
            ModelFiles.checkFinite(path, "tensor " + p.name(), p.shape(), tensor.data());
            System.arraycopy(tensor.data(), 0, p.values().data, 0, tensor.data().length);
        }
        return weights;
    }

    private void checkNoUnexpectedTensors() throws ModelFileException {
        // A 1×1×1 model of the same cell lists exactly the names this cell needs.
        List<String> expected = new Weights(new ModelSpec(cell, reset, 1, 1, 1)).parameters().stream()
                .map(Weights.Parameter::name)
                .toList();
        List<String> unexpected = tensors.keySet().stream().filter(n -> !expected.contains(n)).toList();
        if (unexpected.isEmpty()) {
            return;
        }
        String names = (unexpected.size() == 1 ? "unexpected tensor " : "unexpected tensors ")
                + String.join(", ", unexpected);
        if (cell != CellKind.PEEPHOLE_LSTM && unexpected.stream().anyMatch(n -> n.startsWith(PEEPHOLE_PREFIX))) {
            throw fail(names + ": peepholes belong to cell " + CellKind.PEEPHOLE_LSTM.id()
                    + ", but cell is " + cell.id());
        }
        throw fail(names + ": a " + cell.id() + " model holds only " + String.join(", ", expected));
    }

    /** D, the embedding's columns; its rows must be the vocabulary's V. */
    private int embedSize() throws ModelFileException {
        String expected = "[" + vocabSize + ", D]";
        Tensor embedding = require(Weights.EMBEDDING, expected);
        int[] shape = embedding.shape();
        if (shape.length != 2) {
            throw wrongShape(embedding, expected);
        }
        if (shape[0] != vocabSize) {
            throw fail("vocab has " + vocabSize + " tokens but " + Weights.EMBEDDING + " has " + shape[0] + " rows");
        }
        if (shape[1] < 1) {
            throw fail("tensor " + Weights.EMBEDDING + " has shape " + Arrays.toString(shape)
                    + "; the embedding size D must be at least 1");
        }
        return shape[1];
    }

    /** H, the recurrent weights' columns; their rows are checked with the other shapes. */
    private int hiddenSize() throws ModelFileException {
        String expected = "[" + gateRows() + ", H]";
        Tensor weightHh = require(Weights.WEIGHT_HH, expected);
        int[] shape = weightHh.shape();
        if (shape.length != 2) {
            throw wrongShape(weightHh, expected);
        }
        if (shape[1] < 1) {
            throw fail("tensor " + Weights.WEIGHT_HH + " has shape " + Arrays.toString(shape)
                    + "; the hidden size H must be at least 1");
        }
        return shape[1];
    }

    private Tensor require(String name, String expectedShape) throws ModelFileException {
        Tensor tensor = tensors.get(name);
        if (tensor == null) {
            throw fail("missing tensor " + name + " (expected shape " + expectedShape + ", " + formula(name) + ")");
        }
        return tensor;
    }

    private ModelFileException wrongShape(Tensor tensor, String expectedShape) {
        return fail("tensor " + tensor.name() + " has shape " + Arrays.toString(tensor.shape())
                + ", expected " + expectedShape + " (" + formula(tensor.name()) + ")");
    }

    /** The expected shape in the symbols of docs/model-format.md, "Tensors", e.g. "4·H × H for lstm". */
    private String formula(String name) {
        String forCell = " for " + cell.id();
        return switch (name) {
            case Weights.EMBEDDING -> "V × D";
            case Weights.WEIGHT_IH -> gateRows() + " × D" + forCell;
            case Weights.WEIGHT_HH -> gateRows() + " × H" + forCell;
            case Weights.BIAS_IH, Weights.BIAS_HH -> gateRows() + forCell;
            case Weights.HEAD_WEIGHT -> "V × H";
            case Weights.HEAD_BIAS -> "V";
            default -> "H";
        };
    }

    /** G·H in symbols: "4·H" for an LSTM, "H" for a vanilla RNN. */
    private String gateRows() {
        return cell.gateBlocks() == 1 ? "H" : cell.gateBlocks() + "·H";
    }

    private ModelFileException fail(String problem) {
        return new ModelFileException(path, problem);
    }
}
