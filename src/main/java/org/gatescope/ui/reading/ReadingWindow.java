package org.gatescope.ui.reading;

import java.io.File;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.gatescope.ui.analysis.ToolStage;
import org.gatescope.ui.analysis.PngFiles;
import org.gatescope.engine.analysis.UnitSearch;
import org.gatescope.render.ReadingPainter;
import org.gatescope.ui.analysis.LayerChoice;
import org.gatescope.ui.explorer.ExplorerViewModel;

/**
 * View ▸ "Reading view and unit search…": the explorer's text coloured by one unit (↑↓ change the unit, ←→ the
 * quantity), a span marked by dragging, the units that mark it and the other places they switch on together.
 * A thin view over {@link ReadingViewModel}.
 */
public final class ReadingWindow {

    private final Stage stage = new Stage();
    private final ReadingViewModel model;
    private final ReadingView view;

    public ReadingWindow(Window owner, ExplorerViewModel explorer, String stylesheet) {
        model = new ReadingViewModel(explorer);
        view = new ReadingView(model);

        Label shown = new Label();
        shown.setId("reading-shown");
        shown.setStyle("-fx-font-weight: bold;");
        Runnable describe = () -> shown.setText(ReadingPainter.describe(model.quantityProperty().get(),
                explorer.primary().getPrimaryUnit()) + "   (\u2191\u2193 unit, \u2190\u2192 gate)");
        model.quantityProperty().addListener(o -> describe.run());
        javafx.beans.InvalidationListener onUnit = o -> describe.run();
        explorer.primary().primaryUnitProperty().addListener(onUnit);
        describe.run();
        Button open = new Button("Open text\u2026");
        open.setId("reading-open");
        open.setTooltip(new Tooltip("Read a text file into the explorer (it is traced there)"));
        open.setOnAction(e -> chooseText());
        Button export = new Button("Export PNG\u2026");
        export.setId("reading-export");
        export.setOnAction(e -> chooseExport());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(12, shown, new LayerChoice(explorer), spacer, open, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 12, 8, 12));

        ListView<String> units = new ListView<>(model.unitLines());
        units.setId("reading-units");
        units.setPlaceholder(new Label("Drag across tokens to mark a span"));
        units.getSelectionModel().selectedIndexProperty().addListener((obs, old, now) ->
                model.chooseRankedUnit(now.intValue()));
        ListView<String> matches = new ListView<>(model.matchLines());
        matches.setId("reading-matches");
        matches.setPlaceholder(new Label("No other place yet"));
        matches.getSelectionModel().selectedIndexProperty().addListener((obs, old, now) -> {
            int t = model.chooseMatch(now.intValue());
            if (t >= 0) {
                view.keepInView(t);
            }
        });
        VBox.setVgrow(units, Priority.ALWAYS);
        VBox.setVgrow(matches, Priority.ALWAYS);
        Label unitsTitle = new Label("Units that mark the span\n(ranked by " + UnitSearch.METHOD
                + " with it; \u25CF = searched together)");
        unitsTitle.setWrapText(true);
        unitsTitle.setMinHeight(Region.USE_PREF_SIZE);
        Label matchesTitle = new Label("Where they switch on together");
        Button clear = new Button("Clear the span");
        clear.setId("reading-clear");
        clear.setOnAction(e -> model.clearSearch());
        clear.disableProperty().bind(model.searchProperty().isNull());
        VBox side = new VBox(6, unitsTitle, units, matchesTitle, matches, clear);
        side.setPadding(new Insets(0, 12, 0, 6));
        side.setPrefWidth(370);

        Label hover = new Label();
        hover.setId("reading-hover");
        hover.textProperty().bind(model.hoverProperty());
        VBox bottom = ToolStage.footer("reading", model.statusProperty(), model.errorProperty(), hover);

        BorderPane root = new BorderPane(view, bar, side, bottom, null);
        root.setId("reading-window");
        root.getProperties().put(ReadingViewModel.class, model);
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getTarget() instanceof ListView<?>) {
                return; // the lists keep their arrow keys
            }
            switch (e.getCode()) {
                case UP -> model.moveUnit(-1);
                case DOWN -> model.moveUnit(1);
                case LEFT -> model.moveQuantity(-1);
                case RIGHT -> model.moveQuantity(1);
                case PAGE_DOWN, SPACE -> view.page(1);
                case PAGE_UP -> view.page(-1);
                case HOME -> view.keepInView(0);
                default -> {
                    return;
                }
            }
            e.consume();
        });
        Scene scene = ToolStage.dress(stage, root, 1180, 760, "Reading view and unit search", stylesheet, owner, this::chooseExport);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), this::chooseText);
        stage.setOnHidden(e -> {
            model.dispose();
            explorer.primary().primaryUnitProperty().removeListener(onUnit);
        });
    }

    public void show() {
        stage.show();
        stage.toFront();
        view.requestFocus();
    }

    public Stage stage() {
        return stage;
    }

    public ReadingViewModel viewModel() {
        return model;
    }

    private void chooseText() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a text to read");
        File file = chooser.showOpenDialog(stage);
        if (file != null) {
            model.openText(file.toPath());
        }
    }

    private void chooseExport() {
        PngFiles.chooseAndExport(stage, "Export the coloured text as PNG", model.suggestedFileName(), model::export);
    }
}
