package org.gatescope.ui.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mvn javafx:run} starts GateScope as the module {@code org.gatescope} on the module path,
 * where JavaFX can start the window only if the package holding the {@code Application} is
 * exported to it. The other tests run on the class path and cannot see that, so this one starts
 * a second JVM the way the plugin does (headless: Monocle patched into javafx.graphics) and
 * waits for the window to be shown and, with the start-up log on, for the trace's first frame.
 */
class ModulePathLaunchTest {

    private static final long TIMEOUT_SECONDS = 120;

    @Test
    void theWindowOpensOnTheModulePathAsJavafxRunStartsIt(@TempDir Path dir) throws Exception {
        Path logging = dir.resolve("logging.properties");
        Files.writeString(logging, String.join("\n",
                "handlers=java.util.logging.ConsoleHandler",
                "java.util.logging.ConsoleHandler.level=FINE",
                "org.gatescope.level=FINE", ""));
        Path output = dir.resolve("output.txt");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", modulePath(),
                // as javafx:run launches: jHDF is an automatic module whose own needs no module declares
                "--add-modules", "ALL-MODULE-PATH",
                "--patch-module", "javafx.graphics=" + location("com.sun.glass.ui.monocle.MonoclePlatformFactory"),
                "--add-exports", "javafx.graphics/com.sun.javafx.text=org.gatescope", // as the pom's javafx:run
                // the start-up log's frame hooks (FirstFrame), as the pom's launches export them
                "--add-exports", "javafx.graphics/com.sun.javafx.tk=org.gatescope",
                "--add-exports", "javafx.graphics/com.sun.javafx.perf=org.gatescope",
                "-D" + StartupLog.PROPERTY + "=true",
                "-Djava.util.logging.config.file=" + logging,
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-m", "org.gatescope/org.gatescope.Main"));
        Process app = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            String log = waitFor(app, output, "  " + StartupLog.DRAWN + ": ");
            assertTrue(log.contains("window shown") && log.contains("module org.gatescope"), log);
            // the start-up log follows the lecture sentence's trace to its frame on the screen
            assertTrue(log.contains("trace shown (its frame is the next)"), log);
            // the window opens on its OpeningFrame: drawn first, and before the window's own frame
            int opening = log.indexOf("  " + StartupLog.FIRST_FRAME + ": the lecture sentence's diagram");
            assertTrue(opening >= 0 && opening < log.indexOf("  " + StartupLog.DRAWN + ": "), log);
            assertTrue(log.matches("(?s).*startup +\\d+ ms  drawn: .*; resident \\d+ MB; cpu \\d+ ms; epoch \\d+ ms\\R.*"), log);
            assertFalse(log.contains("Exception"), log);
            assertFalse(log.contains("cannot be pinned"), log);
        } finally {
            app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** GateScope's classes and its runtime libraries, each where this JVM loaded it from. */
    private static String modulePath() throws Exception {
        return location("org.gatescope.Main") + File.pathSeparator + libraries();
    }

    /** GateScope's runtime libraries, each where this JVM loaded it from. */
    static String libraries() throws Exception {
        return String.join(File.pathSeparator,
                location("javafx.beans.Observable"),
                location("javafx.application.Application"),
                location("javafx.scene.control.Control"),
                location("org.ejml.data.Matrix"),
                location("org.ejml.dense.row.CommonOps_DDRM"),
                location("io.jhdf.HdfFile"),
                location("org.slf4j.Logger"),
                location("org.slf4j.nop.NOPServiceProvider"),
                location("org.apache.commons.lang3.StringUtils"),
                location("com.ning.compress.lzf.LZFDecoder"),
                location("net.jpountz.lz4.LZ4Factory"));
    }

    static String location(String className) throws ClassNotFoundException, URISyntaxException {
        Class<?> type = Class.forName(className, false, ModulePathLaunchTest.class.getClassLoader());
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    /** The child's output once it holds {@code expected}, or when the child ends or time runs out. */
    private static String waitFor(Process app, Path output, String expected) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        String log = "";
        while (System.nanoTime() < deadline) {
            log = Files.readString(output, StandardCharsets.UTF_8);
            if (log.contains(expected) || !app.isAlive()) {
                Thread.sleep(500); // anything printed right after, such as a failure on the first trace
                return Files.readString(output, StandardCharsets.UTF_8);
            }
            Thread.sleep(100);
        }
        return log;
    }
}
