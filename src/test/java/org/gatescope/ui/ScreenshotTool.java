package org.gatescope.ui;

import java.awt.image.BufferedImage;
import java.io.File;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.util.Duration;
import javax.imageio.ImageIO;
import org.gatescope.ui.app.GateScopeApp;
import org.gatescope.ui.app.HelpDialogs;
import org.gatescope.ui.explorer.ExplorerViewModel;
import org.gatescope.ui.explorer.ModelCatalog;
import org.gatescope.ui.task.BackgroundExecutor;
import org.gatescope.ui.task.HeatmapExportService;

/**
 * Opens the real window in a chosen state and saves a picture of it, for the README's
 * screenshots and for looking at the window under Xvfb. System properties:
 * <ul>
 *   <li>{@code shot.model} (default lstm), {@code shot.compare} (a second model: the compare view);</li>
 *   <li>{@code shot.sentence}, or {@code shot.textFile} for a long text;</li>
 *   <li>{@code shot.step} (0-based; -1 = last), {@code shot.unit}, {@code shot.activation};</li>
 *   <li>{@code shot.silence} (a unit to silence from the first token: the ablation box);</li>
 *   <li>{@code shot.help} (notation or shortcuts: that window, over the main one, taken with ImageMagick);</li>
 *   <li>{@code shot.noModels} (the empty state), {@code shot.size} (e.g. 1280x800);</li>
 *   <li>{@code shot.presentation} (F11's mode), {@code shot.zoomSteps} (Ctrl + that many times, Ctrl − if
 *       negative), {@code shot.palette} (standard or colourblind);</li>
 *   <li>{@code shot.out}: the PNG; without it the window stays open.</li>
 * </ul>
 */
public final class ScreenshotTool extends Application {

    public static void main(String[] args) {
        launch(args);
    }

    @Override
    public void start(Stage stage) {
        BackgroundExecutor executor = new BackgroundExecutor();
        ModelCatalog catalog = Boolean.getBoolean("shot.noModels")
                ? UiTestModels.catalog(java.util.Map.of()) : ModelCatalog.library();
        ExplorerViewModel explorer = new ExplorerViewModel(executor, catalog, new HeatmapExportService(), image -> { });
        Scene scene = GateScopeApp.show(stage, explorer);
        String[] size = System.getProperty("shot.size", "1400x900").split("x");
        stage.setWidth(Double.parseDouble(size[0]));
        stage.setHeight(Double.parseDouble(size[1]));
        String sentence = System.getProperty("shot.sentence", ExplorerViewModel.LECTURE_SENTENCE);
        if (System.getProperty("shot.textFile") != null) {
            try {
                sentence = java.nio.file.Files.readString(java.nio.file.Path.of(System.getProperty("shot.textFile")));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        explorer.setSentenceNow(sentence);
        // the lecture-hall display, set before the model loads (as a user would press F11 first)
        org.gatescope.ui.display.DisplayViewModel display = ((org.gatescope.ui.app.ExplorerView) scene.getRoot())
                .display();
        display.presentationProperty().set(Boolean.getBoolean("shot.presentation"));
        for (int i = Integer.getInteger("shot.zoomSteps", 0); i != 0; i -= Integer.signum(i)) {
            if (i > 0) {
                display.zoomIn();
            } else {
                display.zoomOut();
            }
        }
        display.setColourBlindSafe("colourblind".equals(System.getProperty("shot.palette")));
        if (Boolean.getBoolean("shot.noModels")) {
            explorer.start();
            PauseTransition settle = new PauseTransition(Duration.seconds(2));
            settle.setOnFinished(e -> {
                save(scene, new File(System.getProperty("shot.out")));
                Platform.exit();
            });
            settle.play();
            return;
        }
        explorer.openModel(System.getProperty("shot.model", "lstm"));
        String compare = System.getProperty("shot.compare");
        AtomicBoolean arranged = new AtomicBoolean();
        explorer.primary().traceProperty().addListener((obs, old, trace) -> {
            if (trace == null || !arranged.compareAndSet(false, true)) {
                return;
            }
            int step = Integer.getInteger("shot.step", 0);
            explorer.jumpTo(step < 0 ? trace.length() + step : step);
            if (System.getProperty("shot.unit") != null) {
                explorer.primary().selectPrimaryUnit(Integer.getInteger("shot.unit"));
            }
            explorer.setShowActivation(Boolean.getBoolean("shot.activation"));
            if (System.getProperty("shot.silence") != null) {
                explorer.silenceUnit(Integer.getInteger("shot.silence"));
            }
            if (compare != null) {
                explorer.setCompare(true);
                explorer.openComparisonModel(compare);
            }
            String out = System.getProperty("shot.out");
            if (out != null) {
                PauseTransition settle = new PauseTransition(Duration.seconds(2.5));
                settle.setOnFinished(e -> {
                    String help = System.getProperty("shot.help");
                    if (help == null) {
                        save(scene, new File(out));
                        Platform.exit();
                        return;
                    }
                    if (help.equals("notation")) {
                        HelpDialogs.notation(stage);
                    } else {
                        HelpDialogs.shortcuts(stage);
                    }
                    PauseTransition shown = new PauseTransition(Duration.seconds(1));
                    shown.setOnFinished(f -> {
                        try {
                            // the whole screen, as a user sees the dialog over the window
                            new ProcessBuilder("import", "-window", "root", out).inheritIO().start().waitFor();
                        } catch (java.io.IOException | InterruptedException ex) {
                            throw new IllegalStateException(ex);
                        }
                        Platform.exit();
                    });
                    shown.play();
                });
                settle.play();
            }
        });
    }

    public static void save(Scene scene, File file) {
        WritableImage image = scene.snapshot(null);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, w, h, argb, 0, w);
        try {
            ImageIO.write(out, "png", file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
