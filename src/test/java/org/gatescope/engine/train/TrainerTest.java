package org.gatescope.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.ModelSpec;
import org.gatescope.engine.Weights;
import org.gatescope.text.Vocabulary;
import org.junit.jupiter.api.Test;

/** The trainer learns, is deterministic for a seed, reports progress at a bounded rate and can be stopped. */
class TrainerTest {

    private static final Vocabulary VOCABULARY = AgreementTask.vocabulary();

    private static Trainer.Data smallData(long seed) {
        return AgreementTask.data(VOCABULARY, seed, 300, 100);
    }

    private static TrainingConfig config(CellKind cell, int epochs) {
        return TrainingConfig.defaults(cell, 6, 5, 7, epochs);
    }

    @Test
    void sameSeedGivesIdenticalWeights() {
        Trainer.Result first = new Trainer(config(CellKind.LSTM, 2), 0, 0).train(smallData(7), p -> { },
                new TrainingControl());
        Trainer.Result second = new Trainer(config(CellKind.LSTM, 2), 0, 0).train(smallData(7), p -> { },
                new TrainingControl());
        for (int i = 0; i < first.weights().parameters().size(); i++) {
            assertArrayEquals(first.weights().parameters().get(i).values().data,
                    second.weights().parameters().get(i).values().data,
                    first.weights().parameters().get(i).name());
        }
    }

    @Test
    void trainingLowersTheLoss() {
        List<TrainingProgress> reports = new ArrayList<>();
        new Trainer(config(CellKind.GRU, 3), 0, 0).train(smallData(3), reports::add, new TrainingControl());
        List<TrainingProgress> epochs = reports.stream().filter(TrainingProgress::epochEnd).toList();
        assertEquals(3, epochs.size());
        assertTrue(epochs.get(2).validationLoss() < epochs.get(0).validationLoss(),
                "validation loss should fall: " + epochs.get(0).validationLoss() + " -> "
                        + epochs.get(2).validationLoss());
    }

    @Test
    void progressIsRateLimitedButEveryEpochEndIsReported() {
        List<TrainingProgress> reports = new ArrayList<>();
        new Trainer(config(CellKind.RNN, 2), 60_000, 0).train(smallData(1), reports::add, new TrainingControl());
        assertEquals(2, reports.size(), "with a minute between reports only the two epoch ends arrive");
        assertTrue(reports.stream().allMatch(TrainingProgress::epochEnd));
        assertEquals(1.0, reports.get(1).fractionDone(), 1e-12);
    }

    @Test
    void snapshotsCarryACopyOfTheWeights() {
        List<TrainingProgress> reports = new ArrayList<>();
        new Trainer(config(CellKind.LSTM, 1), 60_000, 3).train(smallData(1), reports::add, new TrainingControl());
        assertTrue(reports.stream().anyMatch(p -> !p.epochEnd() && p.weights() != null));
    }

    @Test
    void validatingWithinEpochsAddsPointsAndChangesNoWeight() {
        List<TrainingProgress> reports = new ArrayList<>();
        Trainer.Result plain = new Trainer(config(CellKind.LSTM, 2), 60_000, 0).train(smallData(7), p -> { },
                new TrainingControl());
        Trainer.Result often = new Trainer(config(CellKind.LSTM, 2), 60_000, 0, 4).train(smallData(7), reports::add,
                new TrainingControl());
        // 300 sentences in batches of 32: 10 steps an epoch; every 4th step validated, and each epoch's end
        assertEquals(List.of(4L, 8L, 10L, 12L, 16L, 20L),
                reports.stream().map(TrainingProgress::validationStep).distinct().toList());
        assertTrue(reports.stream().allMatch(p -> Double.isFinite(p.validationAccuracy())));
        for (int i = 0; i < plain.weights().parameters().size(); i++) {
            assertArrayEquals(plain.weights().parameters().get(i).values().data,
                    often.weights().parameters().get(i).values().data, "validation only measures");
        }
    }

