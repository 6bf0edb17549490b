package org.gatescope.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.analysis.Ablation;
import org.gatescope.ui.UiTestModels;
import org.gatescope.ui.diagram.CellDiagramView;
import org.gatescope.ui.explorer.ExplorerViewModel;
import org.gatescope.ui.explorer.TokenViewport;
import org.gatescope.ui.heatmap.HeatmapView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Silencing a unit with a right click wherever a unit is shown (the side panel's list, a heatmap
 * row, the diagram's unit strip), through the real popup menu, and the memory reach toggle, as
 * a user does it.
 */
@ExtendWith(ApplicationExtension.class)
class UnitAblationWindowTest {

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
    void rightClickingAUnitInTheListAndSilencingItShowsTheAblationBox(FxRobot robot) {
        Node box = robot.lookup("#ablation-box").query();
        assertFalse(box.isVisible(), "no ablation before one is asked for");

        int first = explorer.primary().unitOrder().get(0);
        ListCell<?> unitCell = robot.lookup("#unit-list .list-cell").match(
                (ListCell<?> c) -> c.getItem() != null && c.getItem().equals(first)).query();
        Point2D centre = WaitForAsyncUtils.waitForAsyncFx(5000,
                () -> unitCell.localToScreen(unitCell.getWidth() / 2, unitCell.getHeight() / 2));
        rightClick(robot, centre);
        assertEquals(List.of("Silence unit " + first + " (memory cell c<t> = 0 at every token)",
                "Silence unit " + first + " from \u201C" + token(0) + "\u201D on (c<t> = 0 from token 1)"),
                menuTexts(robot));
        robot.clickOn("#silence-unit");

        Ablation ablation = explorer.getAblation();
        assertNotNull(ablation);
        assertEquals(first, ablation.unit());
        assertEquals(0, ablation.fromStep());
        assertTrue(box.isVisible());
        assertEquals("Silenced unit " + first, robot.lookup("#ablation-title").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#ablation-shares").queryAs(Label.class).getText().startsWith("share of was"));

        robot.clickOn("#clear-ablation");
        assertFalse(box.isVisible());
        String sentence = explorer.sentenceProperty().get();
        robot.type(KeyCode.DIGIT4);
        assertEquals(sentence, explorer.sentenceProperty().get(),
                "the focus stays off the sentence field: a cell key after Clear does not replace the sentence");
    }

    @Test
    void rightClickingAHeatmapCellSilencesItsRowsUnitFromItsToken(FxRobot robot) {
        robot.interact(() -> explorer.jumpTo(1));
        rightClick(robot, heatmapPoint(Quantity.MEMORY_CELL, 2, 4, false));
        assertTrue(menuTexts(robot).get(1).startsWith("Silence unit 2 from \u201C" + token(4) + "\u201D on"),
                menuTexts(robot).toString());
        robot.clickOn("#silence-unit-from-here");

        Ablation ablation = explorer.getAblation();
        assertNotNull(ablation);
        assertEquals(2, ablation.unit());
        assertEquals(4, ablation.fromStep(), "from the clicked column, not the current token");
        assertEquals(1, explorer.getStep(), "a right click selects no token");
    }

    @Test
    void rightClickingBesideAHeatmapRowSilencesItsUnitFromTheCurrentToken(FxRobot robot) {
        robot.interact(() -> explorer.jumpTo(3));
        rightClick(robot, heatmapPoint(Quantity.FORGET_GATE, 1, 0, true));
        robot.clickOn("#silence-unit-from-here");

        Ablation ablation = explorer.getAblation();
        assertNotNull(ablation);
        assertEquals(1, ablation.unit());
        assertEquals(3, ablation.fromStep());
    }

    @Test
    void rightClickingAUnitInTheDiagramsStripSilencesThatUnit(FxRobot robot) {
        robot.interact(() -> explorer.jumpTo(2));
        int primary = explorer.primary().getPrimaryUnit();
        int unit = primary == 4 ? 3 : 4;
        rightClick(robot, stripPoint(unit));
        robot.clickOn("#silence-unit-from-here");

        Ablation ablation = explorer.getAblation();
        assertNotNull(ablation);
        assertEquals(unit, ablation.unit());
        assertEquals(2, ablation.fromStep(), "from the current token");
        assertEquals(primary, explorer.primary().getPrimaryUnit(), "a right click selects no unit");

        rightClick(robot, stripPoint(unit));
        robot.clickOn("#silence-unit");
        assertEquals(0, explorer.getAblation().fromStep());
    }

    @Test
    void theVanillaRnnsMenuAndAblationNameItsHiddenState(FxRobot robot) {
        robot.interact(() -> explorer.chooseCell(CellKind.RNN));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(CellKind.RNN, explorer.primary().getTrace().cell());
        rightClick(robot, heatmapPoint(Quantity.ACTIVATION, 5, 2, false));
        List<String> texts = menuTexts(robot);
        assertEquals("Silence unit 5 (hidden state a<t> = 0 at every token)", texts.get(0));
        assertTrue(texts.get(1).endsWith("(a<t> = 0 from token 3)"), texts.get(1));
        robot.clickOn("#silence-unit");

        assertEquals(5, explorer.getAblation().unit());
        String position = robot.lookup("#ablation-position").queryAs(Label.class).getText();
        assertTrue(position.startsWith("hidden state a<t> forced to 0"), position);
    }

    @Test
    void rTogglesTheMemoryReach(FxRobot robot) {
        assertTrue(explorer.showReachProperty().get());
        robot.interact(() -> view.requestFocus());
        assertNotNull(view.tokenStrip().chipAt(1).getGraphic(), "the strip underlines each token by its reach");
        robot.type(KeyCode.R);
        assertFalse(explorer.showReachProperty().get());
        assertNull(view.tokenStrip().chipAt(1).getGraphic());
        robot.type(KeyCode.R);
        assertTrue(explorer.showReachProperty().get());
    }

    /**
     * Right-clicks at {@code screen}, which must lie in the window: a point outside every window
     * reaches no node, and the menu would silently not open.
     */
    private void rightClick(FxRobot robot, Point2D screen) {
        Rectangle2D window = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        assertTrue(window.contains(screen), screen + " lies outside the window " + window);
        robot.clickOn(screen, MouseButton.SECONDARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#silence-unit").tryQuery().isPresent(), "the unit menu opened");
    }

    /** What the open menu's items say, top to bottom. */
    private static List<String> menuTexts(FxRobot robot) {
        return robot.lookup(".context-menu .menu-item .label").queryAllAs(Labeled.class).stream()
                .map(Labeled::getText).toList();
    }

    private String token(int step) {
        return explorer.primary().getTrace().tokens().get(step);
    }

    /** On screen: a heatmap cell's centre, or with {@code besideTheCells} its row's unit label left of the cells. */
    private Point2D heatmapPoint(Quantity quantity, int unit, int token, boolean besideTheCells) {
        WaitForAsyncUtils.waitForFxEvents();
        HeatmapView heatmap = view.heatmap();
        double[] centre = heatmap.cellCentre(quantity, unit, token);
        return heatmap.localToScreen(besideTheCells ? TokenViewport.LEFT - 12 : centre[0], centre[1]);
    }

    /** On screen: the middle of {@code unit}'s part of the diagram's first unit strip found from the top. */
    private Point2D stripPoint(int unit) {
        WaitForAsyncUtils.waitForFxEvents();
        CellDiagramView diagram = view.diagram().diagram();
        return WaitForAsyncUtils.waitForAsyncFx(5000, () -> {
            for (double y = 0; y < diagram.getHeight(); y++) {
                double from = Double.NaN;
                for (double x = 0; x < diagram.getWidth(); x++) {
                    OptionalInt at = diagram.unitAt(x, y);
                    boolean inside = at.isPresent() && at.getAsInt() == unit;
                    if (inside && Double.isNaN(from)) {
                        from = x;
                    } else if (!inside && !Double.isNaN(from)) {
                        // a row a few pixels into the strip, away from its edge's tolerance
                        if (diagram.unitAt((from + x) / 2, y + 4).orElse(-1) == unit) {
                            return diagram.localToScreen((from + x) / 2, y + 4);
                        }
                        break;
                    }
                }
            }
            throw new AssertionError("unit " + unit + " is in no strip of the diagram");
        });
    }
}
