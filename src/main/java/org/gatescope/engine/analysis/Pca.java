package org.gatescope.engine.analysis;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Principal components of states (rows: one state a&lt;t&gt; or c&lt;t&gt; per token, columns: units),
 * computed with EJML's singular value decomposition of the centred data, X − mean = U Σ Vᵀ: the
 * components are the rows of Vᵀ for the largest singular values, the variance along component i is
 * σᵢ² / (n − 1) and its share of the total σᵢ² / Σ σ² (scikit-learn's {@code explained_variance_} and
 * {@code explained_variance_ratio_}; the ratio counts every direction, not only the kept ones).
 *
 * <p>A component's sign is arbitrary in any SVD; here its largest loading (by absolute value, the lowest
 * unit on a tie) is made positive, so the same data give the same axes everywhere.
 *
 * <p>Immutable: a fitted basis projects any state of the same hidden size ({@link #project}); the
 * trajectories of several sentences on one basis are comparable.
 */
public final class Pca {

    /** Total variance at or below this share of the squared data's scale counts as none (rounding noise). */
    static final double ZERO_VARIANCE = 1e-24;

    private final double[] mean;
    private final double[][] components;
    private final double[] explainedVariance;
    private final double[] explainedVarianceRatio;
    private final int samples;

    /**
     * A basis as saved: its values are copied, not checked against data.
     *
     * @param components k rows of H loadings each, unit length
     */
    public Pca(double[] mean, double[][] components, double[] explainedVariance, double[] explainedVarianceRatio,
               int samples) {
        if (components.length == 0 || components.length != explainedVariance.length
                || components.length != explainedVarianceRatio.length) {
            throw new IllegalArgumentException("a basis needs as many variances as components, and at least one");
        }
        for (double[] component : components) {
            if (component.length != mean.length) {
                throw new IllegalArgumentException("a component has " + component.length + " loadings, the mean "
                        + mean.length);
            }
        }
        this.mean = mean.clone();
        this.components = Arrays.stream(components).map(double[]::clone).toArray(double[][]::new);
        this.explainedVariance = explainedVariance.clone();
        this.explainedVarianceRatio = explainedVarianceRatio.clone();
        this.samples = samples;
    }

    /**
     * Fits the top {@code k} components of {@code states}.
     *
     * @param states n rows of H values (not modified)
     * @param k 1..H
     * @throws AnalysisException for fewer than two states, or states that do not vary
     */
    public static Pca fit(double[][] states, int k) {
        int n = states.length;
        if (n < 2) {
            throw new AnalysisException("PCA needs at least two states, one per token, and there "
                    + (n == 0 ? "are none" : "is only one (a text of one token)"));
        }
        int h = states[0].length;
        if (k < 1 || k > h) {
            throw new AnalysisException("the number of components must be 1.." + h + " (the layer's units), not " + k);
        }
        if (k > n) {
            throw new AnalysisException(k + " components need at least " + k + " states (tokens); there are " + n);
        }
        double[] mean = new double[h];
        for (double[] row : states) {
            if (row.length != h) {
                throw new IllegalArgumentException("states of " + row.length + " and " + h + " units");
            }
            for (int j = 0; j < h; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < h; j++) {
            mean[j] /= n;
        }
        DMatrixRMaj centred = new DMatrixRMaj(n, h);
        double scale = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < h; j++) {
                centred.set(i, j, states[i][j] - mean[j]);
                scale = Math.max(scale, Math.abs(states[i][j]));
            }
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, h, false, true, true);
        if (!svd.decompose(centred)) {
            throw new AnalysisException("the singular value decomposition did not converge on these states");
        }
        DMatrixRMaj w = svd.getW(null);
        DMatrixRMaj vt = svd.getV(null, true);
        SingularOps_DDRM.descendingOrder(null, false, w, vt, true);
        int rank = Math.min(w.numRows, w.numCols);
        double total = 0;
        for (int i = 0; i < rank; i++) {
            total += w.get(i, i) * w.get(i, i);
        }
        if (!(total > ZERO_VARIANCE * Math.max(1, scale * scale) * n)) {
            throw new AnalysisException("every state is the same (zero variance): there is no direction to"
                    + " project on");
        }
        double[][] components = new double[k][h];
        double[] variance = new double[k];
        double[] ratio = new double[k];
        for (int i = 0; i < k; i++) {
            double sigma = i < rank ? w.get(i, i) : 0;
            variance[i] = sigma * sigma / (n - 1);
            ratio[i] = sigma * sigma / total;
            for (int j = 0; j < h; j++) {
                components[i][j] = vt.get(i, j);
            }
            orient(components[i]);
        }
        return new Pca(mean, components, variance, ratio, n);
    }

    /** Makes the largest loading positive (the first of equals). */
    private static void orient(double[] component) {
        int largest = 0;
        for (int j = 1; j < component.length; j++) {
            if (Math.abs(component[j]) > Math.abs(component[largest]) + 1e-12) {
                largest = j;
            }
        }
        if (component[largest] < 0) {
            for (int j = 0; j < component.length; j++) {
                component[j] = -component[j];
            }
        }
    }

    /** The coordinates of {@code state} on the components: (state − mean) · componentᵢ. */
    public double[] project(double[] state) {
        if (state.length != mean.length) {
            throw new AnalysisException("this basis was fitted on states of " + mean.length + " units, not "
                    + state.length);
        }
        double[] point = new double[components.length];
        for (int i = 0; i < components.length; i++) {
            double sum = 0;
            for (int j = 0; j < mean.length; j++) {
                sum += (state[j] - mean[j]) * components[i][j];
            }
            point[i] = sum;
        }
        return point;
    }

    /** {@link #project} of every row. */
    public double[][] project(double[][] states) {
        double[][] points = new double[states.length][];
        for (int t = 0; t < states.length; t++) {
            points[t] = project(states[t]);
        }
        return points;
    }

    /** H, the number of units a state must have. */
    public int hidden() {
        return mean.length;
    }

    /** k, the number of components kept. */
    public int size() {
        return components.length;
    }

    public double[] mean() {
        return mean.clone();
    }

    /** k rows of H loadings (a copy). */
    public double[][] components() {
        return Arrays.stream(components).map(double[]::clone).toArray(double[][]::new);
    }

    public double[] explainedVariance() {
        return explainedVariance.clone();
    }

    /** Each component's share of the states' total variance, largest first. */
    public double[] explainedVarianceRatio() {
        return explainedVarianceRatio.clone();
    }

    /** How many states the basis was fitted on. */
    public int samples() {
        return samples;
    }
}
