package org.gatescope.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.gatescope.ui.UiTestModels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window carries GateScope's icon at every size, as the menu entry does. */
@ExtendWith(ApplicationExtension.class)
class WindowIconsWindowTest {

    @TempDir
    Path folder;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        UiTestModels.showExplorer(stage, folder);
    }

    @AfterEach
    void releaseTheStage(FxRobot robot) {
        UiTestModels.releaseStage(robot, stage);
    }

    @Test
    void theWindowHasTheIconAtEverySize() {
        List<Image> icons = stage.getIcons();
        assertEquals(WindowIcons.SIZES.length, icons.size());
        for (int i = 0; i < icons.size(); i++) {
            Image icon = icons.get(i);
            assertFalse(icon.isError(), "icon " + WindowIcons.SIZES[i]);
            assertEquals(WindowIcons.SIZES[i], icon.getWidth());
            assertEquals(WindowIcons.SIZES[i], icon.getHeight());
        }
    }
}
