package org.gatescope.engine.cell;

/**
 * The recurrent layer's matrix products, C += A · B, written so that HotSpot's C2 compiler
 * turns their inner loops into SIMD code.
 *
 * <p>Why not EJML here: on this project's machines (JDK 17, AVX-512) EJML 0.44's
 * {@code multAdd_reorder} / {@code multAddTransA_reorder} run at 2.5–3 GFMA/s on the layer's
 * shapes (for example [32×256]·[256×1024]), because C2 does not vectorise their inner loop
 * ({@code C.data[indexC++] += valA * B.data[indexB++]}: one flat array read and written at
 * two unrelated offsets). C2 (JDK 17) vectorises {@code c[j] += a0·b0[j] + … + a3·b3[j]} only
 * when every array in it is a distinct reference indexed by the bare loop counter, so here B
 * and C are arrays of rows ({@code double[][]}), and A, read one scalar at a time outside the
 * inner loop, may be any flat or row layout. Four rows of B per pass (one load and one store
 * of C per four multiply-adds), not eight: an eight-term body exceeds C2's default
 * {@code LoopUnrollLimit}, so it is not unrolled and so not vectorised (3.7 GFMA/s). With k
 * in blocks of 8 rows the same shapes run at 11–15 GFMA/s, about 4× EJML, measured on a
 * busy two-core machine; the layer's training step at H = 256 is almost nothing but these
 * products.
 *
 * <p>Rounding: each element of C accumulates its k terms in a fixed order that depends only on
 * k (never on the number of rows or on the other operands), so a row's result does not depend
 * on which batch it was computed in.
 */
final class MatrixKernels {

    /**
     * Rows of B per block of k, kept in L1/L2 while a block of C's rows passes over them
     * (8 rows of 1024 columns: 64 KB). 4, 16 and 32 measured the same within noise, or slower.
     */
    static final int K_BLOCK = 8;
    /**
     * Elements of C per block of rows (256 KB): the block stays in L2 while all of k passes over
     * it. Without it a tall C (x W_ih^T over a 2000-token trace: 4 MB) went through L3 once per
     * block of k, and that product ran at half speed.
     */
    private static final int C_BLOCK = 32 * 1024;

    private MatrixKernels() {
    }

    /**
     * c[cRow + i][j] += Σ_p a[aOffset + i·aRowStride + p·aColStride] · b[bRow + p][j] for
     * i &lt; m, p &lt; k, j in [j0, j1). With aRowStride = 1 and aColStride = the row length
     * of a flat [k × m] matrix, A is read transposed: that is how Aᵀ · B products are done
     * without a transposed copy.
     *
     * @param a A, flat; not modified
     * @param b B's rows; not modified
     * @param c C's rows; columns [j0, j1) of rows cRow … cRow + m − 1 are modified
     */
    static void multAdd(double[] a, int aOffset, int aRowStride, int aColStride, double[][] b, int bRow,
                        double[][] c, int cRow, int m, int k, int j0, int j1) {
        multAdd(a, aOffset, aRowStride, aColStride, b, bRow, (PackedColumns) null, c, cRow, m, k, j0, j1);
    }

    /**
     * The same product with B = rows [0, k) of {@code packed}'s matrix, whose panels the tiles read
     * when j0 is a multiple of their width.
     */
    static void multAdd(double[] a, int aOffset, int aRowStride, int aColStride, double[][] b, PackedColumns packed,
                        double[][] c, int cRow, int m, int k, int j0, int j1) {
        multAdd(a, aOffset, aRowStride, aColStride, b, 0, packed, c, cRow, m, k, j0, j1);
    }

    private static void multAdd(double[] a, int aOffset, int aRowStride, int aColStride, double[][] b, int bRow,
                                PackedColumns packed, double[][] c, int cRow, int m, int k, int j0, int j1) {
        if (Tiling.worthIt(m, k, j1 - j0)) {
            int m4 = m - m % 4;
            int jt = j0 + TiledProducts.doubleColumns(j1 - j0);
            if (m4 > 0 && jt > j0) {
                TiledProducts.multAdd(a, aOffset, aRowStride, aColStride, b, bRow,
                        PackedColumns.doublePanels(packed, j0), c, cRow, m4, k, j0, jt);
                // the columns after the last pair of vectors, then the rows after the last four
                if (jt < j1) {
                    loopMultAdd(a, aOffset, aRowStride, aColStride, b, bRow, c, cRow, m4, k, jt, j1);
                }
                if (m4 < m) {
                    loopMultAdd(a, aOffset + m4 * aRowStride, aRowStride, aColStride, b, bRow, c, cRow + m4, m - m4,
                            k, j0, j1);
                }
                return;
            }
        }
        loopMultAdd(a, aOffset, aRowStride, aColStride, b, bRow, c, cRow, m, k, j0, j1);
    }

