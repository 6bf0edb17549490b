package org.gatescope.io;

import org.ejml.data.DMatrixRMaj;

/** Reorders the gate blocks of stacked recurrent weights, as each framework orders its gates differently. */
public final class GateBlocks {

    private GateBlocks() {
    }

    /** Block k of the result is block {@code order[k]} of {@code m} (blocks of {@code h} rows). */
    public static DMatrixRMaj reorder(DMatrixRMaj m, int[] order, int h) {
        DMatrixRMaj out = new DMatrixRMaj(m.numRows, m.numCols);
        int blockSize = h * m.numCols;
        for (int k = 0; k < order.length; k++) {
            System.arraycopy(m.data, order[k] * blockSize, out.data, k * blockSize, blockSize);
        }
        return out;
    }

    /** The same for a stacked bias (blocks of {@code h} values). */
    public static double[] reorder(double[] v, int[] order, int h) {
        double[] out = new double[v.length];
        for (int k = 0; k < order.length; k++) {
            System.arraycopy(v, order[k] * h, out, k * h, h);
        }
        return out;
    }
}
