package org.gatescope.ui.heatmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.control.ScrollBar;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.Trace;
import org.gatescope.ui.UiTestModels;
import org.gatescope.ui.explorer.ExplorerViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The heatmaps' rows zoom to a height a mouse can aim at, the bands then scroll, and a click
 * selects the unit under the pointer, in the real window (a 16-unit LSTM: 6 bands of 16 rows).
 */
@ExtendWith(ApplicationExtension.class)
class HeatmapRowZoomTest {

    @TempDir
    Path folder;

    private ExplorerViewModel explorer;
    private Stage stage;
    private HeatmapView heatmap;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        explorer = UiTestModels.showExplorer(stage, folder);
    }

    @BeforeEach
    void sixteenUnits(FxRobot robot) {
        robot.interact(() -> explorer.openModel(UiTestModels.write(folder, "lstm16",
                org.gatescope.TestModels.random(org.gatescope.engine.CellKind.LSTM,
                        org.gatescope.engine.GruReset.AFTER, 16, 5, 16, 5))));
        robot.interact(() -> stage.setWidth(1280));
        robot.interact(() -> stage.setHeight(1050)); // room for the bands below diagram and timeline
        WaitForAsyncUtils.waitForFxEvents();
        heatmap = robot.lookup("#heatmap").queryAs(HeatmapView.class);
        assertEquals(16, explorer.primary().getTrace().hidden());
    }

    @AfterEach
    void releaseTheStage(FxRobot robot) {
        UiTestModels.releaseStage(robot, stage);
    }

    @Test
    void fittedRowsAreTooThinToAimAtSoZoomMakesThemTall(FxRobot robot) {
        assertFalse(heatmap.rowsZoomed());
        assertTrue(heatmap.rowHeight() < 6, "all 96 rows fitted: " + heatmap.rowHeight());

        robot.clickOn("#heatmap-zoom-rows");
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(heatmap.rowsZoomed());
        assertTrue(heatmap.rowHeight() >= 12, "clickable: " + heatmap.rowHeight());
        assertTrue(heatmap.verticalScrollBar().isVisible(), "the bands scroll");

        robot.clickOn("#heatmap-fit-rows");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(heatmap.rowsZoomed());
        assertTrue(heatmap.rowHeight() < 6);
    }

    @Test
    void everyPointOfAZoomedRowHitsItsUnit(FxRobot robot) {
        robot.interact(() -> heatmap.setRowsZoomed(true));
        WaitForAsyncUtils.waitForFxEvents();
        double row = heatmap.rowHeight();
        for (int unit : List.of(0, 1, 5)) {
            double[] centre = heatmap.cellCentre(Quantity.UPDATE_GATE, unit, 2);
            for (double dy : new double[] {-row / 2 + 0.5, 0, row / 2 - 0.5}) {
                HeatmapView.Hit hit = heatmap.hitTest(centre[0], centre[1] + dy);
                assertEquals(new HeatmapView.Hit(Quantity.UPDATE_GATE, unit, 2), hit, "unit " + unit + ", dy " + dy);
            }
        }
        double[] header = heatmap.cellCentre(Quantity.UPDATE_GATE, 0, 2);
        assertNull(heatmap.hitTest(header[0], header[1] - row), "above the first row: the header, no unit");
    }

    @Test
    void aClickOnAZoomedRowScrolledIntoViewSelectsThatUnit(FxRobot robot) {
        robot.interact(() -> heatmap.setRowsZoomed(true));
        WaitForAsyncUtils.waitForFxEvents();
        Trace trace = explorer.primary().getTrace();
        Quantity second = trace.quantities().get(1);
        ScrollBar vertical = heatmap.verticalScrollBar();
        // scroll the second band's unit 9 into view, as the wheel would
        robot.interact(() -> vertical.setValue(Math.min(vertical.getMax(),
                16 * heatmap.rowHeight() + 8 + 7 * heatmap.rowHeight())));
        WaitForAsyncUtils.waitForFxEvents();

        double[] centre = heatmap.cellCentre(second, 9, 4);
        Point2D onScreen = heatmap.localToScreen(centre[0], centre[1]);
        robot.clickOn(onScreen, MouseButton.PRIMARY);

        assertEquals(9, explorer.primary().getPrimaryUnit());
        assertEquals(4, explorer.getStep());
    }

    @Test
    void aUnitChosenElsewhereIsScrolledIntoViewWhenZoomed(FxRobot robot) {
        robot.interact(() -> heatmap.setRowsZoomed(true));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> explorer.primary().selectPrimaryUnit(15));
        WaitForAsyncUtils.waitForFxEvents();

        double[] centre = heatmap.cellCentre(Quantity.UPDATE_GATE, 15, 0);
        assertEquals(new HeatmapView.Hit(Quantity.UPDATE_GATE, 15, 0), heatmap.hitTest(centre[0], centre[1]),
                "the last unit's row of the top band is in view");
        robot.interact(() -> explorer.primary().selectPrimaryUnit(0));
        WaitForAsyncUtils.waitForFxEvents();
        centre = heatmap.cellCentre(Quantity.UPDATE_GATE, 0, 0);
        assertEquals(new HeatmapView.Hit(Quantity.UPDATE_GATE, 0, 0), heatmap.hitTest(centre[0], centre[1]));
    }

    /** One notch of the wheel over the heatmap with Ctrl and Shift held; up is {@code deltaY > 0}. */
    private void wheel(FxRobot robot, double deltaY) {
        // the canvas that takes the mouse (a zoomed view's screen-resolution copy lies under it, mouse-transparent)
        Node canvas = heatmap.getChildrenUnmodifiable().stream()
                .filter(n -> n instanceof javafx.scene.canvas.Canvas && !n.isMouseTransparent()).findFirst().orElseThrow();
        robot.interact(() -> Event.fireEvent(canvas, new ScrollEvent(ScrollEvent.SCROLL, 100, 100, 100, 100,
                true, true, false, false, false, false, 0, deltaY, 0, deltaY, ScrollEvent.HorizontalTextScrollUnits.NONE,
                0, ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null)));
    }

    @Test
    void ctrlShiftWheelMakesZoomedRowsTallerAndBackToFit(FxRobot robot) {
        wheel(robot, 40);
        assertTrue(heatmap.rowsZoomed(), "zoomed in");
        double first = heatmap.rowHeight();
        assertTrue(first >= 12, "clickable: " + first);
        wheel(robot, 40);
        assertTrue(heatmap.rowHeight() > first, "taller: " + first + " -> " + heatmap.rowHeight());
        assertTrue(robot.lookup("#heatmap-zoom-rows").queryAs(javafx.scene.control.ToggleButton.class).isSelected());
        for (int i = 0; i < 4; i++) {
            wheel(robot, -40);
        }
        assertFalse(heatmap.rowsZoomed(), "back to fit");
        assertTrue(robot.lookup("#heatmap-fit-rows").queryAs(javafx.scene.control.ToggleButton.class).isSelected());
    }
}
