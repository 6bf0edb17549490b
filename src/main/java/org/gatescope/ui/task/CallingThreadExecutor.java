package org.gatescope.ui.task;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs every task, and every scheduled action, at once on the calling thread: view-model
 * tests see the effect of a call as soon as it returns, with no waiting and no FX thread.
 */
public final class CallingThreadExecutor implements TaskExecutor {

    private static final Cancellable DONE = () -> { };

    public CallingThreadExecutor() {
        // stateless
    }

    @Override
    public <T> Cancellable submit(Callable<T> work, Consumer<? super T> onSuccess,
                                  Consumer<? super Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception | Error e) {
            onFailure.accept(e);
            return DONE;
        }
        onSuccess.accept(result);
        return DONE;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        action.run();
        return DONE;
    }
}
