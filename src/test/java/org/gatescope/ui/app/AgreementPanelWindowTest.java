package org.gatescope.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.gatescope.ui.UiTestModels;
import org.gatescope.ui.explorer.ExplorerViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The side panel's singular-or-plural box, as a student reads it: the text's own verb, every label whole. */
@ExtendWith(ApplicationExtension.class)
class AgreementPanelWindowTest {

    @TempDir
    Path folder;

    private ExplorerViewModel explorer;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        explorer = UiTestModels.showExplorer(stage, folder);
    }

    @AfterEach
    void releaseTheStage(FxRobot robot) {
        UiTestModels.releaseStage(robot, stage);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void bothShareLabelsAreReadableAtEveryStepWhateverTheShare(FxRobot robot) {
        Node box = robot.lookup("#agreement").query();
        for (int t = 0; t < explorer.lengthProperty().get(); t++) {
            int step = t;
            robot.interact(() -> explorer.jumpTo(step));
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals("was or were?", text(robot, "#agreement-title"));
            Bounds inside = box.localToScene(box.getLayoutBounds());
            for (String id : new String[] {"#singular-share", "#plural-share"}) {
                Label share = robot.lookup(id).queryAs(Label.class);
                assertTrue(share.getWidth() >= share.prefWidth(-1) - 0.5,
                        id + " at step " + step + " is cut: \"" + share.getText() + "\"");
                Bounds bounds = share.localToScene(share.getLayoutBounds());
                assertTrue(bounds.getMinX() >= inside.getMinX() - 0.5 && bounds.getMaxX() <= inside.getMaxX() + 0.5,
                        id + " at step " + step + " lies outside its box");
            }
            assertTrue(text(robot, "#plural-share").endsWith("% were"), text(robot, "#plural-share"));
        }
    }

    @Test
    void aSentenceWithAnotherVerbComparesThatVerb(FxRobot robot) {
        robot.interact(() -> explorer.setSentenceNow("The keys to the cabinet were on the table."));
        robot.interact(() -> explorer.jumpTo(4));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("was or were?", text(robot, "#agreement-title"));
        assertTrue(text(robot, "#agreement-caption").contains("\u201Cwere\u201D (token 6)"),
                text(robot, "#agreement-caption"));
    }

    @Test
    void eachSentenceOfATextHasItsOwnVerb(FxRobot robot) {
        robot.interact(() -> explorer.setSentenceNow("The cat was full. The dogs, which ate the fish, were tired."));
        robot.interact(() -> explorer.jumpTo(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text(robot, "#agreement-caption").contains("(token 3)"), text(robot, "#agreement-caption"));

        robot.interact(() -> explorer.jumpTo(3));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text(robot, "#agreement-caption").contains("\u201Cwere\u201D (token 14)"),
                text(robot, "#agreement-caption"));
    }

    @Test
    void aTextWithoutAnAgreeingVerbSaysSoInsteadOfWasOrWere(FxRobot robot) {
        robot.interact(() -> explorer.setSentenceNow("The cat ate the fish."));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("No verb to compare", text(robot, "#agreement-title"));
        assertTrue(robot.lookup("#no-verb").query().isVisible());
        assertFalse(robot.lookup("#agreement-split").query().isVisible()
                && robot.lookup("#agreement-split").query().getParent().isVisible(), "no was/were bar");
    }
}
