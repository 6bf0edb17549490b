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
        /** Calls it off; a callback that has not run yet never will. Idempotent. */
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
}
