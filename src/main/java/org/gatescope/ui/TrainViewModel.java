package org.gatescope.ui;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.gatescope.engine.AgreementTask;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.Model;
import org.gatescope.engine.TrainingConfig;
import org.gatescope.engine.TrainingControl;
import org.gatescope.engine.TrainingProgress;
import org.gatescope.io.ModelFileException;
import org.gatescope.io.ModelFiles;
import org.gatescope.text.Vocabulary;

/**
 * State of the "Train a model" window: the settings, the run (idle, running, paused, finished,
 * cancelled, failed), its live loss and agreement-accuracy curves, and the trained model. Training
 * runs through the {@link TaskExecutor}; progress arrives on the training thread and is handed to
 * the UI thread coalesced, so a slow UI thread only ever sees the latest report.
 */
public final class TrainViewModel {

    /** Trains a model, reporting to {@code listener} on the training thread; may throw {@link CancellationException}. */
    @FunctionalInterface
    public interface Training {
        Model train(TrainingConfig config, Consumer<TrainingProgress> listener, TrainingControl control);
    }

    /** Where a run is. */
    public enum State { IDLE, RUNNING, PAUSED, FINISHED, CANCELLED, FAILED }

    /** One point of a curve: the training step and the value there. */
    public record CurvePoint(long step, double value) { }

    public static final int DEFAULT_HIDDEN = 16;
    public static final int DEFAULT_EMBED = 16;
    public static final int DEFAULT_EPOCHS = 3;
    public static final long DEFAULT_SEED = 1;
    public static final int MAX_HIDDEN = 256;
    public static final int MAX_EPOCHS = 100;
    /** How often the trainer reports (ms) and copies its weights (steps) in the app. */
    public static final long PROGRESS_INTERVAL_MILLIS = 100;
    public static final int SNAPSHOT_EVERY_STEPS = 200;

    /** The agreement task with the app's reporting rates. */
    public static Training agreementTask() {
        return (config, listener, control) -> AgreementTask.train(config, listener, control,
                PROGRESS_INTERVAL_MILLIS, SNAPSHOT_EVERY_STEPS);
    }

    private final TaskExecutor executor;
    private final Executor uiThread;
    private final Training training;

    private final ReadOnlyObjectWrapper<CellKind> cell = new ReadOnlyObjectWrapper<>(this, "cell", CellKind.LSTM);
    private final ReadOnlyIntegerWrapper hidden = new ReadOnlyIntegerWrapper(this, "hidden", DEFAULT_HIDDEN);
    private final ReadOnlyIntegerWrapper epochs = new ReadOnlyIntegerWrapper(this, "epochs", DEFAULT_EPOCHS);
    private final ReadOnlyLongWrapper seed = new ReadOnlyLongWrapper(this, "seed", DEFAULT_SEED);
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper fractionDone = new ReadOnlyDoubleWrapper(this, "fractionDone", 0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status",
            "Choose a cell and press Start.");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyObjectWrapper<Model> trainedModel = new ReadOnlyObjectWrapper<>(this, "trainedModel");
    private final ReadOnlyObjectWrapper<TrainingProgress> latest = new ReadOnlyObjectWrapper<>(this, "latest");
    private final ReadOnlyBooleanWrapper followInExplorer = new ReadOnlyBooleanWrapper(this, "followInExplorer");
    private final ObservableList<CurvePoint> trainingLoss = FXCollections.observableArrayList();
    private final ObservableList<CurvePoint> trainingLossView = FXCollections.unmodifiableObservableList(trainingLoss);
    private final ObservableList<CurvePoint> validationLoss = FXCollections.observableArrayList();
    private final ObservableList<CurvePoint> validationLossView = FXCollections.unmodifiableObservableList(validationLoss);
    private final ObservableList<CurvePoint> validationAccuracy = FXCollections.observableArrayList();
    private final ObservableList<CurvePoint> validationAccuracyView = FXCollections.unmodifiableObservableList(validationAccuracy);

    private final AtomicReference<Pending> pending = new AtomicReference<>();
    private TrainingConfig runConfig;
    private TrainingControl control;
    private long run;
    private int plottedValidationEpoch;
    private Consumer<Model> snapshotSink = model -> { };

    private record Pending(long run, TrainingProgress progress) { }

