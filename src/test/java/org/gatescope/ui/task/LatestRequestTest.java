package org.gatescope.ui.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import org.gatescope.ui.ManualExecutor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

class LatestRequestTest {

    @BeforeAll
    static void startFx() throws TimeoutException {
        FxToolkit.registerPrimaryStage(); // BackgroundExecutor calls back on the FX thread
    }

    @Test
    void aStaleResultIsDroppedWhateverOrderTheWorkFinishesIn() {
        ManualExecutor executor = new ManualExecutor();
        LatestRequest latest = new LatestRequest(executor);
        List<String> results = new ArrayList<>();

        latest.submit(() -> "old", results::add, failure -> results.add("failed"));
        latest.submit(() -> "new", results::add, failure -> results.add("failed"));
        executor.tasks.get(1).run();
        executor.tasks.get(0).run();

        assertEquals(List.of("new"), results);
        assertFalse(latest.isPending());
    }

    @Test
    void aNewRequestCallsTheOldOneOff() {
        ManualExecutor executor = new ManualExecutor();
        LatestRequest latest = new LatestRequest(executor);

        latest.submit(() -> "old", r -> { }, f -> { });
        latest.submit(() -> "new", r -> { }, f -> { });

        assertTrue(executor.tasks.get(0).isCancelled());
        assertFalse(executor.tasks.get(1).isCancelled());
        assertTrue(latest.isPending());
    }

    @Test
    void theFailureOfAStaleRequestIsDropped() {
        ManualExecutor executor = new ManualExecutor();
        LatestRequest latest = new LatestRequest(executor);
        List<String> heard = new ArrayList<>();

        latest.submit(() -> {
            throw new IllegalStateException("stale");
        }, r -> heard.add("ok"), failure -> heard.add(failure.getMessage()));
        latest.submit(() -> "new", heard::add, failure -> heard.add(failure.getMessage()));
        executor.tasks.get(0).run();
        executor.tasks.get(0).run();

        assertEquals(List.of("new"), heard);
    }

    @Test
    void aCancelledRequestNeverCallsBack() {
        ManualExecutor executor = new ManualExecutor();
        LatestRequest latest = new LatestRequest(executor);
        List<String> heard = new ArrayList<>();

        latest.submit(() -> "result", heard::add, failure -> heard.add("failed"));
        latest.cancel();
        executor.runAll();

        assertEquals(List.of(), heard);
        assertFalse(latest.isPending());
    }

    @Test
    void aCallbackMaySubmitTheNextStageOnAnotherLane() {
        LatestRequest latest = new LatestRequest(new CallingThreadExecutor());
        List<String> heard = new ArrayList<>();

        latest.submit(() -> "read", read -> latest.submit(new CallingThreadExecutor(), () -> read + ", traced",
                heard::add, f -> heard.add("failed")), f -> heard.add("failed"));

        assertEquals(List.of("read, traced"), heard);
        assertFalse(latest.isPending());
    }

    @Test
    void staleWorkOnTheBackgroundExecutorIsInterruptedAndOnlyTheLatestCallbackRuns() throws Exception {
        try (BackgroundExecutor executor = new BackgroundExecutor()) {
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch interrupted = new CountDownLatch(1);
            CountDownLatch latestDone = new CountDownLatch(1);
            List<String> heard = new ArrayList<>();
            LatestRequest[] latest = new LatestRequest[1];
            Platform.runLater(() -> {
                latest[0] = new LatestRequest(executor);
                latest[0].submit(() -> {
                    started.countDown();
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        interrupted.countDown();
                        throw e;
                    }
                    return "stale";
                }, heard::add, failure -> heard.add("stale failure: " + failure));
            });
            assertTrue(started.await(10, TimeUnit.SECONDS), "the first request started");
            Platform.runLater(() -> latest[0].submit(() -> "latest", result -> {
                heard.add(result);
                latestDone.countDown();
            }, failure -> heard.add("failed: " + failure)));

            assertTrue(interrupted.await(10, TimeUnit.SECONDS), "the stale work was interrupted");
            assertTrue(latestDone.await(10, TimeUnit.SECONDS), "the latest request finished");
            CountDownLatch drained = new CountDownLatch(1);
            Platform.runLater(drained::countDown); // any stale callback would have been posted before this
            assertTrue(drained.await(10, TimeUnit.SECONDS));
            assertEquals(List.of("latest"), heard);
        }
    }
}
