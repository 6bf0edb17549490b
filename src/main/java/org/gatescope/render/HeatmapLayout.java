package org.gatescope.render;

import java.util.List;
import org.gatescope.engine.Quantity;

/**
 * Where {@link HeatmapImage} puts things: the image's size and each panel's grid of cells,
 * so a caller can know the size before rendering, or map a pixel back to a token and unit.
 *
 * @param width the image's width in pixels
 * @param height the image's height in pixels
 * @param firstToken the first token shown
 * @param tokenCount how many tokens are shown (columns per panel)
 * @param cellWidth pixels per token
 * @param cellHeight pixels per unit
 * @param tokenLabelsRotated whether token labels read upwards (they did not fit across a cell)
 * @param panels one per quantity, in the order drawn
 * @param notes the footnotes under the panels, one line each
 */
public record HeatmapLayout(int width, int height, int firstToken, int tokenCount, int cellWidth, int cellHeight,
                            boolean tokenLabelsRotated, List<Panel> panels, List<String> notes) {

    public HeatmapLayout {
        panels = List.copyOf(panels);
        notes = List.copyOf(notes);
    }

    /**
     * One quantity's panel. Token {@code firstToken + j} and unit {@code u} fill the cell at
     * x = gridX + j·cellWidth, y = gridY + u·cellHeight.
     *
     * @param x left edge of the panel (its unit labels)
     * @param y top edge of the panel (its heading)
     * @param gridX left edge of the cells
     * @param gridY top edge of the cells
     * @param gridWidth tokenCount · cellWidth
     * @param gridHeight hidden · cellHeight
     */
    public record Panel(Quantity quantity, int x, int y, int gridX, int gridY, int gridWidth, int gridHeight) {
    }
}
