package org.gatescope.engine.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.Trace;
import org.gatescope.text.AgreementCorpus;
import org.gatescope.text.AgreementSentence;
import org.gatescope.text.TokenLabels;

/**
 * A probe put to work: the states of labelled training sentences fit a {@link LinearProbe}, which is then
 * scored on held-out sentences, per token position; the units it weighs most are compared with units found
 * otherwise (the number units ablation finds): does one unit read the property as well as the whole
 * direction does?
 */
public final class ProbeStudy {

    /** The probe's default property: the subject's number, on the tokens from the subject to the verb. */
    public static final String NUMBER = "number";
    /** Training and held-out agreement sentences for {@link #number()}; two disjoint sets of one seed. */
    public static final long NUMBER_SEED = 20_260_716L;
    public static final int NUMBER_TRAINING = 400;
    public static final int NUMBER_HELD_OUT = 200;
    /** A label file holds out every {@value}th sentence (the last one, with fewer). */
    public static final int HOLD_OUT_EVERY = 5;
    /** How many units the report names. */
    public static final int TOP_UNITS = 8;

    /**
     * Sentences with a label per token ({@code -1}: none there).
     *
     * @param property what the labels are ("number", or the label file's name)
     */
    public record Dataset(String property, List<String> classes, List<Labelled> training, List<Labelled> heldOut) {
        public Dataset {
            classes = List.copyOf(classes);
            training = List.copyOf(training);
            heldOut = List.copyOf(heldOut);
        }
    }

    /** One sentence and the class index of each token, -1 where it has none. */
    public record Labelled(List<String> tokens, int[] labels) {
        public Labelled {
            tokens = List.copyOf(tokens);
            labels = labels.clone();
        }
    }

    /** Held-out accuracy at one token position (counted from 0). */
    public record PositionAccuracy(int position, int examples, double accuracy) {
    }

    /** How well one unit alone reads the property: a probe fitted on that unit only. */
    public record UnitAccuracy(int unit, double accuracy) {
    }

    /**
     * What the probe found.
     *
     * @param accuracy held-out accuracy over every labelled token
     * @param majority the held-out accuracy of always answering the commonest training label
     * @param comparedUnits the units compared with the probe (the number units ablation finds); may be empty
     * @param comparedAccuracy held-out accuracy of a probe on {@code comparedUnits} alone (NaN when none)
     * @param comparedWeightShare the share of the full probe's squared weights on them (NaN when none)
     * @param bestUnit the single unit whose own probe reads the property best
     */
    public record Report(String property, List<String> classes, Quantity quantity, int trainingExamples,
                         int heldOutExamples, double accuracy, double majority, List<PositionAccuracy> perPosition,
                         List<LinearProbe.UnitWeight> topUnits, List<Integer> comparedUnits, double comparedAccuracy,
                         double comparedWeightShare, UnitAccuracy bestUnit) {

        public Report {
            classes = List.copyOf(classes);
            perPosition = List.copyOf(perPosition);
            topUnits = List.copyOf(topUnits);
            comparedUnits = List.copyOf(comparedUnits);
        }

        /**
         * One unit or a direction? One unit when the best single unit comes within
         * {@value #ONE_UNIT_MARGIN} of the full probe's held-out accuracy.
         */
        public boolean oneUnitSuffices() {
            return bestUnit.accuracy() >= accuracy - ONE_UNIT_MARGIN;
        }

        public static final double ONE_UNIT_MARGIN = 0.02;
    }

    private ProbeStudy() {
    }

    /** The subject's number on the tokens from the subject to just before the verb (what must be carried). */
    public static Dataset number() {
        return number(AgreementCorpus.training(NUMBER_SEED, NUMBER_TRAINING),
                AgreementCorpus.heldOut(NUMBER_SEED, NUMBER_HELD_OUT));
    }

    static Dataset number(List<AgreementSentence> training, List<AgreementSentence> heldOut) {
        return new Dataset(NUMBER, List.of("singular", "plural"), numbered(training), numbered(heldOut));
    }

