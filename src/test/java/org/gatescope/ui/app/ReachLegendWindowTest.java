package org.gatescope.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
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

/** The bars under the token chips (the memory reach) have a legend beside the strip while shown. */
@ExtendWith(ApplicationExtension.class)
class ReachLegendWindowTest {

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

    @Test
    void theReachBarsUnderTheWordsAreExplainedWhileShown(FxRobot robot) {
        robot.interact(() -> explorer.setShowReach(true));
        WaitForAsyncUtils.waitForFxEvents();
        Label legend = robot.lookup("#reach-legend").queryAs(Label.class);
        assertTrue(legend.isVisible());
        String target = explorer.getReach().target();
        assertEquals("reach of p(" + target + ")", legend.getText());
        assertTrue(legend.getTooltip().getText().startsWith("The bar under each word"), legend.getTooltip().getText());
        assertTrue(legend.getWidth() >= legend.prefWidth(-1) - 0.5, "not shortened");

        robot.interact(() -> explorer.setShowReach(false));
        assertFalse(legend.isVisible(), "no bars, no legend");
        assertFalse(legend.isManaged(), "its room goes back to the strip");
    }
}
