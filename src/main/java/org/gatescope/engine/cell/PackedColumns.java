package org.gatescope.engine.cell;

/**
 * A matrix's columns kept in {@link TiledProducts}' panels beside the matrix itself, for a B that
 * many products read unchanged: the layer's and the head's weights, packed once per load instead
 * of once per product. Exists only when the tiles run (the factories give null otherwise).
 */
final class PackedColumns {

    private final int rows;
    private final int cols;
    private final float[][] floatPanels;
    private final double[][] doublePanels;

    private PackedColumns(int rows, int cols, float[][] floatPanels, double[][] doublePanels) {
        this.rows = rows;
        this.cols = cols;
        this.floatPanels = floatPanels;
        this.doublePanels = doublePanels;
    }

    /** Room for a float [rows × cols] matrix's panels, or null when the tiles do not run. */
    static PackedColumns ofFloats(int rows, int cols) {
        if (!Tiling.ENABLED) {
            return null;
        }
        int width = TiledProducts.floatPanelWidth();
        return new PackedColumns(rows, cols, new float[cols / width][rows * width], null);
    }

    /** Room for a double [rows × cols] matrix's panels, or null when the tiles do not run. */
    static PackedColumns ofDoubles(int rows, int cols) {
        if (!Tiling.ENABLED) {
            return null;
        }
        int width = TiledProducts.doublePanelWidth();
        return new PackedColumns(rows, cols, null, new double[cols / width][rows * width]);
    }

    /** Packs {@code matrix}'s rows [0, rows) again: after every change to it. */
    void pack(float[][] matrix) {
        TiledProducts.packFloatPanels(matrix, rows, cols, floatPanels);
    }

    /** Packs {@code matrix}'s rows [0, rows) again: after every change to it. */
    void pack(double[][] matrix) {
        TiledProducts.packDoublePanels(matrix, rows, cols, doublePanels);
    }

    /** The panels a float product from column j0 can read, or null (none, or j0 not on a panel's edge). */
    static float[][] floatPanels(PackedColumns packed, int j0) {
        return packed == null || j0 % TiledProducts.floatPanelWidth() != 0 ? null : packed.floatPanels;
    }

    /** The panels a double product from column j0 can read, or null (none, or j0 not on a panel's edge). */
    static double[][] doublePanels(PackedColumns packed, int j0) {
        return packed == null || j0 % TiledProducts.doublePanelWidth() != 0 ? null : packed.doublePanels;
    }
}
