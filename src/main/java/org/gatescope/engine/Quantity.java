package org.gatescope.engine;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a trace records per token and unit, in the lecture's notation. Gates are in (0, 1);
 * the candidate, memory cell and activation in (-1, 1) (the LSTM's c is unbounded).
 */
public enum Quantity {
    /** Γu, the update gate in the lecture's sense (write), PyTorch's i for LSTMs and 1 − z for GRUs. */
    UPDATE_GATE("u", "Γu", true),
    /** Γr, the GRU's relevance (reset) gate. */
    RELEVANCE_GATE("r", "Γr", true),
    /** Γf, the LSTM's forget gate. */
    FORGET_GATE("f", "Γf", true),
    /** Γo, the LSTM's output gate. */
    OUTPUT_GATE("o", "Γo", true),
    /** c̃&lt;t&gt;, the candidate value. */
    CANDIDATE("c_tilde", "c̃", false),
    /** c&lt;t&gt;, the memory cell (equal to a&lt;t&gt; for RNN and GRUs). */
    MEMORY_CELL("c", "c", false),
    /** a&lt;t&gt;, the activation passed to the head and to the next step. */
    ACTIVATION("a", "a", false);

    private final String key;
    private final String symbol;
    private final boolean gate;

    Quantity(String key, String symbol, boolean gate) {
        this.key = key;
        this.symbol = symbol;
        this.gate = gate;
    }

    /** The key in trace JSON/CSV and the {@code --gate} value on the command line. */
    public String key() {
        return key;
    }

    /** The lecture's symbol, for labels. */
    public String symbol() {
        return symbol;
    }

    /** True for Γ gates (values in 0..1, sequential colour scale). */
    public boolean isGate() {
        return gate;
    }

    public static Optional<Quantity> fromKey(String key) {
        return Arrays.stream(values()).filter(q -> q.key.equals(key)).findFirst();
    }
}
