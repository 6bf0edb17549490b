package org.gatescope.engine.cell;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * C += A · B with C held in vector registers: tiles of 4 rows × 2 vectors of C stay in registers
 * while all of k passes, so each multiply-add costs a load of B and no load or store of C. The
 * auto-vectorised kernels ({@link MatrixKernels}, {@link FloatKernels}) cannot do that: C2 only
 * vectorises an inner loop over j, so C goes through memory once per four rows of B, and they
 * stop at about half of what the core can do. Written with JDK 17's incubating Vector API
 * (decision 0025); only loaded when {@link Tiling#ENABLED}.
 *
 * <p>Same bits as the kernels it replaces, element by element. In double each element of C adds
 * its terms as {@link MatrixKernels} does: for each block of {@value #K_BLOCK} rows of B, groups
 * of four as {@code c += (a0·b0 + a1·b1) + (a2·b2 + a3·b3)}, then single terms
 * {@code c += a·b}, each product and sum rounded on its own, so the bundled models' training
 * digests hold on either kernel. In float ({@link FloatKernels}) each term is one fused
 * multiply-add, in the order of k: a third faster here, and the float32 path has no recorded
 * bits to keep.
 *
 * <p>A is copied per block of rows into a packed scratch array, [p][r] for each tile of four
 * rows, so the flat, transposed and row layouts share one tile loop.
 */
final class TiledProducts {

    /** {@link MatrixKernels}' and {@link FloatKernels}' block of k: it fixes the summation order. */
    private static final int K_BLOCK = MatrixKernels.K_BLOCK;
    private static final int TILE_ROWS = 4;
    /** Rows of A packed at a time: the panel of B (k × 2 vectors) is reused across 16 tiles. */
    private static final int BLOCK_ROWS = 64;

    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    private static final int DL = DOUBLES.length();
    private static final int FL = FLOATS.length();

    private static final ThreadLocal<double[]> DOUBLE_PACK = ThreadLocal.withInitial(() -> new double[0]);
    private static final ThreadLocal<float[]> FLOAT_PACK = ThreadLocal.withInitial(() -> new float[0]);
    private static final ThreadLocal<float[]> FLOAT_PANEL = ThreadLocal.withInitial(() -> new float[0]);
    private static final ThreadLocal<double[]> DOUBLE_PANEL = ThreadLocal.withInitial(() -> new double[0]);

    private TiledProducts() {
    }

    /**
     * Runs every entry point, in both precisions, on small arrays until C2 has compiled them: for
     * at least a second and until the tiles beat the loops on the same products three times in a
     * row (at most 30 s; if they never do, they are still correct, only slower).
     */
    static void warmUp() {
        int m = 32;
        int k = 64;
        int fn = 4 * FL;
        int dn = 4 * DL;
        float[][] fa = new float[m][k];
        float[][] fb = new float[k][fn];
        float[][] fc = new float[m][fn];
        float[] fflat = new float[m * k];
        float[][] fpanels = new float[fn / (2 * FL)][k * 2 * FL];
        double[][] da = new double[m][k];
        double[][] db = new double[k][dn];
        double[][] dc = new double[m][dn];
        double[] dflat = new double[m * k];
        double[][] dpanels = new double[dn / (2 * DL)][k * 2 * DL];
        packFloatPanels(fb, k, fn, fpanels);
        packDoublePanels(db, k, dn, dpanels);
        long begin = System.nanoTime();
        long deadline = begin + 30_000_000_000L;
        int wins = 0;
        // at least a second: early on, tiles compiled by C1 (boxed) can beat loops still interpreted
        while ((wins < 3 || System.nanoTime() - begin < 1_000_000_000L) && System.nanoTime() < deadline) {
            long start = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                multAdd(fflat, 0, k, 1, fb, 0, null, fc, 0, m, k, 0, fn);
                multAdd(fa, 0, 0, fb, 0, fpanels, fc, 0, m, k, 0, fn);
                multAdd(dflat, 0, k, 1, db, 0, null, dc, 0, m, k, 0, dn);
                multAdd(da, 0, 0, db, 0, dpanels, dc, 0, m, k, 0, dn);
            }
            long tiles = System.nanoTime() - start;
            start = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                FloatKernels.loopMultAdd(fflat, 0, k, 1, fb, 0, fc, 0, m, k, 0, fn);
                FloatKernels.loopMultAdd(fa, 0, 0, fb, 0, fc, 0, m, k, 0, fn);
                MatrixKernels.loopMultAdd(dflat, 0, k, 1, db, 0, dc, 0, m, k, 0, dn);
                MatrixKernels.loopMultAdd(da, 0, 0, db, 0, dc, 0, m, k, 0, dn);
            }
            long loops = System.nanoTime() - start;
            wins = tiles < loops ? wins + 1 : 0;
        }
    }

    /** Columns from j0 that the tiles cover: a multiple of two double vectors, at most n. */
    static int doubleColumns(int n) {
        return n - n % (2 * DL);
    }

    /** Columns from j0 that the tiles cover: a multiple of two float vectors, at most n. */
    static int floatColumns(int n) {
        return n - n % (2 * FL);
    }

    /** Vector width in bits, for the bench's header. */
    static int vectorBits() {
        return DOUBLES.vectorBitSize();
    }

    // ---- double ---------------------------------------------------------------------------

    /** Columns a double panel holds. */
    static int doublePanelWidth() {
        return 2 * DL;
    }

    /**
     * panels[q][p·W + j] = b[p][q·W + j] for p &lt; rows, j &lt; W = {@link #doublePanelWidth()}, for
     * each whole panel of columns [0, cols).
     */
    static void packDoublePanels(double[][] b, int rows, int cols, double[][] panels) {
        int width = 2 * DL;
        for (int q = 0; q < cols / width; q++) {
            packDoublePanel(b, 0, rows, q * width, panels[q]);
        }
    }

    private static void packDoublePanel(double[][] b, int bRow, int k, int j, double[] panel) {
        int width = 2 * DL;
        for (int p = 0; p < k; p++) {
            System.arraycopy(b[bRow + p], j, panel, p * width, width);
        }
    }

    /** As {@link MatrixKernels#multAdd(double[], int, int, int, double[][], int, double[][], int, int, int, int, int)}. */
    static void multAdd(double[] a, int aOffset, int aRowStride, int aColStride, double[][] b, int bRow,
                        double[][] c, int cRow, int m, int k, int j0, int j1) {
        multAdd(a, aOffset, aRowStride, aColStride, b, bRow, null, c, cRow, m, k, j0, j1);
    }

    /**
     * The same product with B's columns [j0, j1) from {@code panels} when not null (B's rows
     * [0, k), j0 a multiple of the panel width), from {@code b}'s rows [bRow, bRow + k) otherwise.
     */
    static void multAdd(double[] a, int aOffset, int aRowStride, int aColStride, double[][] b, int bRow,
                        double[][] panels, double[][] c, int cRow, int m, int k, int j0, int j1) {
        for (int i0 = 0; i0 < m; i0 += BLOCK_ROWS) {
            int rows = Math.min(BLOCK_ROWS, m - i0);
            double[] pack = doublePack(rows * k);
            for (int r = 0; r < rows; r++) {
                int base = (r / TILE_ROWS) * TILE_ROWS * k + r % TILE_ROWS;
                int ai = aOffset + (i0 + r) * aRowStride;
                for (int p = 0; p < k; p++) {
                    pack[base + p * TILE_ROWS] = a[ai + p * aColStride];
                }
            }
            doubleTiles(pack, rows, b, bRow, panels, c, cRow + i0, k, j0, j1);
        }
    }

    /** As {@link MatrixKernels#multAdd(double[][], int, int, double[][], int, double[][], int, int, int, int, int)}. */
    static void multAdd(double[][] a, int aRow, int aCol, double[][] b, int bRow, double[][] c, int cRow, int m,
                        int k, int j0, int j1) {
        multAdd(a, aRow, aCol, b, bRow, null, c, cRow, m, k, j0, j1);
    }

    /** The same product with B's columns from {@code panels} when not null, as above. */
    static void multAdd(double[][] a, int aRow, int aCol, double[][] b, int bRow, double[][] panels, double[][] c,
                        int cRow, int m, int k, int j0, int j1) {
        for (int i0 = 0; i0 < m; i0 += BLOCK_ROWS) {
            int rows = Math.min(BLOCK_ROWS, m - i0);
            double[] pack = doublePack(rows * k);
            for (int r = 0; r < rows; r++) {
                int base = (r / TILE_ROWS) * TILE_ROWS * k + r % TILE_ROWS;
                double[] ai = a[aRow + i0 + r];
                for (int p = 0; p < k; p++) {
                    pack[base + p * TILE_ROWS] = ai[aCol + p];
                }
            }
            doubleTiles(pack, rows, b, bRow, panels, c, cRow + i0, k, j0, j1);
        }
    }

    private static double[] doublePack(int size) {
        double[] pack = DOUBLE_PACK.get();
        if (pack.length < size) {
            pack = new double[size];
            DOUBLE_PACK.set(pack);
        }
        return pack;
    }

    private static void doubleTiles(double[] pack, int rows, double[][] b, int bRow, double[][] panels, double[][] c,
                                   int cRow, int k, int j0, int j1) {
        int width = 2 * DL;
        double[] scratch = null;
        if (panels == null) {
            scratch = DOUBLE_PANEL.get();
            if (scratch.length < width * k) {
                scratch = new double[width * k];
                DOUBLE_PANEL.set(scratch);
            }
        }
        for (int j = j0; j < j1; j += width) {
            double[] panel;
            if (panels != null) {
                panel = panels[j / width];
            } else {
                packDoublePanel(b, bRow, k, j, scratch);
                panel = scratch;
            }
            for (int t = 0; t < rows; t += TILE_ROWS) {
                doubleTile(pack, t * k, panel, c[cRow + t], c[cRow + t + 1], c[cRow + t + 2], c[cRow + t + 3], j, k);
            }
        }
    }

    /** Columns [j, j + 2·DL) of four rows of C, over all of k, B's columns read from their panel. */
    private static void doubleTile(double[] pa, int pa0, double[] panel, double[] c0, double[] c1, double[] c2,
                                   double[] c3, int j, int k) {
        int jh = j + DL;
        DoubleVector x00 = DoubleVector.fromArray(DOUBLES, c0, j);
        DoubleVector x01 = DoubleVector.fromArray(DOUBLES, c0, jh);
        DoubleVector x10 = DoubleVector.fromArray(DOUBLES, c1, j);
        DoubleVector x11 = DoubleVector.fromArray(DOUBLES, c1, jh);
        DoubleVector x20 = DoubleVector.fromArray(DOUBLES, c2, j);
        DoubleVector x21 = DoubleVector.fromArray(DOUBLES, c2, jh);
        DoubleVector x30 = DoubleVector.fromArray(DOUBLES, c3, j);
        DoubleVector x31 = DoubleVector.fromArray(DOUBLES, c3, jh);
        // Blocks of K_BLOCK (a multiple of 4) split into fours, then single terms at the end: the
        // loops' order, with the fours running on to the last whole four of k.
        int k4 = k - k % 4;
        int p = 0;
        for (; p < k4; p += 4) {
            int r = p * 2 * DL;
            DoubleVector b00 = DoubleVector.fromArray(DOUBLES, panel, r);
            DoubleVector b01 = DoubleVector.fromArray(DOUBLES, panel, r + DL);
            DoubleVector b10 = DoubleVector.fromArray(DOUBLES, panel, r + 2 * DL);
            DoubleVector b11 = DoubleVector.fromArray(DOUBLES, panel, r + 3 * DL);
            DoubleVector b20 = DoubleVector.fromArray(DOUBLES, panel, r + 4 * DL);
            DoubleVector b21 = DoubleVector.fromArray(DOUBLES, panel, r + 5 * DL);
            DoubleVector b30 = DoubleVector.fromArray(DOUBLES, panel, r + 6 * DL);
            DoubleVector b31 = DoubleVector.fromArray(DOUBLES, panel, r + 7 * DL);
            int q = pa0 + p * TILE_ROWS;
            double a0 = pa[q];
            double a1 = pa[q + 4];
            double a2 = pa[q + 8];
            double a3 = pa[q + 12];
            x00 = x00.add(b00.mul(a0).add(b10.mul(a1)).add(b20.mul(a2).add(b30.mul(a3))));
            x01 = x01.add(b01.mul(a0).add(b11.mul(a1)).add(b21.mul(a2).add(b31.mul(a3))));
            a0 = pa[q + 1];
            a1 = pa[q + 5];
            a2 = pa[q + 9];
            a3 = pa[q + 13];
            x10 = x10.add(b00.mul(a0).add(b10.mul(a1)).add(b20.mul(a2).add(b30.mul(a3))));
            x11 = x11.add(b01.mul(a0).add(b11.mul(a1)).add(b21.mul(a2).add(b31.mul(a3))));
            a0 = pa[q + 2];
            a1 = pa[q + 6];
            a2 = pa[q + 10];
            a3 = pa[q + 14];
            x20 = x20.add(b00.mul(a0).add(b10.mul(a1)).add(b20.mul(a2).add(b30.mul(a3))));
            x21 = x21.add(b01.mul(a0).add(b11.mul(a1)).add(b21.mul(a2).add(b31.mul(a3))));
            a0 = pa[q + 3];
            a1 = pa[q + 7];
            a2 = pa[q + 11];
            a3 = pa[q + 15];
            x30 = x30.add(b00.mul(a0).add(b10.mul(a1)).add(b20.mul(a2).add(b30.mul(a3))));
            x31 = x31.add(b01.mul(a0).add(b11.mul(a1)).add(b21.mul(a2).add(b31.mul(a3))));
        }
        for (; p < k; p++) {
            int r = p * 2 * DL;
            DoubleVector v0 = DoubleVector.fromArray(DOUBLES, panel, r);
            DoubleVector v1 = DoubleVector.fromArray(DOUBLES, panel, r + DL);
            int q = pa0 + p * TILE_ROWS;
            x00 = x00.add(v0.mul(pa[q]));
            x01 = x01.add(v1.mul(pa[q]));
            x10 = x10.add(v0.mul(pa[q + 1]));
            x11 = x11.add(v1.mul(pa[q + 1]));
            x20 = x20.add(v0.mul(pa[q + 2]));
            x21 = x21.add(v1.mul(pa[q + 2]));
            x30 = x30.add(v0.mul(pa[q + 3]));
            x31 = x31.add(v1.mul(pa[q + 3]));
        }
        x00.intoArray(c0, j);
        x01.intoArray(c0, jh);
        x10.intoArray(c1, j);
        x11.intoArray(c1, jh);
        x20.intoArray(c2, j);
        x21.intoArray(c2, jh);
        x30.intoArray(c3, j);
        x31.intoArray(c3, jh);
    }

    // ---- float ----------------------------------------------------------------------------
    //
    // B is read from panels: a panel holds two vectors' width of B's columns, row after row, so a
    // tile streams through contiguous memory instead of jumping a whole row of B (4 KB for W_hh^T
    // at H = 256) for each row of k. A product packs its panels as it goes, unless the caller keeps
    // them packed (PackedColumns: the weights, packed once per change).

    /** Columns a float panel holds. */
    static int floatPanelWidth() {
        return 2 * FL;
    }

    /**
     * panels[q][p·W + j] = b[p][q·W + j] for p &lt; rows, j &lt; W = {@link #floatPanelWidth()}, for
     * each whole panel of columns [0, cols).
     */
    static void packFloatPanels(float[][] b, int rows, int cols, float[][] panels) {
        int width = 2 * FL;
        for (int q = 0; q < cols / width; q++) {
            packFloatPanel(b, 0, rows, q * width, panels[q]);
        }
    }

    private static void packFloatPanel(float[][] b, int bRow, int k, int j, float[] panel) {
        int width = 2 * FL;
        for (int p = 0; p < k; p++) {
            System.arraycopy(b[bRow + p], j, panel, p * width, width);
        }
    }

    /** As {@link FloatKernels#multAdd(float[], int, int, int, float[][], int, float[][], int, int, int, int, int)}. */
    static void multAdd(float[] a, int aOffset, int aRowStride, int aColStride, float[][] b, int bRow,
                        float[][] c, int cRow, int m, int k, int j0, int j1) {
        multAdd(a, aOffset, aRowStride, aColStride, b, bRow, null, c, cRow, m, k, j0, j1);
    }

    /**
     * The same product with B's columns [j0, j1) from {@code panels} when not null (B's rows
     * [0, k), j0 a multiple of the panel width), from {@code b}'s rows [bRow, bRow + k) otherwise.
     */
    static void multAdd(float[] a, int aOffset, int aRowStride, int aColStride, float[][] b, int bRow,
                        float[][] panels, float[][] c, int cRow, int m, int k, int j0, int j1) {
        for (int i0 = 0; i0 < m; i0 += BLOCK_ROWS) {
            int rows = Math.min(BLOCK_ROWS, m - i0);
            float[] pack = floatPack(rows * k);
            for (int r = 0; r < rows; r++) {
                int base = (r / TILE_ROWS) * TILE_ROWS * k + r % TILE_ROWS;
                int ai = aOffset + (i0 + r) * aRowStride;
                for (int p = 0; p < k; p++) {
                    pack[base + p * TILE_ROWS] = a[ai + p * aColStride];
                }
            }
            floatTiles(pack, rows, b, bRow, panels, c, cRow + i0, k, j0, j1);
        }
    }

    /** As {@link FloatKernels#multAdd(float[][], int, int, float[][], int, float[][], int, int, int, int, int)}. */
    static void multAdd(float[][] a, int aRow, int aCol, float[][] b, int bRow, float[][] c, int cRow, int m,
                        int k, int j0, int j1) {
        multAdd(a, aRow, aCol, b, bRow, null, c, cRow, m, k, j0, j1);
    }

    /** The same product with B's columns from {@code panels} when not null, as above. */
    static void multAdd(float[][] a, int aRow, int aCol, float[][] b, int bRow, float[][] panels, float[][] c,
                        int cRow, int m, int k, int j0, int j1) {
        for (int i0 = 0; i0 < m; i0 += BLOCK_ROWS) {
            int rows = Math.min(BLOCK_ROWS, m - i0);
            float[] pack = floatPack(rows * k);
            for (int r = 0; r < rows; r++) {
                int base = (r / TILE_ROWS) * TILE_ROWS * k + r % TILE_ROWS;
                float[] ai = a[aRow + i0 + r];
                for (int p = 0; p < k; p++) {
                    pack[base + p * TILE_ROWS] = ai[aCol + p];
                }
            }
            floatTiles(pack, rows, b, bRow, panels, c, cRow + i0, k, j0, j1);
        }
    }

    private static float[] floatPack(int size) {
        float[] pack = FLOAT_PACK.get();
        if (pack.length < size) {
            pack = new float[size];
            FLOAT_PACK.set(pack);
        }
        return pack;
    }

    private static void floatTiles(float[] pack, int rows, float[][] b, int bRow, float[][] panels, float[][] c,
                                   int cRow, int k, int j0, int j1) {
        int width = 2 * FL;
        float[] scratch = null;
        if (panels == null) {
            scratch = FLOAT_PANEL.get();
            if (scratch.length < width * k) {
                scratch = new float[width * k];
                FLOAT_PANEL.set(scratch);
            }
        }
        for (int j = j0; j < j1; j += width) {
            float[] panel;
            if (panels != null) {
                panel = panels[j / width];
            } else {
                packFloatPanel(b, bRow, k, j, scratch);
                panel = scratch;
            }
            for (int t = 0; t < rows; t += TILE_ROWS) {
                floatTile(pack, t * k, panel, c[cRow + t], c[cRow + t + 1], c[cRow + t + 2], c[cRow + t + 3], j, k);
            }
        }
    }

    /** Columns [j, j + 2·FL) of four rows of C, over all of k, B's columns read from their panel. */
    private static void floatTile(float[] pa, int pa0, float[] panel, float[] c0, float[] c1, float[] c2,
                                  float[] c3, int j, int k) {
        int jh = j + FL;
        FloatVector x00 = FloatVector.fromArray(FLOATS, c0, j);
        FloatVector x01 = FloatVector.fromArray(FLOATS, c0, jh);
        FloatVector x10 = FloatVector.fromArray(FLOATS, c1, j);
        FloatVector x11 = FloatVector.fromArray(FLOATS, c1, jh);
        FloatVector x20 = FloatVector.fromArray(FLOATS, c2, j);
        FloatVector x21 = FloatVector.fromArray(FLOATS, c2, jh);
        FloatVector x30 = FloatVector.fromArray(FLOATS, c3, j);
        FloatVector x31 = FloatVector.fromArray(FLOATS, c3, jh);
        // One fused multiply-add per term, in the order of k, as FloatKernels' loops.
        int k4 = k - k % 4;
        int p = 0;
        for (; p < k4; p += 4) {
            int r = p * 2 * FL;
            FloatVector b00 = FloatVector.fromArray(FLOATS, panel, r);
            FloatVector b01 = FloatVector.fromArray(FLOATS, panel, r + FL);
            FloatVector b10 = FloatVector.fromArray(FLOATS, panel, r + 2 * FL);
            FloatVector b11 = FloatVector.fromArray(FLOATS, panel, r + 3 * FL);
            FloatVector b20 = FloatVector.fromArray(FLOATS, panel, r + 4 * FL);
            FloatVector b21 = FloatVector.fromArray(FLOATS, panel, r + 5 * FL);
            FloatVector b30 = FloatVector.fromArray(FLOATS, panel, r + 6 * FL);
            FloatVector b31 = FloatVector.fromArray(FLOATS, panel, r + 7 * FL);
            int q = pa0 + p * TILE_ROWS;
            FloatVector a0 = FloatVector.broadcast(FLOATS, pa[q]);
            FloatVector a1 = FloatVector.broadcast(FLOATS, pa[q + 4]);
            FloatVector a2 = FloatVector.broadcast(FLOATS, pa[q + 8]);
            FloatVector a3 = FloatVector.broadcast(FLOATS, pa[q + 12]);
            x00 = b30.fma(a3, b20.fma(a2, b10.fma(a1, b00.fma(a0, x00))));
            x01 = b31.fma(a3, b21.fma(a2, b11.fma(a1, b01.fma(a0, x01))));
            a0 = FloatVector.broadcast(FLOATS, pa[q + 1]);
            a1 = FloatVector.broadcast(FLOATS, pa[q + 5]);
            a2 = FloatVector.broadcast(FLOATS, pa[q + 9]);
            a3 = FloatVector.broadcast(FLOATS, pa[q + 13]);
            x10 = b30.fma(a3, b20.fma(a2, b10.fma(a1, b00.fma(a0, x10))));
            x11 = b31.fma(a3, b21.fma(a2, b11.fma(a1, b01.fma(a0, x11))));
            a0 = FloatVector.broadcast(FLOATS, pa[q + 2]);
            a1 = FloatVector.broadcast(FLOATS, pa[q + 6]);
            a2 = FloatVector.broadcast(FLOATS, pa[q + 10]);
            a3 = FloatVector.broadcast(FLOATS, pa[q + 14]);
            x20 = b30.fma(a3, b20.fma(a2, b10.fma(a1, b00.fma(a0, x20))));
            x21 = b31.fma(a3, b21.fma(a2, b11.fma(a1, b01.fma(a0, x21))));
            a0 = FloatVector.broadcast(FLOATS, pa[q + 3]);
            a1 = FloatVector.broadcast(FLOATS, pa[q + 7]);
            a2 = FloatVector.broadcast(FLOATS, pa[q + 11]);
            a3 = FloatVector.broadcast(FLOATS, pa[q + 15]);
            x30 = b30.fma(a3, b20.fma(a2, b10.fma(a1, b00.fma(a0, x30))));
            x31 = b31.fma(a3, b21.fma(a2, b11.fma(a1, b01.fma(a0, x31))));
        }
        for (; p < k; p++) {
            int r = p * 2 * FL;
            FloatVector v0 = FloatVector.fromArray(FLOATS, panel, r);
            FloatVector v1 = FloatVector.fromArray(FLOATS, panel, r + FL);
            int q = pa0 + p * TILE_ROWS;
            x00 = v0.fma(FloatVector.broadcast(FLOATS, pa[q]), x00);
            x01 = v1.fma(FloatVector.broadcast(FLOATS, pa[q]), x01);
            x10 = v0.fma(FloatVector.broadcast(FLOATS, pa[q + 1]), x10);
            x11 = v1.fma(FloatVector.broadcast(FLOATS, pa[q + 1]), x11);
            x20 = v0.fma(FloatVector.broadcast(FLOATS, pa[q + 2]), x20);
            x21 = v1.fma(FloatVector.broadcast(FLOATS, pa[q + 2]), x21);
            x30 = v0.fma(FloatVector.broadcast(FLOATS, pa[q + 3]), x30);
            x31 = v1.fma(FloatVector.broadcast(FLOATS, pa[q + 3]), x31);
        }
        x00.intoArray(c0, j);
        x01.intoArray(c0, jh);
        x10.intoArray(c1, j);
        x11.intoArray(c1, jh);
        x20.intoArray(c2, j);
        x21.intoArray(c2, jh);
        x30.intoArray(c3, j);
        x31.intoArray(c3, jh);
    }
}
