package org.gatescope.engine.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.gatescope.engine.ModelSpec;
import org.gatescope.engine.Weights;
import org.gatescope.engine.analysis.AgreementProbe;
import org.gatescope.engine.analysis.AgreementScorer;
import org.gatescope.engine.cell.LanguageModelLoss;
import org.gatescope.engine.cell.Workers;

/**
 * Trains a language model by minibatch BPTT: next-token cross-entropy over whole
 * sentences (each from a zero state), Adam with cosine learning-rate decay, gradient-norm
 * clipping, and early stopping on the validation agreement accuracy. The best epoch's
 * weights are returned.
 *
 * <p>Deterministic for a seed: seeded initialisation and shuffling, no dependence on timing
 * (progress reports are rate-limited by the clock but change nothing), and the same bits whatever
 * the number of threads: the work of a step is split only where no sum is split (sequences of a
 * batch, columns of a product, slices of Adam's update; decision 0021). Runs on the caller's
 * thread with {@link #threads} helpers; the train window runs it on a task executor's thread.
 */
public final class Trainer {

    /**
     * What to learn from: id sequences to model, and probes to validate agreement on.
     *
     * @param verbPositions for each training sentence, the index of its main verb (-1 if none);
     *     predicting that token counts {@link TrainingConfig#verbWeight()} times in the loss
     */
    public record Data(int vocabSize, List<int[]> training, List<int[]> trainingInputs, int[] verbPositions,
                       int[] wrongVerbs, List<int[]> validation, List<AgreementProbe> validationProbes) {

        /** Data whose inputs are the sentences themselves, without the wrong verbs (a full softmax needs none). */
        public Data(int vocabSize, List<int[]> training, int[] verbPositions, List<int[]> validation,
                    List<AgreementProbe> validationProbes) {
            this(vocabSize, training, training, verbPositions, filled(verbPositions.length), validation,
                    validationProbes);
        }

        /**
         * @param trainingInputs what the model reads of each training sentence (rare words as their
         *     signatures); the same lengths as {@code training}, which holds the targets it predicts
         * @param wrongVerbs for each training sentence, the id of its main verb's other number (-1 if none)
         */
        public Data {
            if (trainingInputs.size() != training.size()) {
                throw new IllegalArgumentException(trainingInputs.size() + " inputs for " + training.size()
                        + " sentences");
            }
            for (int i = 0; i < training.size(); i++) {
                if (trainingInputs.get(i).length != training.get(i).length) {
                    throw new IllegalArgumentException("sentence " + i + ": inputs and targets differ in length");
                }
            }
            trainingInputs = List.copyOf(trainingInputs);
            if (verbPositions.length != training.size() || wrongVerbs.length != training.size()) {
                throw new IllegalArgumentException(verbPositions.length + " verb positions and " + wrongVerbs.length
                        + " wrong verbs for " + training.size() + " sentences");
            }
            verbPositions = verbPositions.clone();
            wrongVerbs = wrongVerbs.clone();
            training = List.copyOf(training);
            validation = List.copyOf(validation);
            validationProbes = List.copyOf(validationProbes);
            if (training.isEmpty()) {
                throw new IllegalArgumentException("no training sentences");
            }
        }
    }

    private static int[] filled(int n) {
        int[] none = new int[n];
        java.util.Arrays.fill(none, -1);
        return none;
    }

    /**
     * Vocabularies larger than this train with a sampled softmax ({@link #SOFTMAX_SAMPLES} words
     * beside each batch's targets); smaller ones with the full softmax, as before.
     */
    public static final int SAMPLED_SOFTMAX_ABOVE = 1_000;
    /** Sentences per forward pass of the validation loss: [T·B, V] probabilities stay a few tens of MB. */
    private static final int VALIDATION_BATCH = 32;
    /** Words drawn uniformly (with the run's random stream) into each batch's softmax. */
    public static final int SOFTMAX_SAMPLES = 256;

    /** The outcome: the best weights and how good they were. */
    public record Result(Weights weights, int bestEpoch, int epochsRun, double validationAccuracy,
                         double validationLoss, double seconds) {
    }

    private final TrainingConfig config;
    private final long progressIntervalNanos;
    private final int snapshotEverySteps;
    private final int validateEverySteps;
    private Workers workers = Workers.SERIAL;

    /**
     * @param progressIntervalMillis least time between two mid-epoch progress reports
     * @param snapshotEverySteps attach a copy of the weights to a report every this many steps (0: never)
     */
    public Trainer(TrainingConfig config, long progressIntervalMillis, int snapshotEverySteps) {
        this(config, progressIntervalMillis, snapshotEverySteps, 0);
    }

