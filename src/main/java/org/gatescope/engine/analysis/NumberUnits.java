package org.gatescope.engine.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gatescope.engine.Model;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.Trace;
import org.gatescope.engine.Weights;
import org.gatescope.engine.cell.MemoryCellIntervention;
import org.gatescope.engine.cell.Tracer;
import org.gatescope.text.AgreementCorpus;
import org.gatescope.text.AgreementSentence;
import org.gatescope.text.Lexicon;
import org.gatescope.text.Vocabulary;

/**
 * Finds a model's number units, in the spirit of Lakretz et al. 2019 ("The emergence of
 * number and syntax units in LSTM language models"): the units whose memory cell c&lt;t&gt;
 * tells singular from plural subjects on the tokens between subject and verb, and how much
 * agreement suffers when such a unit is silenced (c forced to 0). A unit earns the name only by
 * passing both halves of a stated test ({@link #MIN_SIGN_ACCURACY}, {@link #MIN_AGREEMENT_DROP}):
 * its sign names the number, and silencing it costs agreement — alone, or once the other units
 * whose sign names the number are silenced (two units that back each other up both pass).
 */
public final class NumberUnits {

    /** Metadata key of the per-unit figures: {@code unit:encoding:before:after;...}. */
    public static final String SCORES_KEY = "number_unit_scores";
    /** How many units, best by sign accuracy, are put to the test besides those a model names. */
    public static final int MAX_UNITS = 3;
    /**
     * A number unit's sign names the subject's number at least this often (chance is 50 %). See
     * docs/decisions/0010-what-earns-the-number-unit-badge.md.
     */
    public static final double MIN_SIGN_ACCURACY = 0.75;
    /** Silencing a number unit lowers agreement accuracy by at least this much (5 points). */
    public static final double MIN_AGREEMENT_DROP = 0.05;
    /** The test's held-out sentences: fixed, so the window, {@code info} and {@code train} agree. */
    public static final long TEST_SEED = 20_240_614L;
    public static final int TEST_SENTENCES = 500;

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

