package org.gatescope.ui.canvas;

import javafx.scene.input.MouseEvent;

/**
 * The explorer's canvas views (timeline, heatmaps): a {@link CanvasRegion}, repainting at most
 * once per frame, that takes the keyboard focus when clicked. Subclasses draw only what is
 * visible, from immutable trace data, and put their mouse handlers on {@link #canvas}.
 */
public abstract class CanvasView extends CanvasRegion {

    private static final double PREF_WIDTH = 400;
    private static final double MIN_WIDTH = 100;

    /** An explorer view's size: as wide as any, {@code prefHeight} px high and at least {@code minHeight}. */
    protected static Size size(double prefHeight, double minHeight) {
        return new Size(PREF_WIDTH, prefHeight, MIN_WIDTH, minHeight);
    }

    protected CanvasView(Size size) {
        super(size);
        getStyleClass().add("canvas-view");
        // A click takes the focus from the sentence field, so that the arrow keys step again.
        addEventFilter(MouseEvent.MOUSE_PRESSED, e -> requestFocus());
    }
}
