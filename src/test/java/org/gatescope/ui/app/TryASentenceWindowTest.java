package org.gatescope.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.HBox;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.gatescope.TestModels;
import org.gatescope.engine.CellKind;
import org.gatescope.text.ExampleSentences;
import org.gatescope.text.Tokenizer;
import org.gatescope.text.UnknownWordSignature;
import org.gatescope.ui.UiTestModels;
import org.gatescope.ui.explorer.ExplorerViewModel;
import org.gatescope.ui.explorer.TokenStrip;
import org.gatescope.ui.explorer.TryASentence;
import org.gatescope.ui.task.CallingThreadExecutor;
import org.gatescope.ui.task.HeatmapExportService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * "Try a sentence" offers every example, grouped by construction, marks the ones with words the
 * model does not know, and sets one with a click; unknown words are marked in the token strip with
 * what the model read (its signature when the vocabulary has signature tokens, else {@code <unk>}).
 */
@ExtendWith(ApplicationExtension.class)
class TryASentenceWindowTest {

    /** Every word of the pp example "The keys to the cabinet are on the table." but "keys" and "cabinet". */
    private static final List<String> WORDS = List.of("<unk>", "the", "key", "to", "are", "is", "on", "table", ".",
            ",", "cat", "cats", "was", "were", "full", "which", "already", "ate", "...");

    @TempDir
    Path folder;

    private ExplorerViewModel explorer;
    private ExplorerView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        List<String> withSignatures = new ArrayList<>(WORDS);
        withSignatures.addAll(UnknownWordSignature.tokens());
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("lstm", UiTestModels.write(folder, "lstm", TestModels.random(CellKind.LSTM, withSignatures, 5,
                UiTestModels.HIDDEN, 3)));
        files.put("gru", UiTestModels.write(folder, "gru", TestModels.random(CellKind.GRU, WORDS, 5,
                UiTestModels.HIDDEN, 4)));
        explorer = new ExplorerViewModel(new CallingThreadExecutor(), UiTestModels.catalog(files),
                new HeatmapExportService(), image -> { });
        GateScopeApp.show(stage, explorer);
        view = (ExplorerView) stage.getScene().getRoot();
        explorer.start();
        explorer.openModel("lstm");
    }

    @AfterEach
    void releaseTheStage(FxRobot robot) {
        UiTestModels.releaseStage(robot, stage);
    }

    private static Menu tryMenu(FxRobot robot) {
        MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
        return bar.getMenus().stream().filter(m -> "try-menu".equals(m.getId())).findFirst().orElseThrow();
    }

    private static MenuItem itemOf(Menu menu, String sentence) {
        for (MenuItem group : menu.getItems()) {
            for (MenuItem item : ((Menu) group).getItems()) {
                if (((TryASentence.Entry) item.getUserData()).example().sentence().equals(sentence)) {
                    return item;
                }
            }
        }
        throw new AssertionError("no item for " + sentence);
    }

    private static List<String> labels(MenuItem item) {
        return ((HBox) item.getGraphic()).getChildren().stream().map(n -> ((Label) n).getText()).toList();
    }

    @Test
    void everyConstructionIsASubmenuWithReadableTitleAndAllItsExamples(FxRobot robot) {
        Menu menu = tryMenu(robot);
        ExampleSentences examples = ExampleSentences.bundled();

        assertEquals(examples.constructions().size(), menu.getItems().size());
        for (int i = 0; i < menu.getItems().size(); i++) {
            String construction = examples.constructions().get(i);
            Menu group = (Menu) menu.getItems().get(i);
            assertTrue(group.getText().startsWith(ExampleSentences.title(construction)), group.getText());
            assertEquals(examples.of(construction).size(), group.getItems().size(), construction);
        }
        MenuItem keys = itemOf(menu, "The keys to the cabinet are on the table.");
        assertEquals("The keys to the cabinet are on the table.", labels(keys).get(0));
        assertEquals("plural, 1 attractor", labels(keys).get(1), "its number and attractors beside it");
    }

    @Test
    void examplesWithWordsTheModelDoesNotKnowSayWhichAndWhatIsRead(FxRobot robot) {
        Menu menu = tryMenu(robot);
        MenuItem keys = itemOf(menu, "The keys to the cabinet are on the table.");

        assertTrue(keys.getStyleClass().contains("has-unknown"));
        assertEquals("unknown: keys \u2192 <unk-s>, cabinet", labels(keys).get(2));
        assertFalse(itemOf(menu, "The cat, which already ate ..., was full.").getStyleClass().contains("has-unknown"),
                "every word known: no mark");
        assertFalse(keys.isDisable(), "offered all the same: its trace shows what the model made of it");
        Menu pp = (Menu) menu.getItems().get(ExampleSentences.bundled().constructions().indexOf("pp"));
        assertTrue(pp.getText().matches(".*\\(\\d+ with unknown words\\)"), pp.getText());
    }

    @Test
    void oneClickSetsTheSentenceAndMarksItsUnknownWordsWithTheSignatureRead(FxRobot robot) {
        String sentence = "The keys to the cabinet are on the table.";
        robot.interact(itemOf(tryMenu(robot), sentence)::fire);

        assertEquals(sentence, robot.lookup("#sentence").queryTextInputControl().getText());
        assertEquals(Tokenizer.tokenize(sentence), explorer.primary().getTrace().tokens());
        TokenStrip.ChipCell keys = view.tokenStrip().chipAt(1);
        assertNotNull(keys);
        assertTrue(keys.isUnknown());
        assertEquals("<unk-s>", keys.readAsShown());
        assertEquals("\u201Ckeys\u201D is not in the model's vocabulary: read as <unk-s>, the signature of a word"
                + " ending in -s", keys.getTooltip().getText());
        assertEquals("<unk>", view.tokenStrip().chipAt(4).readAsShown(), "cabinet has no signature");
        assertEquals("", view.tokenStrip().chipAt(2).readAsShown(), "a known word has no tag");

        robot.type(KeyCode.RIGHT); // the arrows step again after the click: to "keys"
        Label side = robot.lookup("#unknown-input").queryAs(Label.class);
        assertEquals(1, explorer.getStep());
        assertTrue(side.isVisible());
        assertTrue(side.getText().contains("read as <unk-s>"), side.getText());
        robot.type(KeyCode.RIGHT);
        assertFalse(side.isVisible(), "\u201Cto\u201D is known");
    }

    @Test
    void aModelWithoutSignatureTokensReadsUnkAndSaysSo(FxRobot robot) {
        robot.interact(() -> explorer.openModel("gru"));
        MenuItem keys = itemOf(tryMenu(robot), "The keys to the cabinet are on the table.");
        assertEquals("unknown: keys, cabinet", labels(keys).get(2),
                "the menu follows the model");

        robot.interact(keys::fire);

        TokenStrip.ChipCell chip = view.tokenStrip().chipAt(1);
        assertEquals("<unk>", chip.readAsShown());
        assertTrue(chip.getTooltip().getText().endsWith("read as <unk>: this model has no signature token <unk-s> for"
                + " a word ending in -s"), chip.getTooltip().getText());
    }
}