    @Test
    void aPausedOrCancelledRunReportsItsWeightsAsTheyStand() {
        TrainingControl control = new TrainingControl();
        List<TrainingProgress> reports = new ArrayList<>();
        assertThrows(CancellationException.class, () -> new Trainer(config(CellKind.GRU, 1), 0, 0)
                .train(smallData(1), p -> {
                    reports.add(p);
                    if (p.step() == 3 && p.weights() == null) {
                        control.cancel();
                    }
                }, control));
        TrainingProgress last = reports.get(reports.size() - 1);
        assertEquals(3, last.step(), "reported where it stopped");
        assertTrue(last.weights() != null, "with the weights, so they can be kept");
    }

    @Test
    void cancellingStopsTheBackgroundJob() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        TrainingControl control = new TrainingControl();
        CompletableFuture<Trainer.Result> result = inBackground(new Trainer(config(CellKind.LSTM, 500), 0, 0),
                smallData(2), p -> started.countDown(), control);
        assertTrue(started.await(30, TimeUnit.SECONDS));
        control.cancel();
        // A future completed with a CancellationException rethrows it as it is.
        assertThrows(CancellationException.class, () -> result.get(30, TimeUnit.SECONDS));
    }

    @Test
    void pausedJobMakesNoProgressUntilResumed() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        List<Long> steps = new java.util.concurrent.CopyOnWriteArrayList<>();
        TrainingControl control = new TrainingControl();
        CompletableFuture<Trainer.Result> job = inBackground(new Trainer(config(CellKind.GRU, 2), 0, 0),
                smallData(2), p -> {
                    steps.add(p.step());
                    started.countDown();
                }, control);
        assertTrue(started.await(30, TimeUnit.SECONDS));
        control.pause();
        Thread.sleep(200); // let a step in flight finish
        int seen = steps.size();
        Thread.sleep(300);
        assertEquals(seen, steps.size(), "no steps while paused");
        control.resume();
        Trainer.Result result = job.get(60, TimeUnit.SECONDS);
        assertEquals(2, result.epochsRun());
    }

    @Test
    void pausedTimeIsLeftOutOfTheElapsedTimeAndSoOutOfTheTimeLeft() {
        TrainingControl control = new TrainingControl();
        List<TrainingProgress> reports = new ArrayList<>();
        long pauseNanos = TimeUnit.MILLISECONDS.toNanos(400);
        long wallStart = System.nanoTime();
        new Trainer(config(CellKind.RNN, 1), 0, 0).train(smallData(1), p -> {
            reports.add(p);
            if (p.step() == 1) { // pause on the training thread; another thread resumes after 400 ms
                control.pause();
                new Thread(() -> {
                    try {
                        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(pauseNanos));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    control.resume();
                }).start();
            }
        }, control);
        double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
        double elapsed = reports.get(reports.size() - 1).elapsedSeconds();
        assertTrue(wallSeconds - elapsed >= pauseNanos / 1e9,
                "the 0.4 s pause is not training time: wall " + wallSeconds + " s, elapsed " + elapsed + " s");
    }

    @Test
    void clippingBoundsTheGradientNorm() {
        Weights gradients = new Weights(ModelSpec.of(CellKind.RNN, 3, 2, 2));
        java.util.Arrays.fill(gradients.weightHh.data, 10.0);
        Trainer.clip(gradients, 1.0);
        double norm = 0;
        for (Weights.Parameter p : gradients.parameters()) {
            for (double g : p.values().data) {
                norm += g * g;
            }
        }
        assertEquals(1.0, Math.sqrt(norm), 1e-12);
    }

    /** Runs {@code trainer} on a daemon thread of its own, as the train window's executor does. */
    private static CompletableFuture<Trainer.Result> inBackground(Trainer trainer, Trainer.Data data,
                                                                 Consumer<TrainingProgress> listener,
                                                                 TrainingControl control) {
        CompletableFuture<Trainer.Result> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(trainer.train(data, listener, control));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "test-training");
        thread.setDaemon(true);
        thread.start();
        return result;
    }
}