    /**
     * @param executor runs the training (a dedicated daemon thread in the app: a run takes many seconds)
     * @param uiThread runs a runnable on the thread that owns this state ({@code Platform::runLater} in the app)
     */
    public TrainViewModel(TaskExecutor executor, Executor uiThread, Training training) {
        this.executor = Objects.requireNonNull(executor);
        this.uiThread = Objects.requireNonNull(uiThread);
        this.training = Objects.requireNonNull(training);
        running.bind(state.isEqualTo(State.RUNNING).or(state.isEqualTo(State.PAUSED)));
    }

    // ---- settings -----------------------------------------------------------------------------

    public void setCell(CellKind kind) {
        cell.set(Objects.requireNonNull(kind));
    }

    /** Sets the hidden size, clamped to 1..{@value #MAX_HIDDEN}. */
    public void setHidden(int units) {
        hidden.set(Math.max(1, Math.min(MAX_HIDDEN, units)));
    }

    /** Sets the number of epochs, clamped to 1..{@value #MAX_EPOCHS}. */
    public void setEpochs(int count) {
        epochs.set(Math.max(1, Math.min(MAX_EPOCHS, count)));
    }

    public void setSeed(long value) {
        seed.set(value);
    }

    /** Whether the explorer follows the run, showing a snapshot every {@value #SNAPSHOT_EVERY_STEPS} steps. */
    public void setFollowInExplorer(boolean follow) {
        followInExplorer.set(follow);
    }

    /** Receives each weight snapshot, as a model, while following is on (on the UI thread). */
    public void setSnapshotSink(Consumer<Model> sink) {
        snapshotSink = Objects.requireNonNull(sink);
    }

    /** The configuration a run would use now. */
    public TrainingConfig config() {
        return TrainingConfig.defaults(cell.get(), hidden.get(), DEFAULT_EMBED, seed.get(), epochs.get());
    }

    // ---- the run ------------------------------------------------------------------------------

    /** Starts a run with the current settings; ignored while one is under way. */
    public void start() {
        if (running.get()) {
            return;
        }
        TrainingConfig config = config();
        TrainingControl runControl = new TrainingControl();
        long thisRun = ++run;
        runConfig = config;
        control = runControl;
        plottedValidationEpoch = Integer.MIN_VALUE;
        trainingLoss.clear();
        validationLoss.clear();
        validationAccuracy.clear();
        trainedModel.set(null);
        latest.set(null);
        error.set("");
        fractionDone.set(0);
        progressText.set("");
        state.set(State.RUNNING);
        status.set(String.format(Locale.ROOT, "Training a %d-unit %s for %d epoch%s (seed %d) \u2026",
                config.hidden(), config.cell().displayName(), config.epochs(), config.epochs() == 1 ? "" : "s",
                config.seed()));
        Consumer<TrainingProgress> listener = progress -> publish(thisRun, progress);
        executor.submit(() -> training.train(config, listener, runControl),
                model -> finished(thisRun, model), failure -> failed(thisRun, failure));
    }

    /** Pauses a running run or resumes a paused one. */
    public void togglePause() {
        if (state.get() == State.RUNNING) {
            control.pause();
            state.set(State.PAUSED);
            status.set("Paused: Resume to go on from here.");
        } else if (state.get() == State.PAUSED) {
            control.resume();
            state.set(State.RUNNING);
            status.set("Training \u2026");
        }
    }

    /** Cancels the run; the model so far is discarded. */
    public void cancel() {
        if (running.get()) {
            control.cancel();
        }
    }

    /**
     * Writes the trained model atomically; a failure becomes the error message.
     *
     * @return whether the file was written
     */
    public boolean save(Path file) {
        Model model = trainedModel.get();
        if (model == null) {
            error.set("There is no trained model to save yet.");
            return false;
        }
        try {
            ModelFiles.write(file, model);
        } catch (ModelFileException e) {
            error.set(e.getMessage());
            return false;
        } catch (RuntimeException e) {
            error.set("Could not save " + file.getFileName() + ": " + e.getMessage());
            return false;
        }
        error.set("");
        status.set("Saved " + file.getFileName() + ".");
        return true;
    }

    /** Shows a one-line message for the user (the view's own failures, e.g. handing a model over). */
    void reportError(String message) {
        error.set(message);
    }

    public void dismissError() {
        error.set("");
    }

    /** Called on the training thread: keeps only the latest report and hands it to the UI thread once. */
    private void publish(long thisRun, TrainingProgress progress) {
        if (pending.getAndSet(new Pending(thisRun, progress)) == null) {
            uiThread.execute(this::drain);
        }
    }

