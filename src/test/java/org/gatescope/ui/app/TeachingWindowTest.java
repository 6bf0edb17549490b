package org.gatescope.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.Trace;
import org.gatescope.ui.UiTestModels;
import org.gatescope.ui.diagram.CellDiagramView;
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
 * The Teach menu's keys as a teacher uses them: flip cat to cats and open the Δ view, shut a unit's Γu at
 * the subject and see the diagram mark it and the side panel compare p(was) before and after, account for
 * the memory from a token and see the band appear under the timeline.
 */
@ExtendWith(ApplicationExtension.class)
class TeachingWindowTest {

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
        robot.interact(() -> Window.getWindows().stream().filter(w -> w != stage).toList().forEach(Window::hide));
        UiTestModels.releaseStage(robot, stage);
    }

    /** Presses a shortcut at the window, through the scene's accelerators, as the keyboard would. */
    private void press(FxRobot robot, KeyCode... keys) {
        boolean shift = List.of(keys).contains(KeyCode.SHIFT);
        boolean mac = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("mac");
        KeyCode code = keys[keys.length - 1];
        robot.interact(() -> {
            view.requestFocus();
            for (javafx.event.EventType<KeyEvent> type : List.of(KeyEvent.KEY_PRESSED, KeyEvent.KEY_RELEASED)) {
                Event.fireEvent(view, new KeyEvent(type, "", "", code, shift, !mac, false, mac));
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theFlipItemNamesTheCurrentTokensFlipWhenTheMenuOpens(FxRobot robot) {
        javafx.scene.control.Menu teach = robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class)
                .getMenus().stream().filter(m -> "teach-menu".equals(m.getId())).findFirst().orElseThrow();
        javafx.scene.control.MenuItem flip = teach.getItems().stream()
                .filter(i -> "flip-number".equals(i.getId())).findFirst().orElseThrow();

        robot.interact(() -> explorer.jumpTo(1));
        robot.interact(teach::show);
        assertEquals("Flip the number of this token (cat \u2192 cats)", flip.getText());
        robot.interact(teach::hide);

        robot.interact(() -> explorer.jumpTo(3)); // "which"
        robot.interact(teach::show);
        assertEquals("Flip the number of this token (\u201Cwhich\u201D has no other number)", flip.getText());
        robot.interact(teach::hide);
    }

    @Test
    void flippingTheNumberShowsTheCounterfactualBoxAndItsDeltaView(FxRobot robot) {
        Node box = robot.lookup("#counterfactual-box").query();
        assertFalse(box.isVisible(), "nothing before it is asked for");
        robot.interact(() -> explorer.jumpTo(1));
        press(robot, KeyCode.SHORTCUT, KeyCode.D);

        assertNotNull(explorer.teaching().getCounterfactual());
        assertTrue(box.isVisible());
        assertEquals("cat \u2192 cats at token 2", robot.lookup("#counterfactual-text").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#counterfactual-carriers").queryAs(Label.class).getText().startsWith("carried most by"));

        // the box may sit below the side panel's fold: the button as the user reaches it after scrolling
        robot.interact(() -> robot.lookup("#show-difference").queryAs(javafx.scene.control.Button.class).fire());
        WaitForAsyncUtils.waitForFxEvents();
        ImageView chart = robot.lookup("#counterfactual-chart").queryAs(ImageView.class);
        assertNotNull(chart.getImage(), "the Δ chart, drawn on the worker");
        assertTrue(chart.getImage().getWidth() > 600);

        robot.interact(() -> explorer.setSentenceNow("The dog was full."));
        assertFalse(box.isVisible(), "a new text drops the counterfactual");
        assertNull(chart.getImage());
    }

    @Test
    void shuttingTheUpdateGateMarksTheDiagramAndComparesBeforeAndAfter(FxRobot robot) {
        robot.interact(() -> explorer.jumpTo(1));
        Trace intact = explorer.primary().getTrace();
        press(robot, KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.K);

        int unit = explorer.primary().getPrimaryUnit();
        assertEquals(0.0, explorer.primary().getTrace().value(Quantity.UPDATE_GATE, 1, unit));
        CellDiagramView diagram = robot.lookup("#diagram").queryAs(org.gatescope.ui.explorer.DiagramPane.class)
                .diagram();
        assertEquals(Set.of(Quantity.UPDATE_GATE), diagram.clampedGates());
        Node clampBox = robot.lookup("#clamp-box").query();
        assertTrue(clampBox.isVisible());
        assertTrue(robot.lookup(".clamp-text").queryAs(Label.class).getText().startsWith("\u0393u of unit " + unit));

        robot.interact(() -> explorer.jumpTo(2));
        assertEquals(Set.of(), diagram.clampedGates(), "clamped at token 2 only");

        robot.clickOn("#clear-clamps");
        assertFalse(clampBox.isVisible());
        assertEquals(intact.value(Quantity.UPDATE_GATE, 1, unit),
                explorer.primary().getTrace().value(Quantity.UPDATE_GATE, 1, unit));
    }

    @Test
    void accountingForTheMemoryAddsTheBandUnderTheTimeline(FxRobot robot) {
        double before = WaitForAsyncUtils.waitForAsyncFx(5000, () -> view.timeline().minHeight(-1));
        robot.interact(() -> explorer.jumpTo(1));
        press(robot, KeyCode.SHORTCUT, KeyCode.M);
        assertEquals(1, explorer.teaching().memoryFromProperty().get());
        assertTrue(robot.lookup("#memory-box").query().isVisible());
        double after = WaitForAsyncUtils.waitForAsyncFx(5000, () -> view.timeline().minHeight(-1));
        assertTrue(after > before, "the band takes room: " + before + " -> " + after);

        robot.clickOn("#hide-memory");
        assertEquals(-1, explorer.teaching().memoryFromProperty().get());
        assertFalse(robot.lookup("#memory-box").query().isVisible());
    }
}
