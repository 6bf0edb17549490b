package org.gatescope.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gatescope.ui.UiTestModels;
import org.gatescope.ui.task.CallingThreadExecutor;
import org.gatescope.ui.task.HeatmapExportService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model switch reaches the listeners whole: whoever hears of the new model already reads its
 * name. Found by RandomWindowTest (seed 20261202, action 297): with the sentence deleted, opening
 * lstm_textbook after gru left the status bar on "gru — LSTM …", because the model was set before
 * its name and, with no trace to change, nothing told the status bar again.
 */
class ModelSwitchConsistencyTest {

    @TempDir
    Path folder;

    @Test
    void listenersOfTheModelReadItsNameWithEmptyText() {
        ExplorerViewModel explorer = new ExplorerViewModel(new CallingThreadExecutor(), UiTestModels.catalog(folder),
                new HeatmapExportService(), image -> { });
        explorer.start();
        explorer.setSentenceNow("");
        assertNull(explorer.primary().getTrace());
        List<String> heard = new ArrayList<>();
        explorer.primary().modelProperty().addListener(o -> heard.add(explorer.primary().modelNameProperty().get()));

        explorer.openModel("gru");

        assertEquals(List.of("gru"), heard);
        assertTrue(explorer.statusProperty().get().startsWith("gru \u2014 GRU"), explorer.statusProperty().get());
    }
}
