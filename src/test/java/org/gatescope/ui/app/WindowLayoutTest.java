package org.gatescope.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.gatescope.engine.Trace;
import org.gatescope.ui.UiTestModels;
import org.gatescope.ui.canvas.CanvasTheme;
import org.gatescope.ui.canvas.TextWidths;
import org.gatescope.ui.diagram.CellDiagramView;
import org.gatescope.ui.explorer.ExplorerViewModel;
import org.gatescope.ui.explorer.TokenViewport;
import org.gatescope.ui.timeline.TimelineView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window laid out at the sizes it meets in class, from a 1024×640 laptop to a 1920×1080
 * projector, headless under Monocle: every part keeps a readable size (the window scrolls where it
 * cannot), nothing runs off the window, the diagram grows with its panel, controls stay put, and
 * the compare view shows both cells as fully as the single view shows one.
 */
@ExtendWith(ApplicationExtension.class)
class WindowLayoutTest {

    /** The least readable text: the diagram's values, captions and tags. */
    private static final double MIN_TEXT = 11;

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
    void releaseTheStage(FxRobot robot) {
        UiTestModels.releaseStage(robot, stage);
    }

    @Test
    void atEverySizeEachPartKeepsAReadableSizeAndNothingRunsOffTheWindow(FxRobot robot) {
        // largest first: Monocle's headless screen does not grow a window's buffer
        for (int[] size : new int[][] {{1920, 1080}, {1280, 720}, {1024, 640}}) {
            resize(robot, size[0], size[1]);
            String at = size[0] + "×" + size[1] + ": ";
            assertEquals(size[1], stage.getHeight(), 0.5, at + "the window takes the height asked for");
            CellDiagramView diagram = view.diagram().diagram();
            assertTrue(diagram.valueTextSize() >= MIN_TEXT - 0.01, at + "diagram values at "
                    + diagram.valueTextSize() + " px");
            assertTrue(view.timeline().plotHeight() >= 59.5, at + "c<t> plot " + view.timeline().plotHeight()
                    + " px high");
            assertTrue(view.heatmap().getHeight() >= 83.5, at + "heatmaps " + view.heatmap().getHeight());
            assertTrue(view.timeline().getHeight() >= view.timeline().minHeight(-1) - 0.5,
                    at + "the timeline squeezed below its least height");
            double width = stage.getScene().getWidth();
            for (String id : List.of("#side-panel", "#centre-scroll", "#status", "#sentence", "#unit-list")) {
                Node node = robot.lookup(id).query();
                Bounds shown = node.localToScene(node.getBoundsInLocal());
                assertTrue(shown.getMaxX() <= width + 0.5, at + id + " ends at " + shown.getMaxX());
            }
            assertTrue(robot.lookup("#unit-list").query().getBoundsInLocal().getHeight() >= 100,
                    at + "the unit list has room (the side panel scrolls to it)");
        }
    }

    @Test
    void onAProjectorTheDiagramFillsItsPanelWithValuesLargeEnoughToRead(FxRobot robot) {
        resize(robot, 1920, 1080);
        CellDiagramView diagram = view.diagram().diagram();
        assertTrue(diagram.drawingWidthShare() >= 0.85, "the drawing spans " + diagram.drawingWidthShare()
                + " of " + diagram.getWidth() + "×" + diagram.getHeight());
        assertTrue(diagram.valueTextSize() >= 15, "values at " + diagram.valueTextSize() + " px");
        double wide = diagram.valueTextSize();
        resize(robot, 1280, 720);
        assertTrue(diagram.valueTextSize() < wide, "the text scales with the panel");
    }

    @Test
    void thePKeyHidesTheSidePanelAndGivesItsWidthToTheCells(FxRobot robot) {
        resize(robot, 1024, 640);
        Node side = robot.lookup("#side-panel").query();
        double before = view.diagram().getWidth();
        robot.interact(() -> view.requestFocus());
        robot.type(KeyCode.P);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(view.sidePanelShownProperty().get());
        assertFalse(shown(side), "the side panel is hidden");
        assertTrue(view.diagram().getWidth() > before + 200, "the diagram widens: " + before + " → "
                + view.diagram().getWidth());

        robot.type(KeyCode.C); // through the compare view and back, it stays hidden
        robot.type(KeyCode.C);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(view.sidePanelShownProperty().get());
        robot.type(KeyCode.P);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.sidePanelShownProperty().get());
        assertEquals(before, view.diagram().getWidth(), 1);
    }

    @Test
    void theCellButtonsStayPutWhateverTheModelsDescription(FxRobot robot) {
        resize(robot, 1024, 640);
        robot.interact(() -> view.requestFocus());
        List<Double> tops = new ArrayList<>();
        for (KeyCode key : List.of(KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5)) {
            robot.type(key);
            WaitForAsyncUtils.waitForFxEvents();
            Node button = robot.lookup("#cell-lstm").query();
            tops.add(button.localToScene(button.getBoundsInLocal()).getMinY());
            Label info = robot.lookup("#model-info").queryAs(Label.class);
            assertFalse(info.getText().isEmpty());
        }
        assertTrue(tops.stream().distinct().count() == 1, "the cell buttons moved: " + tops);
    }

    @Test
    void theCompareViewShowsBothCellsReachPredictionsAndWholeTokenLabels(FxRobot robot) {
        resize(robot, 1920, 1080);
        robot.interact(() -> view.requestFocus());
        robot.type(KeyCode.C);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(150, TimeUnit.MILLISECONDS); // a frame, to paint
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(explorer.compareProperty().get());

        for (TimelineView timeline : List.of(view.timeline(), view.comparisonTimeline())) {
            assertTrue(timeline.showsReach(), timeline.getId() + " draws the reach row");
            assertTrue(timeline.plotHeight() >= 59.5, timeline.getId() + " plot " + timeline.plotHeight());
        }
        for (String column : List.of("main", "compare")) {
            Trace trace = column.equals("main") ? explorer.primary().getTrace() : explorer.comparison().getTrace();
            String top = trace.topPredictions(explorer.getStep(), 1).get(0).token();
            String line = robot.lookup("#" + column + "-predictions").queryAs(Label.class).getText();
            assertTrue(line.contains(top), column + " column's predictions: " + line);
        }
        for (TokenViewport axis : List.of(view.mainAxis(), view.comparisonAxis())) {
            double widest = widestLabel(robot);
            assertTrue(axis.columnWidth() >= widest, "columns " + axis.columnWidth() + " for labels " + widest);
        }
        for (CellDiagramView diagram : List.of(view.diagram().diagram(), view.comparisonDiagram().diagram())) {
            assertTrue(diagram.valueTextSize() >= MIN_TEXT - 0.01, "compare diagram values at "
                    + diagram.valueTextSize());
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** Whether {@code node} and all its ancestors are visible. */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private double widestLabel(FxRobot robot) {
        return WaitForAsyncUtils.waitForAsyncFx(5000, () -> {
            double widest = 0;
            for (String token : explorer.primary().getTrace().tokens()) {
                widest = Math.max(widest, TextWidths.of(token, CanvasTheme.LABEL_BOLD));
            }
            return widest;
        });
    }

    private void resize(FxRobot robot, double width, double height) {
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(120, TimeUnit.MILLISECONDS); // a frame, to lay out and paint
        WaitForAsyncUtils.waitForFxEvents();
    }
}
