package org.gatescope.ui;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.gatescope.ui.task.TaskExecutor;

/**
 * A {@link TaskExecutor} the test drives by hand: tasks and scheduled actions wait in queues
 * until the test runs them, in any order. Cancelling does not remove a task (it may already
 * be running on a real worker), so a view model must drop stale results itself; it is only noted.
 */
public final class ManualExecutor implements TaskExecutor {

    /** A queued task. */
    public final class Task<T> {
        private final Callable<T> work;
        private final Consumer<? super T> onSuccess;
        private final Consumer<? super Throwable> onFailure;
        private boolean cancelled;

        Task(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
            this.work = work;
            this.onSuccess = onSuccess;
            this.onFailure = onFailure;
        }

        public void run() {
            tasks.remove(this);
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                onFailure.accept(e);
                return;
            }
            onSuccess.accept(result);
        }

        /** Whether the view model called this task off (it still runs if the test runs it). */
        public boolean isCancelled() {
            return cancelled;
        }
    }

    public final List<Task<?>> tasks = new ArrayList<>();
    public final List<Runnable> scheduled = new ArrayList<>();

    @Override
    public <T> Cancellable submit(Callable<T> work, Consumer<? super T> onSuccess,
                                  Consumer<? super Throwable> onFailure) {
        Task<T> task = new Task<>(work, onSuccess, onFailure);
        tasks.add(task);
        return () -> task.cancelled = true;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        scheduled.add(action);
        return () -> scheduled.remove(action);
    }

    /** Runs every queued task in order, including those they queue. */
    public void runAll() {
        while (!tasks.isEmpty()) {
            tasks.get(0).run();
        }
    }

    /** Fires the scheduled actions still pending. */
    public void fireScheduled() {
        List<Runnable> due = new ArrayList<>(scheduled);
        scheduled.clear();
        due.forEach(Runnable::run);
    }
}
