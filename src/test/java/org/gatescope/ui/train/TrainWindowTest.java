package org.gatescope.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.GruReset;
import org.gatescope.engine.Model;
import org.gatescope.engine.Precision;
import org.gatescope.engine.train.AgreementTask;
import org.gatescope.engine.train.Trainer;
import org.gatescope.text.Vocabulary;
import org.gatescope.ui.ManualExecutor;
import org.gatescope.ui.task.CallingThreadExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The train window as a user drives it, headless under Monocle. Training runs on the FX thread
 * here on a tiny corpus, so a click on Start returns with the run finished.
 */
@ExtendWith(ApplicationExtension.class)
class TrainWindowTest {

    private TrainViewModel train;
    private final List<Model> shown = new ArrayList<>();

    @Start
    void start(Stage stage) {
        train = new TrainViewModel(new CallingThreadExecutor(), Runnable::run, (config, listener, control) -> {
            Vocabulary vocabulary = AgreementTask.vocabulary();
            Trainer.Data data = AgreementTask.data(vocabulary, config.seed(), 96, 24);
            Trainer.Result result = new Trainer(config, 0, 2).train(data, listener, control);
            return new Model(config.spec(vocabulary.size()), vocabulary, result.weights());
        });
        train.setHidden(4);
        train.setEpochs(2);
        stage.setScene(new Scene(new TrainWindow(train, shown::add), 860, 640));
        stage.show();
    }

    @Test
    void beforeStartOnlyStartIsOffered(FxRobot robot) {
        assertFalse(robot.lookup("#train-start").queryAs(Button.class).isDisabled());
        assertTrue(robot.lookup("#train-pause").queryAs(Button.class).isDisabled());
        assertTrue(robot.lookup("#train-cancel").queryAs(Button.class).isDisabled());
        assertTrue(robot.lookup("#train-save").queryAs(Button.class).isDisabled());
        assertTrue(robot.lookup("#train-show").queryAs(Button.class).isDisabled());
        assertTrue(robot.lookup("#train-export").queryAs(Button.class).isDisabled(), "no curves to export yet");
    }

    @Test
    void exportIsOfferedOnceTheRunHasCurvePoints(FxRobot robot) {
        robot.clickOn("#train-start");
        WaitForAsyncUtils.waitForFxEvents();

        Button export = robot.lookup("#train-export").queryAs(Button.class);
        assertEquals("Export curves as PNG\u2026", export.getText());
        assertFalse(export.isDisabled());
    }

    @Test
    void exportStaysOfferedWhenTheRunIsCancelled(FxRobot robot) {
        robot.interact(() -> train.latestProperty().addListener((obs, old, now) -> {
            if (now != null && now.step() >= 2) {
                train.cancel();
            }
        }));
        robot.clickOn("#train-start");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(TrainViewModel.State.CANCELLED, train.getState());
        assertFalse(robot.lookup("#train-export").queryAs(Button.class).isDisabled());
        assertFalse(robot.lookup("#train-save").queryAs(Button.class).isDisabled(),
                "the model where the run stopped can be kept");
        String progress = robot.lookup("#train-progress-text").queryAs(Label.class).getText();
        assertTrue(progress.endsWith("cancelled"), progress);
        assertFalse(progress.contains("left"), progress);
    }

    /** A window whose run waits in a queue: it stays under way until the test runs it. */
    private TrainWindow pendingRun(FxRobot robot, ManualExecutor runs, List<TrainWindow.Question> asked,
                                   boolean discard) {
        TrainWindow[] view = new TrainWindow[1];
        robot.interact(() -> {
            pending = new TrainViewModel(runs, new CallingThreadExecutor(), Runnable::run,
                    (config, listener, control) -> {
                        if (control.isCancelled()) {
                            throw new CancellationException();
                        }
                        throw new IllegalStateException("not cancelled");
                    });
            view[0] = new TrainWindow(pending, shown::add);
            view[0].setConfirmation(question -> {
                asked.add(question);
                return discard;
            });
            Stage stage = (Stage) robot.lookup("#train-start").query().getScene().getWindow();
            stage.getScene().setRoot(view[0]);
        });
        robot.clickOn("#train-start");
        assertEquals(TrainViewModel.State.RUNNING, pending.getState());
        return view[0];
    }

    private TrainViewModel pending;

