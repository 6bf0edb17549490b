package org.gatescope.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.Model;
import org.gatescope.engine.analysis.Ablation;
import org.gatescope.engine.analysis.MemoryReach;
import org.gatescope.text.Tokenizer;
import org.gatescope.ui.ManualExecutor;
import org.gatescope.ui.UiTestModels;
import org.gatescope.ui.task.CallingThreadExecutor;
import org.gatescope.ui.task.HeatmapExportService;
import org.gatescope.ui.timeline.TimelineView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The explorer's memory reach and unit ablation, computed through the executor like the traces. */
class ReachAndAblationViewModelTest {

    @TempDir
    Path folder;

    private ModelCatalog catalog;

    @BeforeEach
    void models() {
        catalog = UiTestModels.catalog(folder);
    }

    private ExplorerViewModel started() {
        ExplorerViewModel explorer = new ExplorerViewModel(new CallingThreadExecutor(), catalog,
                new HeatmapExportService(), image -> { });
        explorer.start();
        return explorer;
    }

    @Test
    void theReachIsThatOfTheDefaultTargetForTheCurrentSentence() {
        ExplorerViewModel explorer = started();
        Model model = explorer.primary().getModel();
        List<String> tokens = explorer.primary().getTrace().tokens();

        MemoryReach expected = MemoryReach.defaultTarget(model, tokens);
        MemoryReach shown = explorer.getReach();
        assertNotNull(shown);
        assertEquals(expected.position(), shown.position());
        assertEquals("was", shown.target());
        assertArrayEquals(expected.memoryCell(), shown.memoryCell(), 1e-12);
        assertArrayEquals(expected.input(), shown.input(), 1e-12);
    }

    @Test
    void theReachFollowsANewSentenceAndANewCell() {
        ExplorerViewModel explorer = started();
        explorer.setSentenceNow("The cats, which ate, were full.");
        MemoryReach expected = MemoryReach.defaultTarget(explorer.primary().getModel(),
                Tokenizer.tokenize("The cats, which ate, were full."));
        assertEquals("were", explorer.getReach().target());
        assertArrayEquals(expected.memoryCell(), explorer.getReach().memoryCell(), 1e-12);

        explorer.chooseCell(CellKind.RNN);
        MemoryReach rnn = MemoryReach.defaultTarget(explorer.primary().getModel(),
                Tokenizer.tokenize("The cats, which ate, were full."));
        assertArrayEquals(rnn.memoryCell(), explorer.getReach().memoryCell(), 1e-12);
    }

    @Test
    void aStaleReachIsDropped() {
        ManualExecutor executor = new ManualExecutor();
        ExplorerViewModel explorer = new ExplorerViewModel(executor, catalog, new HeatmapExportService(), i -> { });
        explorer.start();
        executor.runAll();

        explorer.setSentenceNow("The cat was full.");
        executor.tasks.get(0).run(); // tokenised
        executor.tasks.get(0).run(); // traced: the reach of the first text is queued
        assertEquals(1, executor.tasks.size(), "the first text's reach is queued");
        ManualExecutor.Task<?> staleReach = executor.tasks.get(0);
        explorer.setSentenceNow("The cats were full.");
        executor.tasks.get(1).run(); // tokenised
        executor.tasks.get(1).run(); // traced: the newer reach is queued
        executor.tasks.get(1).run(); // the newer reach arrives first
        staleReach.run();            // then the stale one

        assertEquals("were", explorer.getReach().target());
        assertEquals(Tokenizer.tokenize("The cats were full.").size(), explorer.getReach().memoryCell().length);
    }

    @Test
    void hidingTheReachKeepsItComputed() {
        ExplorerViewModel explorer = started();
        assertTrue(explorer.showReachProperty().get());
        explorer.toggleShowReach();
        assertFalse(explorer.showReachProperty().get());
        assertNotNull(explorer.getReach());
    }

