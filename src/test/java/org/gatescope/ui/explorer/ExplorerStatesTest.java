package org.gatescope.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.intervention.GateClamp;
import org.gatescope.state.ModelRef;
import org.gatescope.state.TokenRef;
import org.gatescope.state.UnitRef;
import org.gatescope.state.ViewState;
import org.gatescope.ui.ManualExecutor;
import org.gatescope.ui.UiTestModels;
import org.gatescope.ui.task.CallingThreadExecutor;
import org.gatescope.ui.task.HeatmapExportService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window as a state: captured whole, and set in the explorer's order whatever is still being traced. */
class ExplorerStatesTest {

    @TempDir
    Path folder;

    private static ViewState lstmAt(int token) {
        return new ViewState(ModelRef.bundled("lstm"), "the cat sat on the mat", TokenRef.at(token),
                List.of(UnitRef.numberUnit(2), UnitRef.fixed(4)), null, null, false, null, null,
                List.of(new org.gatescope.state.ClampRef("u:number1:0-1=0")), null, null);
    }

    @Test
    void aStateSetWhileTheModelIsStillLoadingTakesEffectOnceTraced() {
        ManualExecutor executor = new ManualExecutor();
        ExplorerViewModel explorer = new ExplorerViewModel(executor, UiTestModels.catalog(folder),
                new HeatmapExportService(), i -> { });
        ExplorerStates states = new ExplorerStates(explorer);
        explorer.start();
        boolean[] done = {false};

        states.apply(lstmAt(3), () -> done[0] = true);
        assertEquals(0, explorer.getStep(), "nothing is traced yet");
        executor.runAll();

        assertTrue(done[0]);
        assertEquals("lstm", explorer.primary().chosenModelProperty().get());
        assertEquals(3, explorer.getStep());
        assertEquals(1, explorer.primary().getPrimaryUnit(), "number2 of the LSTM, whose number units are 3 and 1");
        assertEquals(List.of(1, 4), explorer.primary().selectedUnits().stream().sorted().toList());
        assertEquals("u:3:0-1=0", explorer.primary().getClamps().clamps().get(0).spec());
        assertFalse(explorer.showReachProperty().get());
    }

    @Test
    void aSessionOpenedAsTheWindowStartsGetsItsTokenFromTheFirstTrace() {
        ManualExecutor executor = new ManualExecutor();
        ExplorerViewModel explorer = new ExplorerViewModel(executor, UiTestModels.catalog(folder),
                new HeatmapExportService(), i -> { });
        ExplorerStates states = new ExplorerStates(explorer);
        explorer.start();

        states.apply(new ViewState(ModelRef.bundled("gru"), ExplorerViewModel.LECTURE_SENTENCE, TokenRef.word("cat"),
                null, null, null, null, null, null, null, null, null), () -> { });
        executor.runAll();

        assertEquals(1, explorer.getStep(), "the same model and text: the one trace coming is the one to wait for");
    }

    @Test
    void aCapturedStateAppliedAgainGivesTheSameWindow() {
        ExplorerViewModel explorer = new ExplorerViewModel(new CallingThreadExecutor(), UiTestModels.catalog(folder),
                new HeatmapExportService(), i -> { });
        ExplorerStates states = new ExplorerStates(explorer);
        explorer.start();
        explorer.openModel("lstm");
        explorer.jumpTo(4);
        explorer.primary().selectPrimaryUnit(5);
        explorer.teaching().addClamp(GateClamp.unit(Quantity.FORGET_GATE, 2, 1, 3, 0));
        explorer.teaching().accountMemoryFrom(2);
        explorer.setShowActivation(true);
        ViewState saved = states.capture().orElseThrow();

        states.apply(lstmAt(1).withModel(ModelRef.bundled("gru")), () -> { });
        assertEquals("gru", explorer.primary().chosenModelProperty().get());
        states.apply(saved, () -> { });

        assertEquals(saved, states.capture().orElseThrow());
        assertEquals(Optional.of(TokenRef.at(2)), saved.memoryFrom());
        assertEquals(UnitRef.fixed(5), saved.units().get(0), "the diagram's unit first");
    }
}
