package org.gatescope.ui.saturation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.gatescope.engine.analysis.GateSaturation;
import org.gatescope.render.SaturationChart;
import org.gatescope.ui.UiTestModels;
import org.gatescope.ui.app.ExplorerView;
import org.gatescope.ui.explorer.ExplorerViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** View ▸ Gate saturation… as a user drives it, headless under Monocle, counting on the FX thread. */
@ExtendWith(ApplicationExtension.class)
class SaturationWindowTest {

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
    void shortcutOpensTheChartAndAClickOnAPointSelectsItsUnit(FxRobot robot) {
        robot.interact(() -> view.requestFocus());
        robot.push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.S);
        WaitForAsyncUtils.waitForFxEvents();

        ImageView chart = robot.lookup("#saturation-chart").queryAs(ImageView.class);
        assertNotNull(chart.getImage(), "the chart is drawn");
        assertEquals(SaturationChart.WIDTH, chart.getImage().getWidth());
        assertEquals("Gate saturation", ((Stage) chart.getScene().getWindow()).getTitle());

        SaturationViewModel saturation = (SaturationViewModel) chart.getScene().getRoot().getProperties()
                .get(SaturationViewModel.class);
        GateSaturation.Point top = saturation.chartProperty().get().points().get(
                saturation.chartProperty().get().points().size() - 1);
        SaturationChart.Layout layout = SaturationChart.layout();
        Point2D onScreen = chart.localToScreen(layout.x(top.leftFraction()), layout.y(top.rightFraction()));
        robot.moveTo(onScreen);
        String hover = robot.lookup("#saturation-hover").queryAs(Label.class).getText();
        assertTrue(hover.matches("Γ[ufo] unit \\d+: \\d+% shut, \\d+% open"), hover);
        int unit = Integer.parseInt(hover.replaceAll("^Γ. unit (\\d+):.*", "$1"));
        robot.clickOn(onScreen);
        assertEquals(unit, explorer.primary().getPrimaryUnit());
        assertEquals(3, robot.lookup("#saturation-selection").queryAs(Group.class).getChildren().size(),
                "the unit's Γu, Γf and Γo points are ringed");
    }
}
