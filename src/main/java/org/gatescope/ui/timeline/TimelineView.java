package org.gatescope.ui.timeline;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.geometry.Orientation;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.Trace;
import org.gatescope.engine.analysis.MemoryReach;
import org.gatescope.engine.intervention.ClampedTrace;
import org.gatescope.engine.intervention.Counterfactual;
import org.gatescope.render.ReachChart;
import org.gatescope.render.timeline.TimelineAxis;
import org.gatescope.render.timeline.TimelinePainter;
import org.gatescope.render.timeline.TimelineScene;
import org.gatescope.ui.canvas.FxPainter;
import org.gatescope.ui.explorer.CellViewModel;
import org.gatescope.ui.explorer.ExplorerViewModel;
import org.gatescope.ui.explorer.TokenAxisView;
import org.gatescope.ui.explorer.TokenViewport;

/**
 * The memory-cell timeline, the lecture's picture: c&lt;t&gt; of the chosen units across the whole
 * sentence (tokens along the x axis, the current token marked), and beneath it the primary
 * unit's gates per token as bars — Γu (write) and, for the LSTMs, Γf (keep). Gate open at
 * "cat", shut through the clause, the value carried to "was": readable at a glance.
 *
 * <p>Draws only the visible tokens of the shared {@link TokenViewport}; scrolls with the wheel,
 * zooms with Ctrl + wheel, jumps to a token on click.
 */
public final class TimelineView extends TokenAxisView {

    private static final double PREF_HEIGHT = 260;
    private static final Size SIZE = size(PREF_HEIGHT, 150);
    private static final double HEADER = TimelinePainter.HEADER;
    private static final double LABELS = TimelinePainter.LABELS;
    private static final double REACH_ROW = TimelinePainter.REACH_ROW;
    /** The memory band: a caption line, then the kept/written bars with the survival line. */
    private static final double MEMORY_ROW = TimelinePainter.MEMORY_ROW;
    /** The reach row's caption line above its bars, and the gap under them. */
    private static final double REACH_CAPTION = 14;
    private static final double REACH_BOTTOM_GAP = 4;
    /** Bars carry their numbers only in columns at least this wide. */
    private static final double MIN_NUMBERED_COLUMN = 40;
    /**
     * The least height of the c&lt;t&gt; plot, whatever the window: three labelled ticks apart. The
     * view's minimum height keeps it, with the gate bars and the reach row; a short window scrolls.
     */
    static final double MIN_PLOT = TimelinePainter.MIN_PLOT;
    /** The gate bars' least row height: bars of 18 px, one line of labels. */
    private static final double MIN_GATE_ROW = TimelinePainter.MIN_GATE_ROW;
    /** The gate bars' largest row height: bars with their numbers and two lines of labels. */
    private static final double MAX_GATE_ROW = 50;
    /** Under the plot, before the gate bars. */
    private static final double PLOT_GAP = TimelinePainter.PLOT_GAP;
    /** The vanilla RNN's one-line note where the gate bars would be. */
    private static final double RNN_NOTE = TimelinePainter.RNN_NOTE;
    /** The reach row's floor: a gradient this small no longer reaches. */
    static final double REACH_FLOOR = ReachChart.FLOOR;

    private final ScrollBar scrollBar = new ScrollBar();
    private boolean ownScrollBar;

    /** What the last paint drew: the c&lt;t&gt; plot's height and whether it had the reach's bars (tests). */
    private double paintedPlotHeight;
    private boolean paintedReach;

    /** Cached per trace and selection: the y range of the plotted states. */
    private double range = 1;