    private void drain() {
        Pending next = pending.getAndSet(null);
        if (next != null && next.run() == run) {
            apply(next.progress());
        }
    }

    private void apply(TrainingProgress p) {
        latest.set(p);
        fractionDone.set(p.fractionDone());
        if (Double.isFinite(p.trainingLoss())) {
            trainingLoss.add(new CurvePoint(p.step(), p.trainingLoss()));
        }
        // Validation runs at each epoch's end; the reports of the next epoch repeat it.
        int validatedEpoch = p.epochEnd() ? p.epoch() : p.epoch() - 1;
        if (validatedEpoch > plottedValidationEpoch
                && (Double.isFinite(p.validationLoss()) || Double.isFinite(p.validationAccuracy()))) {
            plottedValidationEpoch = validatedEpoch;
            if (Double.isFinite(p.validationLoss())) {
                validationLoss.add(new CurvePoint(p.step(), p.validationLoss()));
            }
            if (Double.isFinite(p.validationAccuracy())) {
                validationAccuracy.add(new CurvePoint(p.step(), p.validationAccuracy()));
            }
        }
        progressText.set(describe(p));
        if (p.weights() != null && followInExplorer.get()) {
            Vocabulary vocabulary = AgreementTask.vocabulary();
            hand(new Model(runConfig.spec(vocabulary.size()), vocabulary, p.weights()));
        }
    }

    private void hand(Model model) {
        try {
            snapshotSink.accept(model);
        } catch (RuntimeException e) {
            error.set("Cannot show the model in the explorer: " + e.getMessage());
        }
    }

    static String describe(TrainingProgress p) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "epoch %d/%d \u00b7 step %,d/%,d \u00b7 %.0f%%",
                p.epoch(), p.epochs(), p.step(), p.totalSteps(), 100 * p.fractionDone()));
        double left = p.secondsLeft();
        if (Double.isFinite(left)) {
            long seconds = Math.round(left);
            text.append(String.format(Locale.ROOT, " \u00b7 about %d:%02d left", seconds / 60, seconds % 60));
        }
        return text.toString();
    }

    private void finished(long thisRun, Model model) {
        if (thisRun != run) {
            return;
        }
        drain();
        trainedModel.set(model);
        fractionDone.set(1);
        state.set(State.FINISHED);
        String accuracy = model.metadata().get("validation_agreement");
        status.set("Finished" + (accuracy == null ? "" : ": validation agreement " + accuracy) + ".");
        if (followInExplorer.get()) {
            hand(model);
        }
    }

    private void failed(long thisRun, Throwable failure) {
        if (thisRun != run) {
            return;
        }
        drain();
        if (failure instanceof CancellationException) {
            state.set(State.CANCELLED);
            status.set("Cancelled at step " + stepText() + ".");
        } else {
            state.set(State.FAILED);
            String message = failure.getMessage();
            error.set("Training failed: " + (message == null ? failure.getClass().getSimpleName() : message));
            status.set("Training failed.");
        }
    }

    private String stepText() {
        TrainingProgress p = latest.get();
        return p == null ? "0" : String.format(Locale.ROOT, "%,d", p.step());
    }

    // ---- read-only state ----------------------------------------------------------------------

    public ReadOnlyObjectProperty<CellKind> cellProperty() {
        return cell.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty hiddenProperty() {
        return hidden.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty epochsProperty() {
        return epochs.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty seedProperty() {
        return seed.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public State getState() {
        return state.get();
    }

    /** Running or paused: the settings are locked and Start is off. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty fractionDoneProperty() {
        return fractionDone.getReadOnlyProperty();
    }

    /** Epoch, step, percentage and time left, for the progress bar. */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** A one-line message for the user; empty when all is well. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The model of the last finished run; null before one finishes. */
    public ReadOnlyObjectProperty<Model> trainedModelProperty() {
        return trainedModel.getReadOnlyProperty();
    }

    public Model getTrainedModel() {
        return trainedModel.get();
    }

    /** The latest report applied. */
    public ReadOnlyObjectProperty<TrainingProgress> latestProperty() {
        return latest.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty followInExplorerProperty() {
        return followInExplorer.getReadOnlyProperty();
    }

    public ObservableList<CurvePoint> trainingLoss() {
        return trainingLossView;
    }

    public ObservableList<CurvePoint> validationLoss() {
        return validationLossView;
    }

    /** Agreement accuracy on the validation probes, 0..1. */
    public ObservableList<CurvePoint> validationAccuracy() {
        return validationAccuracyView;
    }
}