    /**
     * @param validateEverySteps also measure the validation loss and agreement every this many steps
     *     within an epoch (0: at epoch ends only), for a curve with more points; early stopping and
     *     the best weights still go by the epoch ends, so the trained weights do not depend on it
     */
    public Trainer(TrainingConfig config, long progressIntervalMillis, int snapshotEverySteps,
                   int validateEverySteps) {
        this.config = config;
        this.progressIntervalNanos = progressIntervalMillis * 1_000_000L;
        this.snapshotEverySteps = snapshotEverySteps;
        this.validateEverySteps = Math.max(0, validateEverySteps);
    }

    /**
     * Splits each step over {@code count} threads (the caller's included); the trained weights are
     * the same bits for every count.
     *
     * @return this trainer
     */
    public Trainer threads(int count) {
        this.workers = Workers.of(count);
        return this;
    }

    public Result train(Data data, Consumer<TrainingProgress> listener, TrainingControl control) {
        long start = System.nanoTime();
        ModelSpec spec = config.spec(data.vocabSize());
        Random random = new Random(config.seed());
        Weights weights = initialWeights(spec, random);
        Weights gradients = new Weights(spec);
        Weights best = weights.copy();
        Adam adam = new Adam(spec);
        adam.setWorkers(workers);
        LanguageModelLoss loss = new LanguageModelLoss(spec);
        loss.setWorkers(workers);
        loss.setPrecision(config.precision());
        List<int[]> sentences = new ArrayList<>(data.training());
        List<int[]> sentenceInputs = new ArrayList<>(data.trainingInputs());
        List<Integer> verbs = new ArrayList<>(sentences.size());
        List<Integer> wrongVerbs = new ArrayList<>(sentences.size());
        for (int i = 0; i < sentences.size(); i++) {
            verbs.add(data.verbPositions()[i]);
            wrongVerbs.add(data.wrongVerbs()[i]);
        }
        boolean sampled = data.vocabSize() > SAMPLED_SOFTMAX_ABOVE;
        int batches = (sentences.size() + config.batchSize() - 1) / config.batchSize();
        long totalSteps = (long) batches * config.epochs();
        long step = 0;
        double bestAccuracy = -1;
        double bestLoss = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        int epochsWithoutGain = 0;
        int epoch = 0;
        double validationLoss = Double.NaN;
        double validationAccuracy = Double.NaN;
        long validationStep = -1;
        long lastReport = System.nanoTime();
        double lossSum = 0;
        int lossCount = 0;

        while (epoch < config.epochs()) {
            epoch++;
            shuffle(sentences, sentenceInputs, verbs, wrongVerbs, random);
            for (int batch = 0; batch < batches; batch++) {
                if (step > 0 && (control.isPaused() || control.isCancelled())) {
                    // The weights as they stand, so that a paused or stopped run's model can be kept.
                    listener.accept(new TrainingProgress(epoch, config.epochs(), step, totalSteps,
                            lossCount == 0 ? Double.NaN : lossSum / lossCount, validationLoss, validationAccuracy,
                            validationStep, learningRate(step, totalSteps), (System.nanoTime() - start) / 1e9,
                            false, weights.copy()));
                    lastReport = System.nanoTime();
                    lossSum = 0;
                    lossCount = 0;
                }
                // Paused time is not training time: the elapsed seconds (and so the time left) leave it out.
                start += control.checkpoint();
                List<int[]> slice = sentences.subList(batch * config.batchSize(),
                        Math.min(sentences.size(), (batch + 1) * config.batchSize()));
                int[][][] batchData = inputsAndTargets(slice);
                batchData[0] = inputsAndTargets(sentenceInputs.subList(batch * config.batchSize(),
                        batch * config.batchSize() + slice.size()))[0];
                double[][] targetWeights = verbWeights(batchData[1], verbs.subList(batch * config.batchSize(),
                        batch * config.batchSize() + slice.size()));
                gradients.zero();
                double batchLoss = sampled
                        ? loss.sampledLossAndGradient(weights, batchData[0], batchData[1], targetWeights,
                                candidates(batchData[1], wrongVerbs.subList(batch * config.batchSize(),
                                        batch * config.batchSize() + slice.size()), data.vocabSize(), random),
                                gradients)
                        : loss.lossAndGradient(weights, batchData[0], batchData[1], targetWeights, gradients);
                clip(gradients, config.clipNorm());
                double rate = learningRate(step, totalSteps);
                adam.update(weights, gradients, rate);
                step++;
                lossSum += batchLoss;
                lossCount++;
                boolean validate = validateEverySteps > 0 && step % validateEverySteps == 0 && batch < batches - 1;
                if (validate) {
                    validationLoss = meanLoss(loss, weights, data.validation());
                    validationAccuracy = accuracy(spec, weights, data);
                    validationStep = step;
                }
                long now = System.nanoTime();
                boolean snapshot = snapshotEverySteps > 0 && step % snapshotEverySteps == 0;
                if (now - lastReport >= progressIntervalNanos || snapshot || validate) {
                    listener.accept(new TrainingProgress(epoch, config.epochs(), step, totalSteps,
                            lossSum / lossCount, validationLoss, validationAccuracy, validationStep, rate,
                            (now - start) / 1e9, false, snapshot ? weights.copy() : null));
                    lastReport = now;
                    lossSum = 0;
                    lossCount = 0;
                }
            }
            validationLoss = meanLoss(loss, weights, data.validation());
            validationAccuracy = accuracy(spec, weights, data);
            validationStep = step;
            boolean better = validationAccuracy > bestAccuracy
                    || (validationAccuracy == bestAccuracy && validationLoss < bestLoss)
                    || (Double.isNaN(validationAccuracy) && validationLoss < bestLoss);
            if (better) {
                best.copyFrom(weights);
                bestAccuracy = validationAccuracy;
                bestLoss = validationLoss;
                bestEpoch = epoch;
                epochsWithoutGain = 0;
            } else {
                epochsWithoutGain++;
            }
            long now = System.nanoTime();
            listener.accept(new TrainingProgress(epoch, config.epochs(), step, totalSteps,
                    lossCount == 0 ? Double.NaN : lossSum / lossCount, validationLoss, validationAccuracy,
                    validationStep, learningRate(step, totalSteps), (now - start) / 1e9, true,
                    snapshotEverySteps > 0 ? weights.copy() : null));
            lastReport = now;
            lossSum = 0;
            lossCount = 0;
            if (epochsWithoutGain >= config.patience()) {
                break;
            }
        }
        return new Result(best, bestEpoch, epoch, bestAccuracy, bestLoss, (System.nanoTime() - start) / 1e9);
    }

