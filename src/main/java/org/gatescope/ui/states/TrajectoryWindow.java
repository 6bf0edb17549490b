package org.gatescope.ui.states;

import java.io.File;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.gatescope.ui.analysis.ToolStage;
import org.gatescope.ui.analysis.PngFiles;
import org.gatescope.engine.Quantity;
import org.gatescope.render.TrajectoryChart;
import org.gatescope.ui.analysis.FxImages;
import org.gatescope.ui.analysis.LayerChoice;
import org.gatescope.ui.canvas.CanvasTheme;
import org.gatescope.ui.explorer.ExplorerViewModel;

/**
 * View ▸ "State-space trajectories…": the explorer's sentence and a second one as paths through the plane of
 * two principal components, the current step ringed; hover names a point, a click steps the explorer there.
 * A thin view over {@link TrajectoryViewModel}.
 */
public final class TrajectoryWindow {

    private final Stage stage = new Stage();
    private final TrajectoryViewModel model;
    private final ImageView chartView = new ImageView();
    private final Group ring = new Group();

    public TrajectoryWindow(Window owner, ExplorerViewModel explorer, String stylesheet) {
        model = new TrajectoryViewModel(explorer);

        TextField comparison = new TextField(model.comparisonProperty().get());
        comparison.setId("trajectory-comparison");
        comparison.setPromptText("a second sentence, e.g. the same with \u201Ccats\u201D");
        comparison.setOnAction(e -> model.setComparison(comparison.getText()));
        comparison.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                model.setComparison(comparison.getText());
            }
        });
        model.comparisonProperty().addListener((obs, old, now) -> {
            if (!comparison.getText().equals(now)) {
                comparison.setText(now);
            }
        });
        HBox.setHgrow(comparison, Priority.ALWAYS);

        ComboBox<TrajectoryViewModel.BasisSource> basis = new ComboBox<>();
        basis.setId("trajectory-basis");
        basis.getItems().addAll(TrajectoryViewModel.BasisSource.values());
        basis.setConverter(new StringConverter<>() {
            @Override
            public String toString(TrajectoryViewModel.BasisSource source) {
                return source == null ? "" : source.description() + (source == TrajectoryViewModel.BasisSource.FILE
                        || source == TrajectoryViewModel.BasisSource.SAVED ? "\u2026" : "");
            }

            @Override
            public TrajectoryViewModel.BasisSource fromString(String text) {
                return null;
            }
        });
        basis.getSelectionModel().select(model.basisSourceProperty().get());
        basis.setOnAction(e -> {
            TrajectoryViewModel.BasisSource chosen = basis.getSelectionModel().getSelectedItem();
            if (chosen == TrajectoryViewModel.BasisSource.FILE) {
                chooseCorpus();
            } else if (chosen == TrajectoryViewModel.BasisSource.SAVED) {
                chooseBasis();
            } else {
                model.setBasisSource(chosen);
            }
            basis.getSelectionModel().select(model.basisSourceProperty().get());
        });
        model.basisSourceProperty().addListener((obs, old, now) -> basis.getSelectionModel().select(now));

        ComboBox<String> quantity = new ComboBox<>();
        quantity.setId("trajectory-quantity");
        quantity.getItems().addAll("c<t>", "a<t>");
        quantity.getSelectionModel().select(0);
        fixed(quantity);
        basis.setPrefWidth(330);
        quantity.setOnAction(e -> model.setQuantity(quantity.getSelectionModel().getSelectedIndex() == 1
                ? Quantity.ACTIVATION : Quantity.MEMORY_CELL));

        Button save = new Button("Save basis\u2026");
        save.setId("trajectory-save-basis");
        save.setOnAction(e -> chooseSaveBasis());
        save.disableProperty().bind(model.resultProperty().isNull());
        Button export = new Button("Export PNG\u2026");
        export.setId("trajectory-export");
        export.setTooltip(new Tooltip("Save the chart as a PNG image (Shortcut+S)"));
        export.setOnAction(e -> chooseExport());
        export.disableProperty().bind(model.resultProperty().isNull());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(model.busyProperty());

        HBox first = new HBox(8, fixed(new Label("Compare with:")), comparison);
        first.setAlignment(Pos.CENTER_LEFT);
        HBox second = new HBox(10, fixed(new Label("Basis fitted on:")), basis, fixed(new Label("States:")), quantity,
                new LayerChoice(explorer), progress, fixed(save), fixed(export));
        second.setAlignment(Pos.CENTER_LEFT);
        VBox bar = new VBox(6, first, second);
        bar.setPadding(new Insets(8, 12, 8, 12));

        chartView.setId("trajectory-chart");
        chartView.setOnMouseMoved(e -> model.hover(e.getX(), e.getY()));
        chartView.setOnMouseExited(e -> model.hover(-1e6, -1e6));
        chartView.setOnMouseClicked(e -> model.click(e.getX(), e.getY()));
        model.resultProperty().addListener((obs, old, now) -> {
            chartView.setImage(now == null ? null : FxImages.toFx(now.image()));
            markStep(explorer.getStep());
        });
        ring.setMouseTransparent(true);
        ring.setManaged(false);
        javafx.beans.InvalidationListener onStep = o -> markStep(explorer.getStep());
        explorer.stepProperty().addListener(onStep);
        Pane plot = new Pane(chartView, ring);
        ScrollPane scroll = new ScrollPane(plot);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);

        Label hover = new Label();
        hover.setId("trajectory-hover");
        hover.textProperty().bind(model.hoverProperty());
        hover.setStyle("-fx-font-weight: bold;");
        VBox bottom = ToolStage.footer("trajectory", model.statusProperty(), model.errorProperty(), hover);

        BorderPane root = new BorderPane(scroll, bar, null, bottom, null);
        root.setId("trajectory-window");
        root.getProperties().put(TrajectoryViewModel.class, model);
        ToolStage.dress(stage, root, TrajectoryChart.WIDTH + 40, TrajectoryChart.HEIGHT + 170, "State-space trajectories", stylesheet, owner, this::chooseExport);
        stage.setOnHidden(e -> {
            model.dispose();
            explorer.stepProperty().removeListener(onStep);
        });
    }

    /** Keeps a control at its preferred width: labels and buttons are never cut to "…". */
    private static <T extends javafx.scene.layout.Region> T fixed(T control) {
        control.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return control;
    }

    /** Shows the window and draws for the explorer's sentence. */
    public void show() {
        stage.show();
        stage.toFront();
        model.refresh();
    }

    public Stage stage() {
        return stage;
    }

    public TrajectoryViewModel viewModel() {
        return model;
    }

    /** Rings the explorer's current token on the first path. */
    private void markStep(int step) {
        ring.getChildren().clear();
        TrajectoryViewModel.Result result = model.resultProperty().get();
        if (result == null || result.chart().paths().isEmpty()) {
            return;
        }
        double[][] points = result.chart().paths().get(0).points();
        if (step < 0 || step >= points.length) {
            return;
        }
        TrajectoryChart.Layout layout = TrajectoryChart.layout(result.chart());
        Circle circle = new Circle(layout.x(points[step][0]), layout.y(points[step][1]), 10);
        circle.setId("trajectory-step");
        circle.setFill(Color.TRANSPARENT);
        circle.setStroke(CanvasTheme.TEXT);
        circle.setStrokeWidth(2.5);
        ring.getChildren().add(circle);
    }

    private void chooseCorpus() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Fit the basis on a text file (one sentence per line)");
        File file = chooser.showOpenDialog(stage);
        if (file != null) {
            model.useCorpusFile(file.toPath());
        }
    }

    private void chooseBasis() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a saved basis");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("GateScope basis (*.json)", "*.json"));
        File file = chooser.showOpenDialog(stage);
        if (file != null) {
            model.loadBasis(file.toPath());
        }
    }

    private void chooseSaveBasis() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the basis");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("GateScope basis (*.json)", "*.json"));
        chooser.setInitialFileName(model.suggestedFileName().replace("-trajectories.png", "-basis.json"));
        File file = chooser.showSaveDialog(stage);
        if (file != null) {
            model.saveBasis(file.toPath());
        }
    }

    private void chooseExport() {
        if (model.resultProperty().get() == null) {
            return;
        }
        PngFiles.chooseAndExport(stage, "Export the trajectories as PNG", model.suggestedFileName(), model::export);
    }
}
