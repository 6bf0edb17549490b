package org.gatescope.engine;

import java.util.Map;
import java.util.Objects;
import org.gatescope.text.Vocabulary;

/**
 * A complete model: embedding → recurrent cell → linear head, with its vocabulary and
 * the name of the tokenizer its vocabulary was made with.
 *
 * @param weights owned by whoever holds this model; traces only read them
 * @param metadata extra {@code __metadata__} entries kept as read (number units, provenance)
 */
public record Model(ModelSpec spec, Vocabulary vocabulary, String tokenizer, Weights weights,
                    Map<String, String> metadata) {

    public static final String LOWER_WORDS = "lower-words";

    public Model {
        Objects.requireNonNull(spec);
        Objects.requireNonNull(vocabulary);
        Objects.requireNonNull(tokenizer);
        Objects.requireNonNull(weights);
        metadata = Map.copyOf(metadata);
        if (!weights.spec().equals(spec)) {
            throw new IllegalArgumentException("weights are for " + weights.spec() + ", not " + spec);
        }
        if (vocabulary.size() != spec.vocabSize()) {
            throw new IllegalArgumentException(
                    "vocab has " + vocabulary.size() + " tokens but the model has V=" + spec.vocabSize());
        }
    }

    public Model(ModelSpec spec, Vocabulary vocabulary, Weights weights) {
        this(spec, vocabulary, LOWER_WORDS, weights, Map.of());
    }

    public CellKind cell() {
        return spec.cell();
    }

    public int hiddenSize() {
        return spec.hiddenSize();
    }

    /** This model with other metadata. */
    public Model withMetadata(Map<String, String> newMetadata) {
        return new Model(spec, vocabulary, tokenizer, weights, newMetadata);
    }
}
