package org.gatescope.ui.saturation;

import java.awt.image.BufferedImage;
import javafx.beans.InvalidationListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.gatescope.engine.analysis.GateSaturation;
import org.gatescope.render.SaturationChart;
import org.gatescope.ui.analysis.PngFiles;
import org.gatescope.ui.analysis.ToolStage;
import org.gatescope.ui.canvas.CanvasTheme;
import org.gatescope.ui.explorer.CellViewModel;
import org.gatescope.ui.task.TaskExecutor;

/**
 * The "Gate saturation" window: the scatter of {@link SaturationChart} for
 * the explorer's main model, over the agreement corpus or the loaded text; hovering names a
 * point, clicking selects its unit in the explorer (ringed on the chart), "Export PNG…" writes the
 * chart without the ring. A thin
 * view over {@link SaturationViewModel}.
 */
public final class SaturationWindow {

    private final Stage stage = new Stage();
    private final SaturationViewModel saturation;
    private final ImageView chartView = new ImageView();
    private final Group selection = new Group();
    private final InvalidationListener unitListener;

    public SaturationWindow(Window owner, TaskExecutor executor, CellViewModel cell, String stylesheet) {
        saturation = new SaturationViewModel(executor, cell);
        unitListener = o -> markSelection(cell.getPrimaryUnit());

        ToggleGroup group = new ToggleGroup();
        RadioButton corpus = new RadioButton("Agreement corpus (" + SaturationViewModel.CORPUS_SENTENCES
                + " held-out sentences)");
        corpus.setId("saturation-corpus");
        RadioButton loaded = new RadioButton("Loaded text");
        loaded.setId("saturation-loaded-text");
        corpus.setToggleGroup(group);
        loaded.setToggleGroup(group);
        corpus.setSelected(true);
        corpus.setOnAction(e -> saturation.setSource(SaturationViewModel.Source.CORPUS));
        loaded.setOnAction(e -> saturation.setSource(SaturationViewModel.Source.LOADED_TEXT));
        saturation.sourceProperty().addListener((obs, old, now) ->
                (now == SaturationViewModel.Source.CORPUS ? corpus : loaded).setSelected(true));

        Button export = new Button("Export PNG\u2026");
        export.setId("saturation-export");
        export.setTooltip(new Tooltip("Save the chart as a PNG image (Shortcut+S)"));
        export.setOnAction(e -> chooseExport());
        export.disableProperty().bind(saturation.chartProperty().isNull());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(saturation.busyProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(12, new Label("Count over:"), corpus, loaded, progress, spacer, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 12, 8, 12));

        chartView.setId("saturation-chart");
        chartView.setOnMouseMoved(e -> saturation.hover(e.getX(), e.getY()));
        chartView.setOnMouseExited(e -> saturation.hover(-1e6, -1e6));
        chartView.setOnMouseClicked(e -> saturation.click(e.getX(), e.getY()));
        saturation.chartProperty().addListener((obs, old, now) -> show(now));
        // The explorer's selected unit: a ring around each of its gates' points, drawn over the image.
        selection.setId("saturation-selection");
        selection.setMouseTransparent(true);
        selection.setManaged(false);
        saturation.chartProperty().addListener(o -> markSelection(cell.getPrimaryUnit()));
        cell.primaryUnitProperty().addListener(unitListener);
        Pane plot = new Pane(chartView, selection);
        ScrollPane scroll = new ScrollPane(plot);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);

        Label hover = new Label();
        hover.setId("saturation-hover");
        hover.textProperty().bind(saturation.hoverProperty());
        hover.setStyle("-fx-font-weight: bold;");
        VBox bottom = ToolStage.footer("saturation", saturation.statusProperty(), saturation.errorProperty(), hover);

        BorderPane root = new BorderPane(scroll, bar, null, bottom, null);
        root.setId("saturation-window");
        root.getProperties().put(SaturationViewModel.class, saturation); // for tests and tools
        ToolStage.dress(stage, root, SaturationChart.WIDTH + 40,
                SaturationChart.HEIGHT + 130, "Gate saturation", stylesheet, owner, this::chooseExport);
        stage.setOnHidden(e -> {
            saturation.dispose();
            cell.primaryUnitProperty().removeListener(unitListener);
        });
    }

    /** Shows the window and counts for the current model. */
    public void show() {
        stage.show();
        stage.toFront();
        saturation.refresh();
    }

    public Stage stage() {
        return stage;
    }

    public SaturationViewModel viewModel() {
        return saturation;
    }

    private void show(SaturationViewModel.Chart chart) {
        if (chart == null) {
            chartView.setImage(null);
            return;
        }
        BufferedImage image = chart.image();
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        WritableImage fx = new WritableImage(w, h);
        fx.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        chartView.setImage(fx);
    }

    private void markSelection(int unit) {
        selection.getChildren().clear();
        SaturationViewModel.Chart chart = saturation.chartProperty().get();
        if (chart == null) {
            return;
        }
        SaturationChart.Layout layout = SaturationChart.layout();
        for (GateSaturation.Point p : chart.points()) {
            if (p.unit() == unit) {
                Circle ring = new Circle(layout.x(p.leftFraction()), layout.y(p.rightFraction()), 9);
                ring.setFill(Color.TRANSPARENT);
                ring.setStroke(CanvasTheme.TEXT);
                ring.setStrokeWidth(2);
                selection.getChildren().add(ring);
            }
        }
    }

    private void chooseExport() {
        if (saturation.chartProperty().get() == null) {
            return;
        }
        PngFiles.chooseAndExport(stage, "Export the gate saturation chart as PNG", saturation.suggestedFileName(),
                saturation::export);
    }
}
