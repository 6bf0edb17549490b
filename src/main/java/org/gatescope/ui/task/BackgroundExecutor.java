package org.gatescope.ui.task;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * The app's {@link TaskExecutor}: one daemon worker thread, so tasks run in the order they were
 * submitted (a model load, then the traces typed after it), and callbacks on the FX thread.
 * A daemon timer thread serves {@link #schedule}.
 */
public final class BackgroundExecutor implements TaskExecutor, AutoCloseable {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final ExecutorService worker;
    private final ScheduledExecutorService timer;

    public BackgroundExecutor() {
        int pool = POOLS.incrementAndGet();
        worker = Executors.newSingleThreadExecutor(daemon("gatescope-worker-" + pool));
        timer = Executors.newSingleThreadScheduledExecutor(daemon("gatescope-timer-" + pool));
    }

    @Override
    public <T> Cancellable submit(Callable<T> work, Consumer<? super T> onSuccess,
                                  Consumer<? super Throwable> onFailure) {
        AtomicBoolean cancelled = new AtomicBoolean();
        Future<?> future = worker.submit(() -> {
            if (cancelled.get()) {
                return;
            }
            try {
                T result = work.call();
                Platform.runLater(() -> {
                    if (!cancelled.get()) {
                        onSuccess.accept(result);
                    }
                });
            } catch (Throwable e) {
                // Errors too: a task must never vanish without its callback.
                Platform.runLater(() -> {
                    if (!cancelled.get()) {
                        onFailure.accept(e);
                    }
                });
            }
        });
        return () -> {
            cancelled.set(true);
            future.cancel(false);
        };
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        AtomicBoolean cancelled = new AtomicBoolean();
        Future<?> future = timer.schedule(() -> Platform.runLater(() -> {
            if (!cancelled.get()) {
                action.run();
            }
        }), delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> {
            cancelled.set(true);
            future.cancel(false);
        };
    }

    @Override
    public void close() {
        worker.shutdownNow();
        timer.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
