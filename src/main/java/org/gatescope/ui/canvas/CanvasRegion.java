package org.gatescope.ui.canvas;

import javafx.animation.AnimationTimer;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;

/**
 * A resizable canvas that repaints at most once per frame: anything that changes what it shows
 * calls {@link #requestRepaint()}, and an {@link AnimationTimer} paints on the next pulse if
 * something did (the pattern of jfx's MandelbrotSet sample, {@code handleFrame}). The canvas
 * follows the region's size and a new size repaints; the timer runs only while the region is
 * in a scene. Subclasses draw only what is visible, from immutable trace data.
 */
public abstract class CanvasRegion extends Region {

    protected final Canvas canvas = new Canvas();
    private boolean dirty = true;
    private long paints;

    private final AnimationTimer frames = new AnimationTimer() {
        @Override
        public void handle(long now) {
            nextFrame(now);
            if (dirty) {
                paintNow();
            }
        }
    };

    protected CanvasRegion() {
        getChildren().add(canvas);
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                frames.stop();
            } else {
                dirty = true;
                frames.start();
            }
        });
        canvas.widthProperty().addListener(o -> requestRepaint());
        canvas.heightProperty().addListener(o -> requestRepaint());
    }

    /** Marks the view as changed; it repaints on the next frame, once however often this is called. */
    public final void requestRepaint() {
        dirty = true;
    }

    /** Paints now, whatever the frame timer would do (previews and tests). */
    public final void paintNow() {
        dirty = false;
        paints++;
        paint(canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight());
    }

    /** How many times the view has painted, so tests can see that repaints coalesce. */
    public final long paintCount() {
        return paints;
    }

    /**
     * Called at every frame while the view is in a scene, just before it paints if a repaint was
     * requested: where an animation moves on and calls {@link #requestRepaint()}. Does nothing here.
     *
     * @param now the frame's time stamp in nanoseconds, as {@link AnimationTimer#handle} gets it
     */
    protected void nextFrame(long now) {
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

    /** Draws the whole canvas; {@code width} × {@code height} are its size in pixels (either may be 0). */
    protected abstract void paint(GraphicsContext g, double width, double height);
}