    @Test
    void cancelAsksAndKeepsTrainingOnNo(FxRobot robot) {
        ManualExecutor runs = new ManualExecutor();
        List<TrainWindow.Question> asked = new ArrayList<>();
        pendingRun(robot, runs, asked, false);

        robot.clickOn("#train-cancel");
        assertEquals(1, asked.size());
        assertEquals("Keep training", asked.get(0).keep());
        assertEquals(TrainViewModel.State.RUNNING, pending.getState(), "still training");
        robot.interact(runs::runAll);
        assertEquals(TrainViewModel.State.FAILED, pending.getState(), "the run was never told to stop");
    }

    @Test
    void cancelAsksAndStopsOnYes(FxRobot robot) {
        ManualExecutor runs = new ManualExecutor();
        List<TrainWindow.Question> asked = new ArrayList<>();
        pendingRun(robot, runs, asked, true);

        robot.clickOn("#train-cancel");
        robot.interact(runs::runAll);
        assertEquals(1, asked.size());
        assertEquals(TrainViewModel.State.CANCELLED, pending.getState());
    }

    @Test
    void escapeClosesTheWindowAfterAskingWhileARunIsUnderWay(FxRobot robot) {
        ManualExecutor runs = new ManualExecutor();
        List<TrainWindow.Question> asked = new ArrayList<>();
        TrainWindow view = pendingRun(robot, runs, asked, false);
        Stage stage = (Stage) view.getScene().getWindow();
        robot.interact(() -> view.closeOnKeys(view.getScene(), stage));

        robot.interact(() -> view.requestFocus());
        robot.type(KeyCode.ESCAPE);
        assertEquals(1, asked.size(), "asked before losing the run");
        assertTrue(stage.isShowing(), "kept on \"Keep training\"");

        view.setConfirmation(question -> true);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(stage.isShowing());
        robot.interact(stage::show);
    }

    @Test
    void escapeClosesAnIdleWindowWithoutAsking(FxRobot robot) {
        List<TrainWindow.Question> asked = new ArrayList<>();
        TrainWindow view = (TrainWindow) robot.lookup("#train-start").query().getScene().getRoot();
        view.setConfirmation(question -> asked.add(question));
        Stage stage = (Stage) view.getScene().getWindow();
        robot.interact(() -> view.closeOnKeys(view.getScene(), stage));
        robot.interact(() -> view.requestFocus());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(stage.isShowing());
        assertTrue(asked.isEmpty(), "nothing to lose, nothing asked");
        robot.interact(stage::show);
    }

    @Test
    void pauseAndResumeKeepOneWidthSoCancelStays(FxRobot robot) {
        ManualExecutor runs = new ManualExecutor();
        pendingRun(robot, runs, new ArrayList<>(), false);
        Button pause = robot.lookup("#train-pause").queryAs(Button.class);
        Button cancel = robot.lookup("#train-cancel").queryAs(Button.class);
        WaitForAsyncUtils.waitForFxEvents();
        double width = pause.getWidth();
        double cancelX = cancel.localToScene(0, 0).getX();
        assertTrue(robot.lookup("#train-pause-text").query().isVisible());

        robot.clickOn(pause);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(TrainViewModel.State.PAUSED, pending.getState());
        assertTrue(robot.lookup("#train-resume-text").query().isVisible());
        assertFalse(robot.lookup("#train-pause-text").query().isVisible());
        assertEquals(width, pause.getWidth(), 0.01);
        assertEquals(cancelX, cancel.localToScene(0, 0).getX(), 0.01, "Cancel does not move");
        assertEquals("Resume", pause.getAccessibleText());
        assertTrue(((Label) robot.lookup("#train-resume-text").query()).getWidth()
                <= pause.getWidth(), "\"Resume\" fits");
    }

    @Test
    void gruResetIsOfferedOnlyForTheGru(FxRobot robot) {
        Node resetBox = robot.lookup("#train-gru-reset-box").query();
        assertFalse(resetBox.isVisible(), "an LSTM has no relevance gate");

        @SuppressWarnings("unchecked")
        ComboBox<CellKind> cell = robot.lookup("#train-cell").queryAs(ComboBox.class);
        robot.interact(() -> cell.setValue(CellKind.GRU));
        assertTrue(resetBox.isVisible());
        @SuppressWarnings("unchecked")
        ComboBox<GruReset> reset = robot.lookup("#train-gru-reset").queryAs(ComboBox.class);
        assertEquals(GruReset.BEFORE, reset.getValue());
        robot.interact(() -> reset.setValue(GruReset.AFTER));
        assertEquals(GruReset.AFTER, train.config().gruReset());

        robot.interact(() -> cell.setValue(CellKind.GRU_SIMPLE));
        assertFalse(resetBox.isVisible(), "the simplified GRU has no relevance gate either");
    }

