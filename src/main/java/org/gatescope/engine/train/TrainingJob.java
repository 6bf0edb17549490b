package org.gatescope.engine.train;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A {@link Trainer} run on its own daemon thread: the caller gets a future at once and
 * steers the run through {@link #control()}. Progress arrives on the training thread.
 */
public final class TrainingJob {

    private final TrainingControl control = new TrainingControl();
    private final CompletableFuture<Trainer.Result> result = new CompletableFuture<>();

    private TrainingJob() {
    }

    /** Starts training now and returns without waiting. */
    public static TrainingJob start(Trainer trainer, Trainer.Data data, Consumer<TrainingProgress> listener) {
        TrainingJob job = new TrainingJob();
        Thread thread = new Thread(() -> {
            try {
                job.result.complete(trainer.train(data, listener, job.control));
            } catch (Throwable e) {
                job.result.completeExceptionally(e);
            }
        }, "gatescope-training");
        thread.setDaemon(true);
        thread.start();
        return job;
    }

    public TrainingControl control() {
        return control;
    }

    /** Completes with the result, or exceptionally with a CancellationException when cancelled. */
    public CompletableFuture<Trainer.Result> result() {
        return result;
    }
}
