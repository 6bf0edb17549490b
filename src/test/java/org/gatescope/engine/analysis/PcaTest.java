package org.gatescope.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PcaTest {

    @Test
    void componentsAreOrthonormalAndTheirRatiosShareTheVariance() {
        Random random = new Random(11);
        double[][] states = new double[50][7];
        for (double[] row : states) {
            for (int j = 0; j < row.length; j++) {
                row[j] = random.nextGaussian() * (j + 1);
            }
        }
        Pca pca = Pca.fit(states, 7);
        double[][] c = pca.components();
        for (int i = 0; i < 7; i++) {
            for (int k = 0; k < 7; k++) {
                double dot = 0;
                for (int j = 0; j < 7; j++) {
                    dot += c[i][j] * c[k][j];
                }
                assertEquals(i == k ? 1 : 0, dot, 1e-10);
            }
        }
        double sum = 0;
        double[] ratio = pca.explainedVarianceRatio();
        for (int i = 0; i < ratio.length; i++) {
            sum += ratio[i];
            assertTrue(i == 0 || ratio[i] <= ratio[i - 1], "largest first");
        }
        assertEquals(1, sum, 1e-12, "all components together explain everything");
    }

    @Test
    void theLargestLoadingOfEveryComponentIsPositive() {
        double[][] states = {{0, -3}, {0, 3}, {1, 0}, {-1, 0}};
        Pca pca = Pca.fit(states, 2);
        assertEquals(1, pca.components()[0][1], 1e-12, "the y axis carries most variance, pointing up");
        assertEquals(1, pca.components()[1][0], 1e-12);
    }

    @Test
    void oneTokenIsNotEnoughForPca() {
        AnalysisException e = assertThrows(AnalysisException.class, () -> Pca.fit(new double[][] {{1, 2, 3}}, 2));
        assertTrue(e.getMessage().contains("at least two"), e.getMessage());
    }

    @Test
    void identicalStatesHaveNoDirectionToProjectOn() {
        double[][] same = {{0.5, -0.25}, {0.5, -0.25}, {0.5, -0.25}};
        AnalysisException e = assertThrows(AnalysisException.class, () -> Pca.fit(same, 2));
        assertTrue(e.getMessage().contains("zero variance"), e.getMessage());
    }

    @Test
    void aBasisProjectsOnlyStatesOfItsOwnSize() {
        Pca pca = Pca.fit(new double[][] {{0, 1}, {1, 0}, {2, 2}}, 1);
        AnalysisException e = assertThrows(AnalysisException.class, () -> pca.project(new double[] {1, 2, 3}));
        assertTrue(e.getMessage().contains("2 units"), e.getMessage());
    }
}
