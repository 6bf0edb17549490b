package org.gatescope.engine.train;

import java.util.Arrays;
import java.util.Random;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.ModelSpec;
import org.gatescope.engine.Precision;
import org.gatescope.engine.Weights;
import org.gatescope.engine.cell.LanguageModelLoss;
import org.gatescope.engine.cell.RecurrentLayer;
import org.gatescope.engine.cell.Workers;

/**
 * Times the recurrent layer alone, as the PyTorch reference ({@code bench --reference}) measures
 * it: the forward pass of a trace (batch 1, a long sequence, recording every gate), and a training
 * step (forward + backward with loss = Σ a&lt;t&gt;, no ∂L/∂x as PyTorch's x needs none, then an Adam
 * update) at batch B and length T;
 * and the whole word-level language model: its training step (embedding, cell, softmax head with
 * cross-entropy over the vocabulary, Adam) and its trace with the head's probabilities at every
 * token. Each case warms up, then reports the median of several timed repeats.
 */
public final class LayerBenchmark {

    /** The timed cases' settings. */
    public record Settings(int traceLength, int batch, int steps, double warmupSeconds, double measureSeconds,
                           int repeats) {
        public static Settings defaults() {
            return new Settings(2000, 32, 20, 2.0, 0.5, 5);
        }
    }

    /** Tokens of the language model's timed trace (the head over V words at each costs more than the cell). */
    public static final int LM_TRACE_LENGTH = 500;

    private final Settings settings;

    public LayerBenchmark(Settings settings) {
        this.settings = settings;
    }

    /** Microseconds per token of the traced forward pass at batch 1. */
    public double traceMicrosPerToken(CellKind cell, int hidden, int embed) {
        ModelSpec spec = ModelSpec.of(cell, 1, embed, hidden);
        Weights weights = randomWeights(spec, 1);
        RecurrentLayer layer = RecurrentLayer.create(spec);
        layer.load(weights);
        int steps = settings.traceLength();
        double[] inputs = randomArray(steps * embed, 2);
        double seconds = medianSecondsPerRun(() -> layer.forward(inputs, steps, 1));
        return seconds / steps * 1e6;
    }

    /** Tokens per second of forward + backward + Adam at the configured batch and length, on one thread, in double. */
    public double trainTokensPerSecond(CellKind cell, int hidden, int embed) {
        return trainTokensPerSecond(cell, hidden, embed, Workers.SERIAL, Precision.FLOAT64);
    }

    /** Tokens per second of forward + backward + Adam at the configured batch and length. */
    public double trainTokensPerSecond(CellKind cell, int hidden, int embed, Workers workers, Precision precision) {
        ModelSpec spec = ModelSpec.of(cell, 1, embed, hidden);
        Weights weights = randomWeights(spec, 3);
        Weights gradients = new Weights(spec);
        Adam adam = new Adam(spec);
        adam.setWorkers(workers);
        RecurrentLayer layer = RecurrentLayer.create(spec);
        layer.setWorkers(workers);
        layer.setPrecision(precision);
        int batch = settings.batch();
        int steps = settings.steps();
        double[] inputs = randomArray(steps * batch * embed, 4);
        double[] activationGradient = new double[steps * batch * hidden];
        Arrays.fill(activationGradient, 1.0); // L = Σ a<t>
        double seconds = medianSecondsPerRun(() -> {
            layer.load(weights);
            layer.forward(inputs, steps, batch);
            gradients.zero();
            layer.backward(activationGradient, gradients, null); // no ∂L/∂x: PyTorch's x needs no grad either
            adam.update(weights, gradients, 1e-3);
        });
        return steps * batch / seconds;
    }

