package org.gatescope.render.draw;

/**
 * A heatmap's cells: {@code rows} × {@code cols} colours (row-major, 0xAARRGGBB) drawn as
 * {@code cellWidth} × {@code cellHeight} rectangles from ({@code x}, {@code y}); with {@code gridLines}
 * each inner cell edge (top and left) is drawn one px in a lighter shade of the cell. A back end may
 * draw it much faster than one rectangle a cell (Java2D writes pixels), so a heatmap of thousands of
 * tokens stays quick. The array is not modified, nor kept.
 */
public record CellGrid(double x, double y, int cols, int rows, double cellWidth, double cellHeight, int[] argb,
                       boolean gridLines) {

    private static final int GRID_ALPHA = 80;

    public CellGrid {
        if (cols < 0 || rows < 0 || argb.length < (long) cols * rows) {
            throw new IllegalArgumentException("a grid of " + rows + " × " + cols + " needs as many colours, not "
                    + argb.length);
        }
    }

    public int colour(int row, int col) {
        return argb[row * cols + col];
    }

    /** {@code argb} seen through white at 80/255: the grid line over a cell, readable on dark and light. */
    public static int lighten(int argb) {
        int out = 0xFF000000;
        for (int shift = 0; shift <= 16; shift += 8) {
            int c = argb >> shift & 0xFF;
            out |= (c + ((255 - c) * GRID_ALPHA + 127) / 255) << shift;
        }
        return out;
    }
}
