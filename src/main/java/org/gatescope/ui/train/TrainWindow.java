package org.gatescope.ui.train;

import java.io.File;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.GruReset;
import org.gatescope.engine.Precision;
import org.gatescope.engine.Model;
import org.gatescope.engine.train.AgreementTask;
import org.gatescope.render.TrainingChart;
import org.gatescope.ui.analysis.ToolStage;
import org.gatescope.ui.explorer.ExplorerViewModel;
import org.gatescope.ui.explorer.ModelSource;
import org.gatescope.ui.task.BackgroundExecutor;

/**
 * The "Train a model" window: settings, Start / Pause / Cancel, a progress bar with the time
 * left, live loss and agreement-accuracy curves (exported as PNG at any point of the run), and the
 * model (finished, or where a paused or cancelled run stands) saved or shown in the explorer.
 * Cancelling a run, and closing the window (Esc, Shortcut+W, the close box) while a run is under
 * way or its model unsaved, ask first. A thin view over {@link TrainViewModel}.
 */
public final class TrainWindow extends BorderPane {

    /** A question before something is lost: what would be lost, and the two answers' labels. */
    record Question(String title, String message, String keep, String discard) { }

    private final TrainViewModel train;
    private final Consumer<Model> showInExplorer;
    /** Asks the user; true to go ahead and discard. A dialog in the app, a scripted answer in tests. */
    private Predicate<Question> confirm = this::askInDialog;

    /**
     * @param showInExplorer hands a model (the trained one, or a snapshot while following) to the main window
     */
    public TrainWindow(TrainViewModel train, Consumer<Model> showInExplorer) {
        this.train = train;
        this.showInExplorer = showInExplorer;
        getStyleClass().add("train-window");
        setPadding(new Insets(12));
        setTop(settings());
        setCenter(charts());
        setBottom(footer());
        train.setSnapshotSink(showInExplorer);
    }

