package org.gatescope.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.gatescope.TestModels;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.GruReset;
import org.gatescope.engine.Quantity;
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
 * A teacher's lesson and a saved session in the window: a lesson file opens in the lesson bar with its live
 * numbers, Next and Back set each step's model, token, units and clamps, Leave gives the user's window back;
 * a broken lesson is one line in the banner; a session saved and opened again brings the window back, and one
 * whose model file is gone opens on the bundled model with a message.
 */
@ExtendWith(ApplicationExtension.class)
class LessonAndSessionWindowTest {

    @TempDir
    Path folder;

    private ExplorerViewModel explorer;
    private ExplorerView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        explorer = UiTestModels.showExplorer(stage, folder);
        view = (ExplorerView) stage.getScene().getRoot();
    }

    @AfterEach
    void releaseTheStage(FxRobot robot) {
        UiTestModels.releaseStage(robot, stage);
    }

    /** Two steps on the test catalog's LSTM, whose number units are 3 and 1. */
    private Path lesson() throws Exception {
        return Files.writeString(folder.resolve("two-steps.json"), """
                {"format": "gatescope-lesson", "version": 1, "title": "Two steps",
                 "steps": [
                  {"type": "show", "title": "First", "model": "lstm", "text": "the cat sat on the mat", "token": 1,
                   "units": ["number1"], "say": "Γu of unit {unit} is {u} at {token}"},
                  {"type": "show", "title": "Second", "token": 3, "units": ["number2", "number1"],
                   "clamps": ["u:number1:0-2=0"], "say": "clamped {u unit number1 at 1}, intact {u unit number1 at 1 intact}"}
                 ]}
                """);
    }

    private String text(FxRobot robot, String id) {
        Node node = robot.lookup(id).query();
        if (node instanceof javafx.scene.text.TextFlow flow) {
            return org.gatescope.ui.lesson.LessonBar.textOf(flow);
        }
        return node instanceof javafx.scene.text.Text text ? text.getText() : ((Label) node).getText();
    }

    @Test
    void aLessonStepsForwardAndBackAndLeavingGivesTheWindowBack(FxRobot robot) throws Exception {
        robot.interact(() -> explorer.jumpTo(2));
        String ownModel = explorer.primary().chosenModelProperty().get();
        Path file = lesson();

        robot.interact(() -> view.lessons().openFile(file));

        Node bar = robot.lookup("#lesson-bar").query();
        assertTrue(bar.isVisible());
        assertTrue(text(robot, "#lesson-heading").contains("step 1 of 2: First"), text(robot, "#lesson-heading"));
        double u = explorer.primary().getTrace().value(Quantity.UPDATE_GATE, 1, 3);
        assertEquals(String.format(java.util.Locale.ROOT, "Γu of unit 3 is %.2f at cat", u), text(robot, "#lesson-text"));
        assertEquals("lstm", explorer.primary().chosenModelProperty().get());
        assertEquals(1, explorer.getStep());
        assertEquals(3, explorer.primary().getPrimaryUnit());

        robot.clickOn("#lesson-next");
        assertTrue(text(robot, "#lesson-heading").contains("step 2 of 2"));
        assertEquals(3, explorer.getStep());
        assertEquals(1, explorer.primary().getPrimaryUnit(), "number2 is unit 1");
        assertEquals(List.of(1, 3), explorer.primary().selectedUnits().stream().sorted().toList());
        assertEquals("u:3:0-2=0", explorer.primary().getClamps().clamps().get(0).spec());
        assertTrue(text(robot, "#lesson-text").startsWith("clamped 0.00, intact "), text(robot, "#lesson-text"));
        assertTrue(robot.lookup("#lesson-next").query().isDisabled(), "the last step");

        robot.clickOn("#lesson-back");
        assertTrue(explorer.primary().getClamps().isEmpty(), "step 1 has no clamps");
        assertEquals(1, explorer.getStep());

        robot.clickOn("#lesson-leave");
        assertFalse(bar.isVisible());
        assertEquals(ownModel, explorer.primary().chosenModelProperty().get());
        assertEquals(ExplorerViewModel.LECTURE_SENTENCE, explorer.sentenceProperty().get());
        assertEquals(2, explorer.getStep());
    }

    @Test
    void aLessonWithAnUnknownStepTypeIsOneLineAndTheWindowKeepsItsState(FxRobot robot) throws Exception {
        Path file = Files.writeString(folder.resolve("quiz.json"), """
                {"format": "gatescope-lesson", "version": 1, "title": "Quiz",
                 "steps": [{"type": "show", "model": "lstm"}, {"type": "quiz"}]}
                """);
        String model = explorer.primary().chosenModelProperty().get();

        robot.interact(() -> view.lessons().openFile(file));

        assertEquals("Cannot open the lesson quiz.json \u2014 step 2: unknown step type \"quiz\" (known: show, play)",
                explorer.errorProperty().get());
        assertFalse(robot.lookup("#lesson-bar").query().isVisible());
        assertEquals(model, explorer.primary().chosenModelProperty().get());
    }

    @Test
    void theBuiltInLessonsAreListedInTheLecturesOrder(FxRobot robot) {
        assertEquals(List.of("The GRU's update gate", "Why the vanilla RNN forgets", "The LSTM's update and forget gates",
                "The peephole LSTM", "Number units, ablation and clamping"),
                view.lessons().builtIn().stream().map(each -> each.title()).toList());
    }

    @Test
    void aSavedSessionOpensTheWindowAsItWas(FxRobot robot) throws Exception {
        Path file = lesson();
        robot.interact(() -> view.lessons().openFile(file));
        robot.clickOn("#lesson-next");
        robot.interact(() -> explorer.setShowReach(false));
        Path session = folder.resolve("class.gatescope");

        robot.interact(() -> view.sessions().save(session));
        assertTrue(Files.isRegularFile(session));
        robot.interact(() -> {
            view.lessons().leave();
            explorer.openModel("gru");
            explorer.setSentenceNow("the mat");
        });
        robot.interact(() -> view.sessions().open(session));

        assertEquals("lstm", explorer.primary().chosenModelProperty().get());
        assertEquals("the cat sat on the mat", explorer.sentenceProperty().get());
        assertEquals(3, explorer.getStep());
        assertEquals(1, explorer.primary().getPrimaryUnit());
        assertEquals("u:3:0-2=0", explorer.primary().getClamps().clamps().get(0).spec());
        assertFalse(explorer.showReachProperty().get());
        assertTrue(text(robot, "#lesson-heading").contains("step 2 of 2"), "the lesson is where it was");
        assertEquals(List.of(session.toAbsolutePath()), view.sessions().recent());
    }

    @Test
    void aSessionWhoseModelFileIsGoneOpensOnTheBundledModelAndSaysSo(FxRobot robot) throws Exception {
        Path model = UiTestModels.write(folder, "mine",
                TestModels.random(CellKind.GRU, GruReset.AFTER, 16, 5, UiTestModels.HIDDEN, 3));
        robot.interact(() -> explorer.openModel(model));
        Path session = folder.resolve("gone.gatescope");
        robot.interact(() -> view.sessions().save(session));
        Files.delete(model);

        robot.interact(() -> view.sessions().open(session));

        assertTrue(explorer.errorProperty().get().contains("mine.safetensors is not there: showing the bundled gru"),
                explorer.errorProperty().get());
        assertEquals("gru", explorer.primary().chosenModelProperty().get());
    }

    @Test
    void aFileThatIsNoSessionChangesNothingButTheBanner(FxRobot robot) throws Exception {
        Path session = Files.writeString(folder.resolve("notes.gatescope"), "shopping list");
        String model = explorer.primary().chosenModelProperty().get();

        robot.interact(() -> view.sessions().open(session));

        assertTrue(explorer.errorProperty().get().startsWith("Cannot open the session notes.gatescope \u2014 it is not"
                + " a GateScope session"), explorer.errorProperty().get());
        assertEquals(model, explorer.primary().chosenModelProperty().get());
    }
}
