package org.gatescope.ui.probe;

import java.io.File;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.gatescope.ui.analysis.ToolStage;
import org.gatescope.ui.analysis.PngFiles;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.analysis.ProbeStudy;
import org.gatescope.render.ProbeChart;
import org.gatescope.ui.analysis.FxImages;
import org.gatescope.ui.analysis.LayerChoice;
import org.gatescope.ui.explorer.ExplorerViewModel;

/** View ▸ "Linear probe…": a thin view over {@link ProbeViewModel}. */
public final class ProbeWindow {

    private final Stage stage = new Stage();
    private final ProbeViewModel model;

    public ProbeWindow(Window owner, ExplorerViewModel explorer, String stylesheet) {
        model = new ProbeViewModel(explorer);
        ToggleGroup group = new ToggleGroup();
        RadioButton number = new RadioButton(ProbeViewModel.numberDescription());
        number.setId("probe-number");
        RadioButton file = new RadioButton("token labels from a file\u2026");
        file.setId("probe-labels");
        number.setToggleGroup(group);
        file.setToggleGroup(group);
        number.setSelected(true);
        number.setOnAction(e -> model.useNumber());
        file.setOnAction(e -> {
            chooseLabels();
            // cancelled, or a file that did not fit: the radio shows what is probed
            (ProbeStudy.NUMBER.equals(model.propertyProperty().get()) ? number : file).setSelected(true);
        });
        model.propertyProperty().addListener((obs, old, now) -> {
            boolean isNumber = ProbeStudy.NUMBER.equals(now);
            (isNumber ? number : file).setSelected(true);
            file.setText(isNumber ? "token labels from a file\u2026" : "token labels: " + now + "\u2026");
        });

        ComboBox<String> quantity = new ComboBox<>();
        quantity.setId("probe-quantity");
        quantity.getItems().addAll("c<t>", "a<t>");
        quantity.getSelectionModel().select(0);
        quantity.setOnAction(e -> model.setQuantity(quantity.getSelectionModel().getSelectedIndex() == 1
                ? Quantity.ACTIVATION : Quantity.MEMORY_CELL));
        Button export = new Button("Export PNG\u2026");
        export.setId("probe-export");
        export.setOnAction(e -> chooseExport());
        export.disableProperty().bind(model.resultProperty().isNull());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(model.busyProperty());

        HBox first = new HBox(12, new Label("Probe for:"), number, file);
        first.setAlignment(Pos.CENTER_LEFT);
        HBox second = new HBox(12, new Label("States:"), quantity, new LayerChoice(explorer), progress, export);
        second.setAlignment(Pos.CENTER_LEFT);
        VBox bar = new VBox(6, first, second);
        bar.setPadding(new Insets(8, 12, 8, 12));

        ImageView chart = new ImageView();
        chart.setId("probe-chart");
        chart.setOnMouseClicked(e -> model.click(e.getX(), e.getY()));
        model.resultProperty().addListener((obs, old, now) -> chart.setImage(now == null ? null
                : FxImages.toFx(now.image())));
        ScrollPane scroll = new ScrollPane(chart);

        VBox bottom = ToolStage.footer("probe", model.statusProperty(), model.errorProperty());

        BorderPane root = new BorderPane(scroll, bar, null, bottom, null);
        root.setId("probe-window");
        root.getProperties().put(ProbeViewModel.class, model);
        ToolStage.dress(stage, root, ProbeChart.WIDTH + 30, ProbeChart.HEIGHT + 150, "Linear probe", stylesheet, owner, this::chooseExport);
        stage.setOnHidden(e -> model.dispose());
    }

    public void show() {
        stage.show();
        stage.toFront();
        model.refresh();
    }

    public Stage stage() {
        return stage;
    }

    public ProbeViewModel viewModel() {
        return model;
    }

    private void chooseLabels() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Token labels (token<TAB>label lines, a blank line between sentences)");
        File file = chooser.showOpenDialog(stage);
        if (file != null) {
            model.useLabels(file.toPath());
        }
    }

    private void chooseExport() {
        if (model.resultProperty().get() == null) {
            return;
        }
        PngFiles.chooseAndExport(stage, "Export the probe as PNG", model.suggestedFileName(), model::export);
    }
}
