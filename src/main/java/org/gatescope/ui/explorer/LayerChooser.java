package org.gatescope.ui.explorer;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

/**
 * A drop-down of the layer directions of a cell's model trained elsewhere ("layer 2 (backward)"), for
 * a compare view column's header; hidden while the cell shows GateScope's own one-layer model.
 */
public final class LayerChooser extends ComboBox<String> {

    private final CellViewModel cell;
    private boolean syncing;

    public LayerChooser(CellViewModel cell) {
        this.cell = cell;
        getStyleClass().add("layer-chooser");
        setItems(cell.layerLabels());
        setMinWidth(Region.USE_PREF_SIZE);
        setTooltip(new Tooltip("The layer (and direction) this column's diagram, timeline and heatmaps show. "
                + "L and Shift+L step through the layers of the column you clicked last."));
        valueProperty().addListener((obs, old, label) -> {
            int index = label == null ? -1 : cell.layerLabels().indexOf(label);
            if (!syncing && index >= 0) {
                cell.selectLayer(index);
            }
        });
        cell.selectedLayerProperty().addListener(o -> sync());
        cell.layerLabels().addListener((javafx.beans.InvalidationListener) o -> sync());
        cell.importedProperty().addListener(o -> sync());
        sync();
    }

    private void sync() {
        syncing = true;
        try {
            boolean shown = cell.getImported() != null && !cell.layerLabels().isEmpty();
            setVisible(shown);
            setManaged(shown);
            int index = cell.selectedLayerProperty().get();
            setValue(shown && index < cell.layerLabels().size() ? cell.layerLabels().get(index) : null);
        } finally {
            syncing = false;
        }
    }
}
