package org.gatescope.engine.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which units mark a span of the text (after LSTMVis, Strobelt et al. 2018): every unit is scored by the
 * Pearson correlation between its value and the span's indicator (1 inside, 0 outside) over the text's
 * tokens — the point-biserial correlation, +1 for a unit that is high exactly inside the span and low
 * everywhere else. The best units then find other places where they switch on together: each unit's
 * threshold is half-way between its mean inside and its mean outside the span, and a match is a run of
 * tokens, outside the span, where every chosen unit is on the span's side of its threshold.
 */
public final class UnitSearch {

    /** How the units are ranked, as the window and the CLI state it. */
    public static final String METHOD = "correlation";
    /** How many of the best units look for other places, by default. */
    public static final int DEFAULT_PATTERN_UNITS = 3;

    /** One unit's fit to the span. */
    public record UnitScore(int unit, double correlation, double meanInside, double meanOutside) {
        /** Where the unit switches: half-way between its means inside and outside the span. */
        public double threshold() {
            return (meanInside + meanOutside) / 2;
        }

        /** Whether {@code value} is on the span's side of the threshold. */
        public boolean on(double value) {
            return meanInside >= meanOutside ? value > threshold() : value < threshold();
        }
    }

    /** Tokens {@code from}..{@code to} (both included, counted from 0). */
    public record Span(int from, int to) {
        public int length() {
            return to - from + 1;
        }

        public boolean contains(int t) {
            return t >= from && t <= to;
        }
    }

    private UnitSearch() {
    }

    /**
     * Checks a span against a text of {@code length} tokens.
     *
     * @throws AnalysisException for a span outside the text, backwards, or covering all of it
     */
    public static Span span(int from, int to, int length) {
        if (from < 0 || to >= length || from > to) {
            throw new AnalysisException("the span " + from + "-" + to + " is not inside the text's " + length
                    + (length == 1 ? " token" : " tokens") + " (positions 0-" + (length - 1) + ", first-last)");
        }
        if (from == 0 && to == length - 1) {
            throw new AnalysisException("the span covers the whole text: nothing outside it to tell it from");
        }
        return new Span(from, to);
    }

    /**
     * Every unit, best first (highest correlation; the lower unit on a tie).
     *
     * @param values [T][H], e.g. c&lt;t&gt; of a layer (not modified)
     */
    public static List<UnitScore> rank(double[][] values, Span span) {
        int t = values.length;
        span(span.from(), span.to(), t);
        int h = values[0].length;
        int inside = span.length();
        int outside = t - inside;
        double p = inside / (double) t;
        List<UnitScore> scores = new ArrayList<>(h);
        for (int j = 0; j < h; j++) {
            double sumIn = 0;
            double sumOut = 0;
            for (int s = 0; s < t; s++) {
                if (span.contains(s)) {
                    sumIn += values[s][j];
                } else {
                    sumOut += values[s][j];
                }
            }
            double meanIn = sumIn / inside;
            double meanOut = sumOut / outside;
            double mean = (sumIn + sumOut) / t;
            double variance = 0;
            for (int s = 0; s < t; s++) {
                variance += (values[s][j] - mean) * (values[s][j] - mean);
            }
            variance /= t;
            // r_pb = (m1 − m0) √(p(1−p)) / σ, with population σ: Pearson's r with the 0/1 indicator.
            double r = variance <= 1e-24 ? 0 : (meanIn - meanOut) * Math.sqrt(p * (1 - p)) / Math.sqrt(variance);
            scores.add(new UnitScore(j, r, meanIn, meanOut));
        }
        scores.sort(Comparator.comparingDouble((UnitScore u) -> -u.correlation()).thenComparingInt(UnitScore::unit));
        return scores;
    }

    /**
     * The runs of tokens outside {@code span} where every unit of {@code pattern} is on, longest first (the
     * earlier on a tie).
     */
    public static List<Span> matches(double[][] values, Span span, List<UnitScore> pattern) {
        List<Span> runs = new ArrayList<>();
        if (pattern.isEmpty()) {
            return runs;
        }
        int start = -1;
        for (int t = 0; t <= values.length; t++) {
            boolean on = t < values.length && !span.contains(t);
            if (on) {
                for (UnitScore unit : pattern) {
                    if (!unit.on(values[t][unit.unit()])) {
                        on = false;
                        break;
                    }
                }
            }
            if (on && start < 0) {
                start = t;
            } else if (!on && start >= 0) {
                runs.add(new Span(start, t - 1));
                start = -1;
            }
        }
        runs.sort(Comparator.comparingInt((Span s) -> -s.length()).thenComparingInt(Span::from));
        return runs;
    }
}