    @Test
    void embeddingAndLearningRateFieldsSetTheConfig(FxRobot robot) {
        @SuppressWarnings("unchecked")
        Spinner<Integer> embed = robot.lookup("#train-embed").queryAs(Spinner.class);
        assertEquals(TrainViewModel.DEFAULT_EMBED, embed.getValue());
        robot.interact(() -> embed.getValueFactory().setValue(24));
        assertEquals(24, train.config().embed());

        TextField rate = robot.lookup("#train-learning-rate").queryAs(TextField.class);
        assertEquals("0.01", rate.getText());
        robot.clickOn(rate);
        robot.interact(() -> rate.requestFocus());
        robot.interact(rate::selectAll);
        robot.write("0.02");
        assertEquals(0.02, train.config().learningRate());
        robot.interact(() -> rate.setText("0.0x1"));
        assertEquals("0.02", rate.getText(), "not a number: refused");

        robot.interact(() -> rate.setText("7"));
        robot.interact(() -> robot.lookup("#train-seed").query().requestFocus());
        assertEquals(TrainViewModel.MAX_LEARNING_RATE, train.config().learningRate());
        assertEquals("1", rate.getText(), "leaving the field shows the rate a run uses");
    }

    @Test
    void thePrecisionBoxOffersTheReferenceFirstAndTheFasterFloat32(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ComboBox<Precision> precision = robot.lookup("#train-precision").queryAs(ComboBox.class);
        assertEquals(Precision.FLOAT64, precision.getValue());
        assertEquals("float64 (reference)", precision.getConverter().toString(Precision.FLOAT64));
        assertEquals("float32 (faster)", precision.getConverter().toString(Precision.FLOAT32));

        robot.interact(() -> precision.setValue(Precision.FLOAT32));
        assertEquals(Precision.FLOAT32, train.config().precision());
        robot.interact(() -> train.setPrecision(Precision.FLOAT64));
        assertEquals(Precision.FLOAT64, precision.getValue(), "the box follows the view model");
    }

    @Test
    void theCorpusSizeIsChosenFromASmallDefaultUpToTheBundledModelsCorpus(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ComboBox<Integer> sentences = robot.lookup("#train-sentences").queryAs(ComboBox.class);
        assertEquals(TrainViewModel.DEFAULT_SENTENCES, sentences.getValue());
        assertEquals(AgreementTask.TRAINING_SENTENCES, sentences.getItems().get(sentences.getItems().size() - 1));
        assertEquals("80,000 (as the bundled models)",
                sentences.getConverter().toString(AgreementTask.TRAINING_SENTENCES));

        robot.interact(() -> sentences.setValue(AgreementTask.TRAINING_SENTENCES));
        assertEquals(AgreementTask.TRAINING_SENTENCES, train.config().sentences());
        robot.interact(() -> train.setSentences(5_000));
        assertEquals(5_000, sentences.getValue(), "the box follows the view model");
    }

    @Test
    void theFieldsFollowSettingsChangedOrClampedByTheViewModel(FxRobot robot) {
        robot.interact(() -> {
            train.setEpochs(TrainViewModel.MAX_EPOCHS + 50);
            train.setHidden(0);
            train.setCell(CellKind.GRU);
        });

        assertEquals(TrainViewModel.MAX_EPOCHS, robot.lookup("#train-epochs").queryAs(Spinner.class).getValue());
        assertEquals(1, robot.lookup("#train-hidden").queryAs(Spinner.class).getValue());
        assertEquals(CellKind.GRU, robot.lookup("#train-cell").queryAs(ComboBox.class).getValue());
    }

    @Test
    void startTrainsDrawsTheCurvesAndOffersTheModel(FxRobot robot) {
        robot.clickOn("#train-start");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(TrainViewModel.State.FINISHED, train.getState());
        assertEquals(1.0, robot.lookup("#train-progress").queryAs(ProgressBar.class).getProgress());
        assertTrue(robot.lookup("#train-progress-text").queryAs(Label.class).getText().startsWith("epoch 2/2"));
        assertTrue(robot.lookup("#train-status").queryAs(Label.class).getText().startsWith("Finished"));
        LineChart<?, ?> loss = robot.lookup("#train-loss-chart").queryAs(LineChart.class);
        assertFalse(loss.getData().get(0).getData().isEmpty(), "training loss drawn");
        LineChart<?, ?> accuracy = robot.lookup("#train-accuracy-chart").queryAs(LineChart.class);
        assertEquals(2, accuracy.getData().get(0).getData().size(), "one agreement point per epoch");
        assertFalse(robot.lookup("#train-save").queryAs(Button.class).isDisabled());

        robot.clickOn("#train-show");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(train.getModel()), shown);
    }
}
