package org.gatescope.ui.app;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Scene;

/**
 * Tells when JavaFX's render thread has finished a frame of a scene: the scene's performance tracker
 * calls one task after every frame, and this shares that one slot between the opening frame's hand-over
 * ({@link OpeningFrame#replaceOnceDrawn}) and the start-up log ({@link FirstFrame}).
 *
 * <p>The tracker is a JavaFX internal ({@code com.sun.javafx.perf}), reached reflectively: on the module
 * path the launch exports it ({@code --add-exports javafx.graphics/com.sun.javafx.perf=org.gatescope},
 * as the launcher and {@code javafx:run} do); on the class path nothing needs exporting. Where it cannot
 * be reached, {@link #of} is empty and callers fall back on pulses.
 */
final class RenderedFrames {

    private static final Object KEY = RenderedFrames.class;

    /** Run on the render thread after each frame; removed by themselves. */
    private final List<Runnable> tasks = new CopyOnWriteArrayList<>();

    private RenderedFrames() {
    }

    /** The frames of {@code scene}, the hook installed at the first call; empty if JavaFX's tracker is out of reach. FX thread. */
    static Optional<RenderedFrames> of(Scene scene) {
        if (scene.getProperties().get(KEY) instanceof RenderedFrames known) {
            return Optional.of(known);
        }
        try {
            Class<?> trackers = Class.forName("com.sun.javafx.perf.PerformanceTracker");
            Object tracker = trackers.getMethod("getSceneTracker", Scene.class).invoke(null, scene);
            RenderedFrames frames = new RenderedFrames();
            trackers.getMethod("setOnRenderedFrameTask", Runnable.class).invoke(tracker, (Runnable) frames::rendered);
            scene.getProperties().put(KEY, frames);
            return Optional.of(frames);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** Runs {@code task} on the render thread after each frame from now on, until {@link #remove removed}. */
    void add(Runnable task) {
        tasks.add(task);
    }

    void remove(Runnable task) {
        tasks.remove(task);
    }

    private void rendered() {
        for (Runnable task : tasks) {
            task.run();
        }
    }
}
