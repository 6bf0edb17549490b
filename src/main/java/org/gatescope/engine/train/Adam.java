package org.gatescope.engine.train;

import org.gatescope.engine.ModelSpec;
import org.gatescope.engine.Weights;
import org.gatescope.engine.cell.Workers;

/**
 * Adam (Kingma &amp; Ba 2015) as PyTorch's {@code torch.optim.Adam} computes it, over every
 * parameter of a {@link Weights}:
 *
 * <pre>
 *   m ← β1 m + (1 − β1) g,   v ← β2 v + (1 − β2) g²
 *   θ ← θ − lr · (m / (1 − β1^k)) / (√(v / (1 − β2^k)) + ε)
 * </pre>
 */
public final class Adam {

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final Weights firstMoment;
    private final Weights secondMoment;
    private int step;
    private Workers workers = Workers.SERIAL;

    /** Elements per part when an update is split over threads (each element's update is independent). */
    private static final int ELEMENTS_PER_PART = 16 * 1024;

    public Adam(ModelSpec spec) {
        this(spec, 0.9, 0.999, 1e-8);
    }

    public Adam(ModelSpec spec, double beta1, double beta2, double epsilon) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.firstMoment = new Weights(spec);
        this.secondMoment = new Weights(spec);
    }

    /** Splits the following updates over {@code workers}' threads; the result does not depend on it. */
    public void setWorkers(Workers workers) {
        this.workers = workers;
    }

    /**
     * One update.
     *
     * @param weights updated in place; modified
     * @param gradients ∂L/∂θ; not modified
     */
    public void update(Weights weights, Weights gradients, double learningRate) {
        step++;
        double correction1 = 1 - Math.pow(beta1, step);
        double correction2 = 1 - Math.pow(beta2, step);
        double stepSize = learningRate / correction1;
        double inverseSqrtCorrection2 = 1 / Math.sqrt(correction2);
        for (int p = 0; p < weights.parameters().size(); p++) {
            double[] theta = weights.parameters().get(p).values().data;
            double[] g = gradients.parameters().get(p).values().data;
            double[] m = firstMoment.parameters().get(p).values().data;
            double[] v = secondMoment.parameters().get(p).values().data;
            int n = theta.length;
            int parts = workers.threads() == 1 ? 1 : Math.max(1, Math.min(64, n / ELEMENTS_PER_PART));
            workers.run(parts, part -> update(theta, g, m, v, Workers.rangeStart(n, parts, part),
                    Workers.rangeStart(n, parts, part + 1), stepSize, inverseSqrtCorrection2));
        }
    }

    private void update(double[] theta, double[] g, double[] m, double[] v, int from, int to, double stepSize,
                        double inverseSqrtCorrection2) {
        for (int i = from; i < to; i++) {
            m[i] = beta1 * m[i] + (1 - beta1) * g[i];
            v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
            theta[i] -= stepSize * m[i] / (Math.sqrt(v[i]) * inverseSqrtCorrection2 + epsilon);
        }
    }

    /** How many updates have been made. */
    public int steps() {
        return step;
    }
}
