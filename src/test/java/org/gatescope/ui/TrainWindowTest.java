package org.gatescope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;
import org.gatescope.engine.AgreementTask;
import org.gatescope.engine.Model;
import org.gatescope.engine.Trainer;
import org.gatescope.text.Vocabulary;
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
        assertEquals(List.of(train.getTrainedModel()), shown);
    }
}
