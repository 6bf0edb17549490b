package org.gatescope.engine.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.Model;
import org.gatescope.engine.Weights;
import org.gatescope.engine.analysis.AgreementProbe;
import org.gatescope.engine.analysis.NumberUnits;
import org.gatescope.text.AgreementCorpus;
import org.gatescope.text.AgreementSentence;
import org.gatescope.text.Vocabulary;

/**
 * The lecture's task as a training job: next-token language modelling over the agreement
 * corpus, validated by whether the head prefers the right verb ("was" after "the cat ,
 * which already ate ... ,"). Shared by the {@code train} command and the window.
 */
public final class AgreementTask {

    /** Sentences per training run and per validation split. */
    public static final int TRAINING_SENTENCES = 12_000;
    public static final int VALIDATION_SENTENCES = 1_000;

    private AgreementTask() {
    }

    /** The corpus's vocabulary, the same for every model trained on it. */
    public static Vocabulary vocabulary() {
        return new Vocabulary(AgreementCorpus.vocabulary());
    }

    /** Training and validation data drawn from the corpus with {@code seed}. */
    public static Trainer.Data data(Vocabulary vocabulary, long seed, int trainingCount, int validationCount) {
        List<int[]> training = new ArrayList<>(trainingCount);
        List<AgreementSentence> sentences = AgreementCorpus.training(seed, trainingCount);
        int[] verbs = new int[sentences.size()];
        for (int i = 0; i < verbs.length; i++) {
            training.add(AgreementProbe.ids(vocabulary, sentences.get(i).tokens()));
            verbs[i] = sentences.get(i).verbIndex();
        }
        List<AgreementSentence> held = AgreementCorpus.heldOut(seed, validationCount);
        List<int[]> validation = new ArrayList<>(validationCount);
        for (AgreementSentence sentence : held) {
            validation.add(AgreementProbe.ids(vocabulary, sentence.tokens()));
        }
        return new Trainer.Data(vocabulary.size(), training, verbs, validation, AgreementProbe.all(vocabulary, held));
    }

    /**
     * Trains a model on the corpus. The result's metadata records how it was made (cell,
     * seed, epochs, command), never when, so the same settings give the same file.
     */
    public static Model train(TrainingConfig config, Consumer<TrainingProgress> listener, TrainingControl control,
                              long progressIntervalMillis, int snapshotEverySteps) {
        return train(config, listener, control, progressIntervalMillis, snapshotEverySteps, 0);
    }

    /**
     * As {@link #train(TrainingConfig, Consumer, TrainingControl, long, int)}, also validating every
     * {@code validateEverySteps} steps within an epoch (for the curves only: the same weights result).
     */
    public static Model train(TrainingConfig config, Consumer<TrainingProgress> listener, TrainingControl control,
                              long progressIntervalMillis, int snapshotEverySteps, int validateEverySteps) {
        Vocabulary vocabulary = vocabulary();
        Trainer.Data data = data(vocabulary, config.seed(), TRAINING_SENTENCES, VALIDATION_SENTENCES);
        Trainer.Result result = new Trainer(config, progressIntervalMillis, snapshotEverySteps, validateEverySteps)
                .train(data, listener, control);
        result.weights().roundToFloat();
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("seed", Long.toString(config.seed()));
        metadata.put("epochs", Integer.toString(config.epochs()));
        metadata.put("best_epoch", Integer.toString(result.bestEpoch()));
        metadata.put("validation_agreement", String.format(java.util.Locale.ROOT, "%.4f",
                result.validationAccuracy()));
        metadata.put("trained_with", commandLine(config));
        Model model = new Model(config.spec(vocabulary.size()), vocabulary, Model.LOWER_WORDS, result.weights(),
                metadata);
        return NumberUnits.annotate(model);
    }

    /**
     * The model of a run stopped before its end (paused or cancelled): {@code weights} as they were
     * after {@code step} of {@code totalSteps} steps, copied. Its metadata says how it was made and
     * where the run stood, so a saved file does not pass for a finished run.
     */
    public static Model partial(TrainingConfig config, Weights weights, long step, long totalSteps) {
        Vocabulary vocabulary = vocabulary();
        Weights rounded = weights.copy();
        rounded.roundToFloat();
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("seed", Long.toString(config.seed()));
        metadata.put("epochs", Integer.toString(config.epochs()));
        metadata.put("stopped_at_step", step + " of " + totalSteps);
        metadata.put("training_command", commandLine(config));
        return new Model(config.spec(vocabulary.size()), vocabulary, Model.LOWER_WORDS, rounded, metadata);
    }

    /** The {@code gatescope train} command that gives this run again, naming only the options not at their defaults. */
    static String commandLine(TrainingConfig config) {
        TrainingConfig defaults = TrainingConfig.defaults(config.cell(), config.hidden(), config.embed(), config.seed(),
                config.epochs());
        StringBuilder command = new StringBuilder("gatescope train --cell " + config.cell().id() + " --hidden "
                + config.hidden() + " --embed " + config.embed() + " --seed " + config.seed() + " --epochs "
                + config.epochs());
        if (config.cell() == CellKind.GRU && config.gruReset() != defaults.gruReset()) {
            command.append(" --gru-reset ").append(config.gruReset().id());
        }
        if (config.learningRate() != defaults.learningRate()) {
            command.append(" --learning-rate ").append(config.learningRate());
        }
        if (config.finalLearningRate() != defaults.finalLearningRate()) {
            command.append(" --final-learning-rate ").append(config.finalLearningRate());
        }
        if (config.patience() != defaults.patience()) {
            command.append(" --patience ").append(config.patience());
        }
        return command.toString();
    }
}
