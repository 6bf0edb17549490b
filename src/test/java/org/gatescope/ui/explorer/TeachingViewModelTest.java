package org.gatescope.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.Trace;
import org.gatescope.engine.analysis.Ablation;
import org.gatescope.engine.cell.Tracer;
import org.gatescope.engine.intervention.ClampedTrace;
import org.gatescope.engine.intervention.Counterfactual;
import org.gatescope.engine.intervention.GateClamp;
import org.gatescope.engine.intervention.GateClamps;
import org.gatescope.render.CounterfactualChart;
import org.gatescope.render.PngExport;
import org.gatescope.ui.UiTestModels;
import org.gatescope.ui.task.CallingThreadExecutor;
import org.gatescope.ui.task.HeatmapExportService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Counterfactuals, clamps and memory accounting in the explorer, through the executor like the traces. */
class TeachingViewModelTest {

    @TempDir
    Path folder;

    private ExplorerViewModel explorer;
    private TeachingViewModel teaching;

    @BeforeEach
    void start() {
        explorer = new ExplorerViewModel(new CallingThreadExecutor(), UiTestModels.catalog(folder),
                new HeatmapExportService(), image -> { });
        explorer.start();
        teaching = explorer.teaching();
    }

    @Test
    void flippingTheNumberAtCatTracesCatsBesideIt() {
        explorer.jumpTo(1);
        assertEquals(Optional.of("cats"), teaching.suggestion(1));
        teaching.flipNumber();
        Counterfactual cf = teaching.getCounterfactual();
        assertNotNull(cf);
        assertEquals("cats", cf.replacement());
        assertEquals(1, cf.position());
        assertEquals(explorer.primary().getTrace().tokens(), cf.before().tokens(), "of the shown text");
        assertEquals("cats", cf.after().tokens().get(1));
        assertEquals("", explorer.errorProperty().get());
    }

    @Test
    void aWordTheModelDoesNotKnowIsRefusedAndNothingChanges() {
        teaching.replace(1, "zebras");
        assertNull(teaching.getCounterfactual());
        assertTrue(explorer.errorProperty().get().contains("\u201Czebras\u201D is not a word this model knows"),
                explorer.errorProperty().get());
    }

    @Test
    void aTokenWithoutANumberSaysSo() {
        explorer.jumpTo(2); // ","
        teaching.flipNumber();
        assertNull(teaching.getCounterfactual());
        assertTrue(explorer.errorProperty().get().contains("has no other number"), explorer.errorProperty().get());
    }

    @Test
    void aNewTextDropsTheCounterfactualOfTheOldOne() {
        explorer.jumpTo(1);
        teaching.flipNumber();
        explorer.setSentenceNow("The dog was full.");
        assertNull(teaching.getCounterfactual());
    }

    @Test
    void clampingTracesTheMainCellAgainAndKeepsTheIntactTraceBesideIt() {
        Trace intact = explorer.primary().getTrace();
        GateClamp shut = GateClamp.allUnits(Quantity.FORGET_GATE, 2, 6, 0.0);
        teaching.addClamp(shut);
        Trace shown = explorer.primary().getTrace();
        ClampedTrace clamped = teaching.clampedProperty().get();
        assertNotNull(clamped);
        assertSame(shown, clamped.after());
        assertEquals(0.0, shown.value(Quantity.FORGET_GATE, 4, 0));
        assertArrayEquals(intact.step(Quantity.MEMORY_CELL, 8), clamped.before().step(Quantity.MEMORY_CELL, 8));
        assertEquals(List.of(shut), teaching.clamps().clamps());

        teaching.clearClamps();
        assertNull(teaching.clampedProperty().get());
        assertArrayEquals(intact.step(Quantity.MEMORY_CELL, 8), explorer.primary().getTrace().step(Quantity.MEMORY_CELL,
                8));
    }

    @Test
    void aClampOutsideTheModelOrTextIsRefusedAndTheTraceStays() {
        Trace before = explorer.primary().getTrace();
        teaching.addClamp(GateClamp.unit(Quantity.UPDATE_GATE, 99, 0, 1, 1.0));
        assertTrue(explorer.errorProperty().get().contains("unit 99 is not a unit"), explorer.errorProperty().get());
        teaching.addClamp(GateClamp.allUnits(Quantity.UPDATE_GATE, 0, 40, 1.0));
        assertTrue(explorer.errorProperty().get().contains("lies outside the text"), explorer.errorProperty().get());
        assertSame(before, explorer.primary().getTrace());
        assertNull(teaching.clampedProperty().get());
    }

    @Test
    void silencingAUnitWhileClampedComposesBoth() {
        GateClamp open = GateClamp.allUnits(Quantity.UPDATE_GATE, 1, 3, 1.0);
        teaching.addClamp(open);
        explorer.silenceUnit(2, 0);
        Ablation ablation = explorer.getAblation();
        assertNotNull(ablation);
        Trace expected = Tracer.trace(explorer.primary().getModel(), ablation.before().tokens(), null,
                GateClamps.of(open));
        assertArrayEquals(expected.step(Quantity.MEMORY_CELL, 5), ablation.before().step(Quantity.MEMORY_CELL, 5));
        assertEquals(0.0, ablation.after().value(Quantity.MEMORY_CELL, 5, 2));
        assertEquals(1.0, ablation.after().value(Quantity.UPDATE_GATE, 2, 0));
    }

    @Test
    void memoryIsAccountedFromThePickedTokenUntilTheTextIsTooShortForIt() {
        explorer.jumpTo(6);
        teaching.toggleMemoryFromHere();
        assertEquals(6, teaching.memoryFromProperty().get());
        assertNotNull(teaching.memoryAccount());
        assertEquals(1.0, teaching.memoryAccount().survival(6, 0));
        explorer.setSentenceNow("The cat was.");
        assertEquals(-1, teaching.memoryFromProperty().get(), "token 6 is gone");
        assertNull(teaching.memoryAccount());
    }

    @Test
    void theVanillaRnnHasNoMemoryToAccountFor() {
        explorer.chooseCell(CellKind.RNN);
        teaching.accountMemoryFrom(1);
        assertEquals(-1, teaching.memoryFromProperty().get());
        assertTrue(explorer.errorProperty().get().contains("no memory cell"), explorer.errorProperty().get());
    }

    @Test
    void theExportIsTheCommandsChartAndAFailedOneLeavesNoFile() throws Exception {
        explorer.jumpTo(1);
        teaching.flipNumber();
        Path png = folder.resolve("diff.png");
        teaching.exportCounterfactual(png);
        assertArrayEquals(PngExport.toPng(CounterfactualChart.forExport(explorer.primary().modelNameProperty().get(),
                teaching.getCounterfactual())), Files.readAllBytes(png));

        Path nowhere = folder.resolve("missing").resolve("diff.png");
        teaching.exportCounterfactual(nowhere);
        assertTrue(explorer.errorProperty().get().startsWith("Cannot save"), explorer.errorProperty().get());
        assertFalse(Files.exists(nowhere));
    }
}