    public TimelineView(ExplorerViewModel explorer, CellViewModel cell, TokenViewport viewport) {
        super(explorer, cell, viewport, SIZE);
        getStyleClass().add("timeline-view");
        setMinHeight(USE_COMPUTED_SIZE); // computeMinHeight: what it shows decides
        scrollBar.setOrientation(Orientation.HORIZONTAL);
        scrollBar.setVisible(false);
        scrollBar.setFocusTraversable(false);
        getChildren().add(scrollBar);
        viewport.attach(scrollBar);

        InvalidationListener repaint = o -> requestRepaint();
        InvalidationListener rescale = o -> {
            updateRange();
            requestRepaint();
        };
        whileShowing(cell.selectedUnits(), rescale);
        whileShowing(explorer.showActivationProperty(), rescale);
        whileShowing(viewport, repaint);
        whileShowing(explorer.reachProperty(cell), repaint);
        whileShowing(explorer.showReachProperty(), o -> {
            requestLayout();
            requestRepaint();
        });
        if (cell == explorer.primary()) { // the teaching tools work on the main cell
            whileShowing(explorer.teaching().memoryFromProperty(), o -> {
                requestLayout();
                requestRepaint();
            });
            whileShowing(cell.clampedProperty(), rescale);
            whileShowing(explorer.teaching().counterfactualProperty(), rescale);
        }

        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && cell.getTrace() != null) {
                int t = viewport.tokenAt(e.getX());
                if (t >= 0) {
                    explorer.jumpTo(t);
                }
            }
        });
        canvas.addEventHandler(ScrollEvent.SCROLL, this::onScroll);
    }

    /** The height of the c&lt;t&gt; plot as last painted, in px (0 before the first trace). */
    public double plotHeight() {
        return paintedPlotHeight;
    }

    /** Whether the last paint drew the reach row's bars. */
    public boolean showsReach() {
        return paintedReach;
    }

    /** Whether this view shows the horizontal scroll bar (the heatmaps below it show it when they share its axis). */
    public void setOwnScrollBar(boolean own) {
        ownScrollBar = own;
        requestLayout();
    }

    private void onScroll(ScrollEvent e) {
        if (!zoom(e)) {
            scrollTokens(e);
        }
        e.consume();
    }

    @Override
    protected void traceChanged(Trace trace) {
        updateRange();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        layoutAxis(w);
        boolean showBar = ownScrollBar && viewport.scrolls();
        scrollBar.setVisible(showBar);
        double barHeight = showBar ? SCROLL_BAR : 0;
        layoutCanvas(0, 0, w, h - barHeight);
        if (showBar) {
            layoutTokenScrollBar(scrollBar, w, h);
        }
    }

    @Override
    protected double computePrefHeight(double width) {
        return PREF_HEIGHT + (explorer.showReachProperty().get() ? REACH_ROW : 0) + memoryRow();
    }

    /** Room for the header, the least plot, the gate bars at their least, the reach row and the token labels. */
    @Override
    protected double computeMinHeight(double width) {
        Trace trace = cell.getTrace();
        int gates = trace == null ? 2 : gateRows(trace).size();
        boolean rnn = trace != null && trace.cell() == CellKind.RNN;
        return HEADER + 8 + MIN_PLOT + PLOT_GAP + gates * MIN_GATE_ROW + (rnn ? RNN_NOTE : 0)
                + (explorer.showReachProperty().get() ? REACH_ROW : 0) + memoryRow() + LABELS
                + (ownScrollBar && viewport.scrolls() ? SCROLL_BAR : 0);
    }

    private void updateRange() {
        Trace trace = cell.getTrace();
        double max = 1;
        if (trace != null) {
            Comparison other = comparison(trace);
            for (Quantity q : plotted(trace)) {
                for (int unit : units(trace)) {
                    for (int t = 0; t < trace.length(); t++) {
                        max = Math.max(max, Math.abs(trace.value(q, t, unit)));
                        if (other != null && other.trace().has(q)) {
                            max = Math.max(max, Math.abs(other.trace().value(q, t, unit)));
                        }
                    }
                }
            }
        }
        range = Math.ceil(max * 2) / 2;
    }

    /** The trace drawn dotted beside the shown one, and what it is. */
    private record Comparison(Trace trace, String label) {
    }

    /**
     * The main cell's other trace of the same text: the intact one while gates are clamped ("before"), else
     * a counterfactual's replaced text; null for none.
     */
    private Comparison comparison(Trace trace) {
        if (cell != explorer.primary()) {
            return null;
        }
        ClampedTrace clamped = cell.getClamped();
        if (clamped != null && clamped.after() == trace) {
            return new Comparison(clamped.before(), "dotted: before clamping");
        }
        Counterfactual cf = explorer.teaching().getCounterfactual();
        if (cf != null && cf.before().tokens().equals(trace.tokens()) && cf.before().hidden() == trace.hidden()
                && cf.before().cell() == trace.cell()) {
            return new Comparison(cf.after(), "dotted: with \u201C" + cf.replacement() + "\u201D");
        }
        return null;
    }

    /** The memory band's height: shown when the main cell's memory is accounted for. */
    private double memoryRow() {
        return cell == explorer.primary() && explorer.teaching().memoryFromProperty().get() >= 0 ? MEMORY_ROW : 0;
    }

    /** The states on the line plot: c (a for the vanilla RNN), and a when asked for and distinct. */
    private List<Quantity> plotted(Trace trace) {
        return TimelineScene.plotted(trace, explorer.showActivationProperty().get());
    }

    private List<Integer> units(Trace trace) {
        List<Integer> units = new ArrayList<>();
        for (int unit : cell.selectedUnits()) {
            if (unit < trace.hidden()) {
                units.add(unit);
            }
        }
        return units;
    }

    private static List<Quantity> gateRows(Trace trace) {
        return TimelinePainter.gateRows(trace);
    }

    @Override
    protected String emptyHint() {
        // An empty text: the diagram's slot above asks for a sentence, once for the window.
        return explorer.sentenceEmptyProperty().get() ? ""
                : cell.busyProperty().get() || !cell.hasModel() ? "Tracing …" : "";
    }

    @Override
    protected void paint(GraphicsContext g, Trace trace, double w, double h) {
        TimelinePainter.Painted painted = TimelinePainter.paint(new FxPainter(g), scene(trace),
                new TimelineAxis(viewport.columnWidth(), TimelineAxis.LEFT - viewport.xOf(0), viewport.firstVisible(), viewport.lastVisible()),
                w, h);
        paintedPlotHeight = painted.plotHeight();
        paintedReach = painted.reach();
    }

    /** What the timeline shows now, as one immutable scene for render.timeline's painter. */
    public TimelineScene scene(Trace trace) {
        int step = Math.min(explorer.getStep(), trace.length() - 1);
        Comparison other = comparison(trace);
        return new TimelineScene(trace, step, Math.min(cell.getPrimaryUnit(), trace.hidden() - 1), units(trace),
                cell.numberUnitsProperty().get(), plotted(trace), range, reachShown(trace),
                explorer.showReachProperty().get(), cell == explorer.primary() ? explorer.teaching().memoryAccount()
                : null, other == null ? null : new TimelineScene.Comparison(other.trace(), other.label()),
                cell.getClamped());
    }

    /** The reach drawn on this timeline: its cell's, when asked for and of this very trace. */
    private MemoryReach reachShown(Trace trace) {
        MemoryReach reach = explorer.reachProperty(cell).get();
        if (!explorer.showReachProperty().get() || reach == null
                || reach.memoryCell().length != trace.length()) {
            return null;
        }
        return reach;
    }

    /** A gradient norm on the reach row's log scale: 0 at {@link #REACH_FLOOR} or below, 1 at 1 or above. */
    public static double reachFraction(double norm) {
        return ReachChart.fraction(norm);
    }

}
