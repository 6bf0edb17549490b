package org.gatescope.engine.cell;

import static org.gatescope.engine.cell.RandomMatrices.copy;
import static org.gatescope.engine.cell.RandomMatrices.floatRows;
import static org.gatescope.engine.cell.RandomMatrices.floatValues;
import static org.gatescope.engine.cell.RandomMatrices.rows;
import static org.gatescope.engine.cell.RandomMatrices.values;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The register tiles give the auto-vectorised loops' bits exactly, element by element, in
 * double and in float, with A flat, transposed or as rows: at sizes that leave rows beyond the
 * last tile of four, columns beyond the last pair of vectors, a k that is not a multiple of
 * four or of the block of eight, and more than one block of packed rows. So whichever kernel
 * a machine runs, training gives the same numbers (the bundled models' digests are checked on
 * the tiles by TrainingThreadsTest).
 */
class TiledProductsTest {

    @BeforeAll
    static void warmTheTiles() {
        // Until warm, the products run on the loops (Tiling): the tests below would compare the
        // loops with themselves.
        Tiling.warmUpNow();
    }

    @Test
    void theTestJvmRunsTheTiles() {
        // surefire passes --add-modules jdk.incubator.vector.
        assertTrue(Tiling.ENABLED, Tiling.describe());
        assertTrue(Tiling.warm(), Tiling.describe());
    }

    @Test
    void aSentenceSizedProductStaysOnTheLoops() {
        // A trace's products (a dozen rows) never wait for the tiles, warm or not.
        assertFalse(Tiling.worthIt(12, 48, 7330));
        assertFalse(Tiling.worthIt(48, 12, 1024));
        assertTrue(Tiling.worthIt(32, 256, 768));
    }

    @ParameterizedTest(name = "m={0} k={1} n={2} columns [{3}, {4})")
    @CsvSource({
        "16, 256, 32, 0, 32",
        "16, 1, 8200, 0, 8200",
        "17, 13, 700, 3, 700",
        "32, 256, 768, 0, 768",
        "33, 35, 160, 32, 160",
        "130, 10, 130, 1, 129", // three blocks of packed rows, ten terms: one four, then singles
        "19, 1030, 40, 0, 40",
        "3, 8, 64, 0, 64" // a sentence-sized product: the loops alone
    })
    void doubleTilesGiveTheLoopsBits(int m, int k, int n, int j0, int j1) {
        Random random = new Random(m * 31L + k * 17L + n);
        double[][] b = rows(random, k + 2, n);
        double[][] initial = rows(random, m + 1, n);

        double[] a = values(random, 3 + m * k);
        assertSame(initial, c -> MatrixKernels.multAdd(a, 3, k, 1, b, 2, c, 1, m, k, j0, j1),
                c -> MatrixKernels.loopMultAdd(a, 3, k, 1, b, 2, c, 1, m, k, j0, j1));

        double[] at = values(random, k * m);
        assertSame(initial, c -> MatrixKernels.multAdd(at, 0, 1, m, b, 0, c, 0, m, k, j0, j1),
                c -> MatrixKernels.loopMultAdd(at, 0, 1, m, b, 0, c, 0, m, k, j0, j1));

        double[][] ar = rows(random, m + 1, k + 2);
        assertSame(initial, c -> MatrixKernels.multAdd(ar, 1, 2, b, 1, c, 0, m, k, j0, j1),
                c -> MatrixKernels.loopMultAdd(ar, 1, 2, b, 1, c, 0, m, k, j0, j1));
    }

    @ParameterizedTest(name = "m={0} k={1} n={2} columns [{3}, {4})")
    @CsvSource({
        "16, 256, 32, 0, 32",
        "16, 1, 8200, 0, 8200",
        "17, 13, 700, 3, 700",
        "32, 256, 768, 0, 768",
        "33, 35, 160, 32, 160",
        "130, 10, 130, 1, 129",
        "19, 1030, 40, 0, 40"
    })
    void floatTilesGiveTheLoopsBits(int m, int k, int n, int j0, int j1) {
        Random random = new Random(m * 37L + k * 13L + n);
        float[][] b = floatRows(random, k + 2, n);
        float[][] initial = floatRows(random, m + 1, n);

        float[] a = floatValues(random, 3 + m * k);
        assertSame(initial, c -> FloatKernels.multAdd(a, 3, k, 1, b, 2, c, 1, m, k, j0, j1),
                c -> FloatKernels.loopMultAdd(a, 3, k, 1, b, 2, c, 1, m, k, j0, j1));

        float[] at = floatValues(random, k * m);
        assertSame(initial, c -> FloatKernels.multAdd(at, 0, 1, m, b, 0, c, 0, m, k, j0, j1),
                c -> FloatKernels.loopMultAdd(at, 0, 1, m, b, 0, c, 0, m, k, j0, j1));

        float[][] ar = floatRows(random, m + 1, k + 2);
        assertSame(initial, c -> FloatKernels.multAdd(ar, 1, 2, b, 1, c, 0, m, k, j0, j1),
                c -> FloatKernels.loopMultAdd(ar, 1, 2, b, 1, c, 0, m, k, j0, j1));
    }

