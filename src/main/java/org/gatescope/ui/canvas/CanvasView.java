package org.gatescope.ui.canvas;

import javafx.scene.input.MouseEvent;

/**
 * The explorer's canvas views (timeline, heatmaps): a {@link CanvasRegion}, repainting at most
 * once per frame, that takes the keyboard focus when clicked. Subclasses draw only what is
 * visible, from immutable trace data, and put their mouse handlers on {@link #canvas}.
 */
public abstract class CanvasView extends CanvasRegion {

    protected CanvasView() {
        getStyleClass().add("canvas-view");
        // A click takes the focus from the sentence field, so that the arrow keys step again.
        addEventFilter(MouseEvent.MOUSE_PRESSED, e -> requestFocus());
    }

    @Override
    protected double computePrefWidth(double height) {
        return 400;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 100;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 60;
    }
}
