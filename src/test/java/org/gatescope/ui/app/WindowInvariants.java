package org.gatescope.ui.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import org.gatescope.engine.Model;
import org.gatescope.engine.Trace;
import org.gatescope.ui.canvas.CanvasRegion;
import org.gatescope.ui.diagram.CellDiagramView;
import org.gatescope.ui.explorer.CellViewModel;
import org.gatescope.ui.explorer.ExplorerViewModel;
import org.gatescope.ui.explorer.SidePanel;
import org.gatescope.ui.explorer.TokenAxisView;

/**
 * What must hold in the explorer window whenever it is idle: the diagram, the side panel, the
 * step counter, the status bar, the timeline and the heatmaps all show the view model's model,
 * cell and token, and every label on screen shows its own text (a label whose skin still shows
 * an old text is what issue 10's stale window looked like: a layout pass that died). Read on the
 * FX thread, between pulses.
 */
final class WindowInvariants {

    private final ExplorerView view;
    private final ExplorerViewModel explorer;

    WindowInvariants(ExplorerView view, ExplorerViewModel explorer) {
        this.view = view;
        this.explorer = explorer;
    }

    /** Every broken invariant, in words; empty when the window is consistent. */
    List<String> violations() {
        List<String> problems = new ArrayList<>();
        CellViewModel primary = explorer.primary();
        Trace trace = primary.getTrace();
        Model model = primary.getModel();
        int step = trace == null ? -1 : Math.min(explorer.getStep(), trace.length() - 1);
        boolean playing = explorer.playingProperty().get();

        if (trace != null && model != null && trace.cell() != model.cell()) {
            problems.add("the trace is of a " + trace.cell() + " but the model is a " + model.cell());
        }
        checkDiagram("diagram", view.diagram().diagram(), trace, step, problems);
        checkCanvas("timeline", view.timeline(), trace, step, playing, problems);
        checkCanvas("heatmaps", view.heatmap(), trace, step, playing, problems);
        if (explorer.compareProperty().get()) {
            Trace right = explorer.comparison().getTrace();
            int rightStep = right == null ? -1 : Math.min(explorer.getStep(), right.length() - 1);
            checkDiagram("compare diagram", view.comparisonDiagram().diagram(), right, rightStep, problems);
            checkCanvas("compare timeline", view.comparisonTimeline(), right, rightStep, playing, problems);
            checkCanvas("compare heatmaps", view.comparisonHeatmap(), right, rightStep, playing, problems);
        }

        Labeled position = (Labeled) view.lookup("#position");
        String counter = trace == null ? "\u2013 / \u2013"
                : String.format(Locale.ROOT, "%,d / %,d", step + 1, trace.length());
        expect(problems, "step counter", counter, position.getText());

        String status = ((Labeled) view.lookup("#status")).getText();
        if (model != null && !status.startsWith("Saved") && !status.startsWith("Copied")) {
            String head = primary.modelNameProperty().get() + " \u2014 " + model.cell().displayName();
            if (!status.startsWith(head)) {
                problems.add("status bar says \"" + status + "\", not about " + head);
            } else if (trace != null && !status.contains(String.format(Locale.ROOT, "%,d tokens", trace.length()))) {
                problems.add("status bar says \"" + status + "\" for a text of " + trace.length() + " tokens");
            }
        }

        SidePanel.Shown side = ((SidePanel) view.lookup("#side-panel")).shown();
        if (model != null) {
            if (!side.modelInfo().startsWith(model.cell().displayName())) {
                problems.add("side panel describes \"" + side.modelInfo() + "\" for a " + model.cell().displayName());
            }
            if (side.cellButton() != model.cell()) {
                problems.add("side panel's pressed cell button is " + side.cellButton() + " for a " + model.cell());
            }
        }
        String title = trace == null ? "Next-token predictions"
                : "Next token after \u201C" + trace.tokens().get(step) + "\u201D";
        expect(problems, "side panel's predictions", title, side.predictionTitle());

        checkLabelsShowTheirText(view, problems);
        return problems;
    }

