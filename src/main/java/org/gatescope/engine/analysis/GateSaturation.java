package org.gatescope.engine.analysis;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gatescope.engine.Model;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.Trace;
import org.gatescope.engine.cell.Tracer;
import org.gatescope.text.AgreementCorpus;
import org.gatescope.text.AgreementSentence;

/**
 * How often each gate unit sits shut or wide open, as in Karpathy, Johnson &amp; Fei-Fei 2015
 * ("Visualizing and Understanding Recurrent Networks"): per gate and unit, the fraction of
 * steps left-saturated (&lt; 0.1) and right-saturated (&gt; 0.9) over a set of traces.
 */
public final class GateSaturation {

    /** Below this a gate counts as shut. */
    public static final double LEFT = 0.1;
    /** Above this a gate counts as open. */
    public static final double RIGHT = 0.9;
    /** How many held-out agreement sentences the window and {@code gatescope saturation} count over by default. */
    public static final int HELD_OUT_SENTENCES = 300;
    /** Their seed: the same sentences every time, in the window and on the command line. */
    public static final long HELD_OUT_SEED = 1;

    /** One point of the scatter: a gate's unit and its two fractions. */
    public record Point(Quantity gate, int unit, double leftFraction, double rightFraction) {
    }

    private GateSaturation() {
    }

    /** The default sentences to count over: {@value #HELD_OUT_SENTENCES} held-out agreement sentences, as tokens. */
    public static List<List<String>> heldOutSentences() {
        List<List<String>> texts = new ArrayList<>(HELD_OUT_SENTENCES);
        for (AgreementSentence sentence : AgreementCorpus.heldOut(HELD_OUT_SEED, HELD_OUT_SENTENCES)) {
            texts.add(List.copyOf(sentence.tokens()));
        }
        return texts;
    }

    /**
     * Traces each text with {@code model} and counts, as {@link #of(List)}.
     *
     * @param texts tokenised texts (not modified)
     * @throws InterruptedException if the thread is interrupted between two texts (a cancelled count)
     */
    public static List<Point> count(Model model, List<List<String>> texts) throws InterruptedException {
        List<Trace> traces = new ArrayList<>(texts.size());
        for (List<String> tokens : texts) {
            if (Thread.interrupted()) {
                throw new InterruptedException("cancelled");
            }
            traces.add(Tracer.trace(model, tokens));
        }
        return of(traces);
    }

    /**
     * @param traces traces of one model; the gates are those the cell has (none for the vanilla RNN)
     * @return one point per gate and unit, gates in display order
     */
    public static List<Point> of(List<Trace> traces) {
        if (traces.isEmpty()) {
            return List.of();
        }
        Trace first = traces.get(0);
        int h = first.hidden();
        Map<Quantity, long[]> left = new EnumMap<>(Quantity.class);
        Map<Quantity, long[]> right = new EnumMap<>(Quantity.class);
        for (Quantity q : first.quantities()) {
            if (q.isGate()) {
                left.put(q, new long[h]);
                right.put(q, new long[h]);
            }
        }
        long steps = 0;
        for (Trace trace : traces) {
            if (trace.cell() != first.cell() || trace.hidden() != h) {
                throw new IllegalArgumentException("traces of different models: " + first.cell() + " H=" + h
                        + " and " + trace.cell() + " H=" + trace.hidden());
            }
            for (int t = 0; t < trace.length(); t++) {
                for (Map.Entry<Quantity, long[]> entry : left.entrySet()) {
                    Quantity gate = entry.getKey();
                    long[] shut = entry.getValue();
                    long[] open = right.get(gate);
                    for (int j = 0; j < h; j++) {
                        double value = trace.value(gate, t, j);
                        if (value < LEFT) {
                            shut[j]++;
                        } else if (value > RIGHT) {
                            open[j]++;
                        }
                    }
                }
            }
            steps += trace.length();
        }
        List<Point> points = new ArrayList<>();
        for (Map.Entry<Quantity, long[]> entry : left.entrySet()) {
            for (int j = 0; j < h; j++) {
                points.add(new Point(entry.getKey(), j, entry.getValue()[j] / (double) steps,
                        right.get(entry.getKey())[j] / (double) steps));
            }
        }
        return points;
    }
}
