package org.gatescope.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.Stage;
import org.gatescope.TestModels;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.GruReset;
import org.gatescope.ui.UiTestModels;
import org.gatescope.ui.explorer.ExplorerViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * {@code gatescope FILE} and a double-click on a file: the window opens on that model, and for a
 * file it cannot open it shows the bundled model with a banner that says why.
 */
@ExtendWith(ApplicationExtension.class)
class LaunchFileWindowTest {

    @TempDir
    Path folder;

    private ExplorerViewModel explorer;
    private Stage stage;
    private final java.util.List<Path> sessionsOpened = new java.util.ArrayList<>();

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
    void aModelFileOpensInTheWindow(FxRobot robot) {
        Path gru = UiTestModels.write(folder, "my-gru",
                TestModels.random(CellKind.GRU, GruReset.AFTER, 16, 5, UiTestModels.HIDDEN, 3));

        robot.interact(() -> LaunchFile.open(explorer, gru.toString(), sessionsOpened::add));

        assertEquals(gru.toString(), explorer.primary().chosenModelProperty().get());
        assertEquals(CellKind.GRU, explorer.cellProperty().get());
        assertEquals("", explorer.errorProperty().get());
    }

    @Test
    void aMissingFileLeavesTheBundledModelAndSaysSo(FxRobot robot) {
        String shown = explorer.primary().chosenModelProperty().get();
        Path missing = folder.resolve("deleted since.safetensors");

        robot.interact(() -> LaunchFile.open(explorer, missing.toString(), sessionsOpened::add));

        String banner = explorer.errorProperty().get();
        assertTrue(banner.contains("deleted since.safetensors") && banner.contains("not found"), banner);
        assertTrue(robot.lookup("#error-banner").query().isVisible());
        assertEquals(shown, explorer.primary().chosenModelProperty().get(), "the bundled model stays");
    }

    @Test
    void aFolderIsNamedAsOneAndTheBundledModelStays(FxRobot robot) {
        String shown = explorer.primary().chosenModelProperty().get();

        robot.interact(() -> LaunchFile.open(explorer, folder.toString(), sessionsOpened::add));

        String banner = explorer.errorProperty().get();
        assertTrue(banner.contains("it is a folder, not a model file"), banner);
        assertEquals(shown, explorer.primary().chosenModelProperty().get());
    }

    @Test
    void aFileThatIsNoModelIsDescribedByTheReader(FxRobot robot) throws Exception {
        Path notes = Files.writeString(folder.resolve("notes.h5"), "not HDF5");
        for (Path wrong : new Path[] {notes, UiTestModels.broken(folder)}) {
            robot.interact(() -> LaunchFile.open(explorer, wrong.toString(), sessionsOpened::add));
            String banner = explorer.errorProperty().get();
            assertTrue(banner.startsWith("Cannot open the model \u2014 ") && banner.contains(wrong.getFileName().toString()),
                    wrong + ": " + banner);
            robot.interact(explorer::dismissError);
        }
    }

    @Test
    void aSavedSessionIsHandedToTheSessionOpenerNotTheModelReader(FxRobot robot) throws Exception {
        Path session = Files.writeString(folder.resolve("lecture.gatescope"), "{}");

        robot.interact(() -> LaunchFile.open(explorer, session.toString(), sessionsOpened::add));

        assertEquals(java.util.List.of(session), sessionsOpened);
        assertEquals("", explorer.errorProperty().get(), "the model reader never saw it");
    }
}
