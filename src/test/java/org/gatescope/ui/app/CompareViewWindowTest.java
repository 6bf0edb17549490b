package org.gatescope.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.Trace;
import org.gatescope.ui.UiTestModels;
import org.gatescope.ui.explorer.CellViewModel;
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
 * The compare view as a user drives it, headless under Monocle: each column a diagram, a timeline
 * and the heatmaps of its cell, a unit drop-down in its header, and the arrow keys acting on the
 * column clicked last. The view model traces on the calling (FX) thread here.
 */
@ExtendWith(ApplicationExtension.class)
class CompareViewWindowTest {

    private static final PseudoClass UNIT_KEYS = PseudoClass.getPseudoClass("unit-keys");

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

    /** TestFX hands every test class the same stage: leave it as we found it (no minimum size, no view). */
    @AfterEach
    void releaseTheStage(FxRobot robot) {
        UiTestModels.releaseStage(robot, stage);
    }

    @Test
    void eachColumnShowsItsCellsHeatmapsUnderItsTimeline(FxRobot robot) {
        compare(robot);

        Node mainColumn = robot.lookup("#main-column").query();
        Node compareColumn = robot.lookup("#compare-column").query();
        assertTrue(isInside(view.heatmap(), mainColumn), "the main cell's heatmaps in the left column");
        assertTrue(isInside(view.comparisonHeatmap(), compareColumn), "the second cell's in the right one");
        assertBelow(view.timeline(), view.heatmap());
        assertBelow(view.comparisonTimeline(), view.comparisonHeatmap());
        for (HeatmapView heatmap : List.of(view.heatmap(), view.comparisonHeatmap())) {
            Bounds shown = heatmap.localToScreen(heatmap.getBoundsInLocal());
            // above them the diagram and the timeline keep their readable least heights
            assertTrue(shown.getWidth() > 200 && shown.getHeight() > 80, heatmap.getId() + " is " + shown);
            assertTrue(window().contains(shown.getMinX(), shown.getMinY(), shown.getWidth(), shown.getHeight()),
                    heatmap.getId() + " lies in the window");
        }
        int bands = explorer.comparison().getTrace().quantities().size();
        assertTrue(view.comparisonHeatmap().tilesBuilt() >= 1 && bands > 1, "the second cell's bands in view are drawn");
        assertTrue(explorer.comparison().getTrace().has(Quantity.RELEVANCE_GATE), "a GRU beside the LSTM");
    }

    @Test
    void clickingACellOfTheSecondColumnsHeatmapSelectsThatUnitOfTheSecondCellAndTheToken(FxRobot robot) {
        compare(robot);
        int mainUnit = explorer.primary().getPrimaryUnit();
        int unit = (explorer.comparison().getPrimaryUnit() + 2) % UiTestModels.HIDDEN;

        leftClick(robot, heatmapPoint(view.comparisonHeatmap(), Quantity.UPDATE_GATE, unit, 3));

        assertEquals(3, explorer.getStep());
        assertEquals(unit, explorer.comparison().getPrimaryUnit());
        assertTrue(explorer.comparison().selectedUnits().contains(unit), "drawn on the second timeline too");
        assertEquals(mainUnit, explorer.primary().getPrimaryUnit(), "the main cell keeps its unit");
        Trace other = explorer.comparison().getTrace();
        assertEquals(other.value(Quantity.UPDATE_GATE, 3, unit),
                view.comparisonDiagram().displayedValues().get(Quantity.UPDATE_GATE), 1e-12);
        assertEquals(unit, unitChooser(robot, "compare").getValue(), "the column's drop-down follows");
    }

    @Test
    void theSecondColumnsUnitDropDownChoosesTheSecondCellsUnit(FxRobot robot) {
        compare(robot);
        int mainUnit = explorer.primary().getPrimaryUnit();
        int unit = explorer.comparison().getPrimaryUnit() == 4 ? 5 : 4;

        leftClick(robot, centreOf(unitChooser(robot, "compare")));
        ListCell<?> choice = robot.lookup(".combo-box-popup .list-cell").match(
                (ListCell<?> c) -> Integer.valueOf(unit).equals(c.getItem())).query();
        leftClick(robot, centreOf(choice));

        assertEquals(unit, explorer.comparison().getPrimaryUnit());
        assertEquals(mainUnit, explorer.primary().getPrimaryUnit());
        Trace other = explorer.comparison().getTrace();
        assertEquals(other.value(Quantity.MEMORY_CELL, 0, unit),
                view.comparisonDiagram().displayedValues().get(Quantity.MEMORY_CELL), 1e-12);

        robot.interact(() -> explorer.comparison().movePrimaryUnit(1));
        assertEquals(explorer.comparison().getPrimaryUnit(), unitChooser(robot, "compare").getValue());
    }