    /**
     * One unit put to the test.
     *
     * @param signAccuracy as {@link UnitScore#encodingAccuracy()}
     * @param agreementBefore agreement accuracy of the intact model
     * @param agreementAfter agreement accuracy with this unit silenced from the first token on
     * @param groupDrop how much more agreement falls when this unit is silenced too, once the other
     *     candidates whose sign passes are silenced: what a unit that backs up another adds; NaN when
     *     no other candidate's sign passes
     */
    public record Candidate(int unit, double signAccuracy, double agreementBefore, double agreementAfter,
                            double groupDrop) {

        /** How much silencing the unit lowers agreement accuracy (negative when it helps). */
        public double agreementDrop() {
            return agreementBefore - agreementAfter;
        }

        public boolean passesSign() {
            return signAccuracy >= MIN_SIGN_ACCURACY;
        }

        /** Agreement needs it: silenced alone, or silenced after its sign-passing peers, it costs the threshold. */
        public boolean passesAblation() {
            return agreementDrop() >= MIN_AGREEMENT_DROP - 1e-9
                    || (!Double.isNaN(groupDrop) && groupDrop >= MIN_AGREEMENT_DROP - 1e-9);
        }

        /** Both halves of the test: its sign names the number, and agreement needs it. */
        public boolean passes() {
            return passesSign() && passesAblation();
        }

        UnitScore score() {
            return new UnitScore(unit, signAccuracy, Double.NaN, agreementBefore, agreementAfter);
        }
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
     * The test, unit by unit: the candidates are the units the model's metadata names and the
     * {@value #MAX_UNITS} best by sign accuracy, each with its sign accuracy and its ablation effect on
     * {@value #TEST_SENTENCES} held-out sentences of {@link #TEST_SEED}; best sign accuracy first.
     * Empty when the model's vocabulary lacks the corpus' main verbs: the test cannot be put to it.
     */
    public static List<Candidate> test(Model model) {
        Vocabulary vocabulary = model.vocabulary();
        if (!isTestable(vocabulary)) {
            return List.of();
        }
        List<AgreementSentence> sentences = AgreementCorpus.heldOut(TEST_SEED, TEST_SENTENCES);
        return test(model, sentences, AgreementProbe.all(vocabulary, sentences));
    }

    /** {@link #test(Model)} on given sentences and probes. */
    static List<Candidate> test(Model model, List<AgreementSentence> sentences, List<AgreementProbe> probes) {
        List<UnitScore> ranked = rankByEncoding(model, sentences);
        Set<Integer> named = new LinkedHashSet<>();
        for (int unit : model.numberUnits()) {
            named.add(unit);
        }
        Weights weights = model.weights(); // one copy for every ablation below, which only read it
        double before = AgreementScorer.accuracy(model.spec(), weights, probes);
        List<UnitScore> tested = new ArrayList<>();
        List<Integer> signPassing = new ArrayList<>();
        for (int rank = 0; rank < ranked.size(); rank++) {
            UnitScore score = ranked.get(rank);
            if (rank < MAX_UNITS || named.contains(score.unit())) {
                tested.add(score);
                if (score.encodingAccuracy() >= MIN_SIGN_ACCURACY) {
                    signPassing.add(score.unit());
                }
            }
        }
        // Units that back each other up: each one's share, once the others are silenced.
        double groupAfter = signPassing.size() < 2 ? Double.NaN
                : accuracySilencing(model, weights, probes, Set.copyOf(signPassing));
        List<Candidate> candidates = new ArrayList<>();
        for (UnitScore score : tested) {
            double after = accuracySilencing(model, weights, probes, Set.of(score.unit()));
            double groupDrop = Double.NaN;
            if (!Double.isNaN(groupAfter) && signPassing.contains(score.unit())) {
                Set<Integer> others = new LinkedHashSet<>(signPassing);
                others.remove(score.unit());
                groupDrop = accuracySilencing(model, weights, probes, others) - groupAfter;
            }
            candidates.add(new Candidate(score.unit(), score.encodingAccuracy(), before, after, groupDrop));
        }
        return candidates;
    }

    private static double accuracySilencing(Model model, Weights weights, List<AgreementProbe> probes,
                                            Set<Integer> units) {
        MemoryCellIntervention silenced = (t, unit, computed) -> units.contains(unit) ? 0.0 : computed;
        return AgreementScorer.accuracy(AgreementScorer.score(model.spec(), weights, probes, silenced));
    }

    /**
     * This model with its number units as the test finds them: {@link Model#NUMBER_UNITS_KEY} lists the
     * candidates that pass, best first (empty when none passes), and {@link #SCORES_KEY} their figures; a
     * model the test cannot be put to keeps neither. A file's own list is a claim; this is what every
     * badge is drawn from.
     */
    public static Model validated(Model model) {
        List<Candidate> candidates = test(model);
        List<Candidate> passing = candidates.stream().filter(Candidate::passes).toList();
        Map<String, String> metadata = withoutClaims(model.metadata());
        if (!candidates.isEmpty()) { // tested: an empty list records that no unit passed
            metadata.put(Model.NUMBER_UNITS_KEY, String.join(",",
                    passing.stream().map(c -> Integer.toString(c.unit())).toList()));
            metadata.put(SCORES_KEY, format(passing.stream().map(Candidate::score).toList()));
        }
        return metadata.equals(model.metadata()) ? model : model.withMetadata(metadata);
    }

    /** The model with its number units and their figures in its metadata, as {@link #validated} finds them. */
    public static Model annotate(Model model) {
        return validated(model.withMetadata(withoutClaims(model.metadata())));
    }

    private static Map<String, String> withoutClaims(Map<String, String> metadata) {
        Map<String, String> rest = new LinkedHashMap<>(metadata);
        rest.remove(Model.NUMBER_UNITS_KEY);
        rest.remove(SCORES_KEY);
        return rest;
    }

    /** Whether the test's probes can be read in {@code vocabulary}: it holds every main verb of the corpus. */
    static boolean isTestable(Vocabulary vocabulary) {
        return Lexicon.MAIN_VERBS.stream()
                .allMatch(v -> vocabulary.contains(v.singular()) && vocabulary.contains(v.plural()));
    }

    static String format(List<UnitScore> units) {
        List<String> parts = new ArrayList<>();
        for (UnitScore u : units) {
            parts.add(String.format(Locale.ROOT, "%d:%.4f:%.4f:%.4f", u.unit(), u.encodingAccuracy(),
                    u.agreementBefore(), u.agreementAfter()));
        }
        return String.join(";", parts);
    }

    /** Reads the figures {@link #validated} stored; empty when absent or malformed. */
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
