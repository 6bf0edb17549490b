package org.gatescope.engine.cell;

import org.gatescope.engine.ModelSpec;
import org.gatescope.engine.Precision;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.Weights;

/**
 * The whole model's loss and its gradients by backpropagation through time:
 * embedding → cell → linear head → softmax cross-entropy, over a batch of equal-length
 * sequences (pad with any token and a target of -1).
 *
 * <p>Keeps its cell's buffers between calls of the same shape. Not thread-safe.
 */
public final class LanguageModelLoss {

    private final ModelSpec spec;
    private final RecurrentLayer layer;
    private final HeadPass head = new HeadPass();
    private double[] inputGradient;
    private int steps;
    private int batch;

    public LanguageModelLoss(ModelSpec spec) {
        this.spec = spec;
        this.layer = RecurrentLayer.create(spec);
    }

    /**
     * Splits the following calls' work over {@code workers}' threads; every result is bit for bit
     * the same as with one thread (decision 0021).
     */
    public void setWorkers(Workers workers) {
        layer.setWorkers(workers);
        head.setWorkers(workers);
    }

    /**
     * Sets the arithmetic of the layer's and the head's matrix products for the following calls
     * (decision 0023): {@link Precision#FLOAT64}, the reference, unless set.
     */
    public void setPrecision(Precision precision) {
        layer.setPrecision(precision);
        head.setPrecision(precision);
    }

    /** Overrides memory cells in the following calls (null: none); see {@link MemoryCellIntervention}. */
    public void setIntervention(MemoryCellIntervention intervention) {
        layer.setIntervention(intervention);
    }

    /**
     * Mean cross-entropy of the counted targets, with its gradient.
     *
     * @param weights the model's parameters; not modified
     * @param inputs token ids, [B][T]; not modified
     * @param targets the id each position should predict, or -1 to skip it, [B][T]; not modified
     * @param gradients where ∂L/∂θ for every parameter is ADDED; modified
     * @return the mean over counted targets of −log p(target), or 0 if none is counted
     */
    public double lossAndGradient(Weights weights, int[][] inputs, int[][] targets, Weights gradients) {
        return lossAndGradient(weights, inputs, targets, null, gradients);
    }

    /**
     * Weighted mean cross-entropy: position (b, t) counts {@code targetWeights[b][t]} times.
     *
     * @param targetWeights [B][T], or null for weight 1 everywhere; not modified
     * @return Σ w·(−log p(target)) / Σ w over counted targets, or 0 if none is counted
     */
    public double lossAndGradient(Weights weights, int[][] inputs, int[][] targets, double[][] targetWeights,
                                  Weights gradients) {
        int b = inputs.length;
        int t = inputs[0].length;
        int[] ids = timeMajor(inputs, t);
        int[] targetIds = timeMajor(targets, t);
        double[] scale = new double[targetIds.length];
        double total = 0;
        for (int s = 0; s < t; s++) {
            for (int i = 0; i < b; i++) {
                int row = s * b + i;
                if (targetIds[row] >= 0) {
                    scale[row] = targetWeights == null ? 1.0 : targetWeights[i][s];
                    total += scale[row];
                }
            }
        }
        for (int row = 0; row < scale.length; row++) {
            scale[row] = total == 0 ? 0.0 : scale[row] / total;
        }
        return run(weights, ids, targetIds, t, b, scale, gradients);
    }

    /**
     * As {@link #lossAndGradient(Weights, int[][], int[][], double[][], Weights)}, with the softmax
     * taken over {@code candidates} only ({@link SampledSoftmaxHead}): every counted target must be
     * one of them. Only the candidates' rows of the head receive a gradient.
     *
     * @param candidates distinct vocabulary ids; not modified
     */
    public double sampledLossAndGradient(Weights weights, int[][] inputs, int[][] targets, double[][] targetWeights,
                                         int[] candidates, Weights gradients) {
        int b = inputs.length;
        int t = inputs[0].length;
        int[] ids = timeMajor(inputs, t);
        int[] targetIds = timeMajor(targets, t);
        int[] positionOf = new int[spec.vocabSize()];
        java.util.Arrays.fill(positionOf, -1);
        for (int c = 0; c < candidates.length; c++) {
            positionOf[candidates[c]] = c;
        }
        double[] scale = new double[targetIds.length];
        int[] targetPositions = new int[targetIds.length];
        double total = 0;
        for (int s = 0; s < t; s++) {
            for (int i = 0; i < b; i++) {
                int row = s * b + i;
                targetPositions[row] = targetIds[row] < 0 ? -1 : positionOf[targetIds[row]];
                if (targetIds[row] >= 0) {
                    if (targetPositions[row] < 0) {
                        throw new IllegalArgumentException("target " + targetIds[row] + " is not a candidate");
                    }
                    scale[row] = targetWeights == null ? 1.0 : targetWeights[i][s];
                    total += scale[row];
                }
            }
        }
        for (int row = 0; row < scale.length; row++) {
            scale[row] = total == 0 ? 0.0 : scale[row] / total;
        }
        this.steps = t;
        this.batch = b;
        layer.load(weights);
        double[] x = Embedding.lookup(weights, ids);
        layer.forward(x, t, b);
        double[] activations = layer.values(Quantity.ACTIVATION);
        double[] activationGradient = new double[t * b * spec.hiddenSize()];
        double loss = SampledSoftmaxHead.lossAndBackward(weights, activations, t * b, candidates, targetPositions,
                scale, gradients, activationGradient);
        inputGradient = inputGradientBuffer(t * b * spec.embedSize());
        layer.backward(activationGradient, gradients, inputGradient);
        Embedding.backward(ids, inputGradient, gradients);
        return loss;
    }

