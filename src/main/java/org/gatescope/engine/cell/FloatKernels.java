package org.gatescope.engine.cell;

/**
 * {@link MatrixKernels}' products in float, for {@link org.gatescope.engine.Precision#FLOAT32}:
 * the same blocking, with vectors twice as wide. Each term is one fused multiply-add, in the
 * order of k, so an element's sum does not depend on the batch or thread that computed it, nor
 * on whether {@link TiledProducts} or these loops ran it. Plus the
 * conversions between the double arrays the cells compute in and the float operands.
 */
final class FloatKernels {

    private static final int K_BLOCK = MatrixKernels.K_BLOCK;
    /** Elements of C per block of rows (128 KB of floats), as {@link MatrixKernels}' C_BLOCK. */
    private static final int C_BLOCK = 32 * 1024;

    private FloatKernels() {
    }

    /** As {@link MatrixKernels#multAdd(double[], int, int, int, double[][], int, double[][], int, int, int, int, int)}. */
    static void multAdd(float[] a, int aOffset, int aRowStride, int aColStride, float[][] b, int bRow,
                        float[][] c, int cRow, int m, int k, int j0, int j1) {
        multAdd(a, aOffset, aRowStride, aColStride, b, bRow, (PackedColumns) null, c, cRow, m, k, j0, j1);
    }

    /**
     * The same product with B = rows [0, k) of {@code packed}'s matrix, whose panels the tiles read
     * when j0 is a multiple of their width.
     */
    static void multAdd(float[] a, int aOffset, int aRowStride, int aColStride, float[][] b, PackedColumns packed,
                        float[][] c, int cRow, int m, int k, int j0, int j1) {
        multAdd(a, aOffset, aRowStride, aColStride, b, 0, packed, c, cRow, m, k, j0, j1);
    }

