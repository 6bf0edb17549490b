package org.gatescope.ui.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * The executor's idle signal, which the randomized window test waits on instead of sleeping: a
 * task is pending from its submission until its callback has run on the FX thread (or it is
 * called off), and {@code whenIdle} answers only after that and a few quiet pulses.
 */
class IdleSignalTest {

    private static final long WAIT_SECONDS = 10;

    private final BackgroundExecutor executor = new BackgroundExecutor();

    @BeforeAll
    static void startFx() throws TimeoutException {
        FxToolkit.registerPrimaryStage(); // callbacks and pulses come from the FX thread
    }

    @AfterEach
    void close() {
        executor.close();
    }

    @Test
    void aTaskIsPendingUntilItsCallbackHasRunOnTheFxThread() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> events = new ArrayList<>();
        CountDownLatch idle = new CountDownLatch(1);
        Platform.runLater(() -> {
            executor.submit(() -> {
                release.await();
                return "traced";
            }, result -> events.add("callback " + result + ", pending " + executor.pendingTasks()),
                    failure -> events.add("failed"));
            executor.whenIdle(() -> {
                events.add("idle, pending " + executor.pendingTasks());
                idle.countDown();
            });
        });

        assertFalse(idle.await(300, TimeUnit.MILLISECONDS), "idle while the work runs");
        assertEquals(1, executor.pendingTasks());
        release.countDown();

        assertTrue(idle.await(WAIT_SECONDS, TimeUnit.SECONDS));
        assertEquals(List.of("callback traced, pending 1", "idle, pending 0"), events);
    }

    @Test
    void aTaskCalledOffIsNoLongerPending() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch idle = new CountDownLatch(1);
        AtomicBoolean called = new AtomicBoolean();
        Platform.runLater(() -> {
            executor.submit(() -> {
                release.await();
                return 1;
            }, result -> called.set(true), failure -> called.set(true)).cancel();
            executor.whenIdle(idle::countDown);
        });

        assertTrue(idle.await(WAIT_SECONDS, TimeUnit.SECONDS), "a called-off task kept the window busy");
        assertEquals(0, executor.pendingTasks());
        release.countDown();
        assertFalse(called.get());
    }

    @Test
    void aScheduledActionIsPendingUntilItHasRun() throws Exception {
        List<String> events = new ArrayList<>();
        CountDownLatch idle = new CountDownLatch(1);
        Platform.runLater(() -> {
            executor.schedule(Duration.ofMillis(200), () -> events.add("retraced"));
            executor.whenIdle(() -> {
                events.add("idle");
                idle.countDown();
            });
        });

        assertTrue(idle.await(WAIT_SECONDS, TimeUnit.SECONDS));
        assertEquals(List.of("retraced", "idle"), events);
    }
}
