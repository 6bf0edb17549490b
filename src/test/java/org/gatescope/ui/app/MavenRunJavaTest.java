package org.gatescope.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mvn javafx:run}'s java, {@code src/dist/maven-run/bin/java} (decision 0028): given the plugin's
 * command, it runs GateScope from a jar of the classes folder with a class-data-sharing archive, both made
 * beside the folder when missing or stale, and passes any other call on as it is. Run here on a copy of
 * this build's classes, with a headless command ({@code trace}) in place of the window.
 */
class MavenRunJavaTest {

    private static final Path SCRIPT = Path.of("src", "dist", "maven-run", "bin", "java").toAbsolutePath();
    private static final long TIMEOUT_SECONDS = 120;

    @TempDir
    Path dir;

    /** What one run printed. */
    private record Run(int status, String out, String err) {
    }

    @Test
    void theFirstRunMakesTheJarAndTheArchiveAndLaterRunsLoadGateScopeFromIt() throws Exception {
        assumeTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")
                && Files.isExecutable(SCRIPT), "a POSIX shell script, for Linux");
        Path classes = copyOfThisBuildsClasses();
        Path run = classes.resolveSibling("run");

        Run first = launch(classes);
        assertEquals(0, first.status(), first.err());
        assertTrue(first.err().contains("dumping the class-data-sharing archive"), first.err());
        assertTrue(Files.size(run.resolve("gatescope-classes.jar")) > 1_000_000);
        assertTrue(Files.size(run.resolve("gatescope.jsa")) > 1_000_000);
        assertTrue(first.out().contains("\"tokens\""), "the command ran: " + first.out());

        Run second = launch(classes);
        assertEquals(0, second.status(), second.err());
        assertFalse(second.err().contains("dumping"), "the archive is kept while nothing changed: " + second.err());
        assertTrue(second.out().contains("org.gatescope.Main source: shared objects file"),
                "GateScope's own classes come from the archive");

        // a class compiled again makes both stale
        Path main = classes.resolve("org/gatescope/Main.class");
        Files.setLastModifiedTime(main, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        Run third = launch(classes);
        assertEquals(0, third.status(), third.err());
        assertTrue(third.err().contains("dumping the class-data-sharing archive"), third.err());
    }

    @Test
    void aCallThatIsNotGateScopesLaunchIsPassedOnAsItIs() throws Exception {
        assumeTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")
                && Files.isExecutable(SCRIPT), "a POSIX shell script, for Linux");
        Run version = run(List.of(SCRIPT.toString(), "-version"));
        assertEquals(0, version.status(), version.err());
        assertTrue(version.err().contains(System.getProperty("java.version")), version.err());
    }

    /** The script as javafx:run calls it, on {@code classes}, tracing two words (class loading logged to stdout). */
    private Run launch(Path classes) throws Exception {
        List<String> command = new ArrayList<>(List.of(SCRIPT.toString(),
                "--add-modules", "ALL-MODULE-PATH",
                "--module-path", classes + java.io.File.pathSeparator + ModulePathLaunchTest.libraries(),
                "-Xlog:class+load=info:stdout",
                "--module", "org.gatescope/org.gatescope.Main",
                "trace", "--model", "gru", "--text", "the cat"));
        return run(command);
    }

    private Run run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return new Run(process.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    /** This build's classes folder, copied to {@code dir/build/classes} (the script writes beside it). */
    private Path copyOfThisBuildsClasses() throws Exception {
        Path source = Path.of(ModulePathLaunchTest.location("org.gatescope.Main"));
        Path target = dir.resolve("build").resolve("classes");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return target;
    }
}
