package org.gatescope.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.gatescope.TestModels;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.GruReset;
import org.gatescope.engine.Model;
import org.gatescope.io.ModelFiles;
import org.gatescope.ui.BlockingFileSystem;
import org.gatescope.ui.UiTestModels;
import org.gatescope.ui.explorer.ExplorerViewModel;
import org.gatescope.ui.task.BackgroundExecutor;
import org.gatescope.ui.task.HeatmapExportService;
import org.gatescope.ui.train.TrainViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * No file is read or written on the FX thread: with a disk that hangs ({@link BlockingFileSystem}),
 * a heatmap export, a model save and a model open asked for on the FX thread leave it free to
 * answer at once, and finish, complete, once the disk goes on.
 */
@ExtendWith(ApplicationExtension.class)
class NoFileWorkOnTheFxThreadTest {

    /** How long the FX thread may take to answer while a file operation hangs. */
    private static final long RESPONSIVE_SECONDS = 2;

    @TempDir
    Path folder;

    private final BlockingFileSystem disk = new BlockingFileSystem();
    private final BackgroundExecutor executor = new BackgroundExecutor();
    private ExplorerViewModel explorer;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        explorer = new ExplorerViewModel(executor, UiTestModels.catalog(folder), new HeatmapExportService(),
                image -> { });
        GateScopeApp.show(stage, explorer);
        explorer.start();
    }

    @AfterEach
    void releaseTheStage(FxRobot robot) {
        UiTestModels.releaseStage(robot, stage);
        executor.close();
    }

    @Test
    void aHeatmapExportWaitsForTheDiskOffTheFxThread(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> explorer.primary().getTrace() != null);
        Path target = folder.resolve("heatmaps.png");
        BlockingFileSystem.Gate gate = disk.block();

        robot.interact(() -> explorer.exportHeatmaps(null, disk.wrap(target)));

        assertFxThreadAnswersWhileBlocked(gate);
        gate.release();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> explorer.statusProperty().get().startsWith("Saved"));
        BufferedImage image = ImageIO.read(target.toFile());
        assertNotNull(image, "a complete PNG");
        assertTrue(image.getWidth() > 0 && image.getHeight() > 0);
        assertNoTemporaryFiles();
        assertEquals(List.of(), disk.fxThreadCalls());
    }

    @Test
    void aTrainedModelIsSavedOffTheFxThread(FxRobot robot) throws Exception {
        Model trained = TestModels.random(CellKind.GRU, GruReset.BEFORE, 16, 5, 4, 7);
        TrainViewModel[] train = new TrainViewModel[1];
        robot.interact(() -> {
            train[0] = new TrainViewModel(executor, Platform::runLater, (config, listener, control) -> trained);
            train[0].start();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> train[0].getState() == TrainViewModel.State.FINISHED);
        Path target = folder.resolve("gru-h4.safetensors");
        BlockingFileSystem.Gate gate = disk.block();

        robot.interact(() -> train[0].save(disk.wrap(target)));

        assertFxThreadAnswersWhileBlocked(gate);
        gate.release();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> train[0].statusProperty().get().equals("Saved gru-h4.safetensors."));
        assertEquals("", train[0].errorProperty().get());
        Model read = ModelFiles.read(target);
        assertEquals(trained.spec(), read.spec());
        assertNoTemporaryFiles();
        assertEquals(List.of(), disk.fxThreadCalls());
    }

    @Test
    void aModelFileIsOpenedOffTheFxThread(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> explorer.primary().getTrace() != null);
        Path file = UiTestModels.write(folder, "mine",
                TestModels.random(CellKind.RNN, GruReset.AFTER, 16, 5, 3, 9));
        BlockingFileSystem.Gate gate = disk.block();

        robot.interact(() -> explorer.openModel(disk.wrap(file)));

        assertFxThreadAnswersWhileBlocked(gate);
        assertEquals(CellKind.LSTM, explorer.cellProperty().get(), "the model shown stays while the file is read");
        gate.release();
        // The name is set just before the model (and the cell kind with it), in one FX event: wait for both.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> "mine.safetensors".equals(explorer.primary().modelNameProperty().get())
                        && explorer.cellProperty().get() == CellKind.RNN);
        assertEquals(3, explorer.primary().getModel().hiddenSize());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> explorer.primary().getTrace() != null
                && explorer.primary().getTrace().cell() == CellKind.RNN);
        assertEquals(List.of(), disk.fxThreadCalls());
    }

    /** The file operation hangs on a worker, and meanwhile the FX thread answers a runLater at once. */
    private static void assertFxThreadAnswersWhileBlocked(BlockingFileSystem.Gate gate) throws Exception {
        try {
            assertTrue(gate.awaitBlocked(30), "the file operation reached the disk");
            assertTrue(gate.waitingThread().startsWith("gatescope-files-"),
                    "held on the file lane, not " + gate.waitingThread());
            CountDownLatch answered = new CountDownLatch(1);
            Platform.runLater(answered::countDown);
            assertTrue(answered.await(RESPONSIVE_SECONDS, TimeUnit.SECONDS),
                    "the FX thread answered while the disk hung");
        } catch (AssertionError | Exception e) {
            gate.release();
            throw e;
        }
    }

    private void assertNoTemporaryFiles() throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            List<String> left = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
            assertEquals(List.of(), left, "no temporary file left beside the target");
        }
    }
}
