package org.gatescope.engine;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a GRU applies its relevance gate Γr. The two are different functions of the same
 * weights; a model file names which one it is (metadata {@code gru_reset}).
 */
public enum GruReset {
    /** PyTorch / cuDNN / Keras reset_after=True: c̃ = tanh(W_in x + b_in + Γr ⊙ (W_hn c&lt;t-1&gt; + b_hn)). */
    AFTER("after"),
    /** The lecture and Cho et al. 2014: c̃ = tanh(W_in x + b_in + W_hn (Γr ⊙ c&lt;t-1&gt;) + b_hn). */
    BEFORE("before");

    private final String id;

    GruReset(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<GruReset> fromId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}
