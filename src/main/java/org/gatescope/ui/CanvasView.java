package org.gatescope.ui;

import javafx.animation.AnimationTimer;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;

/**
 * A resizable canvas that repaints at most once per frame: anything that changes what it shows
 * calls {@link #requestRepaint()}, and an {@link AnimationTimer} paints on the next pulse if
 * something did (the pattern of jfx's MandelbrotSet sample). Subclasses draw only what is
 * visible, from immutable trace data.
 */
abstract class CanvasView extends Region {

    protected final Canvas canvas = new Canvas();
    private boolean dirty = true;
    private long paints;

    private final AnimationTimer frames = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (dirty) {
                dirty = false;
                paints++;
                paint(canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight());
            }
        }
    };

    protected CanvasView() {
        getStyleClass().add("canvas-view");
        getChildren().add(canvas);
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                frames.stop();
            } else {
                dirty = true;
                frames.start();
            }
        });
        // A click takes the focus from the sentence field, so that the arrow keys step again.
        addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> requestFocus());
        canvas.widthProperty().addListener(o -> requestRepaint());
        canvas.heightProperty().addListener(o -> requestRepaint());
    }

    /** Marks the view as changed; it repaints on the next frame, once however often this is called. */
    public final void requestRepaint() {
        dirty = true;
    }

    /** How many times the view has painted, so tests can see that repaints coalesce. */
    final long paintCount() {
        return paints;
    }

    /** Where the canvas sits: the whole region unless a subclass leaves room for scroll bars. */
    protected void layoutCanvas(double x, double y, double width, double height) {
        canvas.relocate(snapPositionX(x), snapPositionY(y));
        canvas.setWidth(Math.max(0, snapSizeX(width)));
        canvas.setHeight(Math.max(0, snapSizeY(height)));
    }

    @Override
    protected void layoutChildren() {
        layoutCanvas(0, 0, getWidth(), getHeight());
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

    /** Draws the whole canvas; {@code width} × {@code height} are its size in pixels. */
    protected abstract void paint(GraphicsContext g, double width, double height);
}
