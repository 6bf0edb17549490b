package org.gatescope.engine;

import java.util.Objects;
import org.ejml.data.DMatrixRMaj;

/**
 * One direction of one recurrent layer of a {@link Network}, its weights converted to
 * GateScope's (PyTorch's) layout whatever framework wrote them: W_ih [G·H, D], W_hh [G·H, H],
 * b_ih and b_hh [G·H] with the gate blocks in {@link CellKind}'s order, peepholes [H] for a
 * peephole LSTM. Immutable: it keeps copies, and the tracer reads them without writing.
 *
 * @param conventions how the file's own convention was read (e.g. "Keras GRU z,r,h, reset_after=False"),
 *                    for {@code info} and the trace's layer list
 */
public final class NetworkLayer {

    private final CellKind cell;
    private final GruReset gruReset;
    private final GateActivation gateActivation;
    private final int inputSize;
    private final int hiddenSize;
    private final DMatrixRMaj weightIh;
    private final DMatrixRMaj weightHh;
    private final DMatrixRMaj biasIh;
    private final DMatrixRMaj biasHh;
    private final DMatrixRMaj[] peepholes;
    private final String conventions;

    public NetworkLayer(CellKind cell, GruReset gruReset, GateActivation gateActivation, DMatrixRMaj weightIh,
                        DMatrixRMaj weightHh, DMatrixRMaj biasIh, DMatrixRMaj biasHh, DMatrixRMaj[] peepholes,
                        String conventions) {
        this.cell = Objects.requireNonNull(cell);
        this.gruReset = Objects.requireNonNull(gruReset);
        this.gateActivation = Objects.requireNonNull(gateActivation);
        this.hiddenSize = weightHh.numCols;
        this.inputSize = weightIh.numCols;
        int rows = cell.gateBlocks() * hiddenSize;
        require(weightIh.numRows == rows, "W_ih has " + weightIh.numRows + " rows, expected G·H = " + rows);
        require(weightHh.numRows == rows, "W_hh has " + weightHh.numRows + " rows, expected G·H = " + rows);
        require(biasIh.getNumElements() == rows && biasHh.getNumElements() == rows, "biases must hold G·H = " + rows);
        boolean peephole = cell == CellKind.PEEPHOLE_LSTM;
        require(peephole == (peepholes != null), peephole ? "a peephole LSTM needs its peepholes" : "only a peephole LSTM has peepholes");
        this.weightIh = weightIh.copy();
        this.weightHh = weightHh.copy();
        this.biasIh = vector(biasIh);
        this.biasHh = vector(biasHh);
        if (peepholes != null) {
            require(peepholes.length == 3, "peepholes are p_u, p_f, p_o");
            this.peepholes = new DMatrixRMaj[3];
            for (int k = 0; k < 3; k++) {
                require(peepholes[k].getNumElements() == hiddenSize, "a peephole holds H = " + hiddenSize + " values");
                this.peepholes[k] = vector(peepholes[k]);
            }
        } else {
            this.peepholes = null;
        }
        this.conventions = Objects.requireNonNull(conventions);
    }

    private static DMatrixRMaj vector(DMatrixRMaj m) {
        return new DMatrixRMaj(1, m.getNumElements(), true, m.data.clone());
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(problem);
        }
    }

    public CellKind cell() {
        return cell;
    }

    public GruReset gruReset() {
        return gruReset;
    }

    public GateActivation gateActivation() {
        return gateActivation;
    }

    public int inputSize() {
        return inputSize;
    }

    public int hiddenSize() {
        return hiddenSize;
    }

    public String conventions() {
        return conventions;
    }

    // The engine's tracer reads these in place; nobody writes them.
    public DMatrixRMaj sharedWeightIh() {
        return weightIh;
    }

    public DMatrixRMaj sharedWeightHh() {
        return weightHh;
    }

    public DMatrixRMaj sharedBiasIh() {
        return biasIh;
    }

    public DMatrixRMaj sharedBiasHh() {
        return biasHh;
    }

    /** p_u, p_f, p_o, or null unless a peephole LSTM. */
    public DMatrixRMaj sharedPeephole(int k) {
        return peepholes == null ? null : peepholes[k];
    }
}
