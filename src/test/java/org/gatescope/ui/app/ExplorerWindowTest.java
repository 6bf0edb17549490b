package org.gatescope.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Map;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.Trace;
import org.gatescope.render.HeatmapImage;
import org.gatescope.render.HeatmapLayout;
import org.gatescope.ui.UiTestModels;
import org.gatescope.ui.explorer.ExplorerViewModel;
import org.gatescope.ui.explorer.TokenStrip;
import org.gatescope.ui.task.HeatmapExportService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window as a user drives it, headless under Monocle. The view model traces on the
 * calling (FX) thread here, so what a click asks for is on screen when the click returns.
 */
@ExtendWith(ApplicationExtension.class)
class ExplorerWindowTest {

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

    private Trace trace() {
        return explorer.primary().getTrace();
    }

    /** What the diagram shows for the primary unit matches the trace at the current step. */
    private void assertDiagramShowsStep(int step) {
        Trace trace = trace();
        int unit = explorer.primary().getPrimaryUnit();
        Map<Quantity, Double> shown = view.diagram().displayedValues();
        assertEquals(trace.quantities().size(), shown.size());
        for (Quantity q : trace.quantities()) {
            assertEquals(trace.value(q, step, unit), shown.get(q), 1e-12, q.symbol());
        }
    }

    /** TestFX hands every test class the same stage: leave it as we found it (no minimum size, no view). */
    @AfterEach
    void releaseTheStage(FxRobot robot) {
        UiTestModels.releaseStage(robot, stage);
    }

    @Test
    void opensWithTheLectureSentenceAtTheFirstToken(FxRobot robot) {
        assertEquals(GateScopeApp.TITLE, ((Stage) view.getScene().getWindow()).getTitle());
        assertEquals(11, view.tokenStrip().getItems().size());
        assertEquals(0, view.tokenStrip().getSelectionModel().getSelectedIndex());
        assertDiagramShowsStep(0);
        assertEquals("1 / 11", robot.lookup("#position").queryAs(Label.class).getText());
    }

    @Test
    void theRightArrowStepsAndTheDiagramFollowsTheTrace(FxRobot robot) {
        robot.interact(() -> view.requestFocus());
        robot.type(KeyCode.RIGHT);
        robot.type(KeyCode.RIGHT);

        assertEquals(2, explorer.getStep());
        assertDiagramShowsStep(2);
        assertEquals(2, view.tokenStrip().getSelectionModel().getSelectedIndex());

        robot.type(KeyCode.END);
        assertEquals(10, explorer.getStep());
        assertDiagramShowsStep(10);
        robot.type(KeyCode.LEFT);
        robot.type(KeyCode.HOME);
        assertEquals(0, explorer.getStep());
    }

    @Test
    void theStepButtonsStepToo(FxRobot robot) {
        robot.clickOn("#step-forward");
        robot.clickOn("#step-forward");
        robot.clickOn("#step-forward");
        assertEquals(3, explorer.getStep());
        assertDiagramShowsStep(3);

        robot.clickOn("#step-back");
        assertEquals(2, explorer.getStep());
        robot.clickOn("#step-last");
        assertEquals(10, explorer.getStep());
        robot.clickOn("#step-first");
        assertEquals(0, explorer.getStep());
    }

    @Test
    void keysWorkWhateverHasFocusButEditTheSentenceWhileTyping(FxRobot robot) {
        robot.clickOn("#step-forward"); // a button has the focus now
        robot.type(KeyCode.RIGHT);
        assertEquals(2, explorer.getStep());
        robot.type(KeyCode.SPACE);
        assertTrue(explorer.isPlaying(), "Space plays, even on a focused button");
        robot.type(KeyCode.SPACE);
        assertFalse(explorer.isPlaying());

        robot.clickOn("#sentence");
        robot.type(KeyCode.LEFT);
        robot.type(KeyCode.HOME);
        assertEquals(2, explorer.getStep(), "arrows move the caret while typing");

        robot.type(KeyCode.ESCAPE);
        robot.type(KeyCode.RIGHT);
        assertEquals(3, explorer.getStep());
    }