    @Test
    void theUnitDropDownListsTheNumberUnitsFirstAndMarkedAndTheTimelineDrawsThem(FxRobot robot) {
        robot.interact(() -> explorer.openModel("gru"));
        compare(robot);
        assertEquals(CellKind.LSTM, explorer.comparison().getTrace().cell(), "an LSTM beside the GRU");

        assertEquals(UiTestModels.LSTM_NUMBER_UNITS, explorer.comparison().selectedUnits(),
                "the second timeline draws the number units by default, as the main one does");
        ComboBox<Integer> chooser = unitChooser(robot, "compare");
        assertEquals(UiTestModels.LSTM_NUMBER_UNITS, chooser.getItems().subList(0, 2));
        assertEquals(UiTestModels.LSTM_NUMBER_UNITS.get(0), chooser.getValue());

        leftClick(robot, centreOf(chooser));
        List<Integer> marked = robot.lookup(".combo-box-popup .list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> c.getGraphic() instanceof Label badge && badge.getText().equals("number"))
                .map(c -> (Integer) c.getItem()).toList();
        assertEquals(UiTestModels.LSTM_NUMBER_UNITS, marked);
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void upAndDownMoveTheUnitOfTheColumnClickedLast(FxRobot robot) {
        compare(robot);
        Node mainColumn = robot.lookup("#main-column").query();
        Node compareColumn = robot.lookup("#compare-column").query();
        assertTrue(mainColumn.getPseudoClassStates().contains(UNIT_KEYS), "the main column's at first");
        int main = explorer.primary().getPrimaryUnit();
        int other = explorer.comparison().getPrimaryUnit();

        leftClick(robot, centreOf(view.comparisonTimeline()));
        robot.type(KeyCode.DOWN);
        assertEquals(next(explorer.comparison(), other), explorer.comparison().getPrimaryUnit());
        assertEquals(main, explorer.primary().getPrimaryUnit());
        assertTrue(compareColumn.getPseudoClassStates().contains(UNIT_KEYS));
        assertFalse(mainColumn.getPseudoClassStates().contains(UNIT_KEYS));

        leftClick(robot, centreOf(view.timeline()));
        robot.type(KeyCode.DOWN);
        assertEquals(next(explorer.primary(), main), explorer.primary().getPrimaryUnit());
        assertEquals(next(explorer.comparison(), other), explorer.comparison().getPrimaryUnit());

        leftClick(robot, centreOf(view.comparisonDiagram()));
        robot.type(KeyCode.C); // leave the compare view: the keys are the main cell's again
        assertFalse(explorer.compareProperty().get(), "left by C, focus " + stage.getScene().getFocusOwner());
        int now = explorer.primary().getPrimaryUnit();
        robot.type(KeyCode.UP);
        assertNotEquals(now, explorer.primary().getPrimaryUnit(), "keys " + (view.unitKeysCell() == explorer.primary())
                + " focus " + stage.getScene().getFocusOwner() + " order " + explorer.primary().unitOrder());
        assertSame(explorer.primary(), view.unitKeysCell());
    }

    @Test
    void onlyTheMainColumnsHeatmapsOfferToSilenceAUnit(FxRobot robot) {
        compare(robot);

        // the top band, Γu, in view however short the heatmaps are
        click(robot, heatmapPoint(view.comparisonHeatmap(), Quantity.UPDATE_GATE, 2, 1), MouseButton.SECONDARY);
        assertFalse(robot.lookup("#silence-unit").tryQuery().isPresent(), "no menu on the second cell's rows");

        click(robot, heatmapPoint(view.heatmap(), Quantity.UPDATE_GATE, 2, 1), MouseButton.SECONDARY);
        assertTrue(robot.lookup("#silence-unit").tryQuery().isPresent(), "the main cell's rows keep theirs");
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void bothColumnsKeepTheCurrentTokenInViewOfALongText(FxRobot robot) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            text.append(i % 2 == 0 ? "the cat " : "ate . ");
        }
        robot.interact(() -> {
            explorer.setSentenceNow(text.toString());
            explorer.jumpTo(700);
        });
        compare(robot);

        assertShowsStep(view.mainAxis(), 700);
        assertShowsStep(view.comparisonAxis(), 700);

        robot.interact(() -> explorer.jumpTo(150));
        WaitForAsyncUtils.waitForFxEvents();
        assertShowsStep(view.mainAxis(), 150);
        assertShowsStep(view.comparisonAxis(), 150);
        assertEquals(view.mainAxis().firstVisible(), view.comparisonAxis().firstVisible(),
                "columns of one width show the same tokens");
    }

    @Test
    void leavingTheCompareViewRestoresTheSingleViewAsItWas(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        List<Node> cellViews = List.of(view.diagram(), view.timeline(), view.heatmap());
        Map<Node, Bounds> before = boundsInScene(robot, cellViews);

        compare(robot);
        robot.type(KeyCode.C);
        WaitForAsyncUtils.waitForFxEvents();

        assertFalse(explorer.compareProperty().get());
        // The dividers are placed again for the window's size on the way back: the views are where they
        // were, the diagram-timeline divider within a few rows of where the split's skin first put it.
        Map<Node, Bounds> after = boundsInScene(robot, cellViews);
        assertEquals(before.get(view.heatmap()), after.get(view.heatmap()), "the heatmaps where they were");
        for (Node node : cellViews) {
            assertEquals(before.get(node).getMinX(), after.get(node).getMinX(), 0.5, node.getId());
            assertEquals(before.get(node).getWidth(), after.get(node).getWidth(), 0.5, node.getId());
        }
        assertEquals(before.get(view.diagram()).getMinY(), after.get(view.diagram()).getMinY(), 0.5);
        assertEquals(before.get(view.diagram()).getMaxY(), after.get(view.diagram()).getMaxY(), 24,
                "the divider under the diagram");
        assertNull(view.comparisonHeatmap().getScene(), "the second cell's views leave the window");
        assertNull(view.comparisonTimeline().getScene());
        assertFalse(robot.lookup("#main-unit-chooser").tryQuery().isPresent(), "no column headers");
    }

    @Test
    void inTheSmallestWindowBothColumnsAndTheSidePanelFit(FxRobot robot) {
        robot.interact(() -> {
            stage.setWidth(GateScopeApp.MIN_WIDTH);
            stage.setHeight(GateScopeApp.MIN_HEIGHT);
        });
        compare(robot);

        double width = stage.getScene().getWidth();
        for (String id : List.of("#main-model-chooser", "#main-unit-chooser", "#compare-model-chooser",
                "#compare-unit-chooser", "#side-panel")) {
            Node node = robot.lookup(id).query();
            Bounds shown = node.localToScene(node.getBoundsInLocal());
            assertTrue(shown.getMaxX() <= width + 0.5, id + " ends at " + shown.getMaxX() + " of " + width);
        }
        ComboBox<?> models = robot.lookup("#compare-model-chooser .combo-box").queryAs(ComboBox.class);
        assertTrue(models.getWidth() >= 80, "room for the model's name: " + models.getWidth());
        Node left = robot.lookup("#main-column").query();
        Node right = robot.lookup("#compare-column").query();
        assertEquals(left.getBoundsInLocal().getWidth(), right.getBoundsInLocal().getWidth(), 2, "two equal columns");
        assertTrue(view.comparisonHeatmap().getHeight() >= 80, "the heatmaps keep a band or two in view");
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** Opens the compare view with the key, as a user does, and lets it lay out. */
    private void compare(FxRobot robot) {
        robot.interact(() -> view.requestFocus());
        robot.type(KeyCode.C);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(100, java.util.concurrent.TimeUnit.MILLISECONDS); // a frame, to paint
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(explorer.compareProperty().get());
    }

    private Rectangle2D window() {
        return new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
    }

    private void leftClick(FxRobot robot, Point2D screen) {
        click(robot, screen, MouseButton.PRIMARY);
    }

    /** Clicks at {@code screen}, which must lie in the window: a point outside it reaches no node. */
    private void click(FxRobot robot, Point2D screen, MouseButton button) {
        assertTrue(window().contains(screen), screen + " lies outside the window " + window());
        robot.clickOn(screen, button);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** On screen: the centre of a heatmap cell. */
    private static Point2D heatmapPoint(HeatmapView heatmap, Quantity quantity, int unit, int token) {
        return WaitForAsyncUtils.waitForAsyncFx(5000, () -> {
            double[] centre = heatmap.cellCentre(quantity, unit, token);
            return heatmap.localToScreen(centre[0], centre[1]);
        });
    }

    private static Point2D centreOf(javafx.scene.layout.Region node) {
        return WaitForAsyncUtils.waitForAsyncFx(5000,
                () -> node.localToScreen(node.getWidth() / 2, node.getHeight() / 2));
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<Integer> unitChooser(FxRobot robot, String column) {
        return robot.lookup("#" + column + "-unit-chooser").queryAs(ComboBox.class);
    }

    private static int next(CellViewModel cell, int unit) {
        List<Integer> order = cell.unitOrder();
        return order.get((order.indexOf(unit) + 1) % order.size());
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (at == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static void assertBelow(Node upper, Node lower) {
        Bounds top = upper.localToScene(upper.getBoundsInLocal());
        Bounds bottom = lower.localToScene(lower.getBoundsInLocal());
        assertTrue(bottom.getMinY() >= top.getMaxY() - 0.5, lower.getId() + " lies under " + upper.getId());
        assertEquals(top.getMinX(), bottom.getMinX(), 0.5, "the two share the column's left edge");
        assertEquals(top.getWidth(), bottom.getWidth(), 0.5, "and its width, so their token columns align");
    }

    private static void assertShowsStep(TokenViewport axis, int step) {
        assertTrue(axis.firstVisible() <= step && step <= axis.lastVisible(),
                "token " + step + " in view: " + axis.firstVisible() + ".." + axis.lastVisible());
    }

    private static Map<Node, Bounds> boundsInScene(FxRobot robot, List<Node> nodes) {
        return WaitForAsyncUtils.waitForAsyncFx(5000, () -> {
            Map<Node, Bounds> bounds = new java.util.HashMap<>();
            for (Node node : nodes) {
                bounds.put(node, node.localToScene(node.getBoundsInLocal()));
            }
            return bounds;
        });
    }
}
