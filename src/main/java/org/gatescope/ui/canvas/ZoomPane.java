package org.gatescope.ui.canvas;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.layout.Region;
import javafx.scene.transform.Scale;

/**
 * Shows its content larger or smaller, as a browser zooms a page: the content is laid out for the
 * pane's size divided by the zoom, then scaled by the zoom, so text, controls and drawings grow
 * together and wrap or scroll as in a smaller window, rather than overflow. Text and shapes stay
 * sharp under the scale; the canvases of {@link CanvasRegion} redraw at the screen's resolution.
 * The content's least and preferred sizes are scaled too, so a scroll pane around the pane
 * scrolls when the zoomed content no longer fits.
 */
public final class ZoomPane extends Region {

    private final Region content;
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1);

    public ZoomPane(Region content) {
        this.content = content;
        content.getTransforms().add(scale);
        getChildren().add(content);
        getStyleClass().add("zoom-pane");
        zoom.addListener((obs, old, now) -> {
            scale.setX(now.doubleValue());
            scale.setY(now.doubleValue());
            requestLayout();
            relayoutCanvases(content);
        });
    }

    /** How much larger than at 100 % the content is drawn: 1 is actual size. */
    public DoubleProperty zoomProperty() {
        return zoom;
    }

    public double getZoom() {
        return zoom.get();
    }

    /** The zoom {@code node} is drawn at: the product of the zooms of the panes it lies in (1 in none). */
    public static double zoomAt(Node node) {
        double product = 1;
        for (Parent p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ZoomPane pane) {
                product *= pane.getZoom();
            }
        }
        return product;
    }

    /** A canvas whose logical size happens to stay the same must still learn its new zoom. */
    private static void relayoutCanvases(Parent parent) {
        for (Node child : parent.getChildrenUnmodifiable()) {
            if (child instanceof CanvasRegion region) {
                region.requestLayout();
            }
            if (child instanceof Parent p) {
                relayoutCanvases(p);
            }
        }
    }

    @Override
    protected void layoutChildren() {
        double z = zoom.get();
        content.resize(snapSizeX(getWidth() / z), snapSizeY(getHeight() / z));
        content.relocate(0, 0);
    }

    @Override
    public Orientation getContentBias() {
        return content.getContentBias();
    }

    @Override
    protected double computeMinWidth(double height) {
        return content.minWidth(height < 0 ? height : height / zoom.get()) * zoom.get();
    }

    @Override
    protected double computeMinHeight(double width) {
        return content.minHeight(width < 0 ? width : width / zoom.get()) * zoom.get();
    }

    @Override
    protected double computePrefWidth(double height) {
        return content.prefWidth(height < 0 ? height : height / zoom.get()) * zoom.get();
    }

    @Override
    protected double computePrefHeight(double width) {
        return content.prefHeight(width < 0 ? width : width / zoom.get()) * zoom.get();
    }
}
