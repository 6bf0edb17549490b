package org.gatescope.ui.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StartupLogTest {

    @Test
    void theProcessAgeFromProcAgreesWithTheSystemsStartTime() {
        long ageMillis = StartupLog.processAgeNanos() / 1_000_000;
        Instant started = ProcessHandle.current().info().startInstant().orElseThrow();
        long systemAgeMillis = Duration.between(started, Instant.now()).toMillis();
        // the system's start instant is whole seconds after boot; /proc's age is in 10 ms ticks
        assertTrue(Math.abs(ageMillis - systemAgeMillis) <= 1_500, ageMillis + " ms against " + systemAgeMillis + " ms");
        assertTrue(ageMillis > 0, "this JVM has been running for a while");
    }

    @Test
    void residentMemoryAndCpuTimeAreReadFromTheSystem() {
        long resident = StartupLog.residentMegabytes();
        long maxHeap = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        assertTrue(resident > 10 && resident < maxHeap + 2048, resident + " MB resident");
        assertTrue(StartupLog.cpuMillis() > 0, "a JVM that ran tests used CPU");
    }
}
