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
import org.gatescope.text.Tokenizer;
import org.gatescope.ui.explorer.ExplorerViewModel;
import org.gatescope.ui.explorer.LongPaste;
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
        // what the field keeps: line breaks and tabs become spaces, then the first LongPaste.FIELD_CHARS
        String kept = LongPaste.kept(paste.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ').replace('\t', ' '));
        int keptTokens = Tokenizer.tokenize(kept).size();
        assertTrue(keptTokens <= ExplorerViewModel.TOKEN_LIMIT, "no more than the window traces");

        StallHarness.Result result = StallHarness.run(view, explorer, paste, keptTokens, 2);
        System.out.println("[stall, hostile megabyte] " + result);

        assertTrue(result.loadBusyMs() < ResponsivenessTest.BUSY_LIMIT_MS, result.toString());
        assertTrue(result.scrollBusyMs() < ResponsivenessTest.BUSY_LIMIT_MS, result.toString());
        assertTrue(view.sentenceField().getLength() <= LongPaste.FIELD_CHARS, "the field keeps the paste's start");
        assertTrue(paste.startsWith(view.sentenceField().getText().substring(0, 40)));
        String banner = robot.lookup("#error-message").queryLabeled().getText();
        assertTrue(banner.startsWith("The pasted text has ") && banner.contains(" keeps its first "), banner);
        assertTrue(banner.endsWith("trace --text-file reads a whole text."), banner);
        assertMarked(explorer.primary().getTrace());
    }

    @Test
    void aTextPastTheTokenLimitIsTracedInItsFirstPartWithAMessage(FxRobot robot) throws Exception {
        String text = HostileText.of(1_000_000, 6);
        robot.interact(() -> explorer.setSentenceNow(text)); // as a drop or a program would set it, past the field
        long deadline = System.currentTimeMillis() + 120_000;
        while (org.testfx.util.WaitForAsyncUtils.asyncFx(() -> explorer.primary().getTrace() == null
                || explorer.primary().getTrace().length() != ExplorerViewModel.TOKEN_LIMIT).get()) {
            assertTrue(System.currentTimeMillis() < deadline, "traced within two minutes");
            Thread.sleep(50);
        }

        String banner = robot.lookup("#error-message").queryLabeled().getText();
        assertTrue(banner.matches("The text has [\\d,]+ tokens: the window traces its first 10,000\\..*"), banner);
        assertTrue(explorer.statusProperty().get().contains("10,000 tokens (the first of "),
                explorer.statusProperty().get());
        assertTrue(view.sentenceField().getLength() <= LongPaste.FIELD_CHARS, "the field holds no more than it lays out");
        assertMarked(explorer.primary().getTrace());
    }

    private void assertMarked(Trace trace) {
        assertTrue(trace.tokens().contains("👍🏽") && trace.tokens().contains("cats"), "emoji whole, CATS! a word");
        assertTrue(trace.tokens().stream().noneMatch(t -> t.chars().anyMatch(Character::isISOControl)));
        List<TokenChip> unknown = explorer.tokenChips().stream().filter(TokenChip::unknown).toList();
        assertFalse(unknown.isEmpty());
        assertTrue(unknown.stream().anyMatch(c -> c.readAs().equals("<unk-ing>")), "running is read as <unk-ing>");
        assertEquals(trace.unknownPositions().length, unknown.size());
    }
}
