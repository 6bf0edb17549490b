package org.gatescope.engine.cell;

import static org.gatescope.engine.cell.RandomMatrices.copy;
import static org.gatescope.engine.cell.RandomMatrices.rows;
import static org.gatescope.engine.cell.RandomMatrices.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The hand-written products agree with the textbook triple loop, at sizes that are not
 * multiples of the kernels' blocks (k of 8, rows of C per 256 KB), on column ranges, and
 * with A read flat, transposed or as rows.
 */
class MatrixKernelsTest {

    private static final double TOLERANCE = 1e-12;

    @ParameterizedTest(name = "m={0} k={1} n={2} columns [{3}, {4})")
    @CsvSource({
        "1, 1, 1, 0, 1",
        "1, 64, 256, 0, 256",
        "3, 7, 5, 0, 5",
        "5, 13, 37, 3, 29",
        "32, 35, 96, 32, 64",
        "300, 21, 130, 0, 130", // 300 rows of 130 columns: more than one block of rows
        "17, 1030, 9, 2, 9"
    })
    void productMatchesTripleLoop(int m, int k, int n, int j0, int j1) {
        Random random = new Random(m * 31L + k * 17L + n);
        double[][] b = rows(random, k + 2, n);
        double[][] initial = rows(random, m + 1, n);

        // A flat [m × k] at an offset.
        int offset = 3;
        double[] a = values(random, offset + m * k);
        double[][] c = copy(initial);
        MatrixKernels.multAdd(a, offset, k, 1, b, 2, c, 1, m, k, j0, j1);
        assertProduct(initial, c, (i, p) -> a[offset + i * k + p], b, 2, 1, m, k, j0, j1, n);

        // A flat [k × m], read transposed.
        double[] at = values(random, k * m);
        double[][] ct = copy(initial);
        MatrixKernels.multAdd(at, 0, 1, m, b, 0, ct, 0, m, k, j0, j1);
        assertProduct(initial, ct, (i, p) -> at[p * m + i], b, 0, 0, m, k, j0, j1, n);

        // A as rows, from column 2.
        double[][] ar = rows(random, m + 1, k + 2);
        double[][] cr = copy(initial);
        MatrixKernels.multAdd(ar, 1, 2, b, 1, cr, 0, m, k, j0, j1);
        assertProduct(initial, cr, (i, p) -> ar[1 + i][2 + p], b, 1, 0, m, k, j0, j1, n);
    }

    @Test
    void rowResultDoesNotDependOnHowManyRowsAreComputedTogether() {
        // A sequence's numbers must not change with the batch it is in: bit for bit.
        Random random = new Random(5);
        int k = 77;
        int n = 300;
        double[][] b = rows(random, k, n);
        double[] a = values(random, 200 * k);
        double[][] together = new double[200][n];
        MatrixKernels.multAdd(a, 0, k, 1, b, 0, together, 0, 200, k, 0, n);
        for (int i : new int[] {0, 57, 199}) {
            double[][] alone = new double[1][n];
            MatrixKernels.multAdd(a, i * k, k, 1, b, 0, alone, 0, 1, k, 0, n);
            for (int j = 0; j < n; j++) {
                assertEquals(together[i][j], alone[0][j], 0.0, "row " + i + " column " + j);
            }
        }
    }

    @Test
    void transposesCopiesAndColumnSums() {
        Random random = new Random(9);
        int rows = 19;
        int cols = 11;
        double[] flat = values(random, rows * cols);

        double[][] transposed = new double[cols][rows];
        MatrixKernels.transposeInto(flat, rows, cols, transposed);
        double[][] copied = new double[rows][cols];
        MatrixKernels.copyInto(flat, rows, cols, copied);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                assertEquals(flat[i * cols + j], transposed[j][i], 0.0);
                assertEquals(flat[i * cols + j], copied[i][j], 0.0);
            }
        }

        // target [cols × rows] += (the rows' columns 2 … 8)ᵀ
        double[] target = values(random, cols * rows);
        double[] before = target.clone();
        MatrixKernels.addTransposed(copied, rows, 2, 7, target, rows);
        for (int j = 0; j < cols; j++) {
            for (int i = 0; i < rows; i++) {
                double expected = before[j * rows + i] + (j >= 2 && j < 9 ? copied[i][j] : 0.0);
                assertEquals(expected, target[j * rows + i], 1e-15, "target[" + j + "][" + i + "]");
            }
        }

        double[] sums = new double[cols];
        MatrixKernels.addColumnSums(copied, rows, 1, 10, sums);
        for (int j = 0; j < cols; j++) {
            double expected = 0;
            for (int i = 0; j >= 1 && j < 10 && i < rows; i++) {
                expected += copied[i][j];
            }
            assertEquals(expected, sums[j], 1e-13, "sum of column " + j);
        }
    }

    private interface Entry {
        double at(int i, int p);
    }

    private static void assertProduct(double[][] initial, double[][] c, Entry a, double[][] b, int bRow, int cRow,
                                      int m, int k, int j0, int j1, int n) {
        for (int i = 0; i < initial.length; i++) {
            for (int j = 0; j < n; j++) {
                boolean written = i >= cRow && i < cRow + m && j >= j0 && j < j1;
                double expected = initial[i][j];
                double scale = Math.abs(expected);
                if (written) {
                    for (int p = 0; p < k; p++) {
                        double term = a.at(i - cRow, p) * b[bRow + p][j];
                        expected += term;
                        scale += Math.abs(term);
                    }
                }
                double error = Math.abs(c[i][j] - expected);
                assertTrue(error <= TOLERANCE * Math.max(1, scale),
                        "C[" + i + "][" + j + "] = " + c[i][j] + ", expected " + expected);
            }
        }
    }
}
