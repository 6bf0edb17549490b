package org.gatescope.ui.task;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * The app's {@link TaskExecutor}: one daemon worker thread, so tasks run in the order they were
 * submitted (a trace, then the reach and the ablation of it), a second daemon thread for
 * {@link #files() file work}, and callbacks on the FX thread. A daemon timer thread serves
 * {@link #schedule}. Cancelling a task interrupts it if it is running.
 */
public final class BackgroundExecutor implements TaskExecutor, AutoCloseable {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final Lane worker;
    private final Lane files;
    private final ScheduledExecutorService timer;

    public BackgroundExecutor() {
        int pool = POOLS.incrementAndGet();
        worker = new Lane(Executors.newSingleThreadExecutor(daemon("gatescope-worker-" + pool)));
        files = new Lane(Executors.newSingleThreadExecutor(daemon("gatescope-files-" + pool)));
        timer = Executors.newSingleThreadScheduledExecutor(daemon("gatescope-timer-" + pool));
    }

    @Override
    public <T> Cancellable submit(Callable<T> work, Consumer<? super T> onSuccess,
                                  Consumer<? super Throwable> onFailure) {
        return worker.submit(work, onSuccess, onFailure);
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

    /** The file lane: its own thread, the same timer and the same FX-thread callbacks. */
    @Override
    public TaskExecutor files() {
        return files;
    }

    @Override
    public void close() {
        worker.service.shutdownNow();
        files.service.shutdownNow();
        timer.shutdownNow();
    }

    /** One worker thread whose results come back on the FX thread. */
    private final class Lane implements TaskExecutor {

        private final ExecutorService service;

        Lane(ExecutorService service) {
            this.service = service;
        }

        @Override
        public <T> Cancellable submit(Callable<T> work, Consumer<? super T> onSuccess,
                                      Consumer<? super Throwable> onFailure) {
            AtomicBoolean cancelled = new AtomicBoolean();
            Future<?> future = service.submit(() -> {
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
                future.cancel(true);
            };
        }

        @Override
        public Cancellable schedule(Duration delay, Runnable action) {
            return BackgroundExecutor.this.schedule(delay, action);
        }

        @Override
        public TaskExecutor files() {
            return this;
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
