package org.gatescope.ui.task;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * "Latest request wins" on a {@link TaskExecutor}: each submission calls off the one before it,
 * interrupting its work if that is still running, and only the latest submission's callback ever
 * runs, whichever finishes first. For state that follows the user's latest wish: the typed
 * sentence, the chosen model, the text a count is over.
 *
 * <p>Does not rely on the executor to drop stale callbacks (a test's executor may run them in
 * any order): a callback checks that its request is still the latest before it runs. Used on the
 * UI thread only, as the view model that owns it.
 */
public final class LatestRequest {

    /** One submission and, once the executor has accepted it, the handle that calls it off. */
    private static final class Request {
        private TaskExecutor.Cancellable handle;
        private boolean finished;
    }

    private final TaskExecutor executor;
    private Request latest;

    /** @param executor where {@link #submit(Callable, Consumer, Consumer)} sends work */
    public LatestRequest(TaskExecutor executor) {
        this.executor = Objects.requireNonNull(executor);
    }

    /** Calls off the latest request, then runs {@code work} on the executor; see {@link #submit(TaskExecutor, Callable, Consumer, Consumer)}. */
    public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        submit(executor, work, onSuccess, onFailure);
    }

    /**
     * Calls off the latest request, then runs {@code work} on {@code lane} (e.g. the executor's
     * {@link TaskExecutor#files() file lane}); {@code onSuccess} or {@code onFailure} runs only if
     * no request was made or {@link #cancel() cancelled} meanwhile. A callback may submit the
     * next stage of its work here: it stays the latest request until someone asks for another.
     */
    public <T> void submit(TaskExecutor lane, Callable<T> work, Consumer<? super T> onSuccess,
                           Consumer<? super Throwable> onFailure) {
        cancel();
        Request request = new Request();
        latest = request;
        TaskExecutor.Cancellable handle = lane.submit(work, result -> {
            if (finish(request)) {
                onSuccess.accept(result);
            }
        }, failure -> {
            if (finish(request)) {
                onFailure.accept(failure);
            }
        });
        request.handle = handle; // the calling-thread executor has already called back by now
    }

    private boolean finish(Request request) {
        if (request != latest || request.finished) {
            return false; // a newer request was made, or this one was called off
        }
        request.finished = true;
        return true;
    }

    /** Calls off the latest request: its callback never runs, and its work is interrupted if running. */
    public void cancel() {
        Request request = latest;
        latest = null;
        if (request != null && !request.finished) {
            request.finished = true;
            if (request.handle != null) {
                request.handle.cancel();
            }
        }
    }

    /** Whether the latest request is still waiting for its result. */
    public boolean isPending() {
        return latest != null && !latest.finished;
    }
}