    /**
     * Tokens per second of the language model's training step: embedding, cell, softmax head with
     * mean cross-entropy over all {@code vocab} words (no sampling), backward through all of them,
     * and Adam over every parameter, at the configured batch and length.
     */
    public double languageModelTrainTokensPerSecond(CellKind cell, int hidden, int embed, int vocab,
                                                    Workers workers, Precision precision) {
        ModelSpec spec = ModelSpec.of(cell, vocab, embed, hidden);
        Weights weights = randomWeights(spec, 5);
        Weights gradients = new Weights(spec);
        Adam adam = new Adam(spec);
        adam.setWorkers(workers);
        LanguageModelLoss loss = new LanguageModelLoss(spec);
        loss.setWorkers(workers);
        loss.setPrecision(precision);
        int batch = settings.batch();
        int steps = settings.steps();
        int[][] inputs = randomTokens(batch, steps, vocab, 6);
        int[][] targets = randomTokens(batch, steps, vocab, 7);
        double seconds = medianSecondsPerRun(() -> {
            gradients.zero();
            loss.lossAndGradient(weights, inputs, targets, gradients);
            adam.update(weights, gradients, 1e-3);
        });
        return steps * batch / seconds;
    }

    /**
     * Microseconds per token of the language model's trace at batch 1 over {@link #LM_TRACE_LENGTH}
     * tokens: embedding, cell, and the softmax over all {@code vocab} words after every token.
     */
    public double languageModelTraceMicrosPerToken(CellKind cell, int hidden, int embed, int vocab) {
        ModelSpec spec = ModelSpec.of(cell, vocab, embed, hidden);
        Weights weights = randomWeights(spec, 8);
        LanguageModelLoss model = new LanguageModelLoss(spec);
        int[][] tokens = randomTokens(1, LM_TRACE_LENGTH, vocab, 9);
        double seconds = medianSecondsPerRun(() -> model.probabilities(weights, tokens));
        return seconds / LM_TRACE_LENGTH * 1e6;
    }

    private static int[][] randomTokens(int batch, int steps, int vocab, long seed) {
        Random random = new Random(seed);
        int[][] ids = new int[batch][steps];
        for (int[] row : ids) {
            for (int t = 0; t < steps; t++) {
                row[t] = random.nextInt(vocab);
            }
        }
        return ids;
    }

    private double medianSecondsPerRun(Runnable run) {
        // Warm up until the JIT is done: at least warmupSeconds, then until two windows in a row
        // agree within 5 % (at most four times as long). The register tiles run boxed, about
        // 1,000 times slower, until C2 has compiled them and their callers, which took 1.5–2.5 s
        // here; repeats timed before that measured the compiler, not the code.
        long start = System.nanoTime();
        long minimum = (long) (settings.warmupSeconds() * 1e9);
        double previous = Double.NaN;
        while (true) {
            double current = secondsPerRun(run);
            long elapsed = System.nanoTime() - start;
            boolean steady = Math.abs(current - previous) <= 0.05 * previous;
            if (elapsed >= 4 * minimum || (elapsed >= minimum && steady)) {
                break;
            }
            previous = current;
        }
        double[] samples = new double[settings.repeats()];
        for (int r = 0; r < samples.length; r++) {
            samples[r] = secondsPerRun(run);
        }
        Arrays.sort(samples);
        return samples[samples.length / 2];
    }

    /** Runs {@code run} until measureSeconds have passed (at least once); the seconds per run. */
    private double secondsPerRun(Runnable run) {
        long measure = (long) (settings.measureSeconds() * 1e9);
        long start = System.nanoTime();
        long elapsed;
        int runs = 0;
        do {
            run.run();
            runs++;
            elapsed = System.nanoTime() - start;
        } while (elapsed < measure);
        return elapsed / 1e9 / runs;
    }

    /** Weights drawn as PyTorch initialises a recurrent layer: U(−1/√H, 1/√H). */
    private static Weights randomWeights(ModelSpec spec, long seed) {
        Weights weights = new Weights(spec);
        Random random = new Random(seed);
        double bound = 1 / Math.sqrt(spec.hiddenSize());
        for (Weights.Parameter parameter : weights.parameters()) {
            double[] data = parameter.values().data;
            for (int i = 0; i < data.length; i++) {
                data[i] = (2 * random.nextDouble() - 1) * bound;
            }
        }
        return weights;
    }

    private static double[] randomArray(int n, long seed) {
        Random random = new Random(seed);
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = random.nextGaussian();
        }
        return a;
    }
}
