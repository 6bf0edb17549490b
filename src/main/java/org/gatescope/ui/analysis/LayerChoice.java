package org.gatescope.ui.analysis;

import javafx.collections.ListChangeListener;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.gatescope.ui.explorer.ExplorerViewModel;

/**
 * The layer selector of the analysis windows: for a model trained elsewhere, which of its layer directions
 * the analysis reads. It is the explorer's own choice (the diagram, timeline and heatmaps follow it too), so
 * every view shows one layer. Hidden for GateScope's single-layer models.
 */
public final class LayerChoice extends HBox {

    public LayerChoice(ExplorerViewModel explorer) {
        super(6);
        ComboBox<String> layers = new ComboBox<>(explorer.primary().layerLabels());
        layers.setId("analysis-layer");
        Runnable sync = () -> {
            int index = explorer.primary().selectedLayerProperty().get();
            if (index >= 0 && index < layers.getItems().size()) {
                layers.getSelectionModel().select(index);
            }
            boolean several = explorer.primary().getImported() != null && layers.getItems().size() > 0;
            setVisible(several);
            setManaged(several);
        };
        explorer.primary().layerLabels().addListener((ListChangeListener<String>) c -> sync.run());
        explorer.primary().selectedLayerProperty().addListener(o -> sync.run());
        explorer.primary().importedProperty().addListener(o -> sync.run());
        layers.setOnAction(e -> {
            int index = layers.getSelectionModel().getSelectedIndex();
            if (index >= 0 && index != explorer.primary().selectedLayerProperty().get()) {
                explorer.selectLayer(index);
            }
        });
        getChildren().addAll(new Label("Layer:"), layers);
        setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        sync.run();
    }
}
