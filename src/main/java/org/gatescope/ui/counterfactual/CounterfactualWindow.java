package org.gatescope.ui.counterfactual;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import javafx.beans.InvalidationListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.gatescope.engine.intervention.Counterfactual;
import org.gatescope.render.CounterfactualChart;
import org.gatescope.ui.analysis.ToolStage;
import org.gatescope.ui.explorer.ExplorerViewModel;
import org.gatescope.ui.explorer.TeachingViewModel;
import org.gatescope.ui.task.LatestRequest;

/**
 * The counterfactual view: what changes in every unit and the prediction when one token is replaced, as
 * {@link CounterfactualChart} draws it (Δ of c, a and every gate as diverging heatmaps, the prediction
 * before and after), so the window shows the very pixels "Export PNG…" and {@code gatescope diff --out}
 * write. Drawn on the worker; follows the explorer's latest counterfactual.
 */
public final class CounterfactualWindow {

    private final Stage stage = new Stage();
    private final ExplorerViewModel explorer;
    private final TeachingViewModel teaching;
    private final ImageView chart = new ImageView();
    private final Label title = new Label();
    private final LatestRequest drawing;
    private final InvalidationListener follow = o -> redraw();

    public CounterfactualWindow(Window owner, ExplorerViewModel explorer, String stylesheet) {
        this.explorer = explorer;
        this.teaching = explorer.teaching();
        this.drawing = new LatestRequest(explorer.executor());
        title.setId("counterfactual-title");
        title.getStyleClass().add("subsection-title");
        title.setWrapText(true);
        Button export = new Button("Export PNG\u2026");
        export.setId("counterfactual-export");
        export.setTooltip(new Tooltip("Save the chart as a PNG image (Shortcut+S): the same pixels as gatescope diff --out"));
        export.setOnAction(e -> chooseExport());
        export.disableProperty().bind(teaching.counterfactualProperty().isNull());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(12, title, spacer, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 12, 8, 12));
        chart.setId("counterfactual-chart");
        chart.setPreserveRatio(true);
        chart.setSmooth(true);
        ScrollPane scroll = new ScrollPane(chart);
        // The chart fills the window's width (larger on a projector, smaller on a laptop); it scrolls down.
        chart.fitWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.max(480, scroll.getViewportBounds().getWidth() - 2), scroll.viewportBoundsProperty()));
        BorderPane root = new BorderPane(scroll, bar, null, null, null);
        root.setId("counterfactual-window");
        ToolStage.dress(stage, root, 1060, 820, "Counterfactual", stylesheet, owner, this::chooseExport);
        teaching.counterfactualProperty().addListener(follow);
        stage.setOnHidden(e -> {
            teaching.counterfactualProperty().removeListener(follow);
            drawing.cancel();
        });
    }

    public void show() {
        stage.show();
        stage.toFront();
        redraw();
    }

    public Stage stage() {
        return stage;
    }

    /** The chart shown, for tests: null while none. */
    public javafx.scene.image.Image image() {
        return chart.getImage();
    }

    private void redraw() {
        Counterfactual cf = teaching.getCounterfactual();
        if (cf == null) {
            drawing.cancel();
            chart.setImage(null);
            title.setText("No counterfactual: Teach \u25B8 Flip the number of this token (cat \u2192 cats)");
            return;
        }
        if (cf.before().length() > CounterfactualChart.MAX_TOKENS) {
            chart.setImage(null);
            title.setText(String.format(Locale.ROOT, "%s: the chart shows at most %d tokens; this text has %d",
                    cf.describe(), CounterfactualChart.MAX_TOKENS, cf.before().length()));
            return;
        }
        title.setText(cf.describe());
        String modelName = explorer.primary().modelNameProperty().get();
        drawing.submit(() -> CounterfactualChart.forExport(modelName, cf), this::showImage,
                failure -> explorer.showError("Cannot draw the counterfactual: " + failure.getMessage()));
    }

    private void showImage(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        WritableImage fx = new WritableImage(w, h);
        fx.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        chart.setImage(fx);
    }

    private void chooseExport() {
        Counterfactual cf = teaching.getCounterfactual();
        if (cf == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the counterfactual as PNG");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image (*.png)", "*.png"));
        chooser.setInitialFileName(explorer.primary().modelNameProperty().get().replace(".safetensors", "") + "-"
                + cf.original() + "-to-" + cf.replacement() + ".png");
        File file = chooser.showSaveDialog(stage);
        if (file != null) {
            Path target = file.toPath();
            if (!target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
                target = target.resolveSibling(target.getFileName() + ".png");
            }
            teaching.exportCounterfactual(target);
        }
    }
}
