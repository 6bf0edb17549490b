package org.gatescope.engine.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.gatescope.engine.ModelSpec;
import org.gatescope.engine.Weights;
import org.gatescope.engine.cell.LanguageModelLoss;
import org.gatescope.engine.cell.MemoryCellIntervention;
import org.gatescope.engine.cell.SoftmaxHead;

/**
 * Scores agreement probes in batches: one forward pass per batch of similar lengths, then
 * p(good) and p(bad) read at each probe's position. The model's weights are not modified.
 */
public final class AgreementScorer {

    private static final int BATCH = 64;

    private AgreementScorer() {
    }

    /** p(good), p(bad) for each probe, in the probes' order. */
    public static List<AgreementProbe.Score> score(ModelSpec spec, Weights weights, List<AgreementProbe> probes) {
        return score(spec, weights, probes, null);
    }

    /**
     * @param intervention memory-cell override for every probe (an ablation), or null
     */
    public static List<AgreementProbe.Score> score(ModelSpec spec, Weights weights, List<AgreementProbe> probes,
                                                   MemoryCellIntervention intervention) {
        AgreementProbe.Score[] scores = new AgreementProbe.Score[probes.size()];
        // Sorting by length keeps the padding, and so the wasted work, small.
        Integer[] order = new Integer[probes.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> probes.get(i).position()));
        LanguageModelLoss model = new LanguageModelLoss(spec);
        model.setIntervention(intervention);
        int vocab = spec.vocabSize();
        for (int start = 0; start < order.length; start += BATCH) {
            int end = Math.min(order.length, start + BATCH);
            int length = probes.get(order[end - 1]).position() + 1;
            int[][] inputs = new int[end - start][length];
            for (int b = 0; b < inputs.length; b++) {
                AgreementProbe probe = probes.get(order[start + b]);
                System.arraycopy(probe.tokens(), 0, inputs[b], 0, probe.position() + 1);
            }
            // The head only at each probe's row: over thousands of words it costs more than the cell.
            double[] activations = model.activations(weights, inputs);
            int hidden = spec.hiddenSize();
            double[] atProbe = new double[inputs.length * hidden];
            for (int b = 0; b < inputs.length; b++) {
                int row = probes.get(order[start + b]).position() * inputs.length + b;
                System.arraycopy(activations, row * hidden, atProbe, b * hidden, hidden);
            }
            double[] p = SoftmaxHead.probabilities(weights, atProbe, inputs.length);
            for (int b = 0; b < inputs.length; b++) {
                AgreementProbe probe = probes.get(order[start + b]);
                scores[order[start + b]] = new AgreementProbe.Score(p[b * vocab + probe.good()],
                        p[b * vocab + probe.bad()]);
            }
        }
        return List.of(scores);
    }

    /** The share of probes whose good verb wins; NaN for no probes. */
    public static double accuracy(List<AgreementProbe.Score> scores) {
        if (scores.isEmpty()) {
            return Double.NaN;
        }
        return scores.stream().filter(AgreementProbe.Score::passed).count() / (double) scores.size();
    }

    /** Convenience: accuracy of a model on probes. */
    public static double accuracy(ModelSpec spec, Weights weights, List<AgreementProbe> probes) {
        return accuracy(score(spec, weights, probes));
    }

}
