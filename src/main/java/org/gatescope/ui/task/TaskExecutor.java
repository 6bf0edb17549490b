package org.gatescope.ui.task;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The one door between view models and threads: work goes to a background thread in the app
 * ({@link BackgroundExecutor}) and runs on the calling thread in tests ({@link CallingThreadExecutor}),
 * so view-model tests are deterministic. Results and failures always come back on the thread
 * that owns the view model's state (the FX application thread in the app).
 */
public interface TaskExecutor {

    /** A submitted task or scheduled action that may still be called off. */
    interface Cancellable {
        /**
         * Calls it off: a callback that has not run yet never will, and work already running is
         * interrupted (it may stop early or finish unheard). Idempotent.
         */
        void cancel();
    }

    /**
     * Runs {@code work} away from the UI thread, then {@code onSuccess} with its result or
     * {@code onFailure} with what it threw, on the UI thread.
     *
     * @param work must only read immutable inputs; it may run on any thread
     */
    <T> Cancellable submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

    /** Runs {@code action} on the UI thread once {@code delay} has passed (debouncing). */
    Cancellable schedule(Duration delay, Runnable action);

    /**
     * The lane for file reads and writes (model files, exports, saves) and for the gate-saturation
     * count: a thread of their own in the app, so a slow disk never holds up a trace and a trace
     * never holds up a save, and neither ever runs on the UI thread. Callbacks come back on the
     * UI thread as for {@link #submit}. An executor without a second lane returns itself.
     */
    default TaskExecutor files() {
        return this;
    }
}
