package org.gatescope.ui.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The cause of issue 10's stale window: JavaFX lays out a canvas's {@code fillText} on its render
 * thread while the FX thread lays out controls' text, and on Linux both borrow one shared Pango
 * glyph layout, which its {@code dispose} hands back before it has cleared it. The FX thread then
 * dies in {@code PangoGlyphLayout.dispose} with a ConcurrentModificationException in the middle
 * of a layout pass, or, as here without the pin, the render thread dies in {@code pango_shape}'s
 * malloc on a heap the other thread freed into (a JVM crash in one run of two on this machine:
 * surefire reports "The forked VM terminated"). With {@link GlyphLayoutPin} installed (as every {@link CanvasRegion} does)
 * each layout gets a glyph layout of its own, and a canvas full of c̃ drawn at every frame while
 * the FX thread measures c̃ thousands of times raises nothing.
 */
@ExtendWith(ApplicationExtension.class)
class TextLayoutRaceTest {

    /**
     * Combining characters (c̃, as the diagram writes the candidate) take Pango's shaping path;
     * mixed with another script they make many shaped runs, which widens the race's window.
     */
    private static final String COMPLEX = "c\u0303 \u05D0 ".repeat(40);
    private static final long MEASURE_MILLIS = 1500;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    /**
     * Measures text on the FX thread between pulses, while the render thread draws the last
     * frame, as a list cell computing its height does; then hands the thread back for a pulse.
     */
    private static void measure(long end, List<Throwable> failures) {
        long slice = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(4);
        int i = 0;
        while (System.nanoTime() < slice) {
            new Text(COMPLEX + i++).getLayoutBounds();
        }
        if (System.nanoTime() < end && failures.isEmpty()) {
            Platform.runLater(() -> measure(end, failures));
        }
    }

    @Test
    void canvasTextOnTheRenderThreadAndControlTextOnTheFxThreadDoNotCollide(FxRobot robot) throws Exception {
        assertTrue(GlyphLayoutPin.install(), "JavaFX's shared glyph layout could not be pinned");
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> failures.add(e));
        Canvas canvas = new Canvas(800, 600);
        CountDownLatch done = new CountDownLatch(1);
        AnimationTimer[] frames = new AnimationTimer[1];
        try {
            robot.interact(() -> {
                Thread.currentThread().setUncaughtExceptionHandler((thread, e) -> failures.add(e));
                stage.setScene(new Scene(new StackPane(canvas), 800, 600));
                stage.show();
                long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MEASURE_MILLIS);
                frames[0] = new AnimationTimer() {
                    private int frame;

                    @Override
                    public void handle(long now) {
                        GraphicsContext g = canvas.getGraphicsContext2D();
                        g.clearRect(0, 0, 800, 600);
                        for (int i = 0; i < 200; i++) {
                            g.fillText(COMPLEX + frame + " " + i, (i % 8) * 100, (i / 8) * 22 + 14);
                        }
                        frame++;
                        if (now > end) {
                            stop();
                            done.countDown();
                        }
                    }
                };
                frames[0].start();
                measure(end, failures);
            });
            assertTrue(done.await(MEASURE_MILLIS + 30_000, TimeUnit.MILLISECONDS), "the frames stopped");
            robot.interact(() -> { });
        } finally {
            robot.interact(() -> {
                if (frames[0] != null) {
                    frames[0].stop();
                }
                Thread.currentThread().setUncaughtExceptionHandler(null);
            });
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
        assertEquals(List.of(), failures);
    }
}
