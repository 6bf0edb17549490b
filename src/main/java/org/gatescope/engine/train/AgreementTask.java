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
import org.gatescope.engine.cell.Workers;
import org.gatescope.text.AgreementCorpus;
import org.gatescope.text.AgreementSentence;
import org.gatescope.text.UnknownWordSignature;
import org.gatescope.text.Vocabulary;

/**
 * The lecture's task as a training job: next-token language modelling over the agreement
 * corpus, validated by whether the head prefers the right verb ("was" after "the cat ,
 * which already ate ... ,"). Shared by the {@code train} command and the window.
 */
public final class AgreementTask {

    /** Sentences per training run and per validation split. */
    public static final int TRAINING_SENTENCES = 80_000;
    public static final int VALIDATION_SENTENCES = 1_000;
    /** A word seen fewer times than this in the training sentences is rare. */
    public static final int RARE_COUNT = 12;
    /** The share of a rare word's occurrences read as its signature ({@code <unk-s>} …) in training. */
    public static final double SIGNATURE_RATE = 0.25;
    /**
     * The share of sentences whose agreeing subject is read as its signature in training, when the
     * signature shows the subject's number ({@code <unk-s>} for "dogs", {@code <unk>} for "dog"): a
     * rare word's signature is mostly a verb's -s form or an object, so without this an unseen
     * plural subject ("the mechanics") reads as singular.
     */
    public static final double SUBJECT_SIGNATURE_RATE = 0.1;
    /** Where the vocabulary comes from, as {@code info} names it. */
    public static final String LEXICON_SOURCE = "WordNet 3.0 (Princeton University) via english-lexicon.tsv";

    private AgreementTask() {
    }

    /** The corpus's vocabulary, the same for every model trained on it. */
    public static Vocabulary vocabulary() {
        return new Vocabulary(AgreementCorpus.vocabulary());
    }

    /**
     * Where a model's vocabulary comes from: its metadata's {@code lexicon}, or, for a model whose
     * vocabulary is the corpus's, the lexicon the corpus is drawn from.
     */
    public static java.util.Optional<String> lexiconOf(Model model) {
        String recorded = model.metadata().get("lexicon");
        if (recorded != null) {
            return java.util.Optional.of(recorded);
        }
        return model.vocabulary().tokens().equals(vocabulary().tokens())
                ? java.util.Optional.of(LEXICON_SOURCE + ", the agreement corpus's vocabulary")
                : java.util.Optional.empty();
    }

    /** How the model reads a word it lacks, when its vocabulary holds signature tokens. */
    public static java.util.Optional<String> signaturesOf(Model model) {
        List<String> held = UnknownWordSignature.tokens().stream().filter(model.vocabulary()::contains).toList();
        return held.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of("read as its signature: " + String.join(" ", held) + " or <unk>");
    }

