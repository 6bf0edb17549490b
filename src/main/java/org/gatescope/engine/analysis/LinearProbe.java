package org.gatescope.engine.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * A diagnostic classifier (Hupkes, Veldhoen &amp; Zuidema 2018): a linear read-out of a property from a
 * state, fitted by ridge-regularised least squares with EJML. Each unit is first standardised (z-scored
 * on the training states), so the weights of different units compare; then, for two classes, one score
 * w·z + b is fitted to targets −1/+1 and its sign is the prediction; for more, one score per class is
 * fitted to one-hot targets and the largest wins. The normal equations
 * (AᵀA + λ n I′) W = AᵀY, A = [z 1], I′ sparing the bias, are solved by Cholesky.
 *
 * <p>Immutable once fitted.
 */
public final class LinearProbe {

    /** λ, the ridge per example, in standardised units: enough to keep constant or collinear units harmless. */
    public static final double RIDGE = 1e-3;

    /** One unit's weight in the read-out. */
    public record UnitWeight(int unit, double weight) {
    }

    private final List<String> classes;
    private final double[] mean;
    private final double[] scale;
    /** [outputs][H]: one row for two classes, one per class otherwise. */
    private final double[][] weights;
    private final double[] bias;

    private LinearProbe(List<String> classes, double[] mean, double[] scale, double[][] weights, double[] bias) {
        this.classes = List.copyOf(classes);
        this.mean = mean;
        this.scale = scale;
        this.weights = weights;
        this.bias = bias;
    }

    /**
     * @param states n rows of H values (not modified)
     * @param labels n class indices into {@code classes}
     * @param classes at least two
     */
    public static LinearProbe fit(double[][] states, int[] labels, List<String> classes) {
        int n = states.length;
        if (classes.size() < 2) {
            throw new AnalysisException("a probe needs at least two labels to tell apart, the training tokens have "
                    + classes.size());
        }
        if (n == 0 || n != labels.length) {
            throw new AnalysisException("a probe needs training tokens with labels (" + n + " states, "
                    + labels.length + " labels)");
        }
        int h = states[0].length;
        double[] mean = new double[h];
        double[] scale = new double[h];
        for (double[] row : states) {
            for (int j = 0; j < h; j++) {
                mean[j] += row[j] / n;
            }
        }
        for (double[] row : states) {
            for (int j = 0; j < h; j++) {
                scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < h; j++) {
            scale[j] = scale[j] > 1e-24 ? Math.sqrt(scale[j]) : 1; // a constant unit: weight 0 by the ridge
        }
        int outputs = classes.size() == 2 ? 1 : classes.size();
        DMatrixRMaj a = new DMatrixRMaj(n, h + 1);
        DMatrixRMaj y = new DMatrixRMaj(n, outputs);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < h; j++) {
                a.set(i, j, (states[i][j] - mean[j]) / scale[j]);
            }
            a.set(i, h, 1);
            if (labels[i] < 0 || labels[i] >= classes.size()) {
                throw new IllegalArgumentException("label " + labels[i] + " outside " + classes.size() + " classes");
            }
            if (outputs == 1) {
                y.set(i, 0, labels[i] == 1 ? 1 : -1);
            } else {
                y.set(i, labels[i], 1);
            }
        }
        DMatrixRMaj normal = new DMatrixRMaj(h + 1, h + 1);
        CommonOps_DDRM.multTransA(a, a, normal);
        for (int j = 0; j < h; j++) {
            normal.add(j, j, RIDGE * n);
        }
        DMatrixRMaj right = new DMatrixRMaj(h + 1, outputs);
        CommonOps_DDRM.multTransA(a, y, right);
        DMatrixRMaj solution = new DMatrixRMaj(h + 1, outputs);
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(h + 1);
        if (!solver.setA(normal)) {
            solver = LinearSolverFactory_DDRM.pseudoInverse(true);
            solver.setA(normal);
        }
        solver.solve(right, solution);
        double[][] weights = new double[outputs][h];
        double[] bias = new double[outputs];
        for (int k = 0; k < outputs; k++) {
            for (int j = 0; j < h; j++) {
                weights[k][j] = solution.get(j, k);
            }
            bias[k] = solution.get(h, k);
        }
        return new LinearProbe(classes, mean, scale, weights, bias);
    }

    /** The class index the probe reads from {@code state}. */
    public int predict(double[] state) {
        if (weights.length == 1) {
            return score(0, state) > 0 ? 1 : 0;
        }
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < weights.length; k++) {
            double s = score(k, state);
            if (s > bestScore) {
                bestScore = s;
                best = k;
            }
        }
        return best;
    }

    private double score(int output, double[] state) {
        double sum = bias[output];
        for (int j = 0; j < mean.length; j++) {
            sum += weights[output][j] * (state[j] - mean[j]) / scale[j];
        }
        return sum;
    }

    /**
     * How much each unit weighs in the read-out, on standardised units: for two classes the signed weight
     * (positive: the unit is higher for the second class), for more the length of its weights over the classes.
     */
    public double[] unitWeights() {
        int h = mean.length;
        double[] out = new double[h];
        for (int j = 0; j < h; j++) {
            if (weights.length == 1) {
                out[j] = weights[0][j];
            } else {
                double sum = 0;
                for (double[] row : weights) {
                    sum += row[j] * row[j];
                }
                out[j] = Math.sqrt(sum);
            }
        }
        return out;
    }

    /** The {@code k} units of largest |weight|, largest first (the lower unit on a tie). */
    public List<UnitWeight> topUnits(int k) {
        double[] w = unitWeights();
        List<UnitWeight> all = new ArrayList<>();
        for (int j = 0; j < w.length; j++) {
            all.add(new UnitWeight(j, w[j]));
        }
        all.sort(Comparator.comparingDouble((UnitWeight u) -> -Math.abs(u.weight())).thenComparingInt(UnitWeight::unit));
        return List.copyOf(all.subList(0, Math.min(k, all.size())));
    }

    /** The share of the read-out's squared weights that falls on {@code units}: 1 when they are all of it. */
    public double weightShare(int[] units) {
        double[] w = unitWeights();
        double total = Arrays.stream(w).map(x -> x * x).sum();
        double part = 0;
        for (int unit : units) {
            part += w[unit] * w[unit];
        }
        return total == 0 ? 0 : part / total;
    }

    public List<String> classes() {
        return classes;
    }

    public int hidden() {
        return mean.length;
    }
}
