package org.gatescope.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.gatescope.ui.ScreenshotTool;
import org.gatescope.ui.UiTestModels;
import org.gatescope.ui.app.GateScopeApp;
import org.gatescope.ui.explorer.ExplorerViewModel;
import org.gatescope.ui.task.CallingThreadExecutor;
import org.gatescope.ui.task.HeatmapExportService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real train window opened from the explorer, training the agreement task on its own
 * background thread while the explorer follows it. Set {@code shot.train} to a PNG path to
 * keep a picture of the window mid-training.
 */
@ExtendWith(ApplicationExtension.class)
class TrainWindowAppTest {

    @TempDir
    static Path folder;

    private ExplorerViewModel explorer;
    private Stage main;

    @Start
    void start(Stage stage) {
        main = stage;
        explorer = new ExplorerViewModel(new CallingThreadExecutor(), UiTestModels.catalog(folder),
                new HeatmapExportService(), image -> { });
        GateScopeApp.show(stage, explorer);
        explorer.start();
    }

    @Test
    void trainingRunsInTheBackgroundAndCanBePausedAndCancelled(FxRobot robot) throws Exception {
        Stage[] window = new Stage[1];
        robot.interact(() -> window[0] = TrainWindow.open(main, explorer));
        TrainWindow view = (TrainWindow) window[0].getScene().getRoot();
        TrainViewModel train = view.viewModel();
        robot.interact(() -> train.setFollowInExplorer(true));
        String shot = System.getProperty("shot.train");
        if (shot != null) { // seed 1 leaves the 60 % plateau in epoch 3; the picture is of epoch 4
            robot.interact(() -> train.setEpochs(4));
        }

        robot.clickOn("#train-start");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> explorer.primary().modelNameProperty().get()
                .startsWith("training-lstm-h" + TrainViewModel.DEFAULT_HIDDEN));
        assertEquals(TrainViewModel.State.RUNNING, train.getState(), "the FX thread stayed free while training");
        assertTrue(train.fractionDoneProperty().get() > 0);

        if (shot != null) { // a picture mid-run: past the third epoch's validation
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> train.fractionDoneProperty().get() > 0.8);
            robot.interact(() -> explorer.jumpTo(7)); // the comma before "was": the number is carried or lost
        }
        robot.interact(train::togglePause);
        assertEquals("Resume", robot.lookup("#train-pause").queryAs(Button.class).getAccessibleText());
        if (shot != null) {
            robot.interact(() -> ScreenshotTool.save(window[0].getScene(), new File(shot)));
            robot.interact(() -> ScreenshotTool.save(main.getScene(), new File(shot + ".explorer.png")));
            org.gatescope.render.PngExport.write(org.gatescope.render.TrainingChart.render(train.curves()),
                    Path.of(shot + ".curves.png"));
        }
        robot.interact(train::togglePause);
        robot.interact(train::cancel);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> train.getState() == TrainViewModel.State.CANCELLED);
        assertEquals("", train.errorProperty().get());
        robot.interact(() -> window[0].close());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