    /**
     * PyTorch's defaults, U(−1/√H, 1/√H) for the cell and head and N(0, 1) for the
     * embedding, except that gates start biased towards remembering: the LSTM's forget gate
     * (Jozefowicz et al. 2015) and the GRU's keep gate z start at +1, so Γu leans shut.
     */
    static Weights initialWeights(ModelSpec spec, Random random) {
        Weights weights = new Weights(spec);
        double bound = 1 / Math.sqrt(spec.hiddenSize());
        for (Weights.Parameter parameter : weights.parameters()) {
            double[] data = parameter.values().data;
            boolean embedding = parameter.name().equals(Weights.EMBEDDING);
            for (int i = 0; i < data.length; i++) {
                data[i] = embedding ? random.nextGaussian() : (2 * random.nextDouble() - 1) * bound;
            }
        }
        int h = spec.hiddenSize();
        int rememberBlock = switch (spec.cell()) {
            case LSTM, PEEPHOLE_LSTM, GRU -> 1; // f for LSTMs, z for the GRU
            case GRU_SIMPLE -> 0;               // z
            case RNN -> -1;
        };
        if (rememberBlock >= 0) {
            for (int j = 0; j < h; j++) {
                weights.biasIh.data[rememberBlock * h + j] = 1.0;
                weights.biasHh.data[rememberBlock * h + j] = 0.0;
            }
        }
        return weights;
    }

    /** Cosine decay from the initial to the final learning rate over the planned steps. */
    private double learningRate(long step, long totalSteps) {
        double progress = totalSteps <= 1 ? 0 : Math.min(1.0, step / (double) (totalSteps - 1));
        double cosine = 0.5 * (1 + Math.cos(Math.PI * progress));
        return config.finalLearningRate() + (config.learningRate() - config.finalLearningRate()) * cosine;
    }

    /** Scales the gradient down to {@code maxNorm} if its global L2 norm is larger. */
    static void clip(Weights gradients, double maxNorm) {
        double sumOfSquares = 0;
        for (Weights.Parameter parameter : gradients.parameters()) {
            for (double g : parameter.values().data) {
                sumOfSquares += g * g;
            }
        }
        double norm = Math.sqrt(sumOfSquares);
        if (norm > maxNorm) {
            double scale = maxNorm / norm;
            for (Weights.Parameter parameter : gradients.parameters()) {
                double[] data = parameter.values().data;
                for (int i = 0; i < data.length; i++) {
                    data[i] *= scale;
                }
            }
        }
    }

