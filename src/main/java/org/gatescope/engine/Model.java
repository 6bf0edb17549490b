package org.gatescope.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gatescope.text.Vocabulary;

/**
 * A complete model: embedding → recurrent cell → linear head, with its vocabulary and
 * the name of the tokenizer its vocabulary was made with.
 *
 * <p>Immutable, as Tribuo's models are: it keeps its own copy of the weights it is made with,
 * and hands out copies ({@link #weights()}), so a model shared between threads (a training
 * snapshot shown in the explorer while the trainer goes on) never changes under a trace. Whoever
 * wants to change weights (the trainer, a test) changes a {@link Weights} of their own and makes
 * a new model of it. The tracer reads the model's own weights without copying them.
 */
public final class Model {

    /** Metadata key under which a model lists its number units, comma-separated, best first. */
    public static final String NUMBER_UNITS_KEY = "number_units";

    public static final String LOWER_WORDS = "lower-words";

    private final ModelSpec spec;
    private final Vocabulary vocabulary;
    private final String tokenizer;
    /** Never handed out, never written after the constructor. */
    private final Weights weights;
    private final Map<String, String> metadata;

    /**
     * @param weights copied: later changes to them do not reach this model
     * @param metadata extra {@code __metadata__} entries kept as read (number units, provenance); copied
     */
    public Model(ModelSpec spec, Vocabulary vocabulary, String tokenizer, Weights weights,
                 Map<String, String> metadata) {
        this(spec, vocabulary, tokenizer, metadata, Objects.requireNonNull(weights).copy());
    }

    /** A model with no extra metadata, tokenised by {@link #LOWER_WORDS}; {@code weights} are copied. */
    public Model(ModelSpec spec, Vocabulary vocabulary, Weights weights) {
        this(spec, vocabulary, LOWER_WORDS, weights, Map.of());
    }

    /** Takes {@code owned} as its own: only for weights nobody else holds. */
    private Model(ModelSpec spec, Vocabulary vocabulary, String tokenizer, Map<String, String> metadata,
                  Weights owned) {
        this.spec = Objects.requireNonNull(spec);
        this.vocabulary = Objects.requireNonNull(vocabulary);
        this.tokenizer = Objects.requireNonNull(tokenizer);
        this.metadata = Map.copyOf(metadata);
        this.weights = owned;
        if (!owned.spec().equals(spec)) {
            throw new IllegalArgumentException("weights are for " + owned.spec() + ", not " + spec);
        }
        if (vocabulary.size() != spec.vocabSize()) {
            throw new IllegalArgumentException(
                    "vocab has " + vocabulary.size() + " tokens but the model has V=" + spec.vocabSize());
        }
    }

    public ModelSpec spec() {
        return spec;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public String tokenizer() {
        return tokenizer;
    }

    /** A copy of every parameter, the caller's to change; this model stays as it is. */
    public Weights weights() {
        return weights.copy();
    }

    /**
     * The model's own weights, for the engine's hot paths (the tracer) to read without a copy; never
     * written. Outside the engine, {@link #weights()}: an ArchUnit rule keeps it so.
     */
    public Weights sharedWeights() {
        return weights;
    }

    /** Extra {@code __metadata__} entries kept as read (number units, provenance); unmodifiable. */
    /** The number units this model's metadata names, or none. Malformed entries are ignored. */
    public int[] numberUnits() {
        String listed = metadata().get(NUMBER_UNITS_KEY);
        if (listed == null || listed.isBlank()) {
            return new int[0];
        }
        List<Integer> units = new ArrayList<>();
        for (String part : listed.split(",")) {
            try {
                int unit = Integer.parseInt(part.trim());
                if (unit >= 0 && unit < hiddenSize()) {
                    units.add(unit);
                }
            } catch (NumberFormatException ignored) {
                // a hand-edited file may hold junk here; it only costs the default selection
            }
        }
        return units.stream().mapToInt(Integer::intValue).toArray();
    }

    public Map<String, String> metadata() {
        return metadata;
    }

    public CellKind cell() {
        return spec.cell();
    }

    public int hiddenSize() {
        return spec.hiddenSize();
    }

    /** This model with other metadata, sharing its weights (neither ever changes them). */
    public Model withMetadata(Map<String, String> newMetadata) {
        return new Model(spec, vocabulary, tokenizer, newMetadata, weights);
    }

    /** This model with other weights of the same shape; {@code newWeights} are copied. */
    public Model withWeights(Weights newWeights) {
        return new Model(spec, vocabulary, tokenizer, newWeights, metadata);
    }

    @Override
    public String toString() {
        return "Model[" + spec + ", tokenizer=" + tokenizer + ", metadata=" + metadata + "]";
    }
}
