package org.gatescope.ui.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.geometry.Point2D;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.input.MouseButton;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.NetworkTrace;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.Trace;
import org.gatescope.engine.analysis.Ablation;
import org.gatescope.engine.analysis.MemoryReach;
import org.gatescope.engine.analysis.NetworkReach;
import org.gatescope.ui.UiTestModels;
import org.gatescope.ui.explorer.DiagramPane;
import org.gatescope.ui.explorer.ExplorerViewModel;
import org.gatescope.ui.explorer.ImportedModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A model trained elsewhere in the window: the bidirectional two-layer PyTorch GRU fixture
 * (embedding 10×4, H = 5, a head of 10 logits) opens from Open model…'s path, its four layer
 * directions are chosen from the side panel and drawn by the diagram, it reads ids without a
 * vocabulary and text with one, a broken file leaves it open, and the reach and a right-click's
 * silencing work on the selected layer direction.
 */
@ExtendWith(ApplicationExtension.class)
class ImportedModelWindowTest {

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

    private static Path bidirectionalGru() throws URISyntaxException {
        return Path.of(ImportedModelWindowTest.class.getResource("/onnx/gru.pt").toURI());
    }

    private void openGru(FxRobot robot) throws URISyntaxException {
        Path gru = bidirectionalGru();
        robot.interact(() -> explorer.openModel(gru));
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<String> layerChooser(FxRobot robot) {
        return robot.lookup("#layer-chooser").queryAs(ComboBox.class);
    }

    @Test
    void aPyTorchGruOpensWithItsFourLayerDirectionsAndTakesIds(FxRobot robot) throws Exception {
        openGru(robot);

        ImportedModel opened = explorer.primary().getImported();
        assertNotNull(opened, "the .pt file opened as a model trained elsewhere");
        assertNull(explorer.primary().getModel(), "it is no GateScope model");
        assertEquals("gru.pt", explorer.primary().modelNameProperty().get());
        assertEquals(List.of("layer 1", "layer 1 (backward)", "layer 2", "layer 2 (backward)"),
                List.copyOf(explorer.primary().layerLabels()));
        assertEquals(List.copyOf(explorer.primary().layerLabels()), List.copyOf(layerChooser(robot).getItems()));
        // Without a vocabulary the lecture's sentence does not fit: an example of ids replaces it, and says so.
        assertTrue(explorer.sentenceProperty().get().matches("[0-9, ]+"), explorer.sentenceProperty().get());
        assertEquals("", explorer.errorProperty().get(), "no banner for the replaced sentence");
        Label hint = robot.lookup("#input-hint").queryAs(Label.class);
        assertTrue(hint.isVisible() && hint.getText().startsWith("No vocabulary: type token ids"), hint.getText());
        Trace shown = explorer.primary().getTrace();
        assertNotNull(shown);
        assertEquals(CellKind.GRU, shown.cell());
        assertEquals(5, shown.hidden());
        assertTrue(robot.lookup("#model-info").queryAs(Label.class).getText()
                .startsWith("PyTorch \u00B7 2 layers \u00B7 bidirectional GRU 5, bidirectional GRU 5"));

        robot.interact(() -> explorer.setSentenceNow("3, 1, 4, 1, 5, 9"));
        assertEquals(List.of("#3", "#1", "#4", "#1", "#5", "#9"), explorer.primary().getTrace().tokens());
        robot.interact(() -> explorer.jumpTo(3));
        assertEquals(6, explorer.lengthProperty().get());
    }

    @Test
    void theLayerChooserSwitchesWhatTheDiagramDrawsAndKeepsTheStep(FxRobot robot) throws Exception {
        openGru(robot);
        robot.interact(() -> explorer.setSentenceNow("3, 1, 4, 1, 5, 9"));
        robot.interact(() -> explorer.jumpTo(4));
        NetworkTrace traces = explorer.primary().getNetworkTrace();
        DiagramPane pane = robot.lookup("#diagram").queryAs(DiagramPane.class);
        robot.interact(() -> pane.diagram().setAnimated(false));

        for (int layer = 0; layer < 4; layer++) {
            int index = layer;
            robot.interact(() -> layerChooser(robot).setValue(explorer.primary().layerLabels().get(index)));
            Trace expected = traces.layers().get(layer).trace();
            assertSame(expected, explorer.primary().getTrace(), traces.layers().get(layer).label());
            assertEquals(layer, explorer.primary().selectedLayerProperty().get());
            assertEquals(4, explorer.getStep(), "the step stays");
            int unit = explorer.primary().getPrimaryUnit();
            Map<Quantity, Double> drawn = pane.diagram().displayedValues();
            assertEquals(expected.value(Quantity.ACTIVATION, 4, unit), drawn.get(Quantity.ACTIVATION), 1e-12,
                    "the diagram draws " + traces.layers().get(layer).label() + "'s a<t>");
            assertTrue(explorer.statusProperty().get().contains("showing " + traces.layers().get(layer).label()),
                    explorer.statusProperty().get());
            assertEquals(traces.layers().get(layer).label(), pane.diagram().layer(), "the diagram's title names it");
        }
        // L and Shift+L step through the layer directions, round
        ExplorerView view = robot.lookup(".explorer").queryAs(ExplorerView.class);
        robot.interact(() -> view.handleKey(javafx.scene.input.KeyCode.L, false));
        assertEquals(0, explorer.primary().selectedLayerProperty().get());
        assertEquals("layer 1", layerChooser(robot).getValue(), "the chooser follows");
        robot.interact(() -> view.handleKey(javafx.scene.input.KeyCode.L, true));
        assertEquals(3, explorer.primary().selectedLayerProperty().get());
        // The backward direction read the input last to first: its state differs from the forward one's.
        assertFalse(traces.layers().get(0).trace().value(Quantity.ACTIVATION, 4, 0)
                == traces.layers().get(1).trace().value(Quantity.ACTIVATION, 4, 0));
        assertEquals(5, explorer.predictions().size(), "the head's 10 outputs, the five largest listed");
        assertTrue(explorer.predictions().get(0).token().startsWith("#"), "named as the ids it reads: the head is as wide as the embedding");
    }

    @Test
    void aVocabularyFileMakesTheSentenceText(FxRobot robot) throws Exception {
        openGru(robot);
        Path vocabulary = folder.resolve("vocab.txt");
        Files.writeString(vocabulary, String.join("\n", "<pad>", "the", "cats", "ate", "were", "full", "a", "b",
                "c", "d") + "\n");

        robot.interact(() -> explorer.useVocabulary(vocabulary));
        robot.interact(() -> explorer.setSentenceNow("The cats were full"));

        ImportedModel opened = explorer.primary().getImported();
        assertTrue(opened.readsText());
        assertEquals(List.of("the", "cats", "were", "full"), explorer.primary().getTrace().tokens());
        assertEquals(List.of("layer 1", "layer 1 (backward)", "layer 2", "layer 2 (backward)"),
                List.copyOf(explorer.primary().layerLabels()));
        assertTrue(robot.lookup("#input-hint").queryAs(Label.class).getText().contains("vocab.txt"));
        assertTrue(robot.lookup("#vocabulary-info").queryAs(Label.class).getText().contains("vocab.txt"));
    }

    @Test
    void aVocabularyLargerThanTheEmbeddingIsRefusedAndTheModelStays(FxRobot robot) throws Exception {
        openGru(robot);
        ImportedModel before = explorer.primary().getImported();
        Path tooLarge = folder.resolve("words.txt");
        Files.writeString(tooLarge, String.join("\n", java.util.Collections.nCopies(50, "w")) + "\n");

        robot.interact(() -> explorer.useVocabulary(tooLarge));

        assertTrue(explorer.errorProperty().get().contains("it is not this model's vocabulary"),
                explorer.errorProperty().get());
        assertSame(before, explorer.primary().getImported(), "the model stays, without a vocabulary");
        assertFalse(explorer.primary().getImported().readsText());
        assertNotNull(explorer.primary().getTrace(), "and its ids stay traced");
    }

    /** A published two-layer Keras LSTM (read in place; skipped where ../shared/realmodels is absent). */
    @Test
    void aPublishedKerasLstmFindsItsVocabularyBesideItAndNamesItsNextWords(FxRobot robot) {
        Path hamlet = Path.of("../shared/realmodels/05-hamlet-nextword-lstm2.h5");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(hamlet), "the real models are not here");

        robot.interact(() -> explorer.openModel(hamlet));
        robot.interact(() -> explorer.setSentenceNow("To be, or not to be: that is the question"));

        ImportedModel opened = explorer.primary().getImported();
        assertNotNull(opened, explorer.errorProperty().get());
        assertEquals("05-hamlet-nextword-lstm2.word_index.json", opened.vocabularyFile().getFileName().toString());
        assertEquals("Keras .h5 \u00B7 2 layers \u00B7 LSTM 150, LSTM 100 \u00B7 softmax over 3,553 words",
                opened.describe());
        assertEquals(List.of("layer 1", "layer 2"), List.copyOf(explorer.primary().layerLabels()));
        assertEquals(List.of("to", "be", "or", "not", "to", "be", "that", "is", "the", "question"),
                explorer.primary().getTrace().tokens());
        assertEquals(100, explorer.primary().getTrace().hidden(), "layer 2 shown: the one the head reads");
        assertEquals("Next word after the whole input", explorer.predictionTitleProperty().get());
        double total = explorer.predictions().stream().mapToDouble(p -> p.probability()).sum();
        assertTrue(total > 0 && total <= 1 + 1e-9);
        assertTrue(explorer.predictions().get(0).token().matches("[a-z']+"), explorer.predictions().get(0).token());

        robot.interact(() -> explorer.selectLayer(0));
        assertEquals(150, explorer.primary().getTrace().hidden());
        assertEquals(150, explorer.primary().unitOrder().size(), "the unit list is layer 1's");
    }

