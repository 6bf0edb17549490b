package org.gatescope.ui.train;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
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
import org.gatescope.engine.CellKind;
import org.gatescope.engine.GruReset;
import org.gatescope.engine.Model;
import org.gatescope.engine.Precision;
import org.gatescope.engine.Weights;
import org.gatescope.engine.train.AgreementTask;
import org.gatescope.engine.train.TrainingConfig;
import org.gatescope.engine.train.TrainingControl;
import org.gatescope.engine.train.TrainingProgress;
import org.gatescope.io.ModelFileException;
import org.gatescope.io.ModelFiles;
import org.gatescope.render.PngExport;
import org.gatescope.render.TrainingChart;
import org.gatescope.text.Vocabulary;
import org.gatescope.ui.task.HeatmapExportService;
import org.gatescope.ui.task.LatestRequest;
import org.gatescope.ui.task.TaskExecutor;

/**
 * State of the "Train a model" window: the settings, the run (idle, running, paused, finished,
 * cancelled, failed), its live loss and agreement-accuracy curves, and the model to keep: the
 * finished run's, or the weights where a paused or cancelled run stands. Training
 * runs through the {@link TaskExecutor}; progress arrives on the training thread and is handed to
 * the UI thread coalesced, so a slow UI thread only ever sees the latest report. The curves export
 * as a PNG ({@link TrainingChart}) at any point of a run, and the trained model saves, through an
 * executor of their own, so a file never waits for the training nor is written on the UI thread.
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

    /** What closing the window now would lose, so the window knows whether to ask first. */
    public enum Loss { NOTHING, RUN_UNDER_WAY, UNSAVED_MODEL }

    public static final int DEFAULT_HIDDEN = 32;
    public static final int DEFAULT_EMBED = 32;
    /**
     * Long enough to watch, pause and follow in the explorer, short enough to wait for: a 32-unit
     * LSTM (D = 32) trains five epochs of {@link #DEFAULT_SENTENCES} sentences in 41 s of CPU on this
     * two-core machine (measured with {@code train --sentences 20000 --epochs 5}; the window's
     * validations add a few seconds), so about a minute, and reaches 95 % agreement. 16 units on
     * fewer sentences stayed near chance (56–71 %) over the 7,330-word vocabulary.
     */
    public static final int DEFAULT_EPOCHS = 5;
    /** The corpus a run trains on: a quarter of the bundled models' 80,000 sentences; all of it is one choice away. */
    public static final int DEFAULT_SENTENCES = 20_000;
    /** The corpus sizes the window offers, the bundled models' last. */
    public static final List<Integer> SENTENCE_CHOICES = List.of(5_000, 10_000, DEFAULT_SENTENCES, 40_000,
            AgreementTask.TRAINING_SENTENCES);
    public static final long DEFAULT_SEED = 1;
    public static final int MAX_HIDDEN = 256;
    public static final int MAX_EMBED = 256;
    public static final int MAX_EPOCHS = 100;
    /** The initial learning rate's range: Adam's step size at the first step. */
    public static final double MIN_LEARNING_RATE = 1e-5;
    public static final double MAX_LEARNING_RATE = 1;
    /** The settings the window starts with, for the embedding size, the GRU's reset and the learning rates. */
    private static final TrainingConfig DEFAULTS = TrainingConfig.defaults(CellKind.LSTM, DEFAULT_HIDDEN,
            DEFAULT_EMBED, DEFAULT_SEED, DEFAULT_EPOCHS);
    public static final double DEFAULT_LEARNING_RATE = DEFAULTS.learningRate();
    /** How often the trainer reports (ms) and copies its weights (steps) in the app. */
    public static final long PROGRESS_INTERVAL_MILLIS = 100;
    public static final int SNAPSHOT_EVERY_STEPS = 200;
    /**
     * How often the agreement is measured within an epoch (steps): five points an epoch of 375
     * steps, so the curve shows the climb out of the plateau, not one point per epoch.
     */
    public static final int VALIDATE_EVERY_STEPS = 75;

    /** The agreement task with the app's reporting and validation rates. */
    public static Training agreementTask() {
        return (config, listener, control) -> AgreementTask.train(config, listener, control,
                PROGRESS_INTERVAL_MILLIS, SNAPSHOT_EVERY_STEPS, VALIDATE_EVERY_STEPS);
    }

    private final LatestRequest runs;
    private final TaskExecutor exports;
    private final Executor uiThread;
    private final Training training;

    private final ReadOnlyObjectWrapper<CellKind> cell = new ReadOnlyObjectWrapper<>(this, "cell", CellKind.LSTM);
    private final ReadOnlyIntegerWrapper hidden = new ReadOnlyIntegerWrapper(this, "hidden", DEFAULT_HIDDEN);
    private final ReadOnlyIntegerWrapper embed = new ReadOnlyIntegerWrapper(this, "embed", DEFAULT_EMBED);
    private final ReadOnlyObjectWrapper<GruReset> gruReset = new ReadOnlyObjectWrapper<>(this, "gruReset",
            DEFAULTS.gruReset());
    private final ReadOnlyBooleanWrapper gruResetApplies = new ReadOnlyBooleanWrapper(this, "gruResetApplies");
    private final ReadOnlyDoubleWrapper learningRate = new ReadOnlyDoubleWrapper(this, "learningRate",
            DEFAULT_LEARNING_RATE);
    private final ReadOnlyIntegerWrapper epochs = new ReadOnlyIntegerWrapper(this, "epochs", DEFAULT_EPOCHS);
    private final ReadOnlyIntegerWrapper sentences = new ReadOnlyIntegerWrapper(this, "sentences",
            DEFAULT_SENTENCES);
    private final ReadOnlyLongWrapper seed = new ReadOnlyLongWrapper(this, "seed", DEFAULT_SEED);
    private final ReadOnlyObjectWrapper<Precision> precision = new ReadOnlyObjectWrapper<>(this, "precision",
            DEFAULTS.precision());
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper fractionDone = new ReadOnlyDoubleWrapper(this, "fractionDone", 0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status",
            "Choose a cell and press Start.");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyObjectWrapper<Model> model = new ReadOnlyObjectWrapper<>(this, "model");
    private final ReadOnlyObjectWrapper<Model> savedModel = new ReadOnlyObjectWrapper<>(this, "savedModel");
    private final ReadOnlyBooleanWrapper unsaved = new ReadOnlyBooleanWrapper(this, "unsaved");
    private final ReadOnlyObjectWrapper<TrainingProgress> latest = new ReadOnlyObjectWrapper<>(this, "latest");
    private final ReadOnlyBooleanWrapper followInExplorer = new ReadOnlyBooleanWrapper(this, "followInExplorer");
    private final ObservableList<CurvePoint> trainingLoss = FXCollections.observableArrayList();
    private final ObservableList<CurvePoint> trainingLossView = FXCollections.unmodifiableObservableList(trainingLoss);
    private final ObservableList<CurvePoint> validationLoss = FXCollections.observableArrayList();
    private final ObservableList<CurvePoint> validationLossView = FXCollections.unmodifiableObservableList(validationLoss);
    private final ObservableList<CurvePoint> validationAccuracy = FXCollections.observableArrayList();
    private final ObservableList<CurvePoint> validationAccuracyView = FXCollections.unmodifiableObservableList(validationAccuracy);
    private final ReadOnlyBooleanWrapper hasCurves = new ReadOnlyBooleanWrapper(this, "hasCurves");

    private final AtomicReference<Pending> pending = new AtomicReference<>();
    private TrainingConfig runConfig;
    /** The run's control, which also tells its reports from a previous run's; null before the first. */
    private TrainingControl control;
    private long plottedValidationStep;
    /** The weights of the latest report that carried them, and its step: what a pause or cancel keeps. */
    private Weights latestWeights;
    private long latestWeightsStep;
    private Consumer<Model> snapshotSink = model -> { };

    private record Pending(TrainingControl run, TrainingProgress progress) { }

    /**
     * Exports the curves and saves the model on {@code executor}'s {@link TaskExecutor#files() file lane}.
     *
     * @param executor runs the training (a dedicated daemon thread in the app: a run takes many seconds)
     * @param uiThread runs a runnable on the thread that owns this state ({@code Platform::runLater} in the app)
     */
    public TrainViewModel(TaskExecutor executor, Executor uiThread, Training training) {
        this(executor, executor.files(), uiThread, training);
    }

    /**
     * @param executor runs the training (a dedicated daemon thread in the app: a run takes many seconds)
     * @param exports draws and writes the curves' PNG and writes the model file; not {@code executor},
     *     whose thread a run occupies
     * @param uiThread runs a runnable on the thread that owns this state ({@code Platform::runLater} in the app)
     */
    public TrainViewModel(TaskExecutor executor, TaskExecutor exports, Executor uiThread, Training training) {
        this.runs = new LatestRequest(executor);
        this.exports = Objects.requireNonNull(exports);
        this.uiThread = Objects.requireNonNull(uiThread);
        this.training = Objects.requireNonNull(training);
        running.bind(state.isEqualTo(State.RUNNING).or(state.isEqualTo(State.PAUSED)));
        unsaved.bind(model.isNotNull().and(model.isNotEqualTo(savedModel)));
        gruResetApplies.bind(cell.isEqualTo(CellKind.GRU));
        hasCurves.bind(Bindings.isNotEmpty(trainingLoss).or(Bindings.isNotEmpty(validationLoss))
                .or(Bindings.isNotEmpty(validationAccuracy)));
    }

    // ---- settings -----------------------------------------------------------------------------

    public void setCell(CellKind kind) {
        cell.set(Objects.requireNonNull(kind));
    }

    /** Sets the hidden size, clamped to 1..{@value #MAX_HIDDEN}. */
    public void setHidden(int units) {
        hidden.set(Math.max(1, Math.min(MAX_HIDDEN, units)));
    }

    /** Sets the embedding size D, clamped to 1..{@value #MAX_EMBED}. */
    public void setEmbed(int size) {
        embed.set(Math.max(1, Math.min(MAX_EMBED, size)));
    }

    /** The arithmetic of the training step's matrix products: float64 (the reference) or float32 (faster). */
    public void setPrecision(Precision chosen) {
        precision.set(Objects.requireNonNull(chosen));
    }

    /** Where a GRU applies its relevance gate; used only when the cell is the full GRU. */
    public void setGruReset(GruReset reset) {
        gruReset.set(Objects.requireNonNull(reset));
    }

    /**
     * Sets the initial learning rate, clamped to {@value #MIN_LEARNING_RATE}..{@value #MAX_LEARNING_RATE};
     * NaN is ignored. It decays along a cosine to the default final rate, or stays if it is lower,
     * as {@code gatescope train --learning-rate} does.
     */
    public void setLearningRate(double rate) {
        if (!Double.isNaN(rate)) {
            learningRate.set(Math.max(MIN_LEARNING_RATE, Math.min(MAX_LEARNING_RATE, rate)));
        }
    }

    /** Sets the number of epochs, clamped to 1..{@value #MAX_EPOCHS}. */
    public void setEpochs(int count) {
        epochs.set(Math.max(1, Math.min(MAX_EPOCHS, count)));
    }

    /**
     * Sets how many corpus sentences an epoch trains on, clamped to
     * {@value TrainingConfig#MIN_SENTENCES}..{@value TrainingConfig#MAX_SENTENCES}.
     */
    public void setSentences(int count) {
        sentences.set(Math.max(TrainingConfig.MIN_SENTENCES, Math.min(TrainingConfig.MAX_SENTENCES, count)));
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

    /**
     * The configuration a run would use now: the defaults but for the settings of this window. A run
     * goes through every epoch asked for (no early stopping: what was asked is what is watched); the
     * best epoch's weights are still the ones kept.
     */
    public TrainingConfig config() {
        TrainingConfig defaults = TrainingConfig.defaults(cell.get(), hidden.get(), embed.get(), seed.get(),
                epochs.get());
        GruReset reset = gruResetApplies.get() ? gruReset.get() : defaults.gruReset();
        double rate = learningRate.get();
        return new TrainingConfig(defaults.cell(), reset, defaults.hidden(), defaults.embed(), defaults.seed(),
                defaults.epochs(), defaults.batchSize(), rate, Math.min(rate, defaults.finalLearningRate()),
                defaults.clipNorm(), defaults.epochs(), defaults.verbWeight(), sentences.get(), precision.get());
    }

    /**
     * The name the explorer shows a model handed over under: one per cell and size for the snapshots
     * of a run, so the units being watched stay from one snapshot to the next, and another for the
     * trained model ("training-lstm-h16 (in memory)", "trained-lstm-h16 (in memory)": no file stands
     * behind them until the user saves one).
     */
    static String explorerLabel(Model model) {
        boolean finished = model.metadata().containsKey("trained_with");
        return String.format(Locale.ROOT, "%s-%s-h%d (in memory)", finished ? "trained" : "training",
                model.cell().id(), model.hiddenSize());
    }

    /** A learning rate as the user would type it: "0.01", "0.0005", "1". */
    static String rateText(double rate) {
        return BigDecimal.valueOf(rate).stripTrailingZeros().toPlainString();
    }

    // ---- the run ------------------------------------------------------------------------------

    /** Starts a run with the current settings; ignored while one is under way. */
    public void start() {
        if (running.get()) {
            return;
        }
        TrainingConfig config = config();
        TrainingControl runControl = new TrainingControl();
        runConfig = config;
        control = runControl;
        plottedValidationStep = -1;
        latestWeights = null;
        latestWeightsStep = 0;
        trainingLoss.clear();
        validationLoss.clear();
        validationAccuracy.clear();
        model.set(null);
        savedModel.set(null);
        latest.set(null);
        error.set("");
        fractionDone.set(0);
        progressText.set("");
        state.set(State.RUNNING);
        status.set(String.format(Locale.ROOT,
                "Training a %d-unit %s for %d epoch%s of %,d sentences (seed %d) \u2026", config.hidden(), config.cell().displayName(), config.epochs(), config.epochs() == 1 ? "" : "s",
                config.sentences(), config.seed()));
        Consumer<TrainingProgress> listener = progress -> publish(runControl, progress);
        runs.submit(() -> training.train(config, listener, runControl), this::finished, this::failed);
    }

    /**
     * Pauses a running run or resumes a paused one. While paused, the model as it stands can be
     * saved or shown (it arrives with the trainer's next report, as soon as it stops).
     */
    public void togglePause() {
        if (state.get() == State.RUNNING) {
            control.pause();
            state.set(State.PAUSED);
            status.set("Paused: Resume to go on from here, or save the model as it is now.");
            TrainingProgress p = latest.get();
            if (p != null) {
                progressText.set(describeStopped(p, "paused"));
            }
        } else if (state.get() == State.PAUSED) {
            control.resume();
            state.set(State.RUNNING);
            model.set(null);
            status.set("Training \u2026");
        }
    }

    /**
     * Stops the run for good; the model where it stopped stays to be saved or shown. The window asks
     * first ({@link #closingLoses()}).
     */
    public void cancel() {
        if (running.get()) {
            control.cancel();
        }
    }

    /** What closing the window now would lose: a run under way, or a model not saved. */
    public Loss closingLoses() {
        if (running.get()) {
            return Loss.RUN_UNDER_WAY;
        }
        return unsaved.get() ? Loss.UNSAVED_MODEL : Loss.NOTHING;
    }

    /**
     * Writes the trained model atomically, through the exports executor; "Saved …" or a one-line
     * error message follows.
     */
    public void save(Path file) {
        Objects.requireNonNull(file);
        Model toSave = model.get();
        if (toSave == null) {
            error.set("There is no trained model to save yet.");
            return;
        }
        exports.submit(() -> {
            ModelFiles.write(file, toSave);
            return file;
        }, written -> {
            error.set("");
            savedModel.set(toSave);
            status.set("Saved " + written.getFileName() + ".");
        }, failure -> error.set(failure instanceof ModelFileException ? failure.getMessage()
                : "Could not save " + file.getFileName() + ": " + failure.getMessage()));
    }

    /** A file name to offer for the model: "lstm-h16-seed1.safetensors", "…-step812…" for a stopped run. */
    public String suggestedModelFileName() {
        Model current = model.get();
        TrainingConfig config = runConfig == null ? config() : runConfig;
        String stopped = current == null || current.metadata().containsKey("trained_with") ? ""
                : "-step" + latestWeightsStep;
        return String.format(Locale.ROOT, "%s-h%d-seed%d%s.safetensors", config.cell().id(), config.hidden(),
                config.seed(), stopped);
    }

    // ---- the curves as PNG --------------------------------------------------------------------

    /**
     * The curves as they are now, with the run's settings for a title; empty curves before the
     * first report.
     */
    public TrainingChart.Curves curves() {
        TrainingConfig config = runConfig == null ? config() : runConfig;
        TrainingProgress p = latest.get();
        StringBuilder title = new StringBuilder(config.cell().id());
        if (config.cell() == CellKind.GRU) {
            title.append(" (reset ").append(config.gruReset().id()).append(')');
        }
        title.append(String.format(Locale.ROOT, ", %d hidden unit%s, seed %d", config.hidden(),
                config.hidden() == 1 ? "" : "s", config.seed()));
        if (p != null) {
            title.append(String.format(Locale.ROOT, " \u2014 epoch %d/%d", p.epoch(), p.epochs()));
        }
        switch (state.get()) {
            case PAUSED -> title.append(", paused");
            case FINISHED -> title.append(", finished");
            case CANCELLED -> title.append(", cancelled");
            case FAILED -> title.append(", failed");
            default -> { }
        }
        String rates = config.finalLearningRate() < config.learningRate()
                ? rateText(config.learningRate()) + ", cosine decay to " + rateText(config.finalLearningRate())
                : rateText(config.learningRate()) + " throughout";
        String subtitle = String.format(Locale.ROOT, "embedding %d \u00b7 learning rate %s \u00b7 batch %d",
                config.embed(), rates, config.batchSize());
        if (p != null) {
            subtitle += String.format(Locale.ROOT, " \u00b7 step %,d of %,d", p.step(), p.totalSteps());
        }
        return new TrainingChart.Curves(title.toString(), subtitle, p == null ? 0 : p.totalSteps(),
                points(trainingLoss), points(validationLoss), points(validationAccuracy));
    }

    private static List<TrainingChart.Point> points(List<CurvePoint> curve) {
        return curve.stream().map(p -> new TrainingChart.Point(p.step(), p.value())).toList();
    }

    /** A file name to offer: "training-lstm-h16-seed1.png", for the run the curves come from. */
    public String suggestedCurvesFileName() {
        TrainingConfig config = runConfig == null ? config() : runConfig;
        return String.format(Locale.ROOT, "training-%s-h%d-seed%d.png", config.cell().id(), config.hidden(),
                config.seed());
    }

    /**
     * Draws the curves as they are now and writes them to {@code target} as PNG, completely or not
     * at all, through the exports executor; "Saved …" or a one-line error message follows.
     */
    public void exportCurves(Path target) {
        Objects.requireNonNull(target);
        if (!hasCurves.get()) {
            error.set("There are no curves to export yet.");
            return;
        }
        TrainingChart.Curves snapshot = curves();
        Path name = target.getFileName() == null ? target : target.getFileName();
        error.set("");
        exports.submit(() -> {
            PngExport.write(TrainingChart.render(snapshot), target);
            return target;
        }, written -> status.set("Saved " + name + "."),
                failure -> error.set(("Could not save " + name + ": " + HeatmapExportService.describe(failure))
                        .replaceAll("\\s*\\R\\s*", " ")));
    }

    /** Shows a one-line message for the user (the view's own failures, e.g. handing a model over). */
    void reportError(String message) {
        error.set(message);
    }

    public void dismissError() {
        error.set("");
    }

    /** Called on the training thread: keeps only the latest report and hands it to the UI thread once. */
    private void publish(TrainingControl thisRun, TrainingProgress progress) {
        if (pending.getAndSet(new Pending(thisRun, progress)) == null) {
            uiThread.execute(this::drain);
        }
    }

    private void drain() {
        Pending next = pending.getAndSet(null);
        if (next != null && next.run() == control) {
            apply(next.progress());
        }
    }

    private void apply(TrainingProgress p) {
        latest.set(p);
        fractionDone.set(p.fractionDone());
        if (Double.isFinite(p.trainingLoss())) {
            trainingLoss.add(new CurvePoint(p.step(), p.trainingLoss()));
        }
        // Each validation is plotted once: the reports after it repeat its values.
        if (p.validationStep() > plottedValidationStep
                && (Double.isFinite(p.validationLoss()) || Double.isFinite(p.validationAccuracy()))) {
            plottedValidationStep = p.validationStep();
            if (Double.isFinite(p.validationLoss())) {
                validationLoss.add(new CurvePoint(p.step(), p.validationLoss()));
            }
            if (Double.isFinite(p.validationAccuracy())) {
                validationAccuracy.add(new CurvePoint(p.step(), p.validationAccuracy()));
            }
        }
        if (p.weights() != null) {
            latestWeights = p.weights();
            latestWeightsStep = p.step();
        }
        if (state.get() == State.PAUSED) {
            progressText.set(describeStopped(p, "paused"));
            if (p.weights() != null) { // the trainer has stopped: these are the weights as they stand
                model.set(AgreementTask.partial(runConfig, p.weights(), p.step(), p.totalSteps()));
            }
        } else {
            progressText.set(describe(p));
        }
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

    /** "epoch 3/40 · step 812/15,000 · 5% · paused": no time left, as nothing is running. */
    static String describeStopped(TrainingProgress p, String how) {
        return String.format(Locale.ROOT, "epoch %d/%d \u00b7 step %,d/%,d \u00b7 %.0f%% \u00b7 %s", p.epoch(),
                p.epochs(), p.step(), p.totalSteps(), 100 * p.fractionDone(), how);
    }

    /** "m:ss". */
    static String duration(double seconds) {
        long whole = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d", whole / 60, whole % 60);
    }

    static String describe(TrainingProgress p) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "epoch %d/%d \u00b7 step %,d/%,d \u00b7 %.0f%%",
                p.epoch(), p.epochs(), p.step(), p.totalSteps(), 100 * p.fractionDone()));
        double left = p.secondsLeft();
        if (Double.isFinite(left)) {
            text.append(" \u00b7 about ").append(duration(left)).append(" left");
        }
        return text.toString();
    }

    private void finished(Model trained) {
        drain();
        model.set(trained);
        fractionDone.set(1);
        state.set(State.FINISHED);
        String accuracy = trained.metadata().get("validation_agreement");
        String best = trained.metadata().get("best_epoch");
        status.set("Finished" + (accuracy == null ? "" : ": validation agreement " + accuracy)
                + (best == null ? "" : " (the weights of epoch " + best + ", the best)") + ".");
        TrainingProgress p = latest.get();
        if (p != null) {
            progressText.set(p.epoch() < p.epochs()
                    ? describeStopped(p, "stopped early, agreement no longer improving \u00b7 took "
                            + duration(p.elapsedSeconds()))
                    : describeStopped(p, "finished in " + duration(p.elapsedSeconds())));
        }
        if (followInExplorer.get()) {
            hand(trained);
        }
    }

    private void failed(Throwable failure) {
        drain();
        TrainingProgress p = latest.get();
        if (failure instanceof CancellationException) {
            state.set(State.CANCELLED);
            if (latestWeights != null && runConfig != null) {
                model.set(AgreementTask.partial(runConfig, latestWeights, latestWeightsStep,
                        p == null ? latestWeightsStep : p.totalSteps()));
                status.set("Cancelled at step " + String.format(Locale.ROOT, "%,d", latestWeightsStep)
                        + ": the model as it stood can still be saved.");
            } else {
                status.set("Cancelled before the first step: there is no model to save.");
            }
            progressText.set(p == null ? "cancelled" : describeStopped(p, "cancelled"));
        } else {
            state.set(State.FAILED);
            String message = failure.getMessage();
            error.set("Training failed: " + (message == null ? failure.getClass().getSimpleName() : message));
            status.set("Training failed.");
            progressText.set(p == null ? "failed" : describeStopped(p, "failed"));
        }
    }

    // ---- read-only state ----------------------------------------------------------------------

    public ReadOnlyObjectProperty<CellKind> cellProperty() {
        return cell.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty hiddenProperty() {
        return hidden.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty embedProperty() {
        return embed.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<GruReset> gruResetProperty() {
        return gruReset.getReadOnlyProperty();
    }

    /** Whether the cell is the full GRU, the only one with a relevance gate to apply before or after. */
    public ReadOnlyBooleanProperty gruResetAppliesProperty() {
        return gruResetApplies.getReadOnlyProperty();
    }

    /** The initial learning rate. */
    public ReadOnlyDoubleProperty learningRateProperty() {
        return learningRate.getReadOnlyProperty();
    }

    /** Whether any curve has a point, so there is something to export. */
    public ReadOnlyBooleanProperty hasCurvesProperty() {
        return hasCurves.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty epochsProperty() {
        return epochs.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty sentencesProperty() {
        return sentences.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Precision> precisionProperty() {
        return precision.getReadOnlyProperty();
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

    /**
     * The model to save or show: the finished run's, or where a paused or cancelled run stands; null
     * while a run is going and before the first.
     */
    public ReadOnlyObjectProperty<Model> modelProperty() {
        return model.getReadOnlyProperty();
    }

    public Model getModel() {
        return model.get();
    }

    /** Whether there is a model that has not been saved (the window asks before closing). */
    public ReadOnlyBooleanProperty unsavedProperty() {
        return unsaved.getReadOnlyProperty();
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
