package org.gatescope.engine.cell;

/**
 * A matrix's columns in {@link TiledProducts}' panels, kept beside the matrix itself for a B that
 * many products read unchanged: the layer's and the head's weights, packed once per change
 * instead of once per product. Packed lazily, by the first product that runs on the tiles, so a
 * sentence's trace (always on the loops) neither packs nor allocates. Exists only when the tiles
 * can run (the factories give null otherwise).
 */
final class PackedColumns {

    private final float[][] floatMatrix;
    private final double[][] doubleMatrix;
    private final int rows;
    private final int cols;
    private float[][] floatPanels;
    private double[][] doublePanels;
    /** False after {@link #changed()} until the next product on the tiles packs again. */
    private volatile boolean packed;

    private PackedColumns(float[][] floatMatrix, double[][] doubleMatrix, int rows, int cols) {
        this.floatMatrix = floatMatrix;
        this.doubleMatrix = doubleMatrix;
        this.rows = rows;
        this.cols = cols;
    }

    /** Panels of {@code matrix}'s rows [0, rows) and columns [0, cols), or null when the tiles cannot run. */
    static PackedColumns ofFloats(float[][] matrix, int rows, int cols) {
        return Tiling.ENABLED ? new PackedColumns(matrix, null, rows, cols) : null;
    }

    /** Panels of {@code matrix}'s rows [0, rows) and columns [0, cols), or null when the tiles cannot run. */
    static PackedColumns ofDoubles(double[][] matrix, int rows, int cols) {
        return Tiling.ENABLED ? new PackedColumns(null, matrix, rows, cols) : null;
    }

    /** The matrix has changed: the next product on the tiles packs it again. */
    void changed() {
        packed = false;
    }

    /** The panels a float product from column j0 can read, or null (none, or j0 not on a panel's edge). */
    static float[][] floatPanels(PackedColumns packed, int j0) {
        if (packed == null || j0 % TiledProducts.floatPanelWidth() != 0) {
            return null;
        }
        packed.packIfChanged();
        return packed.floatPanels;
    }

    /** The panels a double product from column j0 can read, or null (none, or j0 not on a panel's edge). */
    static double[][] doublePanels(PackedColumns packed, int j0) {
        if (packed == null || j0 % TiledProducts.doublePanelWidth() != 0) {
            return null;
        }
        packed.packIfChanged();
        return packed.doublePanels;
    }

    /** Once per change, whichever of the threads sharing a product gets here first. */
    private void packIfChanged() {
        if (packed) {
            return;
        }
        synchronized (this) {
            if (packed) {
                return;
            }
            if (floatMatrix != null) {
                int width = TiledProducts.floatPanelWidth();
                if (floatPanels == null) {
                    floatPanels = new float[cols / width][rows * width];
                }
                TiledProducts.packFloatPanels(floatMatrix, rows, cols, floatPanels);
            } else {
                int width = TiledProducts.doublePanelWidth();
                if (doublePanels == null) {
                    doublePanels = new double[cols / width][rows * width];
                }
                TiledProducts.packDoublePanels(doubleMatrix, rows, cols, doublePanels);
            }
            packed = true;
        }
    }
}
