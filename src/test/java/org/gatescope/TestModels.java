package org.gatescope;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.GruReset;
import org.gatescope.engine.Model;
import org.gatescope.engine.ModelSpec;
import org.gatescope.engine.Weights;
import org.gatescope.text.Vocabulary;

/** Small random models for tests: the same seed gives the same model. */
public final class TestModels {

    private static final List<String> WORDS = List.of(
            "<unk>", "the", "cat", "cats", ",", "which", "already", "ate", "...", "was", "were", "full", ".",
            "dog", "dogs", "fish");

    private TestModels() {
    }

    /**
     * A model with vocabulary ["&lt;unk&gt;", "the", "cat", …] of {@code vocabSize} tokens (words
     * beyond the built-in list are "w16", "w17", …) and every weight drawn from N(0, 0.5²),
     * peepholes included for {@link CellKind#PEEPHOLE_LSTM}.
     */
    public static Model random(CellKind cell, GruReset reset, int vocabSize, int embed, int hidden, long seed) {
        ModelSpec spec = new ModelSpec(cell, reset, vocabSize, embed, hidden);
        Weights weights = new Weights(spec);
        Random random = new Random(seed);
        for (Weights.Parameter p : weights.parameters()) {
            double[] data = p.values().data;
            for (int i = 0; i < data.length; i++) {
                data[i] = 0.5 * random.nextGaussian();
            }
        }
        return new Model(spec, new Vocabulary(vocabulary(vocabSize)), Model.LOWER_WORDS, weights, Map.of());
    }

    /** As {@link #random}, reading {@code tokens} (which must hold {@code <unk>}): a vocabulary with signature tokens, say. */
    public static Model random(CellKind cell, List<String> tokens, int embed, int hidden, long seed) {
        Model shape = random(cell, GruReset.AFTER, tokens.size(), embed, hidden, seed);
        return new Model(shape.spec(), new Vocabulary(tokens), Model.LOWER_WORDS, shape.sharedWeights(), Map.of());
    }

    private static List<String> vocabulary(int size) {
        List<String> tokens = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            tokens.add(i < WORDS.size() ? WORDS.get(i) : "w" + i);
        }
        return tokens;
    }
}
