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
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * The app's {@link TaskExecutor}: one daemon worker thread, so tasks run in the order they were
 * submitted (a trace, then the reach and the ablation of it), a second daemon thread for
 * {@link #files() file work}, and callbacks on the FX thread. A daemon timer thread serves
 * {@link #schedule}. Cancelling a task interrupts it if it is running.
 *
 * <p>It knows when it is idle: it counts the tasks and scheduled actions submitted and not yet
 * finished (a task finishes when its callback has run on the FX thread, or when it is called
 * off), and {@link #whenIdle} tells the window's tests when nothing is pending and the FX thread
 * has laid out and painted what the last callback changed.
 */
public final class BackgroundExecutor implements TaskExecutor, AutoCloseable {

    private static final AtomicInteger POOLS = new AtomicInteger();
    /** Pulses in a row with nothing pending before {@link #whenIdle} calls the window idle. */
    static final int QUIET_PULSES = 2;

    private final Lane worker;
    private final Lane files;
    private final ScheduledExecutorService timer;
    /** Tasks and scheduled actions submitted and not yet finished: run with their callback, or called off. */
    private final AtomicInteger pending = new AtomicInteger();

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
        Runnable finish = finisher();
        Future<?> future = timer.schedule(() -> Platform.runLater(() -> {
            try {
                if (!cancelled.get()) {
                    action.run();
                }
            } finally {
                finish.run();
            }
        }), delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> {
            cancelled.set(true);
            future.cancel(false);
            finish.run();
        };
    }

    /**
     * How many tasks and scheduled actions are submitted and not yet finished, on either lane and
     * the timer: a task counts until its callback has run on the FX thread or it is called off.
     */
    public int pendingTasks() {
        return pending.get();
    }

    /**
     * Runs {@code action} on the FX thread once the window is idle: no task or scheduled action
     * pending ({@link #pendingTasks()} is 0) for {@value #QUIET_PULSES} pulses in a row, so what
     * the last callback changed has been laid out and painted: a canvas asks for its repaint in
     * one pulse and paints in the next. Runs inside the last pulse's animation phase; post from it
     * ({@code Platform.runLater}) to read the window after that pulse's layout. Waits on pulses,
     * never on a clock.
     */
    public void whenIdle(Runnable action) {
        new AnimationTimer() {
            private int quiet;

            @Override
            public void handle(long now) {
                quiet = pending.get() == 0 ? quiet + 1 : 0;
                if (quiet >= QUIET_PULSES) {
                    stop();
                    action.run();
                }
            }
        }.start();
    }

    /** Counts one more pending task; the runnable returned counts it finished, once however often it is run. */
    private Runnable finisher() {
        pending.incrementAndGet();
        AtomicBoolean finished = new AtomicBoolean();
        return () -> {
            if (finished.compareAndSet(false, true)) {
                pending.decrementAndGet();
            }
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
            Runnable finish = finisher();
            Future<?> future = service.submit(() -> {
                if (cancelled.get()) {
                    finish.run();
                    return;
                }
                try {
                    T result = work.call();
                    Platform.runLater(() -> {
                        try {
                            if (!cancelled.get()) {
                                onSuccess.accept(result);
                            }
                        } finally {
                            finish.run();
                        }
                    });
                } catch (Throwable e) {
                    // Errors too: a task must never vanish without its callback.
                    Platform.runLater(() -> {
                        try {
                            if (!cancelled.get()) {
                                onFailure.accept(e);
                            }
                        } finally {
                            finish.run();
                        }
                    });
                }
            });
            return () -> {
                cancelled.set(true);
                future.cancel(true);
                // Called off: its callback will never run, so nothing of it is pending any more.
                finish.run();
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
