import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The floor under GateScope's start-up: a JavaFX window holding one Label, on the same JDK and JavaFX,
 * started as {@code java -jar gatescope.jar} starts (the class path, a main class that is no Application).
 * It prints the line src/dist/measure-startup.sh waits for when its first frame has been drawn, timed
 * from the process's start as ui.app.StartupLog times GateScope's (decision 0024). Run it with
 * src/dist/measure-floor.sh.
 */
public final class StartupFloor {

    private StartupFloor() {
    }

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The window: a Label in a scene of GateScope's size. */
    public static final class Window extends Application {

        /** System.nanoTime() at the process's start, from /proc as StartupLog reads it. */
        private static final long ORIGIN = System.nanoTime() - processAgeNanos();

        @Override
        public void start(Stage stage) throws ReflectiveOperationException {
            Scene scene = new Scene(new Label("GateScope's start-up floor: a window with one label"), 1400, 900);
            // the frame, finished by the render thread, as ui.app.FirstFrame counts GateScope's
            Class<?> trackers = Class.forName("com.sun.javafx.perf.PerformanceTracker");
            Object tracker = trackers.getMethod("getSceneTracker", Scene.class).invoke(null, scene);
            boolean[] printed = {false};
            trackers.getMethod("setOnRenderedFrameTask", Runnable.class).invoke(tracker, (Runnable) () -> {
                if (!printed[0]) {
                    printed[0] = true;
                    System.err.printf(Locale.ROOT, "startup %6d ms  drawn: a window with one label; resident %d MB;"
                            + " cpu %d ms; epoch %d ms%n", (System.nanoTime() - ORIGIN) / 1_000_000,
                            residentMegabytes(), ProcessHandle.current().info().totalCpuDuration()
                                    .map(d -> d.toMillis()).orElse(-1L), System.currentTimeMillis());
                }
            });
            stage.setTitle("StartupFloor");
            stage.setScene(scene);
            stage.show();
        }

        private static long processAgeNanos() {
            try {
                String stat = Files.readString(Path.of("/proc/self/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                double uptime = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);
                return (long) (uptime * 1e9) - Long.parseLong(fields[19]) * 10_000_000L;
            } catch (java.io.IOException | RuntimeException e) {
                return 0;
            }
        }

        private static long residentMegabytes() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                    }
                }
            } catch (java.io.IOException | RuntimeException e) {
                // not Linux
            }
            return -1;
        }
    }
}
