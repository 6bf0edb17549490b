package org.gatescope.engine.train;

import org.gatescope.engine.CellKind;
import org.gatescope.engine.GruReset;
import org.gatescope.engine.ModelSpec;
import org.gatescope.engine.Precision;

/**
 * How to train a model: its shape, the seed that makes the run reproducible, and the
 * optimisation settings (Adam, cosine learning-rate decay, gradient-norm clipping, early
 * stopping on validation agreement).
 *
 * @param patience epochs without a better validation score before training stops early
 * @param verbWeight how many times predicting a sentence's main verb counts in the loss (1: plain
 *     language modelling)
 * @param sentences how many corpus sentences one epoch trains on ({@link AgreementTask#TRAINING_SENTENCES}
 *     for the bundled models; fewer for a run to watch in the window)
 * @param precision the arithmetic of the training step's matrix products (decision 0023); the bundled
 *     models were trained with {@link Precision#FLOAT64}
 */
public record TrainingConfig(CellKind cell, GruReset gruReset, int hidden, int embed, long seed, int epochs,
                             int batchSize, double learningRate, double finalLearningRate, double clipNorm,
                             int patience, double verbWeight, int sentences, Precision precision) {

    public TrainingConfig {
        java.util.Objects.requireNonNull(precision, "precision");
        if (hidden < 1 || embed < 1 || epochs < 1 || batchSize < 1 || patience < 1) {
            throw new IllegalArgumentException("hidden, embed, epochs, batch size and patience must be positive");
        }
        if (sentences < MIN_SENTENCES || sentences > MAX_SENTENCES) {
            throw new IllegalArgumentException("training sentences must be " + MIN_SENTENCES + ".." + MAX_SENTENCES
                    + ", not " + sentences);
        }
        if (!(learningRate > 0) || !(finalLearningRate > 0) || !(clipNorm > 0) || !(verbWeight > 0)) {
            throw new IllegalArgumentException("learning rates and clip norm must be positive");
        }
    }

    /**
     * The main verb's weight in the loss. With plain language modelling (weight 1) a 16-unit
     * LSTM sits for many epochs on a plateau where it agrees only with adjacent nouns (the
     * verb is 1 token in 15); weight 5 gets it past that in about two epochs, and every other
     * token is still predicted, so the head remains a language model.
     */
    public static final double VERB_WEIGHT = 5.0;
    /** The training corpus's size range: at least a few batches, at most what a run can hold in memory. */
    public static final int MIN_SENTENCES = 1_000;
    public static final int MAX_SENTENCES = 1_000_000;

    /**
     * Settings that train the bundled models (80,000 sentences): the bundled GRU is the lecture's
     * reset-before GRU.
     */
    public static TrainingConfig defaults(CellKind cell, int hidden, int embed, long seed, int epochs) {
        return new TrainingConfig(cell, GruReset.BEFORE, hidden, embed, seed, epochs, 32, 0.01, 0.003, 1.0, 5,
                VERB_WEIGHT, AgreementTask.TRAINING_SENTENCES, Precision.FLOAT64);
    }

    public ModelSpec spec(int vocabSize) {
        return new ModelSpec(cell, gruReset, vocabSize, embed, hidden);
    }

    public TrainingConfig withEpochs(int newEpochs) {
        return new TrainingConfig(cell, gruReset, hidden, embed, seed, newEpochs, batchSize, learningRate,
                finalLearningRate, clipNorm, patience, verbWeight, sentences, precision);
    }

    public TrainingConfig withSentences(int newSentences) {
        return new TrainingConfig(cell, gruReset, hidden, embed, seed, epochs, batchSize, learningRate,
                finalLearningRate, clipNorm, patience, verbWeight, newSentences, precision);
    }

    public TrainingConfig withPrecision(Precision newPrecision) {
        return new TrainingConfig(cell, gruReset, hidden, embed, seed, epochs, batchSize, learningRate,
                finalLearningRate, clipNorm, patience, verbWeight, sentences, newPrecision);
    }
}
