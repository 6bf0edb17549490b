package org.gatescope.ui.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the window's start-up time goes: with {@code -Dgatescope.startupLog=true} each phase prints
 * one line on stderr, {@code startup   812 ms  stage shown}, timed from the moment the process was
 * started (the JVM's own start included, read from {@code /proc}), and the last line
 * ({@link #drawn}) gives the resident memory then, the CPU time all threads used so far (which the
 * machine's load does not stretch) and the wall-clock time, so that a script
 * outside the process can time the same moment from its own clock ({@code src/dist/measure-startup.sh}).
 * Without the property nothing is measured or printed. Any thread.
 */
public final class StartupLog {

    /** The system property that turns the log on. */
    public static final String PROPERTY = "gatescope.startupLog";
    /** Whether it is on; read once. */
    public static final boolean ENABLED = Boolean.getBoolean(PROPERTY);
    /** What {@link #drawn} prints first: a script waits for this line. */
    public static final String DRAWN = "drawn";
    /** What {@link #firstFrame} prints first. */
    public static final String FIRST_FRAME = "first frame";

    /** {@link System#nanoTime()} at the process's start; or at this class's, when /proc cannot tell. */
    private static final long ORIGIN;
    private static final boolean FROM_PROCESS_START;

    static {
        long now = System.nanoTime();
        long age = ENABLED ? processAgeNanos() : -1;
        FROM_PROCESS_START = age >= 0;
        ORIGIN = FROM_PROCESS_START ? now - age : now;
    }

    private StartupLog() {
    }

    /** Prints that {@code phase} is reached now. */
    public static void mark(String phase) {
        if (ENABLED) {
            System.err.printf(Locale.ROOT, "startup %6d ms  %s (cpu %d ms)%n", sinceStart(), phase, cpuMillis());
        }
    }

    /**
     * Prints the line a measuring script waits for: the first frame with the lecture sentence's trace
     * is on the screen; with the resident memory now and the wall-clock time in ms since 1970.
     */
    public static void drawn(String what) {
        frame(DRAWN, what);
    }

    /**
     * Prints that the window's first frame is on the screen (the {@link OpeningFrame}, or the window
     * itself when it opened without one), in the form of {@link #drawn}.
     */
    public static void firstFrame(String what) {
        frame(FIRST_FRAME, what);
    }

    private static void frame(String which, String what) {
        if (ENABLED) {
            System.err.printf(Locale.ROOT, "startup %6d ms  %s: %s; resident %d MB; cpu %d ms; epoch %d ms%s%n",
                    sinceStart(), which, what, residentMegabytes(), cpuMillis(), System.currentTimeMillis(),
                    FROM_PROCESS_START ? "" : " (times from the log's first use: /proc was not readable)");
        }
    }

    /** Milliseconds since the process started. */
    static long sinceStart() {
        return (System.nanoTime() - ORIGIN) / 1_000_000;
    }

    /**
     * How long ago this process was started, from {@code /proc/uptime} and the start time in
     * {@code /proc/self/stat} (both in the kernel's clock ticks, 10 ms); -1 where they cannot be read.
     */
    static long processAgeNanos() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // fields after the command name, which is in parentheses and may hold spaces
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long startTicks = Long.parseLong(fields[19]); // field 22 of the whole line
            double uptimeSeconds = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);
            long age = (long) (uptimeSeconds * 1e9) - startTicks * 10_000_000L;
            return age >= 0 ? age : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The CPU time all the process's threads have used, in ms; -1 where the system cannot tell. */
    static long cpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis()).orElse(-1L);
    }

    /** The resident set size, from {@code /proc/self/status}; -1 where it cannot be read. */
    static long residentMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: no figure
        }
        return -1;
    }
}