    /**
     * Training and validation data drawn from the corpus with {@code seed}. A word that occurs fewer
     * than {@link #RARE_COUNT} times in the training sentences is read as its signature in
     * {@link #SIGNATURE_RATE} of its occurrences (seeded), so the signatures learn what an unseen
     * word of their shape is: an unknown plural noun still ends in -s. Only the input is replaced:
     * the word is still the target to predict, so its row of the head learns from every occurrence.
     * The agreeing subject is read as its signature in {@link #SUBJECT_SIGNATURE_RATE} of the
     * sentences where that signature says its number, so an unseen subject of either number agrees.
     */
    public static Trainer.Data data(Vocabulary vocabulary, long seed, int trainingCount, int validationCount) {
        List<int[]> training = new ArrayList<>(trainingCount);
        List<int[]> inputs = new ArrayList<>(trainingCount);
        List<AgreementSentence> sentences = AgreementCorpus.training(seed, trainingCount);
        Map<String, Integer> counts = new java.util.HashMap<>();
        for (AgreementSentence sentence : sentences) {
            for (String token : sentence.tokens()) {
                counts.merge(token, 1, Integer::sum);
            }
        }
        java.util.Random replace = new java.util.Random(seed ^ 0x5EED_516AL);
        java.util.Random replaceSubject = new java.util.Random(seed ^ 0x5EED_5B1EL);
        int[] verbs = new int[sentences.size()];
        int[] wrongVerbs = new int[sentences.size()];
        for (int i = 0; i < verbs.length; i++) {
            List<String> tokens = sentences.get(i).tokens();
            int[] targets = AgreementProbe.ids(vocabulary, tokens);
            int[] ids = targets.clone();
            for (int t = 0; t < ids.length; t++) {
                if (counts.get(tokens.get(t)) < RARE_COUNT && replace.nextDouble() < SIGNATURE_RATE) {
                    String signature = UnknownWordSignature.of(tokens.get(t), true).token();
                    if (vocabulary.contains(signature)) {
                        ids[t] = vocabulary.indexOf(signature);
                    }
                }
            }
            AgreementSentence sentence = sentences.get(i);
            if (replaceSubject.nextDouble() < SUBJECT_SIGNATURE_RATE) {
                UnknownWordSignature signature = UnknownWordSignature.of(tokens.get(sentence.subjectIndex()), true);
                if ((signature == UnknownWordSignature.S) == sentence.pluralSubject()
                        && vocabulary.contains(signature.token())) {
                    ids[sentence.subjectIndex()] = vocabulary.indexOf(signature.token());
                }
            }
            training.add(targets);
            inputs.add(ids);
            verbs[i] = sentences.get(i).verbIndex();
            wrongVerbs[i] = vocabulary.indexOf(sentences.get(i).wrongVerb());
        }
        List<AgreementSentence> held = AgreementCorpus.heldOut(seed, validationCount);
        List<int[]> validation = new ArrayList<>(validationCount);
        for (AgreementSentence sentence : held) {
            validation.add(AgreementProbe.ids(vocabulary, sentence.tokens()));
        }
        return new Trainer.Data(vocabulary.size(), training, inputs, verbs, wrongVerbs, validation,
                AgreementProbe.all(vocabulary, held));
    }

    /**
     * Gives every word the training never showed the embedding of the signature it would be read
     * as if the vocabulary lacked it: a random row would make such a word (a modal, "nor") an
     * arbitrary input, its signature's row makes it read as what training taught of words like it.
     */
    static void embedUnseenAsSignatures(Weights weights, Vocabulary vocabulary, List<int[]> training) {
        boolean[] seen = new boolean[vocabulary.size()];
        for (int[] ids : training) {
            for (int id : ids) {
                seen[id] = true;
            }
        }
        int d = weights.embedding.numCols;
        for (int id = 0; id < vocabulary.size(); id++) {
            String token = vocabulary.token(id);
            if (!seen[id] && !token.startsWith("<unk")) {
                String signature = UnknownWordSignature.of(token, true).token();
                int from = vocabulary.contains(signature) ? vocabulary.indexOf(signature) : vocabulary.unknownIndex();
                System.arraycopy(weights.embedding.data, from * d, weights.embedding.data, id * d, d);
            }
        }
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
        return train(config, listener, control, progressIntervalMillis, snapshotEverySteps, validateEverySteps,
                Workers.availableThreads());
    }

    /**
     * As {@link #train(TrainingConfig, Consumer, TrainingControl, long, int, int)} on {@code threads}
     * threads (the others use every core): the model is the same bits for any number.
     */
    public static Model train(TrainingConfig config, Consumer<TrainingProgress> listener, TrainingControl control,
                              long progressIntervalMillis, int snapshotEverySteps, int validateEverySteps,
                              int threads) {
        Vocabulary vocabulary = vocabulary();
        Trainer.Data data = data(vocabulary, config.seed(), config.sentences(), VALIDATION_SENTENCES);
        Trainer.Result result = new Trainer(config, progressIntervalMillis, snapshotEverySteps, validateEverySteps)
                .threads(threads)
                .train(data, listener, control);
        embedUnseenAsSignatures(result.weights(), vocabulary, data.trainingInputs());
        result.weights().roundToFloat();
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("seed", Long.toString(config.seed()));
        metadata.put("epochs", Integer.toString(config.epochs()));
        metadata.put("best_epoch", Integer.toString(result.bestEpoch()));
        metadata.put("validation_agreement", String.format(java.util.Locale.ROOT, "%.4f",
                result.validationAccuracy()));
        metadata.put("trained_with", commandLine(config));
        metadata.put("lexicon", LEXICON_SOURCE);
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
        if (config.sentences() != defaults.sentences()) {
            command.append(" --sentences ").append(config.sentences());
        }
        if (config.precision() != defaults.precision()) {
            command.append(" --precision ").append(config.precision().id());
        }
        return command.toString();
    }
}
