package org.gatescope.ui.app;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Tells when JavaFX's render thread has finished a frame of a scene: the scene's performance tracker
 * calls one task after every frame, and this shares that one slot between the start-up's hand-overs
 * ({@link #afterNextFrame}: the opening frame to the window's controls) and the start-up log
 * ({@link FirstFrame}).
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

    /**
     * Calls {@code action} once, on the FX thread, after the render thread has finished {@code scene}'s next
     * frame; after its next pulse where frames cannot be followed; after {@code longestWaitMillis} in any
     * case, should no frame be drawn (a window the system does not draw). Call on the FX thread.
     */
    static void afterNextFrame(Scene scene, Runnable action, long longestWaitMillis) {
        AtomicBoolean done = new AtomicBoolean();
        Runnable once = () -> {
            if (done.compareAndSet(false, true)) {
                action.run();
            }
        };
        Optional<RenderedFrames> frames = of(scene);
        if (frames.isEmpty()) {
            afterNextPulse(scene, once);
            return;
        }
        Runnable[] drawn = new Runnable[1];
        drawn[0] = () -> { // render thread
            frames.get().remove(drawn[0]);
            Platform.runLater(once);
        };
        frames.get().add(drawn[0]);
        CompletableFuture.delayedExecutor(longestWaitMillis, TimeUnit.MILLISECONDS).execute(() -> Platform.runLater(once));
    }

    /** Calls {@code action} on the FX thread after {@code scene}'s next pulse (laid out, painted, handed to the render thread). */
    private static void afterNextPulse(Scene scene, Runnable action) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            // after the pulse, not inside it: the frame is handed over at the pulse's end
            Platform.runLater(action);
        };
        scene.addPostLayoutPulseListener(once[0]);
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