    @Test
    void aBrokenFileShowsTheBannerAndTheModelStays(FxRobot robot) throws Exception {
        openGru(robot);
        ImportedModel before = explorer.primary().getImported();
        Path empty = Files.createFile(folder.resolve("empty.h5"));
        Path hostile = folder.resolve("hostile.pt");
        Files.write(hostile, new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0, 1, 2, 3});

        for (Path broken : List.of(empty, hostile)) {
            robot.interact(() -> explorer.openModel(broken));
            assertTrue(robot.lookup("#error-banner").query().isVisible(), broken + ": the banner says why");
            assertTrue(explorer.errorProperty().get().startsWith("Cannot open the model"), explorer.errorProperty().get());
            assertSame(before, explorer.primary().getImported(), "the model shown stays");
            assertEquals(bidirectionalGru().toString(), explorer.primary().chosenModelProperty().get());
            robot.interact(explorer::dismissError);
        }
        assertNotNull(explorer.primary().getTrace());
    }

    @Test
    void theReachFollowsTheSelectedLayerAndTheStep(FxRobot robot) throws Exception {
        openGru(robot);
        robot.interact(() -> explorer.setSentenceNow("3, 1, 4, 1, 5, 9"));
        robot.interact(() -> explorer.jumpTo(2));
        robot.interact(() -> layerChooser(robot).setValue("layer 1 (backward)"));
        WaitForAsyncUtils.waitForFxEvents();

        NetworkTrace traced = explorer.primary().getNetworkTrace();
        MemoryReach shown = explorer.getReach();
        MemoryReach expected = NetworkReach.atStep(explorer.primary().getImported().network(), traced, 1, 2);
        assertNotNull(shown, "a model trained elsewhere has its reach");
        assertEquals("layer 1 (backward)", shown.layer());
        assertEquals(2, shown.position(), "the output after the current step");
        assertEquals("#1", shown.target(), "the next id read (the head is as wide as the embedding)");
        assertEquals("output #1", shown.objective(), "a head without softmax: the raw output");
        assertArrayEquals(expected.memoryCell(), shown.memoryCell(), 1e-12);
        assertTrue(shown.memoryCell()[5] > 0, "a backward direction reaches forward from the output's step");
        Label legend = robot.lookup("#reach-legend").queryAs(Label.class);
        assertTrue(legend.isVisible());
        assertEquals("reach of output #1", legend.getText());

        robot.interact(() -> explorer.jumpTo(4));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(4, explorer.getReach().position(), "the reach follows the step");
        robot.interact(() -> explorer.selectLayer(2));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("layer 2", explorer.getReach().layer(), "and the layer");
        assertEquals(0.0, explorer.getReach().memoryCell()[5], "a forward direction reaches back only");
        assertFalse(robot.lookup("#agreement").query().isVisible(), "no was-or-were test");
        assertTrue(robot.lookup("#own-models-only").queryAs(Label.class).getText().contains("verb test"));
    }

    @Test
    void rightClickingAUnitOfABackwardLayerSilencesItAndShowsTheOutputsBeforeAndAfter(FxRobot robot)
            throws Exception {
        openGru(robot);
        robot.interact(() -> explorer.setSentenceNow("3, 1, 4, 1, 5, 9"));
        robot.interact(() -> explorer.selectLayer(3));
        robot.interact(() -> explorer.jumpTo(1));
        WaitForAsyncUtils.waitForFxEvents();
        int first = explorer.primary().unitOrder().get(0);
        ListCell<?> unitCell = robot.lookup("#unit-list .list-cell").match(
                (ListCell<?> c) -> c.getItem() != null && c.getItem().equals(first)).query();
        Point2D centre = WaitForAsyncUtils.waitForAsyncFx(5000,
                () -> unitCell.localToScreen(unitCell.getWidth() / 2, unitCell.getHeight() / 2));
        robot.clickOn(centre, MouseButton.SECONDARY);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> items = robot.lookup(".context-menu .menu-item .label").queryAllAs(Labeled.class).stream()
                .map(Labeled::getText).toList();
        assertEquals("Silence unit " + first + " from \u201C#1\u201D on (c<t> = 0 at tokens 2 \u2026 1)", items.get(1),
                "a backward direction silenced from its reading of the token on");
        robot.clickOn("#silence-unit-from-here");
        WaitForAsyncUtils.waitForFxEvents();

        Ablation ablation = explorer.getAblation();
        assertNotNull(ablation, explorer.errorProperty().get());
        assertEquals("layer 2 (backward)", ablation.layer());
        assertEquals(1, ablation.fromStep());
        assertEquals(0.0, ablation.after().value(Quantity.MEMORY_CELL, 0, first));
        assertEquals(ablation.before().value(Quantity.MEMORY_CELL, 3, first),
                ablation.after().value(Quantity.MEMORY_CELL, 3, first), "read before the silencing began");
        assertTrue(robot.lookup("#ablation-box").query().isVisible());
        assertEquals("Silenced unit " + first + " of layer 2 (backward)",
                robot.lookup("#ablation-title").queryAs(Label.class).getText());
        String position = robot.lookup("#ablation-position").queryAs(Label.class).getText();
        assertTrue(position.contains("next token after \u201C#1\u201D"), position);
        assertEquals(3, ablation.compared().size(), "the three largest outputs, before and after");
        assertTrue(robot.lookup("#ablation-shares").tryQuery().isEmpty(), "no verb shares");

        Path png = folder.resolve("reach.png");
        robot.interact(() -> explorer.exportReach(png));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Files.size(png) > 0, explorer.errorProperty().get());
    }

    @Test
    void theCompareViewsSecondColumnChoosesALayerAndListsTheModelsOutputs(FxRobot robot) throws Exception {
        robot.interact(() -> explorer.setCompare(true));
        Path gru = bidirectionalGru();
        robot.interact(() -> explorer.openComparisonModel(gru.toString()));
        robot.interact(() -> explorer.setSentenceNow("3, 1, 4, 1, 5, 9")); // it reads ids: it has no vocabulary
        robot.interact(() -> explorer.jumpTo(2));
        WaitForAsyncUtils.waitForFxEvents();

        @SuppressWarnings("unchecked")
        ComboBox<String> second = robot.lookup("#compare-layer-chooser").queryAs(ComboBox.class);
        assertTrue(second.isVisible(), "a model trained elsewhere has its layer chooser in the column's header");
        assertFalse(robot.lookup("#main-layer-chooser").query().isVisible(), "the bundled model has one layer");
        assertEquals(List.of("layer 1", "layer 1 (backward)", "layer 2", "layer 2 (backward)"), List.copyOf(second.getItems()));
        robot.interact(() -> second.setValue("layer 2 (backward)"));
        WaitForAsyncUtils.waitForFxEvents();
        NetworkTrace traced = explorer.comparison().getNetworkTrace();
        assertEquals(3, explorer.comparison().selectedLayerProperty().get());
        assertSame(traced.layers().get(3).trace(), explorer.comparison().getTrace());
        assertEquals(0, explorer.primary().selectedLayerProperty().get(), "the main cell keeps its own");

        String outputs = robot.lookup("#compare-predictions").queryAs(Label.class).getText();
        assertTrue(outputs.startsWith("after \u201c" + explorer.comparison().getTrace().tokens().get(2) + "\u201d: #"),
                outputs);
        MemoryReach reach = explorer.reachProperty(explorer.comparison()).get();
        assertNotNull(reach, "the second column's timeline has its reach");
        assertEquals("layer 2 (backward)", reach.layer());
    }

    @Test
    void goingBackToABundledModelRestoresTheWindowAsItWas(FxRobot robot) throws Exception {
        openGru(robot);
        robot.interact(() -> explorer.openModel("lstm"));
        robot.interact(() -> explorer.setSentenceNow(ExplorerViewModel.LECTURE_SENTENCE));

        assertNull(explorer.primary().getImported());
        assertEquals(CellKind.LSTM, explorer.primary().getModel().cell());
        assertTrue(explorer.primary().layerLabels().isEmpty());
        assertFalse(robot.lookup("#layer-box").query().isVisible());
        assertFalse(robot.lookup("#own-models-only").query().isVisible());
        assertFalse(robot.lookup("#input-hint").query().isVisible());
        assertNotNull(explorer.getReach(), "the reach is back");
        assertTrue(explorer.predictionTitleProperty().get().startsWith("Next token after"));
    }
}
