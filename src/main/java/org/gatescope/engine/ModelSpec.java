package org.gatescope.engine;

import java.util.Objects;

/**
 * The shape of a model: which cell, how it applies Γr (GRU only), vocabulary size V,
 * embedding size D and hidden size H.
 */
public record ModelSpec(CellKind cell, GruReset gruReset, int vocabSize, int embedSize, int hiddenSize) {

    public ModelSpec {
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(gruReset, "gruReset");
        if (vocabSize < 1 || embedSize < 1 || hiddenSize < 1) {
            throw new IllegalArgumentException(
                    "sizes must be positive: V=" + vocabSize + " D=" + embedSize + " H=" + hiddenSize);
        }
    }

    public static ModelSpec of(CellKind cell, int vocabSize, int embedSize, int hiddenSize) {
        return new ModelSpec(cell, GruReset.AFTER, vocabSize, embedSize, hiddenSize);
    }

    /** Rows of the stacked gate blocks: G·H. */
    public int gateRows() {
        return cell.gateBlocks() * hiddenSize;
    }

    public ModelSpec withGruReset(GruReset reset) {
        return new ModelSpec(cell, reset, vocabSize, embedSize, hiddenSize);
    }
}
