package org.gatescope.engine;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of recurrent cell GateScope computes, with the number of weight blocks each
 * stacks in PyTorch's layout (rows of {@code weight_ih_l0} are {@code gateBlocks · H}).
 */
public enum CellKind {
    /** Vanilla tanh RNN, PyTorch {@code nn.RNN}. */
    RNN("rnn", 1, "vanilla RNN"),
    /** The lecture's first GRU: no relevance gate, rows z, n. */
    GRU_SIMPLE("gru_simple", 2, "simplified GRU"),
    /** Full GRU, rows r, z, n; reset-after (PyTorch) or reset-before (lecture) per {@link GruReset}. */
    GRU("gru", 3, "GRU"),
    /** PyTorch {@code nn.LSTM}, rows i, f, g, o. */
    LSTM("lstm", 4, "LSTM"),
    /** LSTM with diagonal peepholes p_u, p_f (on c&lt;t-1&gt;) and p_o (on c&lt;t&gt;). */
    PEEPHOLE_LSTM("peephole_lstm", 4, "peephole LSTM");

    private final String id;
    private final int gateBlocks;
    private final String displayName;

    CellKind(String id, int gateBlocks, String displayName) {
        this.id = id;
        this.gateBlocks = gateBlocks;
        this.displayName = displayName;
    }

    /** The name used in model files, trace JSON and on the command line. */
    public String id() {
        return id;
    }

    /** How many H-row blocks the input and recurrent weight matrices stack. */
    public int gateBlocks() {
        return gateBlocks;
    }

    public String displayName() {
        return displayName;
    }

    public boolean isLstm() {
        return this == LSTM || this == PEEPHOLE_LSTM;
    }

    public boolean isGru() {
        return this == GRU || this == GRU_SIMPLE;
    }

    /** Whether the memory cell c is a separate state from the activation a. */
    public boolean hasSeparateMemoryCell() {
        return isLstm();
    }

    public static Optional<CellKind> fromId(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}
