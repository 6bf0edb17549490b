package org.gatescope.ui.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.GruReset;
import org.gatescope.engine.Precision;
import org.gatescope.engine.Model;
import org.gatescope.engine.train.AgreementTask;
import org.gatescope.engine.train.Trainer;
import org.gatescope.engine.train.TrainingConfig;
import org.gatescope.engine.train.TrainingProgress;
import org.gatescope.io.ModelFiles;
import org.gatescope.render.PngExport;
import org.gatescope.render.TrainingChart;
import org.gatescope.text.Vocabulary;
import org.gatescope.ui.task.CallingThreadExecutor;
import org.gatescope.ui.task.TaskExecutor;
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
        return new TrainingProgress(1, 1, step, 10, loss, Double.NaN, accuracy, -1, 0.01, step * 0.5, false, null);
    }

    @Test
    void defaultsAreASmallLstmForARunLongEnoughToWatch() {
        TrainViewModel train = new TrainViewModel(new CallingThreadExecutor(), Runnable::run, tinyTraining());
        assertEquals(CellKind.LSTM, train.config().cell());
        assertEquals(32, train.config().hidden());
        assertEquals(5, train.config().epochs(), "about a minute on a two-core machine");
        assertEquals(5, train.config().patience(), "every epoch asked for is run");
        assertEquals(TrainViewModel.State.IDLE, train.getState());
        assertFalse(train.runningProperty().get());
    }

    @Test
    void settingsOutOfRangeAreClamped() {
        TrainViewModel train = tiny();
        train.setHidden(0);
        train.setEpochs(100_000);
        train.setEmbed(0);
        train.setLearningRate(5);
        assertEquals(1, train.config().hidden());
        assertEquals(TrainViewModel.MAX_EPOCHS, train.config().epochs());
        assertEquals(1, train.config().embed());
        assertEquals(TrainViewModel.MAX_LEARNING_RATE, train.config().learningRate());
        train.setEmbed(10_000);
        train.setLearningRate(0);
        assertEquals(TrainViewModel.MAX_EMBED, train.config().embed());
        assertEquals(TrainViewModel.MIN_LEARNING_RATE, train.config().learningRate());
        train.setLearningRate(Double.NaN);
        assertEquals(TrainViewModel.MIN_LEARNING_RATE, train.config().learningRate(), "NaN is ignored");
    }

    @Test
    void embeddingLearningRateAndGruResetStartAtTheEngineDefaults() {
        TrainViewModel train = new TrainViewModel(new CallingThreadExecutor(), Runnable::run, tinyTraining());
        assertEquals(withoutEarlyStopping(TrainingConfig.defaults(CellKind.LSTM, 32, 32, 1, 5)), train.config());
        train.setCell(CellKind.GRU);
        assertEquals(withoutEarlyStopping(TrainingConfig.defaults(CellKind.GRU, 32, 32, 1, 5)), train.config());
        assertEquals(GruReset.BEFORE, train.config().gruReset(), "the lecture's GRU, as the bundled one");
    }

    /** The engine's defaults as the window runs them: every epoch, on the window's smaller corpus. */
    private static TrainingConfig withoutEarlyStopping(TrainingConfig c) {
        return new TrainingConfig(c.cell(), c.gruReset(), c.hidden(), c.embed(), c.seed(), c.epochs(), c.batchSize(),
                c.learningRate(), c.finalLearningRate(), c.clipNorm(), c.epochs(), c.verbWeight(),
                TrainViewModel.DEFAULT_SENTENCES, c.precision());
    }

    @Test
    void theDefaultRunTrainsOnAQuarterOfTheBundledModelsCorpusSoItTakesAboutAMinute() {
        TrainViewModel train = new TrainViewModel(new CallingThreadExecutor(), Runnable::run, tinyTraining());
        assertEquals(AgreementTask.TRAINING_SENTENCES / 4, train.config().sentences());
        assertTrue(TrainViewModel.SENTENCE_CHOICES.contains(AgreementTask.TRAINING_SENTENCES),
                "the bundled models' corpus is one choice away");

        train.setSentences(40_000);
        assertEquals(40_000, train.config().sentences());
        train.setSentences(10);
        assertEquals(TrainingConfig.MIN_SENTENCES, train.config().sentences(), "clamped");
        train.setSentences(Integer.MAX_VALUE);
        assertEquals(TrainingConfig.MAX_SENTENCES, train.config().sentences(), "clamped");
    }

    @Test
    void theStatusNamesTheCorpusSizeARunTrainsOn() {
        TrainViewModel train = new TrainViewModel(new CallingThreadExecutor(), Runnable::run,
                (config, listener, control) -> {
                    throw new CancellationException();
                });
        List<String> statuses = new ArrayList<>();
        train.statusProperty().addListener((obs, old, now) -> statuses.add(now));
        train.setSentences(4_000);
        train.start();
        assertTrue(statuses.get(0).contains("of 4,000 sentences"), statuses.get(0));
    }

    @Test
    void embeddingLearningRateAndGruResetReachTheConfig() {
        TrainViewModel train = tiny();
        train.setEmbed(32);
        train.setGruReset(GruReset.AFTER);
        train.setLearningRate(0.05);
        TrainingConfig config = train.config();
        assertEquals(32, config.embed());
        assertEquals(GruReset.AFTER, config.gruReset());
        assertEquals(0.05, config.learningRate());
        assertEquals(TrainingConfig.defaults(CellKind.GRU, 4, 32, 1, 2).finalLearningRate(),
                config.finalLearningRate(), "decays to the usual final rate");
        assertEquals(32, config.spec(10).embedSize());
        assertEquals(GruReset.AFTER, config.spec(10).gruReset());
    }

    @Test
    void theProductsPrecisionStartsAtTheReferenceAndReachesTheConfig() {
        TrainViewModel train = tiny();
        assertEquals(Precision.FLOAT64, train.config().precision(), "as the bundled models were trained");
        train.setPrecision(Precision.FLOAT32);
        assertEquals(Precision.FLOAT32, train.config().precision());
    }

    @Test
    void aLearningRateBelowTheFinalOneStaysConstant() {
        TrainViewModel train = tiny();
        train.setLearningRate(0.001);
        assertEquals(0.001, train.config().learningRate());
        assertEquals(0.001, train.config().finalLearningRate(), "as `gatescope train --learning-rate 0.001`");
    }

    @Test
    void gruResetAppliesOnlyToTheFullGru() {
        TrainViewModel train = tiny();
        train.setGruReset(GruReset.AFTER);
        assertTrue(train.gruResetAppliesProperty().get());
        for (CellKind other : List.of(CellKind.LSTM, CellKind.GRU_SIMPLE, CellKind.RNN)) {
            train.setCell(other);
            assertFalse(train.gruResetAppliesProperty().get(), other.id());
            assertEquals(GruReset.BEFORE, train.config().gruReset(), "the default for " + other.id());
        }
        train.setCell(CellKind.GRU);
        assertEquals(GruReset.AFTER, train.config().gruReset(), "the choice is kept for when GRU returns");
    }

    @Test
    void aRunTrainsWithTheChosenEmbeddingAndReset() {
        TrainViewModel train = tiny();
        train.setEmbed(5);
        train.setGruReset(GruReset.AFTER);
        train.start();
        Model model = train.getModel();
        assertEquals(5, model.spec().embedSize());
        assertEquals(GruReset.AFTER, model.spec().gruReset());
    }

    @Test
    void learningRateTextIsAsTyped() {
        assertEquals("0.01", TrainViewModel.rateText(0.01));
        assertEquals("0.0005", TrainViewModel.rateText(5e-4));
        assertEquals("1", TrainViewModel.rateText(1.0));
    }

    @Test
    void finishedRunDrawsCurvesAndOffersTheModel() {
        TrainViewModel train = tiny();
        train.start();

        assertEquals(TrainViewModel.State.FINISHED, train.getState());
        Model model = train.getModel();
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
    void cancelStopsTheRunAndKeepsTheModelWhereItStopped() {
        TrainViewModel train = tiny();
        train.latestProperty().addListener((obs, old, now) -> {
            if (now != null && now.step() >= 3) {
                train.cancel();
            }
        });
        train.start();

        assertEquals(TrainViewModel.State.CANCELLED, train.getState());
        Model kept = train.getModel();
        assertNotNull(kept, "a cancelled run's model can still be saved");
        assertTrue(kept.metadata().get("stopped_at_step").startsWith("3 of "), kept.metadata().toString());
        assertFalse(kept.metadata().containsKey("trained_with"), "not passed off as a finished run");
        assertEquals("Cancelled at step 3: the model as it stood can still be saved.", train.statusProperty().get());
        assertEquals("", train.errorProperty().get());
        assertTrue(train.unsavedProperty().get());
        assertEquals(TrainViewModel.Loss.UNSAVED_MODEL, train.closingLoses());
        assertEquals("gru-h4-seed1-step3.safetensors", train.suggestedModelFileName());
    }

    @Test
    void afterCancelTheProgressLineSaysCancelledNotTimeLeft() {
        TrainViewModel train = new TrainViewModel(new CallingThreadExecutor(), Runnable::run,
                (config, listener, control) -> {
                    listener.accept(report(4, 3.0, Double.NaN));
                    throw new CancellationException();
                });
        train.start();
        assertEquals("epoch 1/1 \u00b7 step 4/10 \u00b7 40% \u00b7 cancelled", train.progressTextProperty().get());
        assertNull(train.getModel(), "no weights were reported: nothing to save");
        assertEquals("Cancelled before the first step: there is no model to save.", train.statusProperty().get());
        assertEquals(TrainViewModel.Loss.NOTHING, train.closingLoses());
    }

    @Test
    void aPausedRunOffersItsModelAsItStandsUntilResumed() {
        TrainViewModel[] holder = new TrainViewModel[1];
        List<Object> seen = new ArrayList<>();
        Model finished = new Model(TrainingConfig.defaults(CellKind.GRU, 4, 16, 1, 2).spec(
                AgreementTask.vocabulary().size()), AgreementTask.vocabulary(),
                new org.gatescope.engine.Weights(TrainingConfig.defaults(CellKind.GRU, 4, 16, 1, 2)
                        .spec(AgreementTask.vocabulary().size())));
        TrainViewModel train = new TrainViewModel(new CallingThreadExecutor(), Runnable::run,
                (config, listener, control) -> {
                    TrainViewModel vm = holder[0];
                    listener.accept(report(4, 3.0, Double.NaN));
                    seen.add(vm.getModel());
                    vm.togglePause();
                    seen.add(vm.progressTextProperty().get());
                    // as the trainer does on reaching a pause: the weights as they stand
                    listener.accept(new TrainingProgress(1, 1, 5, 10, 2.9, Double.NaN, Double.NaN, -1, 0.01, 2.5,
                            false, new org.gatescope.engine.Weights(config.spec(AgreementTask.vocabulary().size()))));
                    seen.add(vm.getModel());
                    seen.add(vm.closingLoses());
                    vm.togglePause();
                    seen.add(vm.getModel());
                    return finished;
                });
        holder[0] = train;
        train.setCell(CellKind.GRU);
        train.setHidden(4);
        train.start();

        assertNull(seen.get(0), "nothing to save while running");
        assertEquals("epoch 1/1 \u00b7 step 4/10 \u00b7 40% \u00b7 paused", seen.get(1), "no time left while paused");
        Model paused = (Model) seen.get(2);
        assertNotNull(paused);
        assertEquals("5 of 10", paused.metadata().get("stopped_at_step"));
        assertEquals(TrainViewModel.Loss.RUN_UNDER_WAY, seen.get(3));
        assertNull(seen.get(4), "resumed: running again");
        assertEquals(finished, train.getModel());
        assertTrue(train.progressTextProperty().get().endsWith("finished in 0:03"),
                train.progressTextProperty().get());
    }

    @Test
    void aSavedModelIsNothingToLoseOnClosing() {
        TrainViewModel train = tiny();
        assertEquals(TrainViewModel.Loss.NOTHING, train.closingLoses());
        train.start();
        assertEquals(TrainViewModel.Loss.UNSAVED_MODEL, train.closingLoses());
        train.save(folder.resolve("kept.safetensors"));
        assertEquals(TrainViewModel.Loss.NOTHING, train.closingLoses());
        assertFalse(train.unsavedProperty().get());
    }

    @Test
    void agreementMeasuredWithinEpochsIsPlottedOnceEach() {
        TrainViewModel train = new TrainViewModel(new CallingThreadExecutor(), Runnable::run,
                (config, listener, control) -> {
                    Vocabulary vocabulary = AgreementTask.vocabulary();
                    Trainer.Data data = AgreementTask.data(vocabulary, config.seed(), 96, 24);
                    Trainer.Result result = new Trainer(config, 0, 0, 1).train(data, listener, control);
                    return new Model(config.spec(vocabulary.size()), vocabulary, result.weights());
                });
        train.setHidden(4);
        train.setEpochs(2);
        train.start();
        // 96 sentences in batches of 32: 3 steps an epoch, each validated
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L),
                train.validationAccuracy().stream().map(TrainViewModel.CurvePoint::step).toList());
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
        List<String> progress = new ArrayList<>();
        TrainViewModel[] holder = new TrainViewModel[1];
        TrainViewModel train = new TrainViewModel(new CallingThreadExecutor(), uiThread::add,
                (config, listener, control) -> {
                    for (int step = 1; step <= 5; step++) {
                        listener.accept(report(step, 3.0 - step * 0.1, Double.NaN));
                    }
                    hops.add(uiThread.size());
                    uiThread.remove().run();
                    progress.add(holder[0].progressTextProperty().get());
                    throw new CancellationException();
                });
        holder[0] = train;
        train.start();

        assertEquals(List.of(1), hops, "one hop to the UI thread for five reports");
        assertEquals(1, train.trainingLoss().size());
        assertEquals(new TrainViewModel.CurvePoint(5, 2.5), train.trainingLoss().get(0));
        assertEquals(List.of("epoch 1/1 \u00b7 step 5/10 \u00b7 50% \u00b7 about 0:03 left"), progress);
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
        assertEquals(train.getModel(), shown.get(shown.size() - 1));
    }

    @Test
    void savedModelReadsBack() throws Exception {
        TrainViewModel train = tiny();
        train.start();
        Path file = folder.resolve("gru-h4.safetensors");

        train.save(file); // on the calling thread here: written when it returns
        assertTrue(Files.exists(file));
        assertEquals("Saved gru-h4.safetensors.", train.statusProperty().get());
        Model read = ModelFiles.read(file);
        assertEquals(train.getModel().spec(), read.spec());
        assertEquals("", train.errorProperty().get());
    }

    @Test
    void saveIntoAMissingFolderIsAMessageAndNoFile() {
        TrainViewModel train = tiny();
        train.start();
        Path file = folder.resolve("missing").resolve("model.safetensors");

        train.save(file);
        assertFalse(Files.exists(file));
        String error = train.errorProperty().get();
        assertFalse(error.isEmpty());
        assertFalse(error.contains("Exception"), error);
        assertFalse(error.contains("\n"), error);
    }

    @Test
    void saveBeforeTrainingSaysThereIsNothingToSave() {
        TrainViewModel train = tiny();
        train.save(folder.resolve("none.safetensors"));
        assertFalse(Files.exists(folder.resolve("none.safetensors")));
        assertEquals("There is no trained model to save yet.", train.errorProperty().get());
    }

    // ---- the curves as PNG ------------------------------------------------------------------------

    /** Holds submitted work until {@link #runAll}: shows what runs on the exports executor. */
    private static final class QueueingExecutor implements TaskExecutor {
        private final Queue<Runnable> queue = new ArrayDeque<>();

        @Override
        public <T> Cancellable submit(Callable<T> work, Consumer<? super T> onSuccess,
                                      Consumer<? super Throwable> onFailure) {
            queue.add(() -> new CallingThreadExecutor().submit(work, onSuccess, onFailure));
            return () -> { };
        }

        @Override
        public Cancellable schedule(Duration delay, Runnable action) {
            throw new UnsupportedOperationException();
        }

        void runAll() {
            while (!queue.isEmpty()) {
                queue.remove().run();
            }
        }
    }

    @Test
    void exportIsOfferedOnlyOnceThereAreCurvePoints() {
        TrainViewModel train = tiny();
        assertFalse(train.hasCurvesProperty().get());
        assertTrue(train.curves().isEmpty());
        train.start();
        assertTrue(train.hasCurvesProperty().get());
        assertFalse(train.curves().isEmpty());
    }

    @Test
    void exportedCurvesAreThePngOfTheChart() throws Exception {
        TrainViewModel train = tiny();
        train.start();
        Path file = folder.resolve(train.suggestedCurvesFileName());

        train.exportCurves(file);

        assertEquals("", train.errorProperty().get());
        assertEquals("Saved training-gru-h4-seed1.png.", train.statusProperty().get());
        byte[] written = Files.readAllBytes(file);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(written));
        assertNotNull(image, "a PNG ImageIO reads");
        assertEquals(TrainingChart.WIDTH, image.getWidth());
        assertEquals(TrainingChart.HEIGHT, image.getHeight());
        assertArrayEquals(PngExport.toPng(TrainingChart.render(train.curves())), written,
                "the chart of the curves as they are");
        try (var files = Files.list(folder)) {
            assertEquals(List.of(file), files.toList(), "no temporary file left");
        }
    }

    @Test
    void curvesCarryTheRunsSettingsAndAllItsPoints() {
        TrainViewModel train = tiny();
        train.start();
        train.setHidden(8); // settings changed after the run: the curves are still the run's
        train.setCell(CellKind.LSTM);

        TrainingChart.Curves curves = train.curves();
        assertEquals("gru (reset before), 4 hidden units, seed 1 \u2014 epoch 2/2, finished", curves.title());
        assertTrue(curves.subtitle().startsWith("embedding " + TrainViewModel.DEFAULT_EMBED
                + " \u00b7 learning rate 0.01, cosine decay to 0.003"),
                curves.subtitle());
        assertEquals(train.latestProperty().get().totalSteps(), curves.totalSteps());
        assertEquals(train.trainingLoss().size(), curves.trainingLoss().size());
        assertEquals(train.validationLoss().size(), curves.validationLoss().size());
        assertEquals(2, curves.validationAccuracy().size());
        assertEquals(train.validationAccuracy().get(1).value(), curves.validationAccuracy().get(1).value());
        assertEquals("training-gru-h4-seed1.png", train.suggestedCurvesFileName());
    }

    @Test
    void curvesOfACancelledRunExportToo() throws Exception {
        TrainViewModel train = new TrainViewModel(new CallingThreadExecutor(), Runnable::run,
                (config, listener, control) -> {
                    listener.accept(report(1, 3.5, Double.NaN));
                    listener.accept(report(2, 3.1, Double.NaN));
                    throw new CancellationException();
                });
        train.start();
        assertEquals(TrainViewModel.State.CANCELLED, train.getState());
        assertTrue(train.hasCurvesProperty().get());
        assertTrue(train.curves().title().endsWith(", cancelled"), train.curves().title());

        Path file = folder.resolve("cancelled.png");
        train.exportCurves(file);
        assertEquals("Saved cancelled.png.", train.statusProperty().get());
        assertNotNull(ImageIO.read(file.toFile()));
    }

    @Test
    void exportRunsOnTheExportsExecutorNotTheCallingThread() {
        QueueingExecutor exports = new QueueingExecutor();
        TrainViewModel train = new TrainViewModel(new CallingThreadExecutor(), exports, Runnable::run,
                tinyTraining());
        train.setHidden(4);
        train.setEpochs(1);
        train.start();
        Path file = folder.resolve("later.png");

        train.exportCurves(file);
        assertFalse(Files.exists(file), "not written on the calling thread");
        exports.runAll();
        assertTrue(Files.exists(file));
        assertEquals("Saved later.png.", train.statusProperty().get());
    }

    @Test
    void exportIntoAMissingFolderIsAMessageAndNoFile() {
        TrainViewModel train = tiny();
        train.start();
        String before = train.statusProperty().get();
        Path file = folder.resolve("missing").resolve("curves.png");

        train.exportCurves(file);

        assertFalse(Files.exists(file));
        String error = train.errorProperty().get();
        assertTrue(error.startsWith("Could not save curves.png: "), error);
        assertFalse(error.contains("Exception"), error);
        assertFalse(error.contains("\n"), error);
        assertEquals(before, train.statusProperty().get(), "no \"Saved\"");
    }

    @Test
    void exportOntoAFolderIsAMessageAndLeavesTheFolder() throws Exception {
        TrainViewModel train = tiny();
        train.start();
        Path directory = Files.createDirectory(folder.resolve("curves.png"));

        train.exportCurves(directory);

        assertTrue(Files.isDirectory(directory));
        try (var inside = Files.list(directory)) {
            assertEquals(0, inside.count());
        }
        String error = train.errorProperty().get();
        assertTrue(error.startsWith("Could not save curves.png: "), error);
        assertFalse(error.contains("\n"), error);
    }

    @Test
    void exportBeforeTrainingSaysThereIsNothingToExport() {
        TrainViewModel train = tiny();
        Path file = folder.resolve("none.png");
        train.exportCurves(file);
        assertEquals("There are no curves to export yet.", train.errorProperty().get());
        assertFalse(Files.exists(file));
    }
}
