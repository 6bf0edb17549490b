package org.gatescope.ui.train;

import java.io.File;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
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
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
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
import org.gatescope.engine.Model;
import org.gatescope.render.TrainingChart;
import org.gatescope.ui.explorer.ExplorerViewModel;
import org.gatescope.ui.explorer.ModelSource;
import org.gatescope.ui.task.BackgroundExecutor;

/**
 * The "Train a model" window: settings, Start / Pause / Cancel, a progress bar with the time
 * left, live loss and agreement-accuracy curves (exported as PNG at any point of the run), and the
 * trained model saved or shown in the explorer. A thin view over {@link TrainViewModel}.
 */
public final class TrainWindow extends BorderPane {

    private final TrainViewModel train;
    private final Consumer<Model> showInExplorer;

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
        Scene scene = new Scene(view, 860, 700);
        if (owner != null && owner.getScene() != null) {
            stage.initOwner(owner);
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN), stage::close);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN),
                view::chooseExport);
        stage.setTitle("Train a model");
        stage.setScene(scene);
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

        HBox model = row(label("Cell"), cell, resetBox);
        HBox sizes = row(label("Hidden units"), hidden, gap(), label("Embedding"), embed, gap(), label("Epochs"),
                epochs, gap(), label("Seed"), seed, gap(), label("Learning rate"), rate);
        model.disableProperty().bind(train.runningProperty());
        sizes.disableProperty().bind(train.runningProperty());

        Button start = new Button("Start");
        start.setId("train-start");
        start.setDefaultButton(true);
        start.setOnAction(e -> train.start());
        start.disableProperty().bind(train.runningProperty());

        Button pause = new Button("Pause");
        pause.setId("train-pause");
        pause.textProperty().bind(Bindings.when(train.stateProperty().isEqualTo(TrainViewModel.State.PAUSED))
                .then("Resume").otherwise("Pause"));
        pause.setOnAction(e -> train.togglePause());
        pause.disableProperty().bind(train.runningProperty().not());

        Button cancel = new Button("Cancel");
        cancel.setId("train-cancel");
        cancel.setOnAction(e -> train.cancel());
        cancel.disableProperty().bind(train.runningProperty().not());

        Button save = new Button("Save model\u2026");
        save.setId("train-save");
        save.setOnAction(e -> chooseSave());
        save.disableProperty().bind(train.trainedModelProperty().isNull());

        Button show = new Button("Show in explorer");
        show.setId("train-show");
        show.setOnAction(e -> show(train.getTrainedModel()));
        show.disableProperty().bind(train.trainedModelProperty().isNull());

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
        // Following can be switched on and off during a run; the settings cannot.
        HBox modelRow = row(model, spacer, follow);
        HBox buttons = row(start, pause, cancel, gap(), save, show, export);

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

        VBox box = new VBox(10, modelRow, sizes, buttons, progressRow);
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
        error.setStyle("-fx-text-fill: #c0392b;");
        error.textProperty().bind(train.errorProperty());
        error.visibleProperty().bind(train.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        error.setWrapText(true);
        VBox box = new VBox(4, status, error);
        box.setPadding(new Insets(8, 0, 0, 0));
        return box;
    }

    private void chooseSave() {
        Model model = train.getTrainedModel();
        if (model == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save model");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Model files (*.safetensors)",
                "*.safetensors"));
        chooser.setInitialFileName(String.format(Locale.ROOT, "%s-h%d-seed%d.safetensors", model.cell().id(),
                model.hiddenSize(), train.seedProperty().get()));
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
