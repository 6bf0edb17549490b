package org.gatescope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import org.gatescope.engine.AgreementTask;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.Model;
import org.gatescope.engine.Trainer;
import org.gatescope.engine.TrainingProgress;
import org.gatescope.io.ModelFiles;
import org.gatescope.text.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The train window's state, driven on the calling thread: training runs synchronously through
 * {@link CallingThreadExecutor}, so every report and the result are applied before {@code start}
 * returns. The real runs use a tiny corpus (a few steps), the rest a scripted trainer.
 */
class TrainViewModelTest {

    @TempDir
    Path folder;

    /** The engine's trainer on 96 sentences: a few steps per epoch, a report every step, a snapshot every 2. */
    private static TrainViewModel.Training tinyTraining() {
        return (config, listener, control) -> {
            Vocabulary vocabulary = AgreementTask.vocabulary();
            Trainer.Data data = AgreementTask.data(vocabulary, config.seed(), 96, 24);
            Trainer.Result result = new Trainer(config, 0, 2).train(data, listener, control);
            return new Model(config.spec(vocabulary.size()), vocabulary, result.weights());
        };
    }

    private static TrainViewModel tiny() {
        TrainViewModel train = new TrainViewModel(new CallingThreadExecutor(), Runnable::run, tinyTraining());
        train.setCell(CellKind.GRU);
        train.setHidden(4);
        train.setEpochs(2);
        return train;
    }

    private static TrainingProgress report(long step, double loss, double accuracy) {
        return new TrainingProgress(1, 1, step, 10, loss, Double.NaN, accuracy, 0.01, step * 0.5, false, null);
    }

    @Test
    void defaultsAreASmallLstmForThreeEpochs() {
        TrainViewModel train = new TrainViewModel(new CallingThreadExecutor(), Runnable::run, tinyTraining());
        assertEquals(CellKind.LSTM, train.config().cell());
        assertEquals(16, train.config().hidden());
        assertEquals(3, train.config().epochs());
        assertEquals(TrainViewModel.State.IDLE, train.getState());
        assertFalse(train.runningProperty().get());
    }

    @Test
    void settingsOutOfRangeAreClamped() {
        TrainViewModel train = tiny();
        train.setHidden(0);
        train.setEpochs(100_000);
        assertEquals(1, train.config().hidden());
        assertEquals(TrainViewModel.MAX_EPOCHS, train.config().epochs());
    }

    @Test
    void finishedRunDrawsCurvesAndOffersTheModel() {
        TrainViewModel train = tiny();
        train.start();

        assertEquals(TrainViewModel.State.FINISHED, train.getState());
        Model model = train.getTrainedModel();
        assertNotNull(model);
        assertEquals(CellKind.GRU, model.cell());
        assertEquals(4, model.hiddenSize());
        assertEquals(1.0, train.fractionDoneProperty().get());
        assertFalse(train.trainingLoss().isEmpty());
        assertEquals(2, train.validationAccuracy().size(), "one validation point per epoch");
        for (TrainViewModel.CurvePoint p : train.validationAccuracy()) {
            assertTrue(p.value() >= 0 && p.value() <= 1, "accuracy in [0, 1]: " + p);
        }
        assertTrue(train.progressTextProperty().get().startsWith("epoch 2/2"), train.progressTextProperty().get());
        assertTrue(train.statusProperty().get().startsWith("Finished"), train.statusProperty().get());
    }

    @Test
    void sameSettingsTrainTheSameModel() {
        TrainViewModel first = tiny();
        first.start();
        TrainViewModel second = tiny();
        second.start();
        assertEquals(first.trainingLoss(), second.trainingLoss());
    }

    @Test
    void cancelStopsTheRunAndKeepsNoModel() {
        TrainViewModel train = tiny();
        train.latestProperty().addListener((obs, old, now) -> {
            if (now != null && now.step() >= 3) {
                train.cancel();
            }
        });
        train.start();

        assertEquals(TrainViewModel.State.CANCELLED, train.getState());
        assertNull(train.getTrainedModel());
        assertEquals("Cancelled at step 3.", train.statusProperty().get());
        assertEquals("", train.errorProperty().get());
    }

