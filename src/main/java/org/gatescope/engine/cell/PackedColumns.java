package org.gatescope.engine.cell;

/**
 * A float matrix's columns kept in {@link TiledProducts}' panels beside the matrix itself, for a B
 * that many products read unchanged: the layer's and the head's weights, packed once per load
 * instead of once per product. Exists only when the tiles run ({@link #of} gives null otherwise).
 */
final class PackedColumns {

    private final int rows;
    private final int cols;
    private final float[][] panels;

    private PackedColumns(int rows, int cols, int width) {
        this.rows = rows;
        this.cols = cols;
        this.panels = new float[cols / width][rows * width];
    }

    /** Room for a [rows × cols] matrix's panels, or null when the tiles do not run. */
    static PackedColumns of(int rows, int cols) {
        return Tiling.ENABLED ? new PackedColumns(rows, cols, TiledProducts.floatPanelWidth()) : null;
    }

    /** Packs {@code matrix}'s rows [0, rows) again: after every change to it. */
    void pack(float[][] matrix) {
        TiledProducts.packFloatPanels(matrix, rows, cols, panels);
    }

    /** The panels a product from column j0 can read, or null (none, or j0 not on a panel's edge). */
    static float[][] panels(PackedColumns packed, int j0) {
        return packed == null || j0 % TiledProducts.floatPanelWidth() != 0 ? null : packed.panels;
    }
}
