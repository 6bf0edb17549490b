package org.gatescope.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnitSearchTest {

    /** Unit 1 is on exactly at tokens 2-3 and again at 7-8; unit 0 is noise; unit 2 is off there. */
    private static final double[][] VALUES = {
        {0.1, 0.0, 0.9}, {-0.2, 0.1, 0.8}, {0.3, 0.9, 0.1}, {0.0, 1.0, 0.0}, {0.2, 0.0, 0.9},
        {-0.1, 0.1, 0.8}, {0.1, 0.0, 0.9}, {0.2, 0.95, 0.2}, {0.0, 0.9, 0.1}, {0.1, 0.1, 0.9},
    };

    @Test
    void theUnitOnInsideAndOffOutsideRanksFirst() {
        List<UnitSearch.UnitScore> ranked = UnitSearch.rank(VALUES, UnitSearch.span(2, 3, VALUES.length));
        assertEquals(1, ranked.get(0).unit());
        assertTrue(ranked.get(0).correlation() > 0.6);
        assertEquals(2, ranked.get(2).unit(), "off inside, on outside: last");
        assertTrue(ranked.get(2).correlation() < 0);
    }

    @Test
    void theCorrelationIsPearsonsWithTheSpansIndicator() {
        UnitSearch.Span span = UnitSearch.span(2, 3, VALUES.length);
        double[] x = new double[VALUES.length];
        double[] y = new double[VALUES.length];
        for (int t = 0; t < x.length; t++) {
            x[t] = VALUES[t][0];
            y[t] = span.contains(t) ? 1 : 0;
        }
        double r = UnitSearch.rank(VALUES, span).stream().filter(u -> u.unit() == 0).findFirst().orElseThrow()
                .correlation();
        assertEquals(pearson(x, y), r, 1e-12);
    }

    @Test
    void theSameUnitsSwitchingOnElsewhereAreFound() {
        UnitSearch.Span span = UnitSearch.span(2, 3, VALUES.length);
        List<UnitSearch.UnitScore> ranked = UnitSearch.rank(VALUES, span);
        List<UnitSearch.Span> matches = UnitSearch.matches(VALUES, span, ranked.subList(0, 1));
        assertEquals(List.of(new UnitSearch.Span(7, 8)), matches);
    }

    @Test
    void aSpanOutsideTheTextIsRefused() {
        AnalysisException e = assertThrows(AnalysisException.class, () -> UnitSearch.span(4, 12, 10));
        assertTrue(e.getMessage().contains("0-9"), e.getMessage());
        assertThrows(AnalysisException.class, () -> UnitSearch.span(3, 2, 10));
        assertThrows(AnalysisException.class, () -> UnitSearch.span(0, 9, 10), "nothing outside");
    }

    private static double pearson(double[] x, double[] y) {
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i] / n;
            my += y[i] / n;
        }
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
