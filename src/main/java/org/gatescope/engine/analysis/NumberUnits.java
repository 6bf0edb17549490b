package org.gatescope.engine.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gatescope.engine.Model;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.Trace;
import org.gatescope.engine.Weights;
import org.gatescope.engine.cell.MemoryCellIntervention;
import org.gatescope.engine.cell.Tracer;
import org.gatescope.text.AgreementCorpus;
import org.gatescope.text.AgreementSentence;
import org.gatescope.text.Vocabulary;

/**
 * Finds a model's number units, in the spirit of Lakretz et al. 2019 ("The emergence of
 * number and syntax units in LSTM language models"): the units whose memory cell c&lt;t&gt;
 * tells singular from plural subjects on the tokens between subject and verb, and how much
 * agreement suffers when such a unit is silenced (c forced to 0).
 */
public final class NumberUnits {

    /** Metadata key of the per-unit figures: {@code unit:encoding:before:after;...}. */
    public static final String SCORES_KEY = "number_unit_scores";
    /** Units reported and ablated; a unit qualifies with this sign accuracy or better (top one always). */
    static final int MAX_UNITS = 3;
    static final double QUALIFYING_ENCODING = 0.9;
    static final int ANALYSIS_SENTENCES = 1_000;

    /**
     * One unit's figures.
     *
     * @param encodingAccuracy how often the sign of c&lt;t&gt; (in the unit's better orientation) names the
     *     subject's number, over tokens from the subject to just before the verb
     * @param separation |mean(c | singular) − mean(c | plural)| / pooled standard deviation
     * @param agreementBefore agreement accuracy of the intact model
     * @param agreementAfter agreement accuracy with this unit silenced from the first token on
     */
    public record UnitScore(int unit, double encodingAccuracy, double separation, double agreementBefore,
                            double agreementAfter) {
    }

    private NumberUnits() {
    }

    /** Every unit ranked by how well it encodes number, best first (ablation figures NaN). */
    public static List<UnitScore> rankByEncoding(Model model, List<AgreementSentence> sentences) {
        int h = model.hiddenSize();
        long[] agree = new long[h];
        long count = 0;
        double[] sumSingular = new double[h];
        double[] sumPlural = new double[h];
        double[] sumSquares = new double[h];
        long singular = 0;
        long plural = 0;
        List<double[]> cells = new ArrayList<>();
        List<Boolean> numbers = new ArrayList<>();
        for (AgreementSentence sentence : sentences) {
            if (sentence.verbIndex() - sentence.subjectIndex() < 2) {
                continue; // no clause: nothing to carry
            }
            Trace trace = Tracer.trace(model, sentence.tokens());
            Quantity memory = trace.has(Quantity.MEMORY_CELL) ? Quantity.MEMORY_CELL : Quantity.ACTIVATION;
            for (int t = sentence.subjectIndex(); t < sentence.verbIndex(); t++) {
                double[] c = trace.step(memory, t);
                cells.add(c);
                numbers.add(sentence.pluralSubject());
                for (int j = 0; j < h; j++) {
                    if (sentence.pluralSubject()) {
                        sumPlural[j] += c[j];
                    } else {
                        sumSingular[j] += c[j];
                    }
                }
                if (sentence.pluralSubject()) {
                    plural++;
                } else {
                    singular++;
                }
            }
        }
        List<UnitScore> scores = new ArrayList<>();
        for (int j = 0; j < h; j++) {
            double meanSingular = singular == 0 ? 0 : sumSingular[j] / singular;
            double meanPlural = plural == 0 ? 0 : sumPlural[j] / plural;
            double threshold = 0;
            for (int i = 0; i < cells.size(); i++) {
                double c = cells.get(i)[j];
                boolean saysPlural = c > threshold;
                if (saysPlural == numbers.get(i)) {
                    agree[j]++;
                }
                double mean = numbers.get(i) ? meanPlural : meanSingular;
                sumSquares[j] += (c - mean) * (c - mean);
            }
            count = cells.size();
            double accuracy = count == 0 ? 0.5 : agree[j] / (double) count;
            double sd = count < 2 ? 0 : Math.sqrt(sumSquares[j] / (count - 1));
            double separation = sd == 0 ? 0 : Math.abs(meanSingular - meanPlural) / sd;
            scores.add(new UnitScore(j, Math.max(accuracy, 1 - accuracy), separation, Double.NaN, Double.NaN));
        }
        scores.sort(Comparator.comparingDouble(UnitScore::encodingAccuracy)
                .thenComparingDouble(UnitScore::separation).reversed());
        return scores;
    }

    /**
     * The qualifying number units with their ablation effect on {@code probes}.
     */
    public static List<UnitScore> analyse(Model model, List<AgreementSentence> sentences,
                                          List<AgreementProbe> probes) {
        List<UnitScore> ranked = rankByEncoding(model, sentences);
        Weights weights = model.weights(); // one copy for every ablation below, which only read it
        double before = AgreementScorer.accuracy(model.spec(), weights, probes);
        List<UnitScore> result = new ArrayList<>();
        for (UnitScore score : ranked) {
            if (result.size() >= MAX_UNITS || (!result.isEmpty() && score.encodingAccuracy() < QUALIFYING_ENCODING)) {
                break;
            }
            double after = AgreementScorer.accuracy(AgreementScorer.score(model.spec(), weights, probes,
                    MemoryCellIntervention.silence(score.unit(), 0)));
            result.add(new UnitScore(score.unit(), score.encodingAccuracy(), score.separation(), before, after));
        }
        return result;
    }

    /** The model with its number units and their figures in its metadata (held-out sentences of {@code seed}). */
    public static Model annotate(Model model, long seed) {
        Vocabulary vocabulary = model.vocabulary();
        List<AgreementSentence> sentences = AgreementCorpus.heldOut(seed + 1, ANALYSIS_SENTENCES);
        List<UnitScore> units = analyse(model, sentences, AgreementProbe.all(vocabulary, sentences));
        Map<String, String> metadata = new LinkedHashMap<>(model.metadata());
        metadata.put(Model.NUMBER_UNITS_KEY, String.join(",", units.stream().map(u -> Integer.toString(u.unit()))
                .toList()));
        metadata.put(SCORES_KEY, format(units));
        return model.withMetadata(metadata);
    }

    static String format(List<UnitScore> units) {
        List<String> parts = new ArrayList<>();
        for (UnitScore u : units) {
            parts.add(String.format(Locale.ROOT, "%d:%.4f:%.4f:%.4f", u.unit(), u.encodingAccuracy(),
                    u.agreementBefore(), u.agreementAfter()));
        }
        return String.join(";", parts);
    }

    /** Reads the figures {@link #annotate} stored; empty when absent or malformed. */
    public static List<UnitScore> stored(Model model) {
        String text = model.metadata().get(SCORES_KEY);
        List<UnitScore> units = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return units;
        }
        try {
            for (String part : text.split(";")) {
                String[] f = part.split(":");
                units.add(new UnitScore(Integer.parseInt(f[0]), Double.parseDouble(f[1]), Double.NaN,
                        Double.parseDouble(f[2]), Double.parseDouble(f[3])));
            }
        } catch (RuntimeException e) {
            return new ArrayList<>();
        }
        return units;
    }
}
