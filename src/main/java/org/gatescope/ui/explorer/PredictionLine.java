package org.gatescope.ui.explorer;

import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import org.gatescope.engine.Network;
import org.gatescope.engine.NetworkTrace;
import org.gatescope.engine.Trace;
import org.gatescope.engine.analysis.NetworkOutputs;

/**
 * One line under a compare view column's header: its cell's most probable next tokens after the
 * current token (a model trained elsewhere: its largest outputs), so both models' predictions are in
 * view side by side (the side panel shows the main cell's in full).
 */
public final class PredictionLine extends Label {

    /** How many next tokens the line names. */
    static final int SHOWN = 3;

    private final ExplorerViewModel explorer;
    private final CellViewModel cell;

    public PredictionLine(ExplorerViewModel explorer, CellViewModel cell) {
        this.explorer = explorer;
        this.cell = cell;
        getStyleClass().add("prediction-line");
        setMaxWidth(Double.MAX_VALUE);
        setTooltip(new Tooltip("The model's most probable next tokens after the current one"));
        cell.traceProperty().addListener(o -> update());
        explorer.stepProperty().addListener(o -> update());
        update();
    }

    private void update() {
        Trace trace = cell.getTrace();
        if (trace == null || trace.length() == 0) {
            setText(" ");
            return;
        }
        int t = Math.max(0, Math.min(explorer.getStep(), trace.length() - 1));
        if (cell.getImported() != null && cell.getNetworkTrace() != null) {
            setText(outputs(cell.getImported().network(), cell.getNetworkTrace(), trace, t));
            return;
        }
        List<Trace.Prediction> top = trace.topPredictions(t, SHOWN);
        StringBuilder text = new StringBuilder("next after \u201c").append(trace.tokens().get(t)).append("\u201d: ");
        for (int i = 0; i < top.size(); i++) {
            Trace.Prediction p = top.get(i);
            text.append(i == 0 ? "" : "  \u00b7  ").append(p.token()).append(' ')
                    .append(String.format(Locale.ROOT, "%.1f %%", 100 * p.probability()));
        }
        setText(text.toString());
    }

    /**
     * A model trained elsewhere: its own largest outputs after the current token (after the whole input for
     * a sequence classifier), as probabilities under softmax or sigmoid, else as values.
     */
    static String outputs(Network network, NetworkTrace traced, Trace trace, int t) {
        double[] output = NetworkOutputs.at(network, traced, t);
        int[] ranked = NetworkOutputs.ranked(network, output);
        boolean probabilities = NetworkOutputs.probabilities(network);
        StringBuilder text = new StringBuilder(network.readout() == Network.Readout.EVERY_STEP
                ? "after \u201c" + trace.tokens().get(t) + "\u201d: " : "after the whole input: ");
        for (int i = 0; i < Math.min(SHOWN, ranked.length); i++) {
            int k = ranked[i];
            text.append(i == 0 ? "" : "  \u00b7  ").append(NetworkOutputs.label(network, k)).append(' ')
                    .append(probabilities ? String.format(Locale.ROOT, "%.1f %%", 100 * output[k])
                            : String.format(Locale.ROOT, "%.3f", output[k]));
        }
        return text.toString();
    }
}
