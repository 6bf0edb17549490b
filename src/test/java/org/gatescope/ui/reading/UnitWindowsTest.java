package org.gatescope.ui.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.gatescope.engine.Quantity;
import org.gatescope.render.ReadingLayout;
import org.gatescope.render.TrajectoryChart;
import org.gatescope.ui.UiTestModels;
import org.gatescope.ui.app.ExplorerView;
import org.gatescope.ui.explorer.ExplorerViewModel;
import org.gatescope.ui.states.TrajectoryViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The trajectory, probe and reading windows as a user drives them from the View menu's shortcuts, headless. */
@ExtendWith(ApplicationExtension.class)
class UnitWindowsTest {

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
    void closeWindows(FxRobot robot) {
        robot.interact(() -> {
            for (Window window : Window.getWindows().toArray(Window[]::new)) {
                if (window != stage) {
                    window.hide();
                }
            }
            stage.getScene().setRoot(new Group());
            stage.setMinWidth(0);
            stage.setMinHeight(0);
        });
    }

    @Test
    void theTrajectoryWindowRingsTheStepAndAClickMovesIt(FxRobot robot) {
        robot.interact(() -> view.requestFocus());
        robot.push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.T);
        WaitForAsyncUtils.waitForFxEvents();
        ImageView chart = robot.lookup("#trajectory-chart").queryAs(ImageView.class);
        assertNotNull(chart.getImage(), "the chart is drawn");
        assertNotNull(robot.lookup("#trajectory-step").tryQuery().orElse(null), "the current step is ringed");
        TrajectoryViewModel model = (TrajectoryViewModel) chart.getScene().getRoot().getProperties()
                .get(TrajectoryViewModel.class);
        TrajectoryChart.Chart drawn = model.resultProperty().get().chart();
        double[] point = drawn.paths().get(0).points()[3];
        TrajectoryChart.Layout layout = TrajectoryChart.layout(drawn);
        Point2D onScreen = chart.localToScreen(layout.x(point[0]), layout.y(point[1]));
        robot.moveTo(onScreen);
        assertTrue(robot.lookup("#trajectory-hover").queryAs(Label.class).getText().contains("step"));
        robot.clickOn(onScreen);
        WaitForAsyncUtils.waitForFxEvents();
        int step = explorer.getStep();
        assertTrue(step == 3 || drawn.paths().get(0).points()[step][0] == point[0], "stepped to the clicked point");
    }

    @Test
    void theProbeWindowDrawsItsReport(FxRobot robot) {
        robot.interact(() -> view.requestFocus());
        robot.push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.P);
        WaitForAsyncUtils.waitForFxEvents();
        ImageView chart = robot.lookup("#probe-chart").queryAs(ImageView.class);
        assertNotNull(chart.getImage(), "the probe's chart is drawn");
        assertEquals("", robot.lookup("#probe-error").queryAs(Label.class).getText());
    }

    @Test
    void theReadingViewSwitchesUnitsWithTheArrowsAndADragSearchesTheSpan(FxRobot robot) {
        robot.interact(() -> view.requestFocus());
        robot.push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.R);
        WaitForAsyncUtils.waitForFxEvents();
        Node text = robot.lookup("#reading-view").query();
        ReadingViewModel model = (ReadingViewModel) text.getScene().getRoot().getProperties().get(ReadingViewModel.class);
        robot.interact(text::requestFocus);
        int unit = explorer.primary().getPrimaryUnit();
        robot.push(KeyCode.DOWN);
        assertNotEquals(unit, explorer.primary().getPrimaryUnit(), "↓ moves the explorer's unit");
        robot.push(KeyCode.RIGHT);
        assertEquals(Quantity.ACTIVATION, model.quantityProperty().get(), "→ moves from c to a");

        ReadingLayout layout = ReadingLayout.of(explorer.primary().getTrace().tokens(),
                (int) text.getLayoutBounds().getWidth() - 16);
        Point2D from = text.localToScreen(layout.x(1) + 4, layout.y(1) + 6);
        Point2D to = text.localToScreen(layout.x(3) + 4, layout.y(3) + 6);
        robot.drag(from).moveTo(to).release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(model.searchProperty().get(), "the span was searched");
        assertFalse(robot.lookup("#reading-units").queryAs(ListView.class).getItems().isEmpty());
    }
}