    /**
     * Opens a train window beside {@code owner}; training runs on its own daemon thread, stopped when
     * the window closes, and curve exports and model saves on its file lane. Models go to
     * {@code explorer} as they are, in memory ({@link ModelSource.Snapshot}).
     */
    public static Stage open(Window owner, ExplorerViewModel explorer) {
        BackgroundExecutor executor = new BackgroundExecutor();
        TrainViewModel train = new TrainViewModel(executor, Platform::runLater, TrainViewModel.agreementTask());
        Stage stage = new Stage();
        TrainWindow view = new TrainWindow(train,
                model -> explorer.openModel(new ModelSource.Snapshot(model, TrainViewModel.explorerLabel(model))));
        Scene scene = ToolStage.sceneOnScreen(view, 960, 700);
        if (owner != null && owner.getScene() != null) {
            stage.initOwner(owner);
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        view.closeOnKeys(scene, stage);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN),
                view::chooseExport);
        stage.setTitle("Train a model");
        stage.setScene(scene);
        // The close box asks as Esc does; a "no" keeps the window.
        stage.setOnCloseRequest(e -> {
            if (!view.mayClose()) {
                e.consume();
            }
        });
        stage.setOnHidden(e -> {
            train.cancel();
            executor.close();
        });
        stage.show();
        return stage;
    }

    /** The view model shown (for tests). */
    TrainViewModel viewModel() {
        return train;
    }

    /** Esc and Shortcut+W close {@code stage}, asking first if that would lose a run or a model. */
    void closeOnKeys(Scene scene, Stage stage) {
        Runnable close = () -> {
            if (mayClose()) {
                stage.close();
            }
        };
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN), close);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), close);
    }

    /** Replaces the dialog that asks before discarding (tests answer without one). */
    void setConfirmation(Predicate<Question> answer) {
        confirm = answer;
    }

    /** Whether the window may close now: nothing would be lost, or the user agreed to lose it. */
    boolean mayClose() {
        Question question = switch (train.closingLoses()) {
            case NOTHING -> null;
            case RUN_UNDER_WAY -> new Question("Close the train window?",
                    "A run is under way. Closing the window stops it; the model trained so far is lost.",
                    "Keep training", "Discard the run");
            case UNSAVED_MODEL -> new Question("Close the train window?",
                    "The model of this run is not saved. Closing the window discards it.",
                    "Keep the window", "Discard the model");
        };
        return question == null || confirm.test(question);
    }

    /** Cancel: asks, then stops the run for good (the model where it stopped can still be saved). */
    void confirmCancel() {
        Question question = new Question("Stop this run?",
                "A stopped run cannot be resumed. The model as it stands when it stops can still be saved.",
                "Keep training", "Stop the run");
        if (train.runningProperty().get() && confirm.test(question)) {
            train.cancel(); // the run may have ended while the dialog was open: then this does nothing
        }
    }

    /** The question as a dialog over this window; Esc or closing it keeps what there is. */
    private boolean askInDialog(Question question) {
        ButtonType keep = new ButtonType(question.keep(), ButtonBar.ButtonData.CANCEL_CLOSE);
        ButtonType discard = new ButtonType(question.discard(), ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question.message(), keep, discard);
        if (getScene() != null && getScene().getWindow() != null) {
            alert.initOwner(getScene().getWindow());
        }
        alert.setTitle(question.title());
        alert.setHeaderText(question.title());
        ((Button) alert.getDialogPane().lookupButton(keep)).setDefaultButton(true);
        ((Button) alert.getDialogPane().lookupButton(discard)).setDefaultButton(false);
        return alert.showAndWait().filter(discard::equals).isPresent();
    }

    private VBox settings() {
        ComboBox<CellKind> cell = new ComboBox<>();
        cell.setId("train-cell");
        cell.getItems().setAll(CellKind.values());
        cell.setConverter(new StringConverter<>() {
            @Override
            public String toString(CellKind kind) {
                return kind == null ? "" : kind.id() + "  (" + kind.displayName() + ")";
            }

            @Override
            public CellKind fromString(String text) {
                return CellKind.fromId(text).orElse(null);
            }
        });
        cell.setValue(train.cellProperty().get());
        cell.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                train.setCell(now);
            }
        });
        train.cellProperty().addListener((obs, old, now) -> cell.setValue(now));

        ComboBox<GruReset> reset = new ComboBox<>();
        reset.setId("train-gru-reset");
        reset.getItems().setAll(GruReset.BEFORE, GruReset.AFTER);
        reset.setConverter(new StringConverter<>() {
            @Override
            public String toString(GruReset value) {
                return value == null ? "" : value == GruReset.BEFORE ? "before (lecture)" : "after (PyTorch)";
            }

            @Override
            public GruReset fromString(String text) {
                return null;
            }
        });
        reset.setValue(train.gruResetProperty().get());
        reset.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                train.setGruReset(now);
            }
        });
        train.gruResetProperty().addListener((obs, old, now) -> reset.setValue(now));
        reset.setTooltip(new Tooltip("Where the GRU applies its relevance gate \u0393r: to c<t-1> before the"
                + " recurrent weights (the lecture, Cho et al. 2014) or to their product after (PyTorch, cuDNN)"));
        HBox resetBox = new HBox(8, label("GRU reset"), reset);
        resetBox.setId("train-gru-reset-box");
        resetBox.setAlignment(Pos.CENTER_LEFT);
        resetBox.visibleProperty().bind(train.gruResetAppliesProperty());
        resetBox.managedProperty().bind(resetBox.visibleProperty());

        Spinner<Integer> hidden = spinner("train-hidden", TrainViewModel.MAX_HIDDEN, train.hiddenProperty(),
                train::setHidden, 80);
        Spinner<Integer> embed = spinner("train-embed", TrainViewModel.MAX_EMBED, train.embedProperty(),
                train::setEmbed, 80);
        embed.setTooltip(new Tooltip("Embedding size D: the length of each word's input vector x<t>"));
        Spinner<Integer> epochs = spinner("train-epochs", TrainViewModel.MAX_EPOCHS, train.epochsProperty(),
                train::setEpochs, 72);

        ComboBox<Integer> sentences = new ComboBox<>();
        sentences.setId("train-sentences");
        sentences.getItems().setAll(TrainViewModel.SENTENCE_CHOICES);
        sentences.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer count) {
                return count == null ? "" : String.format(Locale.ROOT, "%,d", count)
                        + (count == AgreementTask.TRAINING_SENTENCES ? " (as the bundled models)" : "");
            }

            @Override
            public Integer fromString(String text) {
                return null;
            }
        });
        sentences.setValue(train.sentencesProperty().get());
        sentences.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                train.setSentences(now);
            }
        });
        train.sentencesProperty().addListener((obs, old, now) -> sentences.setValue(now.intValue()));
        sentences.setTooltip(new Tooltip("How many sentences of the agreement corpus an epoch trains on: more"
                + " learns more words and constructions, and takes longer"));

        ComboBox<Precision> precision = new ComboBox<>();
        precision.setId("train-precision");
        precision.getItems().setAll(Precision.FLOAT64, Precision.FLOAT32);
        precision.setConverter(new StringConverter<>() {
            @Override
            public String toString(Precision value) {
                return value == null ? "" : value == Precision.FLOAT64 ? "float64 (reference)" : "float32 (faster)";
            }

            @Override
            public Precision fromString(String text) {
                return null;
            }
        });
        precision.setMinWidth(Region.USE_PREF_SIZE); // its whole label, not "float64 (refere…"
        precision.setValue(train.precisionProperty().get());
        precision.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                train.setPrecision(now);
            }
        });
        train.precisionProperty().addListener((obs, old, now) -> precision.setValue(now));
        precision.setTooltip(new Tooltip("The arithmetic of the matrix products: float64 as the bundled models were"
                + " trained, or float32, about twice as fast at large sizes (gradients agree to about 1e-6)"));

        TextField seed = new TextField(Long.toString(train.seedProperty().get()));
        seed.setId("train-seed");
        seed.setPrefColumnCount(4);
        seed.setTextFormatter(new TextFormatter<String>(change ->
                change.getControlNewText().matches("-?\\d{0,18}") ? change : null));
        seed.textProperty().addListener((obs, old, now) -> {
            try {
                train.setSeed(Long.parseLong(now));
            } catch (NumberFormatException e) {
                // an empty or lone "-" field keeps the last seed
            }
        });

        TextField rate = new TextField(TrainViewModel.rateText(train.learningRateProperty().get()));
        rate.setId("train-learning-rate");
        rate.setPrefColumnCount(4);
        rate.setTooltip(new Tooltip("Adam's step size at the first step; it decays along a cosine to at most "
                + TrainViewModel.rateText(train.config().finalLearningRate()) + " by the last"));
        rate.setTextFormatter(new TextFormatter<String>(change ->
                change.getControlNewText().matches("\\d*\\.?\\d*([eE]-?\\d*)?") ? change : null));
        rate.textProperty().addListener((obs, old, now) -> {
            try {
                double value = Double.parseDouble(now);
                if (value > 0) {
                    train.setLearningRate(value);
                }
            } catch (NumberFormatException e) {
                // a field being typed ("", "1e") keeps the last rate
            }
        });
        // On leaving the field it shows the rate a run will use (clamped, or the last valid one).
        rate.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                rate.setText(TrainViewModel.rateText(train.learningRateProperty().get()));
            }
        });

        HBox model = row(label("Cell"), cell, resetBox, gap(), label("Sentences"), sentences, gap(),
                label("Precision"), precision);
        HBox sizes = row(label("Hidden units"), hidden, gap(), label("Embedding"), embed, gap(), label("Epochs"),
                epochs, gap(), label("Seed"), seed, gap(), label("Learning rate"), rate);
        model.disableProperty().bind(train.runningProperty());
        sizes.disableProperty().bind(train.runningProperty());

        Button start = new Button("Start");
        start.setId("train-start");
        start.setDefaultButton(true);
        start.setOnAction(e -> train.start());
        start.disableProperty().bind(train.runningProperty());

        Button pause = pauseButton();
        pause.setOnAction(e -> train.togglePause());
        pause.disableProperty().bind(train.runningProperty().not());

        Button cancel = new Button("Cancel");
        cancel.setId("train-cancel");
        cancel.setOnAction(e -> confirmCancel());
        cancel.disableProperty().bind(train.runningProperty().not());

        Button save = new Button("Save model\u2026");
        save.setId("train-save");
        save.setTooltip(new Tooltip("Save the model: the finished run's, or as it stands while paused or after"
                + " Cancel"));
        save.setOnAction(e -> chooseSave());
        save.disableProperty().bind(train.modelProperty().isNull());

        Button show = new Button("Show in explorer");
        show.setId("train-show");
        show.setOnAction(e -> show(train.getModel()));
        show.disableProperty().bind(train.modelProperty().isNull());

        CheckBox follow = new CheckBox("Explorer follows training");
        follow.setId("train-follow");
        follow.setTooltip(new Tooltip("Every " + TrainViewModel.SNAPSHOT_EVERY_STEPS
                + " steps, the main window shows the model as it is now"));
        follow.setSelected(train.followInExplorerProperty().get());
        follow.selectedProperty().addListener((obs, old, now) -> train.setFollowInExplorer(now));
        train.followInExplorerProperty().addListener((obs, old, now) -> follow.setSelected(now));

        Button export = new Button("Export curves as PNG\u2026");
        export.setId("train-export");
        export.setTooltip(new Tooltip("Save the loss and agreement curves as they are now as a PNG image"
                + " (Shortcut+E)"));
        export.setOnAction(e -> chooseExport());
        export.disableProperty().bind(train.hasCurvesProperty().not());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // Following can be switched on and off during a run (the settings cannot): it sits with the buttons.
        HBox buttons = row(start, pause, cancel, gap(), save, show, export, spacer, follow);

        ProgressBar bar = new ProgressBar();
        bar.setId("train-progress");
        bar.progressProperty().bind(train.fractionDoneProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        Label progress = new Label();
        progress.setId("train-progress-text");
        progress.textProperty().bind(train.progressTextProperty());
        HBox progressRow = new HBox(10, bar, progress);
        progressRow.setAlignment(Pos.CENTER_LEFT);

        VBox box = new VBox(10, model, sizes, buttons, progressRow);
        box.setPadding(new Insets(0, 0, 10, 0));
        return box;
    }

    private VBox charts() {
        NumberAxis lossSteps = new NumberAxis();
        lossSteps.setLabel("step");
        lossSteps.setForceZeroInRange(true);
        NumberAxis lossAxis = new NumberAxis();
        lossAxis.setLabel("cross-entropy");
        lossAxis.setForceZeroInRange(false);
        LineChart<Number, Number> loss = new LineChart<>(lossSteps, lossAxis);
        loss.setId("train-loss-chart");
        loss.getStyleClass().add("train-loss-chart");
        loss.setTitle("Loss");
        loss.setCreateSymbols(false);
        loss.setAnimated(false);
        loss.getData().add(series("training", train.trainingLoss(), false));
        // Validated once an epoch: a point each, or the first epoch's would not show.
        loss.getData().add(series("validation", train.validationLoss(), true));

        NumberAxis accuracySteps = new NumberAxis();
        accuracySteps.setLabel("step");
        NumberAxis accuracyAxis = new NumberAxis(0, 1, 0.1);
        accuracyAxis.setLabel("accuracy");
        LineChart<Number, Number> accuracy = new LineChart<>(accuracySteps, accuracyAxis);
        accuracy.setId("train-accuracy-chart");
        accuracy.getStyleClass().add("train-accuracy-chart");
        accuracy.setTitle("Validation agreement (was / were)");
        accuracy.setAnimated(false);
        accuracy.getData().add(series("validation", train.validationAccuracy(), true));

        // Both curves on the run's whole length of steps, so they line up and do not rescale as it goes.
        train.latestProperty().addListener((obs, old, now) -> {
            if (now != null && (old == null || old.totalSteps() != now.totalSteps())) {
                for (NumberAxis steps : new NumberAxis[] {lossSteps, accuracySteps}) {
                    steps.setAutoRanging(false);
                    steps.setLowerBound(0);
                    double tick = Math.max(1, niceTick(now.totalSteps() / 10.0));
                    steps.setUpperBound(Math.max(1, Math.ceil(now.totalSteps() / tick)) * tick);
                    steps.setTickUnit(tick);
                }
            }
        });
        VBox.setVgrow(loss, Priority.ALWAYS);
        VBox.setVgrow(accuracy, Priority.ALWAYS);
        return new VBox(4, loss, accuracy);
    }

    /**
     * Pause / Resume, as wide as the wider of the two words whichever it shows, so Cancel beside it
     * never moves: both labels are laid out, one hidden.
     */
    private Button pauseButton() {
        Label pauseText = new Label("Pause");
        Label resumeText = new Label("Resume");
        pauseText.setId("train-pause-text");
        resumeText.setId("train-resume-text");
        var paused = train.stateProperty().isEqualTo(TrainViewModel.State.PAUSED);
        pauseText.visibleProperty().bind(paused.not());
        resumeText.visibleProperty().bind(paused);
        Button pause = new Button(null, new StackPane(pauseText, resumeText));
        pause.setId("train-pause");
        pause.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        pause.accessibleTextProperty().bind(Bindings.when(paused).then("Resume").otherwise("Pause"));
        return pause;
    }

    /**
     * An editable spinner of 1..{@code max} that sets the view model's setting and follows it back
     * (a clamped value, or a setting changed elsewhere, shows in the field).
     */
    private static Spinner<Integer> spinner(String id, int max, ReadOnlyIntegerProperty setting,
                                            IntConsumer set, double width) {
        Spinner<Integer> spinner = new Spinner<>(1, max, setting.get());
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.setPrefWidth(width);
        spinner.valueProperty().addListener((obs, old, now) -> set.accept(now));
        setting.addListener((obs, old, now) -> spinner.getValueFactory().setValue(now.intValue()));
        return spinner;
    }

    /** The round step (1, 2 or 5 times a power of ten) nearest above {@code raw}, at least 1: as the PNG's. */
    static double niceTick(double raw) {
        return TrainingChart.niceStep(Math.max(raw, 1));
    }

    private static HBox row(Node... children) {
        HBox row = new HBox(8, children);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** A field's name, never shortened to "Hidden u…": the fields give way first. */
    private static Label label(String text) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    /** Extra space between groups of a row. */
    private static Region gap() {
        Region gap = new Region();
        gap.setMinWidth(8);
        gap.setPrefWidth(8);
        return gap;
    }

    /**
     * A chart series that mirrors a curve of the view model (points are only ever appended or cleared).
     *
     * @param marked whether each point gets a symbol even in a chart that creates none
     */
    private static XYChart.Series<Number, Number> series(String name, ObservableList<TrainViewModel.CurvePoint> curve,
                                                         boolean marked) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(name);
        Runnable reset = () -> series.getData().setAll(curve.stream().map(p -> data(p, marked)).toList());
        curve.addListener((ListChangeListener<TrainViewModel.CurvePoint>) change -> {
            while (change.next()) {
                if (change.wasRemoved() || change.wasPermutated() || change.wasReplaced()) {
                    reset.run();
                    return;
                }
                for (TrainViewModel.CurvePoint p : change.getAddedSubList()) {
                    series.getData().add(data(p, marked));
                }
            }
        });
        reset.run();
        return series;
    }

    private static XYChart.Data<Number, Number> data(TrainViewModel.CurvePoint p, boolean marked) {
        XYChart.Data<Number, Number> data = new XYChart.Data<>(p.step(), p.value());
        if (marked) {
            data.setNode(new StackPane()); // styled by the chart as its series' symbol
        }
        return data;
    }

    private VBox footer() {
        Label status = new Label();
        status.setId("train-status");
        status.textProperty().bind(train.statusProperty());
        Label error = new Label();
        error.setId("train-error");
        error.getStyleClass().add("error-text");
        error.textProperty().bind(train.errorProperty());
        error.visibleProperty().bind(train.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        error.setWrapText(true);
        VBox box = new VBox(4, status, error);
        box.setPadding(new Insets(8, 0, 0, 0));
        return box;
    }

    private void chooseSave() {
        if (train.getModel() == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save model");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Model files (*.safetensors)",
                "*.safetensors"));
        chooser.setInitialFileName(train.suggestedModelFileName());
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            train.save(file.toPath());
        }
    }

    /** Asks where to export the curves as they are now, then hands the file to the view model. */
    void chooseExport() {
        if (!train.hasCurvesProperty().get()) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the training curves as PNG");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image (*.png)", "*.png"));
        chooser.setInitialFileName(train.suggestedCurvesFileName());
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            train.exportCurves(file.toPath());
        }
    }

    private void show(Model model) {
        if (model == null) {
            return;
        }
        try {
            showInExplorer.accept(model);
        } catch (RuntimeException e) {
            train.reportError("Cannot show the model in the explorer: " + e.getMessage());
        }
    }
}
