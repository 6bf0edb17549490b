package org.gatescope.render;

import java.util.List;
import org.gatescope.engine.Quantity;

/**
 * What a {@link HeatmapImage} shows and how large: immutable, with withers.
 *
 * @param quantities the panels, in this order (gates and states are grouped, see
 *     {@link HeatmapImage}); empty = every quantity the trace has, in {@link Quantity} order
 * @param firstToken the first token shown, counted from 0
 * @param tokenCount how many tokens from {@code firstToken}; {@link #TO_END} or any count
 *     beyond the text's end shows the rest
 * @param cellWidth pixels per token, {@value #MIN_CELL}..{@value #MAX_CELL}
 * @param cellHeight pixels per unit, {@value #MIN_CELL}..{@value #MAX_CELL}
 * @param title the first words of the title, usually the model's name; the cell kind and its
 *     size follow. Null: the cell kind and size alone
 */
public record HeatmapOptions(List<Quantity> quantities, int firstToken, int tokenCount, int cellWidth,
                             int cellHeight, String title) {

    public static final int DEFAULT_CELL_WIDTH = 22;
    public static final int DEFAULT_CELL_HEIGHT = 18;
    public static final int MIN_CELL = 4;
    public static final int MAX_CELL = 200;
    /** A token count meaning "to the end of the text". */
    public static final int TO_END = Integer.MAX_VALUE;

    public HeatmapOptions {
        quantities = List.copyOf(quantities);
        if (quantities.stream().distinct().count() != quantities.size()) {
            throw new IllegalArgumentException("a quantity is listed twice: " + quantities);
        }
        if (firstToken < 0) {
            throw new IllegalArgumentException("the first token must be 0 or more, got " + firstToken);
        }
        if (tokenCount < 1) {
            throw new IllegalArgumentException("the token count must be 1 or more, got " + tokenCount);
        }
        requireCell("width", cellWidth);
        requireCell("height", cellHeight);
    }

    /** Every quantity of the trace, every token, 22 × 18 px cells, no title. */
    public static HeatmapOptions defaults() {
        return new HeatmapOptions(List.of(), 0, TO_END, DEFAULT_CELL_WIDTH, DEFAULT_CELL_HEIGHT, null);
    }

    public HeatmapOptions withQuantities(List<Quantity> newQuantities) {
        return new HeatmapOptions(newQuantities, firstToken, tokenCount, cellWidth, cellHeight, title);
    }

    public HeatmapOptions withQuantities(Quantity... newQuantities) {
        return withQuantities(List.of(newQuantities));
    }

    /** Tokens {@code first} .. {@code first + count − 1} (the count is cut at the text's end). */
    public HeatmapOptions withTokenRange(int first, int count) {
        return new HeatmapOptions(quantities, first, count, cellWidth, cellHeight, title);
    }

    public HeatmapOptions withCellSize(int width, int height) {
        return new HeatmapOptions(quantities, firstToken, tokenCount, width, height, title);
    }

    public HeatmapOptions withTitle(String newTitle) {
        return new HeatmapOptions(quantities, firstToken, tokenCount, cellWidth, cellHeight, newTitle);
    }

    private static void requireCell(String what, int pixels) {
        if (pixels < MIN_CELL || pixels > MAX_CELL) {
            throw new IllegalArgumentException("the cell " + what + " must be " + MIN_CELL + " to " + MAX_CELL
                    + " px, got " + pixels);
        }
    }
}
