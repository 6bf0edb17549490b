package org.gatescope.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.gatescope.engine.CellKind;
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
 * The window's lists of models: names shown as they are (an underscore is not a mnemonic), and
 * only models that opened in the drop-downs.
 */
@ExtendWith(ApplicationExtension.class)
class ModelListsWindowTest {

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

    private static Menu bundledMenu(FxRobot robot) {
        MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
        return (Menu) bar.getMenus().get(0).getItems().stream()
                .filter(item -> "bundled-menu".equals(item.getId())).findFirst().orElseThrow();
    }

    @Test
    void bundledModelsAreListedByTheirNamesUnderscoresAndAll(FxRobot robot) {
        Menu bundled = bundledMenu(robot);
        List<String> names = bundled.getItems().stream().map(MenuItem::getText).toList();
        assertEquals(List.of("lstm", "gru", "peephole_lstm", "gru_simple", "rnn"), names);
        for (MenuItem item : bundled.getItems()) {
            assertFalse(item.isMnemonicParsing(), item.getText() + ": an underscore is part of the name");
        }
    }

    @Test
    void aBundledModelOpensFromTheMenu(FxRobot robot) {
        MenuItem peephole = bundledMenu(robot).getItems().get(2);
        robot.interact(peephole::fire);
        assertEquals(CellKind.PEEPHOLE_LSTM, explorer.primary().getModel().cell());
    }

    @Test
    void aFileThatFailsToOpenIsNotKeptInTheDropDown(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ComboBox<String> models = robot.lookup("#model-chooser .combo-box").queryAs(ComboBox.class);
        List<String> before = List.copyOf(models.getItems());
        Path broken = UiTestModels.broken(folder);

        robot.interact(() -> explorer.openModel(broken));

        assertTrue(robot.lookup("#error-banner").query().isVisible(), "the banner says why");
        assertEquals(before, models.getItems(), "only models that opened are listed");
        assertEquals("lstm", models.getValue(), "the previous model stays chosen");
        assertEquals(CellKind.LSTM, explorer.primary().getTrace().cell(), "and shown");
    }

    @Test
    void aFileThatOpensJoinsTheDropDown(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ComboBox<String> models = robot.lookup("#model-chooser .combo-box").queryAs(ComboBox.class);
        Path copy = UiTestModels.write(folder, "my_gru",
                org.gatescope.TestModels.random(CellKind.GRU, org.gatescope.engine.GruReset.BEFORE, 16, 5,
                        UiTestModels.HIDDEN, 3));

        robot.interact(() -> explorer.openModel(copy));

        assertEquals(copy.toString(), models.getValue());
        assertTrue(models.getItems().contains(copy.toString()));
        assertEquals(CellKind.GRU, explorer.primary().getModel().cell());
    }
}
