package org.gatescope.ui;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
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
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.Model;
import org.gatescope.io.ModelFileException;
import org.gatescope.io.ModelFiles;

/**
 * The "Train a model" window: settings, Start / Pause / Cancel, a progress bar with the time
 * left, live loss and agreement-accuracy curves, and the trained model saved or shown in the
 * explorer. A thin view over {@link TrainViewModel}.
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
     * the window closes. Models go to {@code explorer} through a temporary model file.
     */
    public static Stage open(Window owner, ExplorerViewModel explorer) {
        BackgroundExecutor executor = new BackgroundExecutor();
        TrainViewModel train = new TrainViewModel(executor, Platform::runLater, TrainViewModel.agreementTask());
        Stage stage = new Stage();
        TrainWindow view = new TrainWindow(train, model -> explorer.openModel(writeTemporary(model)));
        Scene scene = new Scene(view, 860, 640);
        if (owner != null && owner.getScene() != null) {
            stage.initOwner(owner);
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN), stage::close);
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

    /** Where models handed to the explorer are written; made on first use, removed when the app exits. */
    private static Path temporaryFolder;

    private static synchronized Path temporaryFolder() throws IOException {
        if (temporaryFolder == null) {
            temporaryFolder = Files.createTempDirectory("gatescope-train");
            temporaryFolder.toFile().deleteOnExit();
        }
        return temporaryFolder;
    }

    /**
     * Writes {@code model} to a temporary file the explorer can open: one file per cell and size for
     * the snapshots of a run (rewritten atomically each time), so the explorer's model chooser does
     * not fill up, and another for the trained model.
     *
     * @throws UncheckedIOException with a one-line message when the file cannot be written
     */
    static Path writeTemporary(Model model) {
        boolean finished = model.metadata().containsKey("trained_with");
        String name = String.format(Locale.ROOT, "%s-%s-h%d.safetensors", finished ? "trained" : "training",
                model.cell().id(), model.hiddenSize());
        try {
            Path file = temporaryFolder().resolve(name);
            ModelFiles.write(file, model);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ModelFileException e) {
            throw new UncheckedIOException(new IOException(e.getMessage(), e));
        }
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

        Spinner<Integer> hidden = new Spinner<>(1, TrainViewModel.MAX_HIDDEN, train.hiddenProperty().get());
        hidden.setId("train-hidden");
        hidden.setEditable(true);
        hidden.setPrefWidth(90);
        hidden.valueProperty().addListener((obs, old, now) -> train.setHidden(now));

        Spinner<Integer> epochs = new Spinner<>(1, TrainViewModel.MAX_EPOCHS, train.epochsProperty().get());
        epochs.setId("train-epochs");
        epochs.setEditable(true);
        epochs.setPrefWidth(80);
        epochs.valueProperty().addListener((obs, old, now) -> train.setEpochs(now));

        TextField seed = new TextField(Long.toString(train.seedProperty().get()));
        seed.setId("train-seed");
        seed.setPrefColumnCount(6);
        seed.setTextFormatter(new TextFormatter<String>(change ->
                change.getControlNewText().matches("-?\\d{0,18}") ? change : null));
        seed.textProperty().addListener((obs, old, now) -> {
            try {
                train.setSeed(Long.parseLong(now));
            } catch (NumberFormatException e) {
                // an empty or lone "-" field keeps the last seed
            }
        });

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, new Label("Cell"), cell, new Label("Hidden units"), hidden, new Label("Epochs"), epochs,
                new Label("Seed"), seed);
        grid.disableProperty().bind(train.runningProperty());

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

        HBox buttons = new HBox(8, start, pause, cancel, new Label("  "), save, show, follow);
        buttons.setAlignment(Pos.CENTER_LEFT);

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

        VBox box = new VBox(10, grid, buttons, progressRow);
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
        loss.setTitle("Loss");
        loss.setCreateSymbols(false);
        loss.setAnimated(false);
        loss.getData().add(series("training", train.trainingLoss()));
        loss.getData().add(series("validation", train.validationLoss()));

        NumberAxis accuracySteps = new NumberAxis();
        accuracySteps.setLabel("step");
        NumberAxis accuracyAxis = new NumberAxis(0, 1, 0.1);
        accuracyAxis.setLabel("accuracy");
        LineChart<Number, Number> accuracy = new LineChart<>(accuracySteps, accuracyAxis);
        accuracy.setId("train-accuracy-chart");
        accuracy.setTitle("Validation agreement (was / were)");
        accuracy.setAnimated(false);
        accuracy.getData().add(series("validation", train.validationAccuracy()));

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

    /** The round step (1, 2 or 5 times a power of ten) nearest above {@code raw}. */
    static double niceTick(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1))));
        for (double factor : new double[] {1, 2, 5, 10}) {
            if (factor * power >= raw) {
                return factor * power;
            }
        }
        return 10 * power;
    }

    /** A chart series that mirrors a curve of the view model (points are only ever appended or cleared). */
    private static XYChart.Series<Number, Number> series(String name, ObservableList<TrainViewModel.CurvePoint> curve) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(name);
        Runnable reset = () -> series.getData().setAll(curve.stream()
                .map(p -> new XYChart.Data<Number, Number>(p.step(), p.value())).toList());
        curve.addListener((ListChangeListener<TrainViewModel.CurvePoint>) change -> {
            while (change.next()) {
                if (change.wasRemoved() || change.wasPermutated() || change.wasReplaced()) {
                    reset.run();
                    return;
                }
                for (TrainViewModel.CurvePoint p : change.getAddedSubList()) {
                    series.getData().add(new XYChart.Data<>(p.step(), p.value()));
                }
            }
        });
        reset.run();
        return series;
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
