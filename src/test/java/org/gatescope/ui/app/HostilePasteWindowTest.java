package org.gatescope.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.stage.Stage;
import org.gatescope.TestModels;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.Model;
import org.gatescope.engine.Trace;
import org.gatescope.text.HostileText;
import org.gatescope.text.UnknownWordSignature;
import org.gatescope.ui.StallHarness;
import org.gatescope.ui.UiTestModels;
import org.gatescope.ui.explorer.ExplorerViewModel;
import org.gatescope.ui.explorer.ModelCatalog;
import org.gatescope.ui.explorer.TokenChip;
import org.gatescope.ui.task.BackgroundExecutor;
import org.gatescope.ui.task.HeatmapExportService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A megabyte pasted from a hostile clipboard (scripts mixed, emoji, control and direction
 * characters, a broken surrogate) is read off the FX thread, traced in its first
 * {@link ExplorerViewModel#TOKEN_LIMIT} tokens with a message saying so, its unknown words marked,
 * and the window keeps drawing frames throughout (asserted as {@link ResponsivenessTest} does: the
 * FX thread's own work between two frames).
 */
@ExtendWith(ApplicationExtension.class)
class HostilePasteWindowTest {

    @TempDir
    Path folder;

    private ExplorerViewModel explorer;
    private ExplorerView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        List<String> tokens = new ArrayList<>(List.of("<unk>", "the", "key", "keys", "to", "cabinet", "are", "on",
                "table", ".", ",", "!", "cat", "cats", "was", "were", "full", "which", "already", "ate", "..."));
        tokens.addAll(UnknownWordSignature.tokens());
        Model model = TestModels.random(CellKind.LSTM, tokens, 16, 32, 5);
        ModelCatalog catalog = UiTestModels.catalog(Map.of("lstm", UiTestModels.write(folder, "lstm", model)));
        explorer = new ExplorerViewModel(new BackgroundExecutor(), catalog, new HeatmapExportService(), i -> { });
        GateScopeApp.show(stage, explorer);
        view = (ExplorerView) stage.getScene().getRoot();
        explorer.start();
    }

    @AfterEach
    void releaseTheStage(FxRobot robot) {
        UiTestModels.releaseStage(robot, stage);
    }

    @Test
    void aMegabyteOfMixedScriptsEmojiAndControlsIsTracedInItsFirstPartWithTheWindowResponsive(FxRobot robot)
            throws Exception {
        String paste = HostileText.of(1_000_000, 5);

        StallHarness.Result result = StallHarness.run(view, explorer, paste, ExplorerViewModel.TOKEN_LIMIT, 2);
        System.out.println("[stall, hostile megabyte] " + result);

        assertTrue(result.loadBusyMs() < ResponsivenessTest.BUSY_LIMIT_MS, result.toString());
        assertTrue(result.scrollBusyMs() < ResponsivenessTest.BUSY_LIMIT_MS, result.toString());
        String banner = robot.lookup("#error-message").queryLabeled().getText();
        assertTrue(banner.matches("The text has [\\d,]+ tokens: the window traces its first 10,000\\..*"), banner);
        assertTrue(explorer.statusProperty().get().contains("10,000 tokens (the first of "),
                explorer.statusProperty().get());
        Trace trace = explorer.primary().getTrace();
        assertTrue(trace.tokens().contains("👍🏽") && trace.tokens().contains("cats"), "emoji whole, CATS! a word");
        assertTrue(trace.tokens().stream().noneMatch(t -> t.chars().anyMatch(Character::isISOControl)));
        List<TokenChip> unknown = explorer.tokenChips().stream().filter(TokenChip::unknown).toList();
        assertFalse(unknown.isEmpty());
        assertTrue(unknown.stream().anyMatch(c -> c.readAs().equals("<unk-ing>")), "running is read as <unk-ing>");
        assertEquals(trace.unknownPositions().length, unknown.size());
    }
}
