package org.gatescope.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.gatescope.render.Palette;
import org.gatescope.render.Theme;
import org.gatescope.ui.UiTestModels;
import org.gatescope.ui.canvas.CanvasRegion;
import org.gatescope.ui.display.DisplayViewModel;
import org.gatescope.ui.explorer.ExplorerViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window in a lecture hall, headless under Monocle: F11's presentation mode (full screen,
 * larger, no side panel; F11 or Esc restores the window as it was), the zoom (Ctrl + / Ctrl − /
 * Ctrl 0 scale every view, said in the status bar) and the colour-blind-safe palette repainting
 * the open views.
 */
@ExtendWith(ApplicationExtension.class)
class LectureHallWindowTest {

    @TempDir
    Path folder;

    private ExplorerViewModel explorer;
    private ExplorerView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        explorer = UiTestModels.showExplorer(stage, folder);
        view = (ExplorerView) stage.getScene().getRoot();
    }

    @AfterEach
    void leaveTheWindowAsFound(FxRobot robot) {
        robot.interact(() -> {
            view.display().presentationProperty().set(false);
            view.display().resetZoom();
            view.display().setColourBlindSafe(false);
            stage.setFullScreen(false);
        });
        UiTestModels.releaseStage(robot, stage);
    }

    @Test
    void f11GoesFullScreenLargerWithoutTheSidePanelAndEscRestoresTheWindow(FxRobot robot) {
        resize(robot, 1920, 1200); // Monocle's screen: full screen keeps the window's size (and its buffer)
        focus(robot);
        double sentence = onScreenHeight(robot.lookup("#sentence").query());
        assertTrue(shown(robot.lookup("#side-panel").query()));

        robot.type(KeyCode.F11);
        settle();
        assertTrue(view.display().isPresentation());
        assertTrue(stage.isFullScreen(), "full screen");
        assertFalse(shown(robot.lookup("#side-panel").query()), "the side panel is hidden");
        double scale = view.display().getScale();
        assertEquals(DisplayViewModel.MOST_PRESENTATION_SCALE, scale, 1e-9,
                "a 1920 × 1200 screen draws the 1024 × 640 layout as large as it goes");
        assertEquals(sentence * scale, onScreenHeight(robot.lookup("#sentence").query()), 1,
                "the sentence's text grows with it");
        assertEquals(scale, view.timeline().zoom(), 1e-9, "the canvases draw at the screen's resolution");

        robot.type(KeyCode.ESCAPE);
        settle();
        assertFalse(view.display().isPresentation());
        assertFalse(stage.isFullScreen());
        assertTrue(shown(robot.lookup("#side-panel").query()), "the side panel is back");
        assertEquals(sentence, onScreenHeight(robot.lookup("#sentence").query()), 0.5);
        assertEquals(1, view.timeline().zoom());

        // a side panel hidden before stays hidden after; F11 leaves the mode too
        robot.type(KeyCode.P);
        robot.type(KeyCode.F11);
        settle();
        assertTrue(stage.isFullScreen());
        robot.type(KeyCode.F11);
        settle();
        assertFalse(stage.isFullScreen());
        assertFalse(view.sidePanelShownProperty().get(), "hidden, as before the mode");
    }

    @Test
    void ctrlPlusScalesEveryViewAndTheStatusBarSaysHowMuch(FxRobot robot) {
        resize(robot, 1280, 720);
        focus(robot);
        Node strip = robot.lookup("#token-strip").query();
        Node unitList = robot.lookup("#unit-list").query();
        Label note = robot.lookup("#zoom-note").query();
        double stripHeight = onScreenHeight(strip);
        double sideText = onScreenHeight(robot.lookup("#side-panel .label").query());
        double speed = explorer.speedProperty().get();
        assertFalse(note.isVisible());

        robot.push(KeyCode.CONTROL, KeyCode.PLUS);
        settle();
        assertEquals(1.1, view.display().getZoom(), 1e-9);
        assertEquals(speed, explorer.speedProperty().get(), "Ctrl + zooms; + alone is the playback speed");
        assertTrue(note.isVisible() && shown(note));
        assertEquals("Zoom 110 %", note.getText());
        assertEquals(stripHeight * 1.1, onScreenHeight(strip), 1, "the token strip");
        assertEquals(sideText * 1.1, onScreenHeight(robot.lookup("#side-panel .label").query()), 0.5,
                "the side panel's text");
        for (CanvasRegion canvas : new CanvasRegion[] {view.timeline(), view.heatmap(), view.diagram().diagram()}) {
            assertEquals(1.1, canvas.zoom(), 1e-9, canvas.getId() + " draws 10 % larger");
        }
        assertTrue(unitList.getBoundsInLocal().getHeight() > 0);

        robot.push(KeyCode.CONTROL, KeyCode.MINUS);
        robot.push(KeyCode.CONTROL, KeyCode.MINUS);
        robot.push(KeyCode.CONTROL, KeyCode.MINUS);
        settle();
        assertEquals(0.8, view.display().getZoom(), 1e-9);
        assertEquals("Zoom 80 %", note.getText());
        for (int i = 0; i < 20; i++) {
            robot.push(KeyCode.CONTROL, KeyCode.EQUALS); // Ctrl = is Ctrl + without Shift
        }
        settle();
        assertEquals(DisplayViewModel.MAX_ZOOM, view.display().getZoom(), 1e-9, "no larger than 250 %");
        assertEquals("Zoom 250 % (the largest)", note.getText());
        double heatmapRows = view.heatmap().getHeight();
        assertTrue(heatmapRows > 0, "the heatmaps stay in the window (it scrolls)");

        robot.push(KeyCode.CONTROL, KeyCode.DIGIT0);
        settle();
        assertEquals(1, view.display().getZoom());
        assertEquals(stripHeight, onScreenHeight(strip), 0.5);
        WaitForAsyncUtils.sleep(3, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(note.isVisible(), "the note goes after a moment");

        robot.type(KeyCode.PLUS);
        settle();
        assertTrue(explorer.speedProperty().get() > speed, "+ alone still plays faster");
        assertEquals(1, view.display().getZoom());
    }

    @Test
    void theColourBlindSafePaletteRepaintsTheOpenViewsAndTheControls(FxRobot robot) {
        resize(robot, 1280, 720);
        robot.interact(() -> explorer.chooseCell(org.gatescope.engine.CellKind.LSTM)); // Γf's bars: dark blue
        focus(robot);
        robot.type(KeyCode.RIGHT, 4);
        WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS); // the diagram's animation to the step ends
        settle();
        Node centre = robot.lookup("#centre-scroll").query();
        WritableImage standard = snapshot(robot, centre);

        robot.clickOn("View");
        robot.clickOn("#palette-item");
        settle();
        assertEquals(Palette.COLOURBLIND, Theme.palette());
        assertTrue(view.getStyleClass().contains("palette-colourblind"), "the controls' CSS colours follow");
        int differ = differing(standard, snapshot(robot, centre));
        assertTrue(differ > 2000, "the diagram's and heatmaps' positive c̃, c, a turn orange, the timeline's Γf"
                + " bars dark blue: " + differ + " px changed");

        robot.clickOn("View");
        robot.clickOn("#palette-item");
        settle();
        assertEquals(Palette.STANDARD, Theme.palette());
        assertFalse(view.getStyleClass().contains("palette-colourblind"));
        WritableImage back = snapshot(robot, centre);
        assertEquals(0, differing(standard, back), "back to the standard colours; differing in " + where(standard, back));
    }

    @Test
    void theZoomAndPresentationModeAreInTheViewMenu(FxRobot robot) {
        resize(robot, 1920, 1200);
        robot.clickOn("View");
        robot.clickOn("#zoom-in-item");
        settle();
        assertEquals(1.1, view.display().getZoom(), 1e-9);
        robot.clickOn("View");
        robot.clickOn("#zoom-reset-item");
        robot.clickOn("View");
        robot.clickOn("#presentation-item");
        settle();
        assertTrue(view.display().isPresentation());
        assertEquals(1, view.display().getZoom());
        assertEquals(DisplayViewModel.presentationScale(stage.getScene().getWidth(), stage.getScene().getHeight()),
                view.display().getScale(), 1e-9, "full screen presents the 1024 × 640 layout larger");
        assertTrue(view.display().getScale() > 1);
    }

    private void resize(FxRobot robot, double width, double height) {
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        settle();
    }

    private void focus(FxRobot robot) {
        robot.interact(() -> view.requestFocus());
    }

    private static void settle() {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(150, TimeUnit.MILLISECONDS); // a frame, to lay out and paint
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static double onScreenHeight(Node node) {
        Bounds shown = node.localToScene(node.getBoundsInLocal());
        return shown.getHeight();
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static WritableImage snapshot(FxRobot robot, Node node) {
        robot.moveTo("#status"); // no hovered node in the diagram
        settle();
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = node.snapshot(null, null));
        return image[0];
    }

    /** The box around the pixels that differ, for a failure's message. */
    private static String where(WritableImage a, WritableImage b) {
        int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = -1, y1 = -1;
        for (int y = 0; y < (int) a.getHeight(); y++) {
            for (int x = 0; x < (int) a.getWidth(); x++) {
                if (a.getPixelReader().getArgb(x, y) != b.getPixelReader().getArgb(x, y)) {
                    x0 = Math.min(x0, x);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, x);
                    y1 = Math.max(y1, y);
                }
            }
        }
        return x0 + "," + y0 + " to " + x1 + "," + y1 + " of " + a.getWidth() + "×" + a.getHeight();
    }

    private static int differing(WritableImage a, WritableImage b) {
        assertEquals(a.getWidth(), b.getWidth());
        assertEquals(a.getHeight(), b.getHeight());
        PixelReader ra = a.getPixelReader();
        PixelReader rb = b.getPixelReader();
        int differ = 0;
        for (int y = 0; y < (int) a.getHeight(); y++) {
            for (int x = 0; x < (int) a.getWidth(); x++) {
                differ += ra.getArgb(x, y) != rb.getArgb(x, y) ? 1 : 0;
            }
        }
        return differ;
    }
}