    /** The ∂L/∂x buffer, reused while the batch's shape stays the same. */
    private double[] inputGradientBuffer(int length) {
        return inputGradient != null && inputGradient.length == length ? inputGradient : new double[length];
    }

    /**
     * −Σ log p(target) over the counted positions of one sequence, with its gradient; the
     * per-step gradients w.r.t. c&lt;t&gt; and x&lt;t&gt; are then in {@link #memoryCellGradient()}
     * and {@link #inputGradient()}.
     */
    public double sumLossAndGradient(Weights weights, int[] inputs, int[] targets, Weights gradients) {
        double[] scale = new double[targets.length];
        java.util.Arrays.fill(scale, 1.0);
        return run(weights, inputs.clone(), targets.clone(), inputs.length, 1, scale, gradients);
    }

    private double run(Weights weights, int[] ids, int[] targetIds, int t, int b, double[] scale,
                       Weights gradients) {
        this.steps = t;
        this.batch = b;
        layer.load(weights);
        double[] x = Embedding.lookup(weights, ids);
        layer.forward(x, t, b);
        double[] activations = layer.values(Quantity.ACTIVATION);
        head.forward(weights, activations, t * b);
        double loss = 0;
        for (int r = 0; r < targetIds.length; r++) {
            if (targetIds[r] >= 0) {
                loss -= scale[r] * Math.log(head.probability(r, targetIds[r]));
            }
        }
        double[] activationGradient = head.backward(weights, activations, targetIds, scale, gradients);
        inputGradient = inputGradientBuffer(t * b * spec.embedSize());
        layer.backward(activationGradient, gradients, inputGradient);
        Embedding.backward(ids, inputGradient, gradients);
        return loss;
    }

    /**
     * The head's softmax after every token of a batch, forward only.
     *
     * @param inputs token ids, [B][T] (equal lengths; pad with any id); not modified
     * @return p(next token), [T·B, V] time-major: row t·B + b
     */
    public double[] probabilities(Weights weights, int[][] inputs) {
        int b = inputs.length;
        int t = inputs[0].length;
        this.steps = t;
        this.batch = b;
        layer.load(weights);
        layer.forward(Embedding.lookup(weights, timeMajor(inputs, t)), t, b);
        head.forward(weights, layer.values(Quantity.ACTIVATION), t * b);
        return head.probabilities();
    }

    /**
     * a&lt;t&gt; after every token of a batch, forward only, for a caller that needs the head at a few
     * rows only ({@link SoftmaxHead#probabilities} on those).
     *
     * @return [T·B, H] time-major: row t·B + b
     */
    public double[] activations(Weights weights, int[][] inputs) {
        int b = inputs.length;
        int t = inputs[0].length;
        this.steps = t;
        this.batch = b;
        layer.load(weights);
        layer.forward(Embedding.lookup(weights, timeMajor(inputs, t)), t, b);
        return layer.values(Quantity.ACTIVATION).clone();
    }

    /** ∂L/∂c&lt;t&gt; of the last call, [T·B, H] time-major (∂L/∂a&lt;t&gt; where the cell has no separate c). */
    public double[] memoryCellGradient() {
        return layer.memoryCellGradient().clone();
    }

    /** ∂L/∂x&lt;t&gt; of the last call, [T·B, D] time-major. */
    public double[] inputGradient() {
        return inputGradient.clone();
    }

    public int steps() {
        return steps;
    }

    public int batch() {
        return batch;
    }

    private static int[] timeMajor(int[][] rows, int steps) {
        int b = rows.length;
        int[] out = new int[steps * b];
        for (int i = 0; i < b; i++) {
            if (rows[i].length != steps) {
                throw new IllegalArgumentException("sequence " + i + " has " + rows[i].length
                        + " tokens; every sequence in a batch needs " + steps);
            }
            for (int s = 0; s < steps; s++) {
                out[s * b + i] = rows[i][s];
            }
        }
        return out;
    }
}