    private static void checkDiagram(String name, CellDiagramView diagram, Trace trace, int step,
                                     List<String> problems) {
        CellDiagramView.Displayed shown = diagram.displayed();
        if (shown.trace() != trace || (trace != null && shown.step() != step)) {
            problems.add(name + " shows " + describe(shown.trace(), shown.step()) + ", not " + describe(trace, step));
        }
    }

    /**
     * A canvas view painted the current trace and token, or (while playing, when the last token
     * may have moved in the pulse that just ended) will on the next frame.
     */
    private static void checkCanvas(String name, TokenAxisView canvas, Trace trace, int step, boolean playing,
                                    List<String> problems) {
        if (canvas.getScene() == null) {
            problems.add(name + " is not in the window");
            return;
        }
        TokenAxisView.Painted painted = canvas.painted();
        boolean current = painted.trace() == trace && (trace == null || painted.step() == step);
        if (!current && !(playing && canvas.isRepaintPending())) {
            problems.add(name + " painted " + describe(painted.trace(), painted.step()) + ", not "
                    + describe(trace, step) + (canvas.isRepaintPending() ? " (repaint pending)" : "")
                    + " after " + canvas.paintCount() + " paints, " + canvas.getWidth() + " x " + canvas.getHeight());
        }
        if (!playing && canvas.isRepaintPending()) {
            problems.add(name + " still has a repaint pending when the window is idle");
        }
    }

    /** Every visible label and button shows its own text, or that text cut short. */
    static void checkLabelsShowTheirText(Parent root, List<String> problems) {
        for (Node node : root.getChildrenUnmodifiable()) {
            if (!node.isVisible() || node instanceof IndexedCell || node instanceof ComboBoxBase) {
                continue; // list cells are recycled and drop-downs draw their own button cell
            }
            if (node instanceof Labeled labeled && labeled.getWidth() > 0) {
                String rendered = renderedText(labeled);
                String text = labeled.getText() == null ? "" : labeled.getText();
                if (rendered != null && !showsItsText(rendered, text, labeled.getEllipsisString())) {
                    problems.add(labeled.getClass().getSimpleName() + (labeled.getId() == null ? "" : " #"
                            + labeled.getId()) + " shows \"" + rendered + "\" but its text is \"" + text + "\"");
                }
            }
            if (node instanceof Parent parent) {
                checkLabelsShowTheirText(parent, problems);
            }
        }
    }

    /**
     * The text itself, its start (too narrow: cut, or clipped by an overrun of CLIP), or its start
     * and end around an ellipsis. Whether a cut text is readable is the layout's business; this
     * asks only that it is this text, not an earlier one.
     */
    private static boolean showsItsText(String rendered, String text, String ellipsis) {
        if (text.startsWith(rendered)) {
            return true;
        }
        // The text may hold the ellipsis string itself ("ate ..., were full."): try each place.
        for (int cut = rendered.indexOf(ellipsis); !ellipsis.isEmpty() && cut >= 0;
                cut = rendered.indexOf(ellipsis, cut + 1)) {
            String before = rendered.substring(0, cut).strip();
            String after = rendered.substring(cut + ellipsis.length()).strip();
            if (text.startsWith(before) && text.endsWith(after)) {
                return true; // a leading, trailing or centre ellipsis
            }
        }
        return false;
    }

    /** The text the label's skin draws, or null if it has none (no skin yet, or a graphic only). */
    private static String renderedText(Labeled labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text text) {
                return text.getText();
            }
        }
        return null;
    }

    private static void expect(List<String> problems, String what, String expected, String shown) {
        if (!Objects.equals(expected, shown)) {
            problems.add(what + " shows \"" + shown + "\", not \"" + expected + "\"");
        }
    }

    private static String describe(Trace trace, int step) {
        return trace == null ? "no trace"
                : trace.cell() + " trace @" + Integer.toHexString(System.identityHashCode(trace)) + " of "
                        + trace.length() + " tokens at step " + step;
    }
}
