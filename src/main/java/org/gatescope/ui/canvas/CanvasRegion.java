package org.gatescope.ui.canvas;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;

/**
 * A resizable canvas that repaints at most once per frame: anything that changes what it shows
 * calls {@link #requestRepaint()}, and an {@link AnimationTimer} paints on the next pulse (the
 * pattern of jfx's MandelbrotSet sample, {@code handleFrame}). The timer runs only while there is
 * something to paint and the region is in a scene: a frame with nothing to paint stops it. The
 * canvas follows the region's size and a new size repaints. Subclasses draw only what is
 * visible, from immutable trace data.
 *
 * <p>Inside a {@link ZoomPane} the region lays out in the zoomed (logical) coordinates like any
 * node there, but its drawing stays sharp: a canvas scaled by a transform is a scaled bitmap, so
 * while zoomed the region paints into a second canvas of the screen's size, scaled back by the
 * inverse transform, with the graphics context scaled by the zoom. {@link #canvas} then stays in
 * place, empty, for the mouse handlers and the sizes in logical px. A new palette
 * ({@link CanvasTheme#use}) repaints every region.
 *
 * <p>Listeners on longer-lived objects (view models, a shared axis) go through
 * {@link #whileShowing}: they are attached while the region is in a scene and removed when it
 * leaves it, so a view taken out of the window is neither kept alive nor updated by them.
 */
public abstract class CanvasRegion extends Region {

    static {
        // Canvas text is laid out on JavaFX's render thread: keep it from sharing a glyph layout
        // with the FX thread's controls (see GlyphLayoutPin).
        GlyphLayoutPin.install();
    }

    protected final Canvas canvas = new Canvas();
    /** What is drawn while zoomed: the screen's pixels, scaled back into the region's coordinates. */
    private final Canvas pixels = new Canvas();
    private final javafx.scene.transform.Scale unzoom = new javafx.scene.transform.Scale(1, 1, 0, 0);
    /** The zoom of the enclosing {@link ZoomPane}s at the last layout (1 outside one). */
    private double zoom = 1;
    private final double prefHeight;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private boolean dirty = true;
    private boolean running;
    private long paints;

    private final AnimationTimer frames = new AnimationTimer() {
        @Override
        public void handle(long now) {
            nextFrame(now);
            if (dirty) {
                paintNow();
            } else {
                stopFrames();
            }
        }
    };

    /**
     * How large the region asks to be, in px. The preferred height is computed (a subclass may
     * override {@code computePrefHeight} to make it depend on what it shows); the rest are set.
     */
    public record Size(double prefWidth, double prefHeight, double minWidth, double minHeight) {
    }

    /** A listener attached while the region is in a scene. */
    private record Subscription(Observable observable, InvalidationListener listener) {
    }

    protected CanvasRegion(Size size) {
        prefHeight = size.prefHeight();
        setPrefWidth(size.prefWidth());
        setMinSize(size.minWidth(), size.minHeight());
        pixels.setMouseTransparent(true);
        pixels.setVisible(false);
        pixels.setManaged(false);
        pixels.getTransforms().add(unzoom);
        getChildren().addAll(pixels, canvas);
        whileShowing(CanvasTheme.paletteProperty(), o -> requestRepaint());
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                stopFrames();
                subscriptions.forEach(s -> s.observable().removeListener(s.listener()));
            } else if (old == null) {
                subscriptions.forEach(s -> s.observable().addListener(s.listener()));
                shown();
                requestRepaint();
            }
        });
        canvas.widthProperty().addListener(o -> requestRepaint());
        canvas.heightProperty().addListener(o -> requestRepaint());
        pixels.widthProperty().addListener(o -> requestRepaint());
        pixels.heightProperty().addListener(o -> requestRepaint());
    }

    /**
     * Listens to {@code observable} while the region is in a scene (from now on if it is).
     * What changed meanwhile is caught up in {@link #shown()}.
     */
    protected final void whileShowing(Observable observable, InvalidationListener listener) {
        subscriptions.add(new Subscription(observable, listener));
        if (getScene() != null) {
            observable.addListener(listener);
        }
    }

    /** Called when the region enters a scene, after its listeners are attached: catch up here. Does nothing here. */
    protected void shown() {
    }

    /** Marks the view as changed; it repaints on the next frame, once however often this is called. */
    public final void requestRepaint() {
        dirty = true;
        if (!running && getScene() != null) {
            running = true;
            frames.start();
        }
    }

    /** Whether the frame timer runs (tests: it stops once nothing is left to paint). */
    public final boolean isRepaintPending() {
        return running;
    }

    private void stopFrames() {
        frames.stop();
        running = false;
    }

    /** Paints now, whatever the frame timer would do (previews and tests). */
    public final void paintNow() {
        dirty = false;
        paints++;
        if (zoom == 1) {
            paint(canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight());
            return;
        }
        GraphicsContext g = pixels.getGraphicsContext2D();
        g.save();
        g.scale(pixels.getWidth() / Math.max(1e-9, canvas.getWidth()),
                pixels.getHeight() / Math.max(1e-9, canvas.getHeight()));
        paint(g, canvas.getWidth(), canvas.getHeight());
        g.restore();
    }

    /** The zoom the region is drawn at: 1, or the product of the enclosing {@link ZoomPane}s' zooms. */
    public final double zoom() {
        return zoom;
    }

    /** How many times the view has painted, so tests can see that repaints coalesce. */
    public final long paintCount() {
        return paints;
    }

    /**
     * Called at every frame while the timer runs, just before the view paints if a repaint was
     * requested: where an animation moves on and calls {@link #requestRepaint()} (which keeps the
     * timer running). Does nothing here.
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
        double now = ZoomPane.zoomAt(this);
        if (now != zoom) {
            zoom = now;
            pixels.setVisible(zoom != 1);
            // what the other canvas showed would stay under (or over) the new one
            canvas.getGraphicsContext2D().clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
            pixels.getGraphicsContext2D().clearRect(0, 0, pixels.getWidth(), pixels.getHeight());
            requestRepaint();
        }
        if (zoom == 1) {
            pixels.setWidth(0);
            pixels.setHeight(0);
        } else {
            // whole screen pixels, the transform taking them back to the canvas's logical size
            double w = Math.max(0, Math.round(canvas.getWidth() * zoom));
            double h = Math.max(0, Math.round(canvas.getHeight() * zoom));
            pixels.setWidth(w);
            pixels.setHeight(h);
            unzoom.setX(canvas.getWidth() == 0 ? 1 : canvas.getWidth() / Math.max(1, w));
            unzoom.setY(canvas.getHeight() == 0 ? 1 : canvas.getHeight() / Math.max(1, h));
            pixels.relocate(canvas.getLayoutX(), canvas.getLayoutY());
        }
    }

    @Override
    protected void layoutChildren() {
        layoutCanvas(0, 0, getWidth(), getHeight());
    }

    @Override
    protected double computePrefHeight(double width) {
        return prefHeight;
    }

    /** Draws the whole canvas; {@code width} × {@code height} are its size in pixels (either may be 0). */
    protected abstract void paint(GraphicsContext g, double width, double height);
}