    @ParameterizedTest(name = "m={0} k={1} of {2} rows, n={3}, columns [{4}, {5})")
    @CsvSource({
        "32, 256, 256, 1024, 0, 1024",
        "33, 40, 64, 100, 0, 100", // columns beyond the last panel, a row beyond the last tile
        "16, 64, 80, 192, 32, 192", // from the second panel; k below the packed rows
        "16, 64, 80, 192, 5, 190" // j0 off a panel's edge: the panels cannot serve
    })
    void packedWeightsGiveTheLoopsBits(int m, int k, int packedRows, int n, int j0, int j1) {
        Random random = new Random(m * 41L + k + n);
        float[][] b = floatRows(random, packedRows, n);
        PackedColumns packed = PackedColumns.ofFloats(b, packedRows, n);
        float[][] initial = floatRows(random, m, n);

        float[] a = floatValues(random, m * k);
        assertSame(initial, c -> FloatKernels.multAdd(a, 0, k, 1, b, packed, c, 0, m, k, j0, j1),
                c -> FloatKernels.loopMultAdd(a, 0, k, 1, b, 0, c, 0, m, k, j0, j1));

        float[][] ar = floatRows(random, m, k);
        assertSame(initial, c -> FloatKernels.multAdd(ar, 0, 0, b, packed, c, 0, m, k, j0, j1),
                c -> FloatKernels.loopMultAdd(ar, 0, 0, b, 0, c, 0, m, k, j0, j1));

        // After the weights change, saying so is what keeps the panels right.
        b[0][j1 - 1] += 1;
        packed.changed();
        assertSame(initial, c -> FloatKernels.multAdd(a, 0, k, 1, b, packed, c, 0, m, k, j0, j1),
                c -> FloatKernels.loopMultAdd(a, 0, k, 1, b, 0, c, 0, m, k, j0, j1));
    }

    @ParameterizedTest(name = "m={0} k={1} of {2} rows, n={3}, columns [{4}, {5})")
    @CsvSource({
        "32, 256, 256, 768, 0, 768",
        "33, 40, 64, 100, 0, 100",
        "16, 64, 80, 192, 32, 192",
        "16, 64, 80, 192, 5, 190"
    })
    void packedDoubleWeightsGiveTheLoopsBits(int m, int k, int packedRows, int n, int j0, int j1) {
        Random random = new Random(m * 43L + k + n);
        double[][] b = rows(random, packedRows, n);
        PackedColumns packed = PackedColumns.ofDoubles(b, packedRows, n);
        double[][] initial = rows(random, m, n);

        double[] a = values(random, m * k);
        assertSame(initial, c -> MatrixKernels.multAdd(a, 0, k, 1, b, packed, c, 0, m, k, j0, j1),
                c -> MatrixKernels.loopMultAdd(a, 0, k, 1, b, 0, c, 0, m, k, j0, j1));

        double[][] ar = rows(random, m, k);
        assertSame(initial, c -> MatrixKernels.multAdd(ar, 0, 0, b, packed, c, 0, m, k, j0, j1),
                c -> MatrixKernels.loopMultAdd(ar, 0, 0, b, 0, c, 0, m, k, j0, j1));
    }

    @Test
    void floatSumsAreOneFusedMultiplyAddPerTermInTheOrderOfK() {
        // The float path's stated rounding: c = fma(a_k−1, b_k−1, … fma(a_0, b_0, c)).
        Random random = new Random(3);
        int m = 20;
        int k = 19;
        int n = 352;
        float[] a = floatValues(random, m * k);
        float[][] b = floatRows(random, k, n);
        float[][] c = floatRows(random, m, n);
        float[][] expected = new float[m][n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float sum = c[i][j];
                for (int p = 0; p < k; p++) {
                    sum = Math.fma(a[i * k + p], b[p][j], sum);
                }
                expected[i][j] = sum;
            }
        }
        FloatKernels.multAdd(a, 0, k, 1, b, 0, c, 0, m, k, 0, n);
        for (int i = 0; i < m; i++) {
            assertArrayEquals(expected[i], c[i], "row " + i);
        }
    }

    private interface Product<C> {
        void into(C c);
    }

    private static void assertSame(double[][] initial, Product<double[][]> tiled, Product<double[][]> loops) {
        double[][] expected = copy(initial);
        loops.into(expected);
        double[][] actual = copy(initial);
        tiled.into(actual);
        for (int i = 0; i < initial.length; i++) {
            assertArrayEquals(expected[i], actual[i], "row " + i);
        }
    }

    private static void assertSame(float[][] initial, Product<float[][]> tiled, Product<float[][]> loops) {
        float[][] expected = copy(initial);
        loops.into(expected);
        float[][] actual = copy(initial);
        tiled.into(actual);
        for (int i = 0; i < initial.length; i++) {
            assertArrayEquals(expected[i], actual[i], "row " + i);
        }
    }
}
