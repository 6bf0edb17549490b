package org.gatescope.ui.app;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;

/**
 * Tells the {@link StartupLog} when the first frame that shows the lecture sentence's trace has been
 * drawn: not when the stage is shown (an empty window), nor when the trace reaches the view model,
 * but when JavaFX's render thread has finished the frame of the first pulse after that; and, when
 * the window opens on its {@link OpeningFrame}, when that frame, the scene's first, was drawn.
 *
 * <p>How, exactly: the trace arrives on the FX thread between pulses; the canvases paint it in the
 * next pulse's animation phase, and the scene is copied to the render thread in the same pulse,
 * after waiting for the previous frame to finish. A listener that runs after every scene's pulse
 * (JavaFX's post-scene pulse listener) therefore sees every earlier frame finished and the trace's
 * frame not begun: the trace is in the frame after the ones counted then. Frames are counted by the
 * scene's performance tracker on the render thread. Both hooks are JavaFX internals, reached
 * reflectively and only with {@code -Dgatescope.startupLog=true}; on the module path the launch
 * exports them ({@code --add-exports javafx.graphics/com.sun.javafx.tk=org.gatescope} and
 * {@code com.sun.javafx.perf}, as the pom's launches do). Without them the log says so.
 */
final class FirstFrame {

    private final Scene scene;
    private final AtomicLong framesRendered = new AtomicLong();
    /** The count the trace's frame brings framesRendered to; 0 until known. */
    private volatile long target;
    /** Whether the scene's first frame is the {@link OpeningFrame}, logged as the first frame when drawn. */
    private volatile boolean opening;
    private boolean traceShown;
    /** Whether the hooks are in: false when the log is off or JavaFX's internals could not be reached. */
    private boolean installed;
    /** Held here: JavaFX keeps its pulse listeners in a weak map. */
    private Object pulseListener;

    private FirstFrame(Scene scene) {
        this.scene = scene;
    }

    /** A watcher of {@code scene}'s frames; it logs nothing until told what to look for (FX thread). */
    static FirstFrame of(Scene scene) {
        FirstFrame watcher = new FirstFrame(scene);
        if (StartupLog.ENABLED) {
            try {
                watcher.install();
                watcher.installed = true;
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                StartupLog.mark("(frames cannot be watched: " + e + "; the log stops at the trace)");
            }
        }
        return watcher;
    }

    /** Logs the scene's first frame, the {@link OpeningFrame}, when it is drawn; call before the stage is shown. */
    void watchOpening() {
        opening = true;
    }

    /** Logs the first frame drawn once {@code trace} has a value (FX thread). */
    void watch(ObservableValue<?> trace) {
        if (!StartupLog.ENABLED) {
            return;
        }
        if (!installed) {
            trace.addListener((obs, old, now) -> StartupLog.mark("trace shown, its frame not watched"));
            return;
        }
        trace.addListener((obs, old, now) -> {
            if (now != null && !traceShown) {
                traceShown = true;
                StartupLog.mark("trace shown (its frame is the next)");
            }
        });
    }

    private void install() throws ReflectiveOperationException {
        RenderedFrames.of(scene).orElseThrow(() -> new IllegalStateException("JavaFX's performance tracker is out of"
                + " reach (on the module path: --add-exports javafx.graphics/com.sun.javafx.perf=org.gatescope)"))
                .add(this::frameRendered);

        Class<?> toolkits = Class.forName("com.sun.javafx.tk.Toolkit");
        Class<?> listeners = Class.forName("com.sun.javafx.tk.TKPulseListener");
        Object toolkit = toolkits.getMethod("getToolkit").invoke(null);
        InvocationHandler handler = (proxy, method, args) -> {
            switch (method.getName()) {
                case "pulse" -> afterScenePulse();
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                case "toString" -> {
                    return "FirstFrame";
                }
                default -> {
                    // TKPulseListener has one method
                }
            }
            return null;
        };
        pulseListener = Proxy.newProxyInstance(FirstFrame.class.getClassLoader(), new Class<?>[] {listeners}, handler);
        toolkits.getMethod("addPostSceneTkPulseListener", listeners).invoke(toolkit, pulseListener);
    }

    /** FX thread, after every scene's pulse: the first pulse after the trace arrived fixes the frame. */
    private void afterScenePulse() {
        if (!traceShown || target != 0) {
            return;
        }
        target = framesRendered.get() + 1;
    }

    /** Render thread, after each frame of the scene is on the screen. */
    private void frameRendered() {
        long count = framesRendered.incrementAndGet();
        if (count == 1 && opening) {
            StartupLog.firstFrame("the lecture sentence's diagram (the window's controls follow)");
        }
        long wanted = target;
        if (wanted != 0 && count == wanted) {
            if (!opening) { // the window's own frame was its first
                StartupLog.firstFrame("the window with the lecture sentence's trace");
            }
            StartupLog.drawn("the window with the lecture sentence's trace");
        }
    }
}