    @Test
    void pauseAndResumeSwitchTheState() {
        List<TrainViewModel.State> seen = new ArrayList<>();
        TrainViewModel[] holder = new TrainViewModel[1];
        TrainViewModel train = new TrainViewModel(new CallingThreadExecutor(), Runnable::run,
                (config, listener, control) -> {
                    holder[0].togglePause();
                    seen.add(holder[0].getState());
                    assertTrue(control.isPaused());
                    holder[0].togglePause();
                    seen.add(holder[0].getState());
                    assertFalse(control.isPaused());
                    throw new CancellationException();
                });
        holder[0] = train;
        train.start();
        assertEquals(List.of(TrainViewModel.State.PAUSED, TrainViewModel.State.RUNNING), seen);
        assertEquals(TrainViewModel.State.CANCELLED, train.getState());
    }

    @Test
    void reportsWaitingForTheUiThreadAreCoalescedToTheLatest() {
        Queue<Runnable> uiThread = new ArrayDeque<>();
        List<Integer> hops = new ArrayList<>();
        TrainViewModel train = new TrainViewModel(new CallingThreadExecutor(), uiThread::add,
                (config, listener, control) -> {
                    for (int step = 1; step <= 5; step++) {
                        listener.accept(report(step, 3.0 - step * 0.1, Double.NaN));
                    }
                    hops.add(uiThread.size());
                    uiThread.remove().run();
                    throw new CancellationException();
                });
        train.start();

        assertEquals(List.of(1), hops, "one hop to the UI thread for five reports");
        assertEquals(1, train.trainingLoss().size());
        assertEquals(new TrainViewModel.CurvePoint(5, 2.5), train.trainingLoss().get(0));
        assertEquals("epoch 1/1 \u00b7 step 5/10 \u00b7 50% \u00b7 about 0:03 left", train.progressTextProperty().get());
    }

    @Test
    void aFailedRunSaysWhyInOneLine() {
        TrainViewModel train = new TrainViewModel(new CallingThreadExecutor(), Runnable::run,
                (config, listener, control) -> {
                    throw new IllegalStateException("out of disk");
                });
        train.start();
        assertEquals(TrainViewModel.State.FAILED, train.getState());
        assertEquals("Training failed: out of disk", train.errorProperty().get());
    }

    @Test
    void followingHandsSnapshotsAndTheFinalModelToTheExplorer() {
        TrainViewModel train = tiny();
        List<Model> shown = new ArrayList<>();
        train.setSnapshotSink(shown::add);
        train.setFollowInExplorer(true);
        train.start();

        assertTrue(shown.size() >= 2, "snapshots, then the trained model: " + shown.size());
        assertEquals(4, shown.get(0).hiddenSize());
        assertEquals(train.getTrainedModel(), shown.get(shown.size() - 1));
    }

    @Test
    void savedModelReadsBack() throws Exception {
        TrainViewModel train = tiny();
        train.start();
        Path file = folder.resolve("gru-h4.safetensors");

        assertTrue(train.save(file));
        Model read = ModelFiles.read(file);
        assertEquals(train.getTrainedModel().spec(), read.spec());
        assertEquals("", train.errorProperty().get());
    }

    @Test
    void saveIntoAMissingFolderIsAMessageAndNoFile() {
        TrainViewModel train = tiny();
        train.start();
        Path file = folder.resolve("missing").resolve("model.safetensors");

        assertFalse(train.save(file));
        assertFalse(Files.exists(file));
        String error = train.errorProperty().get();
        assertFalse(error.isEmpty());
        assertFalse(error.contains("Exception"), error);
        assertFalse(error.contains("\n"), error);
    }

    @Test
    void saveBeforeTrainingSaysThereIsNothingToSave() {
        TrainViewModel train = tiny();
        assertFalse(train.save(folder.resolve("none.safetensors")));
        assertEquals("There is no trained model to save yet.", train.errorProperty().get());
    }
}
