package org.gatescope.ui.app;

import java.awt.image.BufferedImage;
import java.util.List;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.gatescope.ui.explorer.CellViewModel;
import org.gatescope.ui.explorer.ExplorerViewModel;
import org.gatescope.ui.explorer.ImageClipboard;
import org.gatescope.ui.explorer.ModelCatalog;
import org.gatescope.ui.session.SessionViewModel;
import org.gatescope.ui.task.BackgroundExecutor;
import org.gatescope.ui.task.HeatmapExportService;

/**
 * The GateScope window: opens with the bundled LSTM on the lecture's sentence, at its first
 * token. {@code Main} launches it when given no command.
 */
public final class GateScopeApp extends Application {

    private static final System.Logger LOG = System.getLogger(GateScopeApp.class.getName());

    public static final String TITLE = "GateScope";
    static final double WIDTH = 1400;
    static final double HEIGHT = 900;
    static final double MIN_WIDTH = 1024;
    static final double MIN_HEIGHT = 640;

    /**
     * How long the window waits for the preload's trace of the lecture sentence before it opens without
     * its {@link OpeningFrame}: the preload is usually done before JavaFX has started.
     */
    private static final long PRELOAD_WAIT_MILLIS = 500;

    private BackgroundExecutor executor;
    private ExplorerView view;

    /** Made by JavaFX's launcher. */
    public GateScopeApp() {
        // the state is made in start(), on the FX thread
    }

    /** Opens the window and returns when it is closed. */
    public static void open(String[] args) {
        StartupLog.mark("main");
        if (args.length == 0) {
            OpeningModelPreload.start(); // on the second core while JavaFX starts on this one
        }
        Application.launch(GateScopeApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        StartupLog.mark("JavaFX started");
        List<String> raw = getParameters().getRaw();
        CellViewModel.Prepared ready = raw.isEmpty() ? OpeningModelPreload.awaitOpening(PRELOAD_WAIT_MILLIS) : null;
        Rectangle2D size = windowSize();
        if (ready != null && ready.trace() != null) {
            // The lecture sentence's diagram first, drawn while the window's controls are made (0026).
            Scene scene = OpeningFrame.scene(new OpeningFrame(ready.trace(), ready.primaryUnit(),
                    ExplorerViewModel.LECTURE_SENTENCE), size.getWidth(), size.getHeight());
            FirstFrame frames = FirstFrame.of(scene);
            dress(stage, scene);
            frames.watchOpening();
            stage.show();
            StartupLog.mark("opening frame shown");
            OpeningFrame.replaceOnceDrawn(scene, () -> openWindow(stage, scene, frames, ready, raw));
        } else {
            Scene scene = new Scene(new Group(), size.getWidth(), size.getHeight());
            openWindow(stage, scene, FirstFrame.of(scene), ready, raw);
        }
    }

    /**
     * Puts the explorer's view in {@code scene}, shown in {@code stage} (showing it if it is not yet),
     * with {@code ready}'s trace when it has one, and opens the file or session named on the command line.
     */
    private void openWindow(Stage stage, Scene scene, FirstFrame frames, CellViewModel.Prepared ready,
                            List<String> raw) {
        executor = new BackgroundExecutor();
        ExplorerViewModel explorer = new ExplorerViewModel(executor, ModelCatalog.library(),
                new HeatmapExportService(), GateScopeApp::putOnClipboard);
        view = new ExplorerView(explorer, SessionViewModel.userSettingsFolder());
        StartupLog.mark("window's controls made");
        // The opening model and its trace, when the preload has them, are shown with the window's first
        // frame (without them the window reads and traces in the background).
        frames.watch(explorer.primary().traceProperty());
        explorer.start(ready);
        showIn(stage, scene, view);
        StartupLog.mark("window's controls in the stage");
        // gatescope FILE: the window opens on that model or session (read on the file lane; a bad file shows
        // its problem); gatescope --session FILE: on that session
        if (raw.size() == 2 && raw.get(0).equals(LaunchFile.SESSION_OPTION)) {
            LaunchFile.openSession(explorer, raw.get(1), view.sessions()::open);
        } else if (raw.size() == 1) {
            LaunchFile.open(explorer, raw.get(0), view.sessions()::open);
        }
        view.sessions().start(raw.isEmpty()); // the last session, if the user asked for it and named no file
    }

    /** Puts the explorer's view in {@code stage} with the style sheet, sized for a laptop or a projector. */
    public static Scene show(Stage stage, ExplorerViewModel explorer) {
        return show(stage, explorer, null);
    }

    /**
     * As {@link #show(Stage, ExplorerViewModel)}, keeping the recent files and the restore option in
     * {@code settingsFolder} (null: in memory only).
     */
    public static Scene show(Stage stage, ExplorerViewModel explorer, java.nio.file.Path settingsFolder) {
        Rectangle2D size = windowSize();
        Scene scene = new Scene(new Group(), size.getWidth(), size.getHeight());
        showIn(stage, scene, new ExplorerView(explorer, settingsFolder));
        return scene;
    }

    /**
     * Makes {@code view}, with the style sheet and the icons, the root of {@code scene} in {@code stage},
     * showing the stage if it is not yet (it already is when it showed the {@link OpeningFrame}).
     */
    private static void showIn(Stage stage, Scene scene, ExplorerView view) {
        scene.getStylesheets().add(styleSheet());
        scene.setRoot(view);
        // six PNGs decoded: not before the opening frame, which the window manager shows without them
        stage.getIcons().setAll(WindowIcons.images());
        if (!stage.isShowing() || stage.getScene() != scene) {
            dress(stage, scene);
            stage.show();
        }
        view.requestFocus();
        logShown(scene);
    }

    private static void logShown(Scene scene) {
        LOG.log(System.Logger.Level.DEBUG, () -> "window shown, " + (int) scene.getWidth() + " x "
                + (int) scene.getHeight() + ", in " + GateScopeApp.class.getModule());
    }

    /** ~1400 × 900, but never larger than the screen (a 1280 × 800 laptop, a projector). */
    private static Rectangle2D windowSize() {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        return new Rectangle2D(0, 0, Math.min(WIDTH, screen.getWidth()), Math.min(HEIGHT, screen.getHeight()));
    }

    /** Gives {@code stage} the window's title, least size and {@code scene}; the icons come with the controls. */
    private static void dress(Stage stage, Scene scene) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setTitle(TITLE);
        stage.setMinWidth(Math.min(MIN_WIDTH, screen.getWidth()));
        stage.setMinHeight(Math.min(MIN_HEIGHT, screen.getHeight()));
        stage.setScene(scene);
        // A stage already showing keeps its size when given a new scene (the window tests share one
        // stage): without this the window would open at whatever size the stage had before.
        stage.sizeToScene();
    }

    static String styleSheet() {
        return GateScopeApp.class.getResource("gatescope.css").toExternalForm();
    }

    @Override
    public void stop() {
        if (view != null) {
            view.sessions().saveLastSessionNow();
        }
        if (executor != null) {
            executor.close();
        }
    }

    /** The system clipboard as an {@link ImageClipboard}. */
    static void putOnClipboard(BufferedImage image) {
        ClipboardContent content = new ClipboardContent();
        content.putImage(toFx(image));
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** A pixel-for-pixel copy of an AWT image as a JavaFX image. */
    static WritableImage toFx(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        WritableImage fx = new WritableImage(w, h);
        fx.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return fx;
    }
}