    @Test
    void silencingAUnitShowsTheAblationsBeforeAndAfterAtTheVerb() {
        ExplorerViewModel explorer = started();
        Model model = explorer.primary().getModel();
        List<String> tokens = explorer.primary().getTrace().tokens();
        int unit = UiTestModels.LSTM_NUMBER_UNITS.get(0);

        explorer.silenceUnit(unit);

        Ablation expected = Ablation.silence(model, tokens, unit, 0,
                MemoryReach.defaultTarget(model, tokens).position());
        Ablation shown = explorer.getAblation();
        assertNotNull(shown);
        assertEquals(unit, shown.unit());
        assertEquals(0, shown.fromStep());
        assertEquals(expected.position(), shown.position());
        assertEquals(expected.probabilityBefore("was"), shown.probabilityBefore("was"), 1e-12);
        assertEquals(expected.probabilityAfter("was"), shown.probabilityAfter("was"), 1e-12);
        assertEquals(expected.probabilityAfter("were"), shown.probabilityAfter("were"), 1e-12);
        assertEquals(expected.shareAfter("was", "were"), shown.shareAfter("was", "were"), 1e-12);
    }

    @Test
    void theAblationComparesTheSentencesOwnVerbWithItsPartner() {
        ExplorerViewModel explorer = started();
        // the test models' vocabulary has was/were, not is/are
        explorer.setSentenceNow("The keys to the cabinet were on the table.");

        explorer.silenceUnit(1);

        assertEquals(4, explorer.getAblation().position(), "after \"cabinet\", before \"were\"");
        assertEquals(List.of("were", "was"), explorer.getAblation().compared());
    }

    @Test
    void silencingFromTheCurrentTokenStartsThere() {
        ExplorerViewModel explorer = started();
        explorer.jumpTo(3);
        explorer.silenceUnit(1, explorer.getStep());
        assertEquals(3, explorer.getAblation().fromStep());
    }

    @Test
    void withoutAnAgreementSentenceTheAblationComparesAtTheCurrentToken() {
        ExplorerViewModel explorer = started();
        explorer.setSentenceNow("the cat ate the cat");
        explorer.jumpTo(2);
        explorer.silenceUnit(0);
        assertEquals(2, explorer.getAblation().position());
    }

    @Test
    void aNewSentenceOrClearRemovesTheAblation() {
        ExplorerViewModel explorer = started();
        explorer.silenceUnit(0);
        explorer.clearAblation();
        assertNull(explorer.getAblation());

        explorer.silenceUnit(0);
        explorer.setSentenceNow("The cats were full.");
        assertNull(explorer.getAblation());
    }

    @Test
    void exportWritesThePngOfTheReachAndTheAblation() throws Exception {
        ExplorerViewModel explorer = started();
        explorer.silenceUnit(1);
        Path target = folder.resolve("reach.png");
        explorer.exportReach(target);
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(target.toFile());
        assertNotNull(image);
        java.awt.image.BufferedImage expected = org.gatescope.render.ReachChart.draw("lstm",
                explorer.primary().getTrace().tokens(), explorer.getReach(), explorer.getAblation(), "c<t>");
        assertEquals(expected.getWidth(), image.getWidth());
        assertEquals(expected.getHeight(), image.getHeight());
        assertTrue(explorer.statusProperty().get().startsWith("Saved the memory reach and the ablation"));
    }

    @Test
    void aFailedExportTellsTheUserAndLeavesNoFile() {
        ExplorerViewModel explorer = started();
        Path target = folder.resolve("missing-folder").resolve("reach.png");
        explorer.exportReach(target);
        assertTrue(explorer.errorProperty().get().startsWith("Cannot save"));
        assertFalse(java.nio.file.Files.exists(target));
    }

    @Test
    void theReachRowsLogScaleRunsFromTheFloorToOne() {
        assertEquals(0, TimelineView.reachFraction(0));
        assertEquals(0, TimelineView.reachFraction(1e-9));
        assertEquals(0.5, TimelineView.reachFraction(1e-4), 1e-12);
        assertEquals(1, TimelineView.reachFraction(3));
    }
}