    static void loopMultAdd(double[] a, int aOffset, int aRowStride, int aColStride, double[][] b, int bRow,
                                    double[][] c, int cRow, int m, int k, int j0, int j1) {
        int rowBlock = rowBlock(j0, j1);
        for (int i0 = 0; i0 < m; i0 += rowBlock) {
            int i1 = Math.min(m, i0 + rowBlock);
            for (int p0 = 0; p0 < k; p0 += K_BLOCK) {
                int p1 = Math.min(k, p0 + K_BLOCK);
                for (int i = i0; i < i1; i++) {
                    double[] ci = c[cRow + i];
                    int ai = aOffset + i * aRowStride;
                    int p = p0;
                    for (; p + 4 <= p1; p += 4) {
                        int ap = ai + p * aColStride;
                        int s = aColStride;
                        addScaledRows4(ci, a[ap], a[ap + s], a[ap + 2 * s], a[ap + 3 * s], b, bRow + p, j0, j1);
                    }
                    for (; p < p1; p++) {
                        addScaledRow(ci, a[ai + p * aColStride], b[bRow + p], j0, j1);
                    }
                }
            }
        }
    }

    /**
     * c[cRow + i][j] += Σ_p a[aRow + i][aCol + p] · b[bRow + p][j] for i &lt; m, p &lt; k,
     * j in [j0, j1): the same product with A given as rows.
     *
     * @param a A's rows; not modified
     * @param b B's rows; not modified
     * @param c C's rows; columns [j0, j1) of rows cRow … cRow + m − 1 are modified
     */
    static void multAdd(double[][] a, int aRow, int aCol, double[][] b, int bRow, double[][] c, int cRow, int m,
                        int k, int j0, int j1) {
        multAdd(a, aRow, aCol, b, bRow, (PackedColumns) null, c, cRow, m, k, j0, j1);
    }

    /** The same product with B = rows [0, k) of {@code packed}'s matrix, as above. */
    static void multAdd(double[][] a, int aRow, int aCol, double[][] b, PackedColumns packed, double[][] c, int cRow,
                        int m, int k, int j0, int j1) {
        multAdd(a, aRow, aCol, b, 0, packed, c, cRow, m, k, j0, j1);
    }

    private static void multAdd(double[][] a, int aRow, int aCol, double[][] b, int bRow, PackedColumns packed,
                                double[][] c, int cRow, int m, int k, int j0, int j1) {
        if (Tiling.worthIt(m, k, j1 - j0)) {
            int m4 = m - m % 4;
            int jt = j0 + TiledProducts.doubleColumns(j1 - j0);
            if (m4 > 0 && jt > j0) {
                TiledProducts.multAdd(a, aRow, aCol, b, bRow, PackedColumns.doublePanels(packed, j0), c, cRow, m4, k,
                        j0, jt);
                if (jt < j1) {
                    loopMultAdd(a, aRow, aCol, b, bRow, c, cRow, m4, k, jt, j1);
                }
                if (m4 < m) {
                    loopMultAdd(a, aRow + m4, aCol, b, bRow, c, cRow + m4, m - m4, k, j0, j1);
                }
                return;
            }
        }
        loopMultAdd(a, aRow, aCol, b, bRow, c, cRow, m, k, j0, j1);
    }

    static void loopMultAdd(double[][] a, int aRow, int aCol, double[][] b, int bRow, double[][] c, int cRow,
                                    int m, int k, int j0, int j1) {
        int rowBlock = rowBlock(j0, j1);
        for (int i0 = 0; i0 < m; i0 += rowBlock) {
            int i1 = Math.min(m, i0 + rowBlock);
            for (int p0 = 0; p0 < k; p0 += K_BLOCK) {
                int p1 = Math.min(k, p0 + K_BLOCK);
                for (int i = i0; i < i1; i++) {
                    double[] ci = c[cRow + i];
                    double[] ai = a[aRow + i];
                    int p = p0;
                    for (; p + 4 <= p1; p += 4) {
                        int q = aCol + p;
                        addScaledRows4(ci, ai[q], ai[q + 1], ai[q + 2], ai[q + 3], b, bRow + p, j0, j1);
                    }
                    for (; p < p1; p++) {
                        addScaledRow(ci, ai[aCol + p], b[bRow + p], j0, j1);
                    }
                }
            }
        }
    }

