package org.gatescope.ui.explorer;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.StackPane;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.Trace;
import org.gatescope.ui.diagram.CellDiagramView;
import org.gatescope.render.diagram.LayerContext;

/**
 * The slot of the cell diagram: shows one cell's trace at the explorer's step for that cell's
 * primary unit, following all three; a click on a unit in the diagram's strips selects it, a
 * right click on one offers to silence it (the main cell's diagram only).
 */
public final class DiagramPane extends StackPane {

    private final ExplorerViewModel explorer;
    private final CellViewModel cell;
    public final CellDiagramView diagram = new CellDiagramView();
    private final Label empty = new Label();
    /** The pane's least width: a compare column at 1024 px; the drawing scrolls inside when narrower than its own. */
    private static final double MIN_WIDTH = 260;
    /** Room for the sideways scroll bar under a drawing at its least height. */
    private static final double SCROLL_BAR = 16;

    public DiagramPane(ExplorerViewModel explorer, CellViewModel cell) {
        this.explorer = explorer;
        this.cell = cell;
        getStyleClass().add("diagram-pane");
        // Never squeezed below a readable drawing: a short window scrolls the centre, a narrow
        // panel (a compare view's column) scrolls the drawing sideways.
        ScrollPane sideways = new ScrollPane(diagram);
        sideways.setFitToWidth(true);
        sideways.setFitToHeight(true);
        sideways.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        sideways.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        sideways.getStyleClass().add("diagram-scroll");
        sideways.setMinWidth(0);
        sideways.setFocusTraversable(false); // the keys stay the window's (a click would focus it)
        // the least height has room for the scroll bar whatever the width, so the split's layout
        // does not change with where the pane was before (a compare column, the single view)
        setMinSize(MIN_WIDTH, CellDiagramView.MIN_HEIGHT + SCROLL_BAR);
        empty.getStyleClass().add("empty-hint");
        empty.setMouseTransparent(true);
        getChildren().addAll(sideways, empty);
        diagram.setOnUnitSelected(cell::selectPrimaryUnit);
        if (cell == explorer.primary()) { // the unit menu silences units of the main cell
            UnitMenu.install(diagram, explorer, (x, y) -> {
                OptionalInt unit = diagram.unitAt(x, y);
                return unit.isPresent() ? Optional.of(new UnitMenu.Target(unit.getAsInt(), explorer.getStep()))
                        : Optional.empty();
            });
        }
        cell.traceProperty().addListener(o -> refresh());
        cell.clampedProperty().addListener(o -> refresh());
        cell.primaryUnitProperty().addListener(o -> refresh());
        explorer.stepProperty().addListener(o -> refresh());
        explorer.sentenceEmptyProperty().addListener(o -> refresh());
        refresh();
    }

    /** Whether values move smoothly between tokens (tests turn it off). */
    void setAnimated(boolean animated) {
        diagram.setAnimated(animated);
    }

    /** The values on display for the primary unit, by quantity, as the diagram reports them. */
    public Map<Quantity, Double> displayedValues() {
        return diagram.displayedValues();
    }

    public CellDiagramView diagram() {
        return diagram;
    }

    private void refresh() {
        Trace trace = cell.getTrace();
        if (trace == null) {
            diagram.clear();
            empty.setText(explorer.sentenceEmptyProperty().get() ? ExplorerViewModel.EMPTY_HINT
                    : !cell.hasModel() ? "" : "Tracing \u2026");
            empty.setVisible(true);
            return;
        }
        empty.setVisible(false);
        int step = Math.max(0, Math.min(explorer.getStep(), trace.length() - 1));
        int unit = Math.max(0, Math.min(cell.getPrimaryUnit(), trace.hidden() - 1));
        int layer = cell.selectedLayerProperty().get();
        diagram.setContext(cell.getImported() == null || layer >= cell.layerLabels().size() ? LayerContext.OWN
                : LayerContext.of(cell.getImported().network(), layer, cell.layerLabels().get(layer)));
        diagram.show(trace, step, unit);
        diagram.setClampedGates(clampedGates(cell.getClamped(), trace, step, unit));
    }

    /** The gates a clamp of the shown trace sets at {@code step} for {@code unit}. */
    static java.util.Set<Quantity> clampedGates(org.gatescope.engine.intervention.ClampedTrace clamped, Trace trace,
                                                int step, int unit) {
        if (clamped == null || clamped.after() != trace) {
            return java.util.Set.of();
        }
        java.util.Set<Quantity> gates = java.util.EnumSet.noneOf(Quantity.class);
        for (Quantity q : trace.quantities()) {
            if (q.isGate() && clamped.clamps().clamps(q, step, unit)) {
                gates.add(q);
            }
        }
        return gates;
    }
}