    private static List<Labelled> numbered(List<AgreementSentence> sentences) {
        List<Labelled> out = new ArrayList<>();
        for (AgreementSentence s : sentences) {
            int[] labels = new int[s.tokens().size()];
            Arrays.fill(labels, -1);
            for (int t = s.subjectIndex(); t < s.verbIndex(); t++) {
                labels[t] = s.pluralSubject() ? 1 : 0;
            }
            out.add(new Labelled(s.tokens(), labels));
        }
        return out;
    }

    /**
     * The labels of a file: every {@value #HOLD_OUT_EVERY}th sentence held out (the last one when there are
     * fewer), classes in order of first appearance.
     *
     * @throws AnalysisException for a single sentence, a single label, or a held-out label no training
     *     sentence has
     */
    public static Dataset fromLabels(String name, TokenLabels file) {
        List<TokenLabels.Sentence> sentences = file.sentences();
        if (sentences.size() < 2) {
            throw new AnalysisException("the label file has one sentence; a probe needs at least two (a blank line"
                    + " between sentences): one to train on, one held out");
        }
        List<TokenLabels.Sentence> training = new ArrayList<>();
        List<TokenLabels.Sentence> heldOut = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            boolean hold = sentences.size() < HOLD_OUT_EVERY ? i == sentences.size() - 1 : i % HOLD_OUT_EVERY
                    == HOLD_OUT_EVERY - 1;
            (hold ? heldOut : training).add(sentences.get(i));
        }
        Map<String, Integer> classes = new LinkedHashMap<>();
        for (TokenLabels.Sentence s : training) {
            for (String label : s.labels()) {
                classes.putIfAbsent(label, classes.size());
            }
        }
        for (TokenLabels.Sentence s : heldOut) {
            for (int t = 0; t < s.labels().size(); t++) {
                if (!classes.containsKey(s.labels().get(t))) {
                    throw new AnalysisException("unknown label \"" + s.labels().get(t) + "\" (line " + s.lines().get(t)
                            + "): no training sentence has it, so the probe cannot learn it (every "
                            + HOLD_OUT_EVERY + "th sentence is held out)");
                }
            }
        }
        if (classes.size() < 2) {
            throw new AnalysisException("every training token has the label \"" + classes.keySet().iterator().next()
                    + "\": a probe needs at least two labels to tell apart");
        }
        return new Dataset(name, List.copyOf(classes.keySet()), labelled(training, classes), labelled(heldOut, classes));
    }

    private static List<Labelled> labelled(List<TokenLabels.Sentence> sentences, Map<String, Integer> classes) {
        List<Labelled> out = new ArrayList<>();
        for (TokenLabels.Sentence s : sentences) {
            int[] labels = new int[s.tokens().size()];
            for (int t = 0; t < labels.length; t++) {
                labels[t] = classes.get(s.labels().get(t));
            }
            out.add(new Labelled(s.tokens(), labels));
        }
        return out;
    }

    /** States and labels of every labelled token, with positions. */
    private record Examples(double[][] states, int[] labels, int[] positions) {
    }

    /**
     * Fits the probe on the training sentences' states and scores it on the held-out ones.
     *
     * @param tracer how a sentence becomes states (the layer chosen)
     * @param quantity {@link Quantity#ACTIVATION} or {@link Quantity#MEMORY_CELL}
     * @param comparedUnits units to compare the probe with (the number units); may be empty
     */
    public static Report run(TextTracer tracer, Quantity quantity, Dataset data, int[] comparedUnits)
            throws InterruptedException {
        Examples training = examples(tracer, quantity, data.training());
        Examples heldOut = examples(tracer, quantity, data.heldOut());
        if (training.labels().length == 0 || heldOut.labels().length == 0) {
            throw new AnalysisException("no labelled token to " + (training.labels().length == 0 ? "train on"
                    : "hold out"));
        }
        int h = training.states()[0].length;
        for (int unit : comparedUnits) {
            if (unit < 0 || unit >= h) {
                throw new AnalysisException("unit " + unit + " is not one of this layer's " + h);
            }
        }
        LinearProbe probe = LinearProbe.fit(training.states(), training.labels(), data.classes());
        boolean[] right = new boolean[heldOut.labels().length];
        for (int i = 0; i < right.length; i++) {
            right[i] = probe.predict(heldOut.states()[i]) == heldOut.labels()[i];
        }
        TreeMap<Integer, int[]> byPosition = new TreeMap<>();
        int correct = 0;
        for (int i = 0; i < right.length; i++) {
            int[] counts = byPosition.computeIfAbsent(heldOut.positions()[i], p -> new int[2]);
            counts[0]++;
            if (right[i]) {
                counts[1]++;
                correct++;
            }
        }
        List<PositionAccuracy> perPosition = new ArrayList<>();
        byPosition.forEach((p, c) -> perPosition.add(new PositionAccuracy(p, c[0], c[1] / (double) c[0])));

        double comparedAccuracy = Double.NaN;
        double comparedShare = Double.NaN;
        if (comparedUnits.length > 0) {
            comparedAccuracy = accuracyOn(comparedUnits, training, heldOut, data.classes());
            comparedShare = probe.weightShare(comparedUnits);
        }
        UnitAccuracy best = null;
        for (int unit = 0; unit < h; unit++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
            double a = accuracyOn(new int[] {unit}, training, heldOut, data.classes());
            if (best == null || a > best.accuracy()) {
                best = new UnitAccuracy(unit, a);
            }
        }
        return new Report(data.property(), data.classes(), quantity, training.labels().length, right.length,
                correct / (double) right.length, majority(training.labels(), heldOut.labels(), data.classes().size()),
                perPosition, probe.topUnits(Math.min(TOP_UNITS, h)),
                Arrays.stream(comparedUnits).boxed().toList(), comparedAccuracy, comparedShare, best);
    }

    private static Examples examples(TextTracer tracer, Quantity quantity, List<Labelled> sentences)
            throws InterruptedException {
        List<double[]> states = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (Labelled sentence : sentences) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
            Trace trace = tracer.trace(sentence.tokens());
            double[][] rows = StateSpace.states(trace, quantity);
            for (int t = 0; t < rows.length; t++) {
                if (sentence.labels()[t] >= 0) {
                    states.add(rows[t]);
                    labels.add(sentence.labels()[t]);
                    positions.add(t);
                }
            }
        }
        return new Examples(states.toArray(double[][]::new), labels.stream().mapToInt(Integer::intValue).toArray(),
                positions.stream().mapToInt(Integer::intValue).toArray());
    }

    private static double accuracyOn(int[] units, Examples training, Examples heldOut, List<String> classes) {
        LinearProbe probe = LinearProbe.fit(columns(training.states(), units), training.labels(), classes);
        double[][] test = columns(heldOut.states(), units);
        int correct = 0;
        for (int i = 0; i < test.length; i++) {
            if (probe.predict(test[i]) == heldOut.labels()[i]) {
                correct++;
            }
        }
        return correct / (double) test.length;
    }

    private static double[][] columns(double[][] states, int[] units) {
        double[][] out = new double[states.length][units.length];
        for (int i = 0; i < states.length; i++) {
            for (int k = 0; k < units.length; k++) {
                out[i][k] = states[i][units[k]];
            }
        }
        return out;
    }

    private static double majority(int[] training, int[] heldOut, int classes) {
        int[] counts = new int[classes];
        for (int label : training) {
            counts[label]++;
        }
        int common = 0;
        for (int c = 1; c < classes; c++) {
            if (counts[c] > counts[common]) {
                common = c;
            }
        }
        int hits = 0;
        for (int label : heldOut) {
            if (label == common) {
                hits++;
            }
        }
        return hits / (double) heldOut.length;
    }
}