    /** Rows of C per block: C_BLOCK elements of columns [j0, j1). */
    private static int rowBlock(int j0, int j1) {
        return Math.max(1, C_BLOCK / Math.max(1, j1 - j0));
    }

    /** c[j] += Σ_q a_q · b[row + q][j], q &lt; 4, for j in [j0, j1). */
    private static void addScaledRows4(double[] c, double a0, double a1, double a2, double a3, double[][] b,
                                       int row, int j0, int j1) {
        double[] b0 = b[row];
        double[] b1 = b[row + 1];
        double[] b2 = b[row + 2];
        double[] b3 = b[row + 3];
        for (int j = j0; j < j1; j++) {
            c[j] += (a0 * b0[j] + a1 * b1[j]) + (a2 * b2[j] + a3 * b3[j]);
        }
    }

    /** c[j] += a · b[j] for j in [j0, j1). */
    private static void addScaledRow(double[] c, double a, double[] b, int j0, int j1) {
        for (int j = j0; j < j1; j++) {
            c[j] += a * b[j];
        }
    }

    /**
     * target[(columnFrom + j)·targetCols + i] += rows[i][columnFrom + j] for i &lt; rowCount,
     * j &lt; columnCount: adds the transpose of a block of row arrays into a flat row-major
     * [· × targetCols] matrix.
     *
     * @param rows not modified
     * @param target modified
     */
    static void addTransposed(double[][] rows, int rowCount, int columnFrom, int columnCount, double[] target,
                              int targetCols) {
        // Eight rows at a time, so that each column's eight sums land in one cache line of target.
        for (int i0 = 0; i0 < rowCount; i0 += 8) {
            int i1 = Math.min(rowCount, i0 + 8);
            for (int j = columnFrom; j < columnFrom + columnCount; j++) {
                int base = j * targetCols;
                for (int i = i0; i < i1; i++) {
                    target[base + i] += rows[i][j];
                }
            }
        }
    }

    /** rows[j][i] = flat[i·cols + j]: the transpose of a flat [rowCount × cols] matrix, as rows. */
    static void transposeInto(double[] flat, int rowCount, int cols, double[][] rows) {
        // Eight rows of flat at a time: eight consecutive writes into each row of the result.
        for (int i0 = 0; i0 < rowCount; i0 += 8) {
            int i1 = Math.min(rowCount, i0 + 8);
            for (int j = 0; j < cols; j++) {
                double[] row = rows[j];
                for (int i = i0; i < i1; i++) {
                    row[i] = flat[i * cols + j];
                }
            }
        }
    }

    /**
     * to[c][r] = from[r][c] for r in [r0, r1), c in [c0, c1): a block of rows transposed, sixteen columns
     * at a time (one cache line of each row read, consecutive writes into each row of the result). A
     * product with a short inner loop (C's rows as long as H or D) runs a third as fast as one with long
     * rows, so such products run transposed, Cᵀ = Bᵀ · Aᵀ; each element sums the same products in the
     * same order, so the bits are the same.
     */
    static void transposeBlock(double[][] from, int r0, int r1, int c0, int c1, double[][] to) {
        for (int b0 = c0; b0 < c1; b0 += 16) {
            int b1 = Math.min(c1, b0 + 16);
            for (int r = r0; r < r1; r++) {
                double[] row = from[r];
                for (int c = b0; c < b1; c++) {
                    to[c][r] = row[c];
                }
            }
        }
    }

    /** flat[r·width + c] = columns[c][r] for c &lt; width, r in [r0, r1): a transposed product's result, back as rows. */
    static void untranspose(double[][] columns, int width, int r0, int r1, double[] flat) {
        for (int c = 0; c < width; c++) {
            double[] column = columns[c];
            for (int r = r0; r < r1; r++) {
                flat[r * width + c] = column[r];
            }
        }
    }

    /** rows[i][j] = flat[i·cols + j] for a flat [rowCount × cols]. */
    static void copyInto(double[] flat, int rowCount, int cols, double[][] rows) {
        for (int i = 0; i < rowCount; i++) {
            System.arraycopy(flat, i * cols, rows[i], 0, cols);
        }
    }

    /** sums[j] += Σ_i rows[i][j] for i &lt; rowCount, j in [j0, j1). */
    static void addColumnSums(double[][] rows, int rowCount, int j0, int j1, double[] sums) {
        for (int i = 0; i < rowCount; i++) {
            double[] row = rows[i];
            for (int j = j0; j < j1; j++) {
                sums[j] += row[j];
            }
        }
    }
}
