package org.gatescope.ui;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.Trace;
import org.gatescope.render.ColorScale;

/**
 * The slot of the cell diagram: shows one cell's trace at the explorer's step for its primary
 * unit, and follows all three. Until the Colah-style diagram is in, a row of value tiles.
 */
final class DiagramPane extends StackPane {

    private final ExplorerViewModel explorer;
    private final CellViewModel cell;
    private final Label heading = new Label();
    private final FlowPane tiles = new FlowPane(10, 10);
    private final Label empty = new Label();
    private final Map<Quantity, Double> shown = new EnumMap<>(Quantity.class);

    DiagramPane(ExplorerViewModel explorer, CellViewModel cell) {
        this.explorer = explorer;
        this.cell = cell;
        getStyleClass().add("diagram-pane");
        setMinSize(200, 160);
        heading.getStyleClass().add("diagram-heading");
        tiles.setAlignment(Pos.CENTER);
        empty.getStyleClass().add("empty-hint");
        VBox box = new VBox(14, heading, tiles);
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(12));
        getChildren().addAll(box, empty);
        cell.traceProperty().addListener(o -> refresh());
        cell.primaryUnitProperty().addListener(o -> refresh());
        explorer.stepProperty().addListener(o -> refresh());
        explorer.sentenceEmptyProperty().addListener(o -> refresh());
        refresh();
    }

    /** Animates value changes between steps (when the diagram supports it). */
    void setAnimated(boolean animated) {
        // the tiles change at once
    }

    /** The values on display for the primary unit, by quantity (tests compare them with the trace). */
    Map<Quantity, Double> displayedValues() {
        return Map.copyOf(shown);
    }

    private void refresh() {
        Trace trace = cell.getTrace();
        shown.clear();
        if (trace == null) {
            heading.setText("");
            tiles.getChildren().clear();
            empty.setText(explorer.sentenceEmptyProperty().get() ? ExplorerViewModel.EMPTY_HINT : "");
            empty.setVisible(true);
            return;
        }
        empty.setVisible(false);
        int step = Math.min(explorer.getStep(), trace.length() - 1);
        int unit = Math.min(cell.getPrimaryUnit(), trace.hidden() - 1);
        heading.setText(String.format(Locale.ROOT, "%s at token %d \u201C%s\u201D, unit %d",
                trace.cell().displayName(), step + 1, trace.tokens().get(step), unit));
        tiles.getChildren().clear();
        for (Quantity q : trace.quantities()) {
            double v = trace.value(q, step, unit);
            shown.put(q, v);
            Label symbol = new Label(q.symbol() + (q.isGate() ? "" : "<t>"));
            symbol.getStyleClass().add("tile-symbol");
            Label value = new Label(String.format(Locale.ROOT, "%+.3f", v).replace("-", "\u2212"));
            value.getStyleClass().add("tile-value");
            Label role = new Label(HeatmapView.roleOf(q));
            role.getStyleClass().add("tile-role");
            VBox tile = new VBox(2, symbol, value, role);
            tile.setAlignment(Pos.CENTER);
            tile.getStyleClass().add("value-tile");
            int argb = ColorScale.forQuantity(q).argb(v);
            String fill = String.format("#%06x", argb & 0xFFFFFF);
            double luminance = 0.2126 * ((argb >> 16) & 0xFF) + 0.7152 * ((argb >> 8) & 0xFF) + 0.0722 * (argb & 0xFF);
            tile.setStyle("-fx-border-color: " + fill + "; -fx-border-width: 0 0 6 0;");
            value.setUserData(luminance);
            tiles.getChildren().add(tile);
        }
    }
}
