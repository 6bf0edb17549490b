package org.gatescope.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;

/**
 * Every parameter of a model (embedding, recurrent cell, linear head) in PyTorch's layout
 * and under PyTorch's names. Vectors are stored as 1×n matrices.
 *
 * <p>Mutable: one thread owns a {@code Weights} at a time (the trainer writes into its own).
 * Gradients use the same class, so that an optimizer walks both in step. A {@link Model} is
 * immutable: it keeps a copy of the weights it is made with and hands out copies.
 */
public final class Weights {

    public static final String EMBEDDING = "embedding.weight";
    public static final String WEIGHT_IH = "rnn.weight_ih_l0";
    public static final String WEIGHT_HH = "rnn.weight_hh_l0";
    public static final String BIAS_IH = "rnn.bias_ih_l0";
    public static final String BIAS_HH = "rnn.bias_hh_l0";
    public static final String PEEPHOLE_U = "rnn.peephole_u";
    public static final String PEEPHOLE_F = "rnn.peephole_f";
    public static final String PEEPHOLE_O = "rnn.peephole_o";
    public static final String HEAD_WEIGHT = "head.weight";
    public static final String HEAD_BIAS = "head.bias";

    /** One named tensor; {@code shape} is PyTorch's ([rows, cols] or [n]). */
    public record Parameter(String name, int[] shape, DMatrixRMaj values) {
        public int size() {
            return values.data.length;
        }
    }

    private final ModelSpec spec;
    /** x&lt;t&gt; for token index v is row v. [V, D] */
    public final DMatrixRMaj embedding;
    /** W_i· stacked by gate block. [G·H, D] */
    public final DMatrixRMaj weightIh;
    /** W_h· stacked by gate block. [G·H, H] */
    public final DMatrixRMaj weightHh;
    /** b_i·. [G·H] */
    public final DMatrixRMaj biasIh;
    /** b_h·. [G·H] */
    public final DMatrixRMaj biasHh;
    /** p_u, p_f, p_o: diagonal peepholes [H]; null unless the cell is a peephole LSTM. */
    public final DMatrixRMaj peepholeU;
    public final DMatrixRMaj peepholeF;
    public final DMatrixRMaj peepholeO;
    /** [V, H] */
    public final DMatrixRMaj headWeight;
    /** [V] */
    public final DMatrixRMaj headBias;

    private final List<Parameter> parameters;

    /** All-zero weights of the given shape. */
    public Weights(ModelSpec spec) {
        this.spec = Objects.requireNonNull(spec);
        int v = spec.vocabSize();
        int d = spec.embedSize();
        int h = spec.hiddenSize();
        int gh = spec.gateRows();
        List<Parameter> list = new ArrayList<>();
        embedding = add(list, EMBEDDING, v, d);
        weightIh = add(list, WEIGHT_IH, gh, d);
        weightHh = add(list, WEIGHT_HH, gh, h);
        biasIh = add(list, BIAS_IH, gh);
        biasHh = add(list, BIAS_HH, gh);
        if (spec.cell() == CellKind.PEEPHOLE_LSTM) {
            peepholeU = add(list, PEEPHOLE_U, h);
            peepholeF = add(list, PEEPHOLE_F, h);
            peepholeO = add(list, PEEPHOLE_O, h);
        } else {
            peepholeU = null;
            peepholeF = null;
            peepholeO = null;
        }
        headWeight = add(list, HEAD_WEIGHT, v, h);
        headBias = add(list, HEAD_BIAS, v);
        this.parameters = Collections.unmodifiableList(list);
    }

    private static DMatrixRMaj add(List<Parameter> list, String name, int rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        list.add(new Parameter(name, new int[] {rows, cols}, m));
        return m;
    }

    private static DMatrixRMaj add(List<Parameter> list, String name, int n) {
        DMatrixRMaj m = new DMatrixRMaj(1, n);
        list.add(new Parameter(name, new int[] {n}, m));
        return m;
    }

    public ModelSpec spec() {
        return spec;
    }

    /** The parameters in file order, under their PyTorch names. */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** The parameter of that name, or null if this cell kind has none. */
    public Parameter parameter(String name) {
        for (Parameter p : parameters) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }

    /** A deep copy, independent of this one. */
    public Weights copy() {
        Weights copy = new Weights(spec);
        copy.copyFrom(this);
        return copy;
    }

    /** Overwrites every parameter with {@code other}'s values (same spec). Other is not modified. */
    public void copyFrom(Weights other) {
        if (!other.spec.equals(spec)) {
            throw new IllegalArgumentException("spec differs: " + other.spec + " vs " + spec);
        }
        for (int i = 0; i < parameters.size(); i++) {
            parameters.get(i).values().setTo(other.parameters.get(i).values());
        }
    }

    /** Sets every parameter to zero. */
    public void zero() {
        for (Parameter p : parameters) {
            p.values().zero();
        }
    }

    /**
     * Rounds every value to the nearest float32, as a model file stores it, so that the
     * model in memory and the model read back from its file are the same function.
     */
    public void roundToFloat() {
        for (Parameter p : parameters) {
            double[] data = p.values().data;
            for (int i = 0; i < data.length; i++) {
                data[i] = (float) data[i];
            }
        }
    }

    /** Total number of scalar parameters. */
    public int count() {
        int n = 0;
        for (Parameter p : parameters) {
            n += p.size();
        }
        return n;
    }
}