    private static void multAdd(float[] a, int aOffset, int aRowStride, int aColStride, float[][] b, int bRow,
                                PackedColumns packed, float[][] c, int cRow, int m, int k, int j0, int j1) {
        if (Tiling.worthIt(m, k, j1 - j0)) {
            int m4 = m - m % 4;
            int jt = j0 + TiledProducts.floatColumns(j1 - j0);
            if (m4 > 0 && jt > j0) {
                TiledProducts.multAdd(a, aOffset, aRowStride, aColStride, b, bRow,
                        PackedColumns.floatPanels(packed, j0), c, cRow, m4, k, j0, jt);
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

    static void loopMultAdd(float[] a, int aOffset, int aRowStride, int aColStride, float[][] b, int bRow,
                                    float[][] c, int cRow, int m, int k, int j0, int j1) {
        int rowBlock = rowBlock(j0, j1);
        for (int i0 = 0; i0 < m; i0 += rowBlock) {
            int i1 = Math.min(m, i0 + rowBlock);
            for (int p0 = 0; p0 < k; p0 += K_BLOCK) {
                int p1 = Math.min(k, p0 + K_BLOCK);
                for (int i = i0; i < i1; i++) {
                    float[] ci = c[cRow + i];
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

    /** As {@link MatrixKernels#multAdd(double[][], int, int, double[][], int, double[][], int, int, int, int, int)}. */
    static void multAdd(float[][] a, int aRow, int aCol, float[][] b, int bRow, float[][] c, int cRow, int m,
                        int k, int j0, int j1) {
        multAdd(a, aRow, aCol, b, bRow, (PackedColumns) null, c, cRow, m, k, j0, j1);
    }

    /** The same product with B = rows [0, k) of {@code packed}'s matrix, as above. */
    static void multAdd(float[][] a, int aRow, int aCol, float[][] b, PackedColumns packed, float[][] c, int cRow,
                        int m, int k, int j0, int j1) {
        multAdd(a, aRow, aCol, b, 0, packed, c, cRow, m, k, j0, j1);
    }

    private static void multAdd(float[][] a, int aRow, int aCol, float[][] b, int bRow, PackedColumns packed,
                                float[][] c, int cRow, int m, int k, int j0, int j1) {
        if (Tiling.worthIt(m, k, j1 - j0)) {
            int m4 = m - m % 4;
            int jt = j0 + TiledProducts.floatColumns(j1 - j0);
            if (m4 > 0 && jt > j0) {
                TiledProducts.multAdd(a, aRow, aCol, b, bRow, PackedColumns.floatPanels(packed, j0), c, cRow, m4, k,
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

    static void loopMultAdd(float[][] a, int aRow, int aCol, float[][] b, int bRow, float[][] c, int cRow,
                                    int m, int k, int j0, int j1) {
        int rowBlock = rowBlock(j0, j1);
        for (int i0 = 0; i0 < m; i0 += rowBlock) {
            int i1 = Math.min(m, i0 + rowBlock);
            for (int p0 = 0; p0 < k; p0 += K_BLOCK) {
                int p1 = Math.min(k, p0 + K_BLOCK);
                for (int i = i0; i < i1; i++) {
                    float[] ci = c[cRow + i];
                    float[] ai = a[aRow + i];
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

    private static int rowBlock(int j0, int j1) {
        return Math.max(1, C_BLOCK / Math.max(1, j1 - j0));
    }

    private static void addScaledRows4(float[] c, float a0, float a1, float a2, float a3, float[][] b, int row,
                                       int j0, int j1) {
        float[] b0 = b[row];
        float[] b1 = b[row + 1];
        float[] b2 = b[row + 2];
        float[] b3 = b[row + 3];
        for (int j = j0; j < j1; j++) {
            c[j] = Math.fma(a3, b3[j], Math.fma(a2, b2[j], Math.fma(a1, b1[j], Math.fma(a0, b0[j], c[j]))));
        }
    }

    private static void addScaledRow(float[] c, float a, float[] b, int j0, int j1) {
        for (int j = j0; j < j1; j++) {
            c[j] = Math.fma(a, b[j], c[j]);
        }
    }

    /** As {@link MatrixKernels#transposeBlock}. */
    static void transposeBlock(float[][] from, int r0, int r1, int c0, int c1, float[][] to) {
        for (int b0 = c0; b0 < c1; b0 += 16) {
            int b1 = Math.min(c1, b0 + 16);
            for (int r = r0; r < r1; r++) {
                float[] row = from[r];
                for (int c = b0; c < b1; c++) {
                    to[c][r] = row[c];
                }
            }
        }
    }

    /** to[c][r] = (float) from[r][c] for r in [r0, r1), c in [c0, c1): {@link #transposeBlock} from double rows. */
    static void narrowTransposed(double[][] from, int r0, int r1, int c0, int c1, float[][] to) {
        for (int b0 = c0; b0 < c1; b0 += 16) {
            int b1 = Math.min(c1, b0 + 16);
            for (int r = r0; r < r1; r++) {
                double[] row = from[r];
                for (int c = b0; c < b1; c++) {
                    to[c][r] = (float) row[c];
                }
            }
        }
    }

    /** As {@link MatrixKernels#untranspose}, widening to double. */
    static void untranspose(float[][] columns, int width, int r0, int r1, double[] flat) {
        for (int c = 0; c < width; c++) {
            float[] column = columns[c];
            for (int r = r0; r < r1; r++) {
                flat[r * width + c] = column[r];
            }
        }
    }

    /** to[i] = (float) from[from0 + i] for i &lt; n, into to from index to0. */
    static void narrow(double[] from, int from0, float[] to, int to0, int n) {
        for (int i = 0; i < n; i++) {
            to[to0 + i] = (float) from[from0 + i];
        }
    }

    /** to[j] = (float) from[j] for j in [j0, j1). */
    static void narrow(double[] from, float[] to, int j0, int j1) {
        for (int j = j0; j < j1; j++) {
            to[j] = (float) from[j];
        }
    }

    /** to[i][j] = (float) from[i][j] for the first rowCount rows. */
    static void narrowInto(double[][] from, int rowCount, float[][] to) {
        for (int i = 0; i < rowCount; i++) {
            narrow(from[i], to[i], 0, from[i].length);
        }
    }

    /** out[j] = base[j] + sum[j] for j in [j0, j1): a float product's result added to its double bias. */
    static void widenOnto(double[] base, float[] sum, double[] out, int j0, int j1) {
        for (int j = j0; j < j1; j++) {
            out[j] = base[j] + sum[j];
        }
    }

    /** out[j] += sum[j] for j in [j0, j1). */
    static void widenAdd(float[] sum, double[] out, int j0, int j1) {
        for (int j = j0; j < j1; j++) {
            out[j] += sum[j];
        }
    }

    /** out[outOffset + j] += sum[j] for j &lt; n. */
    static void widenAddAt(float[] sum, double[] out, int outOffset, int n) {
        for (int j = 0; j < n; j++) {
            out[outOffset + j] += sum[j];
        }
    }

    /** out[j] = sum[j] for j in [j0, j1). */
    static void widen(float[] sum, double[] out, int j0, int j1) {
        for (int j = j0; j < j1; j++) {
            out[j] = sum[j];
        }
    }

    /** Zeros columns [j0, j1) of rows [r0, r1). */
    static void zero(float[][] rows, int r0, int r1, int j0, int j1) {
        for (int r = r0; r < r1; r++) {
            java.util.Arrays.fill(rows[r], j0, j1, 0f);
        }
    }
}