    /**
     * Fisher–Yates with the run's own random stream, so the order depends on the seed only;
     * the verb positions move with their sentences.
     */
    private static void shuffle(List<int[]> list, List<int[]> inputs, List<Integer> verbs, List<Integer> wrongVerbs,
                                Random random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            list.set(i, list.set(j, list.get(i)));
            inputs.set(i, inputs.set(j, inputs.get(i)));
            verbs.set(i, verbs.set(j, verbs.get(i)));
            wrongVerbs.set(i, wrongVerbs.set(j, wrongVerbs.get(i)));
        }
    }

    /**
     * The batch's softmax candidates, ascending: every target, the wrong form of every main verb (so
     * the choice between "was" and "were" is trained exactly), and {@link #SOFTMAX_SAMPLES} words
     * drawn uniformly, so that every word's logit is pushed down now and then.
     */
    private static int[] candidates(int[][] targets, List<Integer> wrongVerbs, int vocabSize, Random random) {
        boolean[] in = new boolean[vocabSize];
        for (int[] row : targets) {
            for (int id : row) {
                if (id >= 0) {
                    in[id] = true;
                }
            }
        }
        for (int id : wrongVerbs) {
            if (id >= 0) {
                in[id] = true;
            }
        }
        for (int i = 0; i < SOFTMAX_SAMPLES; i++) {
            in[random.nextInt(vocabSize)] = true;
        }
        int count = 0;
        for (boolean b : in) {
            count += b ? 1 : 0;
        }
        int[] ids = new int[count];
        int n = 0;
        for (int id = 0; id < vocabSize; id++) {
            if (in[id]) {
                ids[n++] = id;
            }
        }
        return ids;
    }

    /** Weight 1 for every target but the main verb's, which gets the configured verb weight. */
    private double[][] verbWeights(int[][] targets, List<Integer> verbs) {
        double[][] weights = new double[targets.length][];
        for (int b = 0; b < targets.length; b++) {
            weights[b] = new double[targets[b].length];
            java.util.Arrays.fill(weights[b], 1.0);
            int verb = verbs.get(b);
            // Input position verb − 1 is where the model must predict the verb.
            if (verb >= 1 && verb - 1 < weights[b].length) {
                weights[b][verb - 1] = config.verbWeight();
            }
        }
        return weights;
    }

    /** Inputs tokens[0..n-2] and targets tokens[1..n-1], padded to the batch's longest (target -1). */
    static int[][][] inputsAndTargets(List<int[]> sentences) {
        int length = 0;
        for (int[] s : sentences) {
            length = Math.max(length, s.length - 1);
        }
        int[][] inputs = new int[sentences.size()][length];
        int[][] targets = new int[sentences.size()][length];
        for (int b = 0; b < sentences.size(); b++) {
            int[] s = sentences.get(b);
            java.util.Arrays.fill(targets[b], -1);
            for (int t = 0; t < s.length - 1; t++) {
                inputs[b][t] = s[t];
                targets[b][t] = s[t + 1];
            }
        }
        return new int[][][] {inputs, targets};
    }

    /** Agreement accuracy on the validation probes; NaN without probes. */
    private static double accuracy(ModelSpec spec, Weights weights, Data data) {
        return data.validationProbes().isEmpty() ? Double.NaN
                : AgreementScorer.accuracy(spec, weights, data.validationProbes());
    }

    /** Mean next-token cross-entropy over sentences (gradients computed and discarded). */
    private double meanLoss(LanguageModelLoss loss, Weights weights, List<int[]> sentences) {
        if (sentences.isEmpty()) {
            return Double.NaN;
        }
        // Forward only: the full softmax's backward over a large vocabulary would cost twice as much again.
        double total = 0;
        int batches = 0;
        int vocab = weights.spec().vocabSize();
        for (int start = 0; start < sentences.size(); start += VALIDATION_BATCH) {
            int[][][] batch = inputsAndTargets(sentences.subList(start,
                    Math.min(sentences.size(), start + VALIDATION_BATCH)));
            double[] p = loss.probabilities(weights, batch[0]);
            int b = batch[0].length;
            double sum = 0;
            int counted = 0;
            for (int i = 0; i < b; i++) {
                for (int t = 0; t < batch[1][i].length; t++) {
                    int target = batch[1][i][t];
                    if (target >= 0) {
                        sum -= Math.log(p[(t * b + i) * vocab + target]);
                        counted++;
                    }
                }
            }
            total += counted == 0 ? 0 : sum / counted;
            batches++;
        }
        return total / batches;
    }
}