    @Test
    void clickingAChipJumpsToItsTokenAndTheArrowsStepFromThere(FxRobot robot) {
        robot.clickOn("#sentence");
        TokenStrip.ChipCell chip = view.tokenStrip().chipAt(4);
        assertNotNull(chip);
        robot.clickOn(chip);
        assertEquals(4, explorer.getStep());
        assertDiagramShowsStep(4);

        robot.type(KeyCode.RIGHT);
        assertEquals(5, explorer.getStep(), "the click left the sentence field");
    }

    @Test
    void f1ListsTheKeyboardShortcuts(FxRobot robot) {
        robot.interact(() -> view.requestFocus());
        robot.type(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(robot.listTargetWindows().stream().anyMatch(w -> w instanceof Stage s
                && "Keyboard shortcuts".equals(s.getTitle()) && s.isShowing()));
        assertTrue(robot.lookup("Space").tryQuery().isPresent());
    }

    @Test
    void theCellToggleRetracesWithThatCellsGates(FxRobot robot) {
        robot.clickOn("#step-forward");
        robot.clickOn("#cell-gru");

        assertEquals(CellKind.GRU, trace().cell());
        assertTrue(view.diagram().displayedValues().containsKey(Quantity.RELEVANCE_GATE));
        assertFalse(view.diagram().displayedValues().containsKey(Quantity.FORGET_GATE));
        assertEquals(1, explorer.getStep(), "the step stays");
        assertDiagramShowsStep(1);

        robot.interact(() -> view.requestFocus());
        robot.type(KeyCode.DIGIT1);
        assertEquals(CellKind.RNN, trace().cell());
        assertEquals(java.util.Set.of(Quantity.ACTIVATION), view.diagram().displayedValues().keySet());
        robot.type(KeyCode.DIGIT5);
        assertEquals(CellKind.PEEPHOLE_LSTM, trace().cell());
    }

    @Test
    void typingASentenceWithAnUnknownWordMarksItsChip(FxRobot robot) {
        robot.clickOn("#sentence");
        robot.interact(() -> robot.lookup("#sentence").queryTextInputControl().selectAll());
        robot.write("The zebra was full.");
        robot.type(KeyCode.ENTER);

        assertEquals(5, trace().length());
        TokenStrip.ChipCell zebra = view.tokenStrip().chipAt(1);
        assertNotNull(zebra);
        assertTrue(zebra.isUnknown());
        assertEquals("\u201Czebra\u201D is not in the model's vocabulary: read as <unk>",
                zebra.getTooltip().getText());
        assertFalse(view.tokenStrip().chipAt(2).isUnknown());
    }

    @Test
    void anEmptySentenceShowsTheHintNotAnError(FxRobot robot) {
        robot.interact(() -> robot.lookup("#sentence").queryTextInputControl().clear());

        assertEquals(ExplorerViewModel.EMPTY_HINT, robot.lookup("#sentence").queryTextInputControl().getPromptText());
        assertFalse(robot.lookup("#error-banner").query().isVisible());
        assertTrue(view.diagram().displayedValues().isEmpty());
    }

    @Test
    void exportWritesAPngOfTheRenderersSize(FxRobot robot) throws Exception {
        Path target = folder.resolve("heatmaps.png");
        robot.interact(() -> explorer.exportHeatmaps(null, target));

        BufferedImage image = ImageIO.read(target.toFile());
        HeatmapLayout layout = HeatmapImage.layout(trace(), HeatmapExportService.options(trace(), null, "lstm", 0,
                Integer.MAX_VALUE));
        assertEquals(layout.width(), image.getWidth());
        assertEquals(layout.height(), image.getHeight());
    }

    @Test
    void theWindowSurvivesABrokenModelFileWithAMessage(FxRobot robot) {
        Path broken = UiTestModels.broken(folder);
        robot.interact(() -> explorer.openModel(broken));

        Node banner = robot.lookup("#error-banner").query();
        assertTrue(banner.isVisible());
        String message = robot.lookup("#error-message").queryAs(Label.class).getText();
        assertTrue(message.contains("broken.safetensors"), message);
        assertEquals(CellKind.LSTM, trace().cell(), "the previous model stays");
        assertDiagramShowsStep(0);

        robot.interact(() -> view.requestFocus());
        robot.type(KeyCode.ESCAPE);
        assertFalse(banner.isVisible());
    }

    @Test
    void clickingAHeatmapCellSelectsItsUnitAndToken(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        double[] centre = view.heatmap().cellCentre(Quantity.UPDATE_GATE, 2, 5);
        Point2D onScreen = view.heatmap().localToScreen(centre[0], centre[1]);
        robot.clickOn(onScreen);

        assertEquals(5, explorer.getStep());
        assertEquals(2, explorer.primary().getPrimaryUnit());
        assertDiagramShowsStep(5);
    }

    @Test
    void manyChangesWithinOneFrameRepaintTheCanvasesOnce(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        long[] before = new long[2];
        robot.interact(() -> {
            before[0] = view.timeline().paintCount();
            before[1] = view.heatmap().paintCount();
            for (int i = 0; i < 30; i++) {
                explorer.stepForward();
                explorer.primary().movePrimaryUnit(1);
            }
        });
        WaitForAsyncUtils.sleep(200, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        long timelinePaints = view.timeline().paintCount() - before[0];
        long heatmapPaints = view.heatmap().paintCount() - before[1];
        assertTrue(timelinePaints >= 1 && timelinePaints <= 2, timelinePaints + " timeline paints");
        assertTrue(heatmapPaints >= 1 && heatmapPaints <= 2, heatmapPaints + " heatmap paints");
    }

    @Test
    void aLongTextRasterisesOnlyTheVisibleHeatmapTiles(FxRobot robot) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            text.append(i % 3 == 0 ? "the " : i % 3 == 1 ? "cat " : "ate ");
        }
        robot.interact(() -> explorer.setSentenceNow(text.toString()));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(200, java.util.concurrent.TimeUnit.MILLISECONDS);

        assertEquals(3000, trace().length());
        int bands = trace().quantities().size();
        long built = view.heatmap().tilesBuilt();
        assertTrue(built >= bands && built <= 2L * bands, built + " tiles for " + bands + " bands");

        robot.interact(explorer::last);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(200, java.util.concurrent.TimeUnit.MILLISECONDS);
        assertTrue(view.heatmap().tilesBuilt() <= 4L * bands, "the end's tiles only, not those in between");
        assertTrue(view.mainAxis().firstVisible() <= 2999 && 2999 <= view.mainAxis().lastVisible(),
                "the last token is scrolled into view");
    }

    @Test
    void theCompareViewShowsTwoCellsSideBySide(FxRobot robot) {
        robot.interact(() -> view.requestFocus());
        robot.type(KeyCode.C);

        assertTrue(explorer.compareProperty().get());
        assertTrue(view.comparisonDiagram().isVisible() && view.comparisonDiagram().getScene() != null);
        assertEquals(CellKind.GRU, explorer.comparison().getTrace().cell());
        assertTrue(view.comparisonDiagram().displayedValues().containsKey(Quantity.RELEVANCE_GATE));

        robot.type(KeyCode.RIGHT);
        Trace other = explorer.comparison().getTrace();
        int unit = explorer.comparison().getPrimaryUnit();
        assertEquals(other.value(Quantity.MEMORY_CELL, 1, unit),
                view.comparisonDiagram().displayedValues().get(Quantity.MEMORY_CELL), 1e-12);

        robot.type(KeyCode.C);
        assertFalse(explorer.compareProperty().get());
        assertNotNull(view.heatmap().getScene());
    }
}
