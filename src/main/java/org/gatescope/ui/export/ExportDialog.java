package org.gatescope.ui.export;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.gatescope.engine.Trace;
import org.gatescope.render.export.SlideFormat;
import org.gatescope.render.export.SlideRequest;
import org.gatescope.render.export.SlideView;

/**
 * File ▸ Export for slides: a small dialog (view, format, scale, GIF speed; the token and units are the
 * window's) and a few one-click items, all writing through {@link SlideExportViewModel}.
 */
public final class ExportDialog {

    private static final ButtonType EXPORT = new ButtonType("Export\u2026", ButtonBar.ButtonData.OK_DONE);
    private static final ButtonType COPY = new ButtonType("Copy image", ButtonBar.ButtonData.OTHER);

    private ExportDialog() {
    }

    /** The "Export for slides" submenu of the File menu. */
    public static Menu menu(SlideExportViewModel model, Supplier<Window> owner) {
        MenuItem dialog = item("Export\u2026", "Shortcut+Shift+E", () -> show(model, owner.get()));
        dialog.setId("slide-export");
        MenuItem diagramSvg = item("Diagram as SVG\u2026", null,
                () -> quick(model, owner.get(), SlideView.DIAGRAM, SlideFormat.SVG));
        MenuItem timelineSvg = item("Timeline as SVG\u2026", null,
                () -> quick(model, owner.get(), SlideView.TIMELINE, SlideFormat.SVG));
        MenuItem heatmapsSvg = item("Heatmaps as SVG\u2026", null,
                () -> quick(model, owner.get(), SlideView.HEATMAPS, SlideFormat.SVG));
        MenuItem gif = item("Animated GIF of diagram and timeline\u2026", null,
                () -> quick(model, owner.get(), SlideView.ALL, SlideFormat.GIF)); // a GIF's "all": diagram over timeline
        MenuItem csv = item("CSV of every quantity\u2026", null,
                () -> quick(model, owner.get(), model.viewProperty().get(), SlideFormat.CSV));
        MenuItem copy = item("Copy diagram image", "Shortcut+Alt+C", () -> {
            model.viewProperty().set(SlideView.DIAGRAM);
            model.copyImage();
        });
        copy.setId("slide-copy");
        Menu menu = new Menu("Export for slides", null, dialog, new SeparatorMenuItem(), diagramSvg, timelineSvg,
                heatmapsSvg, gif, csv, new SeparatorMenuItem(), copy);
        menu.setId("slide-export-menu");
        return menu;
    }

    /** The dialog: choose, then Export… (a save dialog) or Copy image. */
    public static void show(SlideExportViewModel model, Window owner) {
        SlideRequest now = model.request();
        if (now == null) {
            model.export(null); // says "type a sentence first"
            return;
        }
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Export for slides");
        dialog.setHeaderText("The " + describe(now.trace(), now.step(), now.unit()));

        ChoiceBox<SlideView> view = new ChoiceBox<>(FXCollections.observableArrayList(SlideView.values()));
        view.setConverter(named(v -> switch (v) {
            case DIAGRAM -> "Cell diagram";
            case TIMELINE -> "Timeline";
            case HEATMAPS -> "Heatmaps";
            case ALL -> "All three, stacked";
        }));
        view.valueProperty().bindBidirectional(model.viewProperty());
        ChoiceBox<SlideFormat> format = new ChoiceBox<>(FXCollections.observableArrayList(SlideFormat.values()));
        format.setConverter(named(f -> switch (f) {
            case SVG -> "SVG (vector, text stays text)";
            case PNG -> "PNG (pixels)";
            case GIF -> "Animated GIF (one frame per token)";
            case CSV -> "CSV (every quantity per step and unit)";
        }));
        format.valueProperty().bindBidirectional(model.formatProperty());
        ChoiceBox<Integer> scale = new ChoiceBox<>(FXCollections.observableArrayList(1, 2, 3));
        scale.setConverter(named(s -> s + "\u00D7"));
        scale.setValue(model.scaleProperty().get());
        scale.valueProperty().addListener((o, was, is) -> model.scaleProperty().set(is));
        Spinner<Integer> delay = new Spinner<>(SlideRequest.MIN_DELAY, SlideRequest.MAX_DELAY,
                model.delayProperty().get(), 100);
        delay.setEditable(true);
        delay.valueProperty().addListener((o, was, is) -> model.delayProperty().set(is));
        scale.disableProperty().bind(format.valueProperty().isEqualTo(SlideFormat.SVG)
                .or(format.valueProperty().isEqualTo(SlideFormat.CSV)));
        delay.disableProperty().bind(format.valueProperty().isNotEqualTo(SlideFormat.GIF));
        Label note = new Label("The token, the unit and the timeline's units are the window's: pick them there.");
        note.setWrapText(true);
        note.getStyleClass().add("hint");

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(12));
        grid.addRow(0, new Label("View"), view);
        grid.addRow(1, new Label("Format"), format);
        grid.addRow(2, new Label("Scale"), scale);
        grid.addRow(3, new Label("GIF frame (ms)"), delay);
        grid.add(note, 0, 4, 2, 1);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(EXPORT, COPY, ButtonType.CANCEL);
        dialog.showAndWait().ifPresent(button -> {
            if (button == EXPORT) {
                Path target = chooseTarget(model, owner);
                if (target != null) {
                    model.export(target);
                }
            } else if (button == COPY) {
                model.copyImage();
            }
        });
    }

    private static void quick(SlideExportViewModel model, Window owner, SlideView view, SlideFormat format) {
        model.viewProperty().set(view);
        model.formatProperty().set(format);
        if (model.request() == null) {
            model.export(null);
            return;
        }
        Path target = chooseTarget(model, owner);
        if (target != null) {
            model.export(target);
        }
    }

    /** Asks where to save, with the format's extension added when the name lacks it; null when cancelled. */
    static Path chooseTarget(SlideExportViewModel model, Window owner) {
        SlideFormat format = model.formatProperty().get();
        String extension = "." + format.id();
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export for slides");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                format.id().toUpperCase(Locale.ROOT) + " (*" + extension + ")", "*" + extension));
        chooser.setInitialFileName(model.suggestedName());
        File file = chooser.showSaveDialog(owner);
        if (file == null) {
            return null;
        }
        Path target = file.toPath();
        return target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(extension) ? target
                : target.resolveSibling(target.getFileName() + extension);
    }

    private static String describe(Trace trace, int step, int unit) {
        return "text of " + trace.length() + " tokens at token " + (step + 1) + " \u201C" + trace.tokens().get(step)
                + "\u201D, unit " + unit;
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private static <T> StringConverter<T> named(java.util.function.Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : name.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("choices are picked, not typed");
            }
        };
    }
}
