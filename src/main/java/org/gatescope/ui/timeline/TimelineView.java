package org.gatescope.ui.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.InvalidationListener;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.Trace;
import org.gatescope.engine.analysis.MemoryAccount;
import org.gatescope.engine.analysis.MemoryReach;
import org.gatescope.engine.intervention.ClampedTrace;
import org.gatescope.engine.intervention.Counterfactual;
import org.gatescope.render.MemoryBand;
import org.gatescope.render.ReachChart;
import org.gatescope.render.ReachRow;
import org.gatescope.ui.canvas.CanvasTheme;
import org.gatescope.ui.canvas.TextWidths;
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
    private static final double HEADER = 30;
    private static final double LABELS = 26;
    private static final double REACH_ROW = 48;
    /** The memory band: a caption line, then the kept/written bars with the survival line. */
    private static final double MEMORY_ROW = 62;
    /** The reach row's caption line above its bars, and the gap under them. */
    private static final double REACH_CAPTION = 14;
    private static final double REACH_BOTTOM_GAP = 4;
    /** Bars carry their numbers only in columns at least this wide. */
    private static final double MIN_NUMBERED_COLUMN = 40;
    /**
     * The least height of the c&lt;t&gt; plot, whatever the window: three labelled ticks apart. The
     * view's minimum height keeps it, with the gate bars and the reach row; a short window scrolls.
     */
    static final double MIN_PLOT = 60;
    /** The gate bars' least row height: bars of 18 px, one line of labels. */
    private static final double MIN_GATE_ROW = 24;
    /** The gate bars' largest row height: bars with their numbers and two lines of labels. */
    private static final double MAX_GATE_ROW = 50;
    /** Under the plot, before the gate bars. */
    private static final double PLOT_GAP = 12;
    /** The vanilla RNN's one-line note where the gate bars would be. */
    private static final double RNN_NOTE = 30;
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
        List<Quantity> states = new ArrayList<>(2);
        states.add(trace.has(Quantity.MEMORY_CELL) ? Quantity.MEMORY_CELL : Quantity.ACTIVATION);
        if (explorer.showActivationProperty().get() && trace.cell().hasSeparateMemoryCell()) {
            states.add(Quantity.ACTIVATION);
        }
        return states;
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
        List<Quantity> rows = new ArrayList<>(2);
        if (trace.has(Quantity.UPDATE_GATE)) {
            rows.add(Quantity.UPDATE_GATE);
        }
        if (trace.has(Quantity.FORGET_GATE)) {
            rows.add(Quantity.FORGET_GATE);
        }
        return rows;
    }

    @Override
    protected String emptyHint() {
        // An empty text: the diagram's slot above asks for a sentence, once for the window.
        return explorer.sentenceEmptyProperty().get() ? ""
                : cell.busyProperty().get() || !cell.hasModel() ? "Tracing …" : "";
    }

    @Override
    protected void paint(GraphicsContext g, Trace trace, double w, double h) {
        int step = Math.min(explorer.getStep(), trace.length() - 1);
        int primary = Math.min(cell.getPrimaryUnit(), trace.hidden() - 1);
        List<Quantity> gates = gateRows(trace);
        boolean rnn = trace.cell() == CellKind.RNN;

        MemoryReach reach = reachShown(trace);
        double reachRow = explorer.showReachProperty().get() ? REACH_ROW : 0; // kept while the reach is computed
        MemoryAccount memory = cell == explorer.primary() ? explorer.teaching().memoryAccount() : null;
        double memoryRow = memoryRow();
        Comparison other = comparison(trace);
        double plotTop = HEADER + 8;
        double below = h - LABELS - (rnn ? RNN_NOTE : 0); // where the token labels (or the RNN's note) begin
        // The gate bars take a fifth of the height, but never the plot's least height.
        double gateRow = MAX_GATE_ROW;
        if (!gates.isEmpty()) {
            double spare = (below - reachRow - memoryRow - PLOT_GAP - plotTop - MIN_PLOT) / gates.size();
            gateRow = Math.max(MIN_GATE_ROW, Math.min(Math.min(MAX_GATE_ROW, (h - HEADER - LABELS) * 0.2), spare));
        }
        double gatesTop = below - gates.size() * gateRow - reachRow - memoryRow;
        double plotBottom = gatesTop - PLOT_GAP;
        paintedPlotHeight = plotBottom - plotTop;
        paintedReach = reach != null;
        double plotLeft = TokenViewport.LEFT;
        double plotRight = w - TokenViewport.RIGHT;
        int first = viewport.firstVisible();
        int last = viewport.lastVisible();
        double col = viewport.columnWidth();

        // The plot first, then the margins painted over whatever spilled into them (cheaper to
        // render than clipping), then the margins' labels.
        double stepX = viewport.xOf(step);
        if (stepX + col > plotLeft && stepX < plotRight) {
            g.setFill(CanvasTheme.ACCENT_SOFT);
            g.fillRect(stepX, plotTop - 4, col, h - plotTop + 4);
        }
        drawGrid(g, plotTop, plotBottom, plotLeft, plotRight);
        if (other != null) {
            drawComparisonLines(g, trace, other.trace(), first, last, plotTop, plotBottom, primary);
        }
        drawLines(g, trace, first, last, plotTop, plotBottom, primary);
        double y = gatesTop;
        for (Quantity gate : gates) {
            drawGateBars(g, trace, gate, primary, first, last, y, gateRow);
            if (other != null) {
                drawGateComparison(g, trace, other.trace(), gate, primary, first, last, y, gateRow);
            }
            y += gateRow;
        }
        if (memory != null) {
            drawMemoryBars(g, memory, primary, first, last, y, plotLeft, plotRight);
        }
        double cx = Math.round(viewport.centreOf(step)) + 0.5;
        if (cx > plotLeft && cx < plotRight) {
            g.setStroke(CanvasTheme.ACCENT);
            g.setLineWidth(2);
            g.strokeLine(cx, plotTop - 4, cx, plotBottom + 4);
        }
        g.setFill(CanvasTheme.BACKGROUND);
        g.fillRect(0, plotTop - 8, plotLeft, h - plotTop + 8);
        g.fillRect(plotRight, plotTop - 8, w - plotRight, h - plotTop + 8);

        drawHeader(g, trace, w, other);
        if (memory != null) {
            drawMemoryLabels(g, memory, primary, y, plotLeft, plotRight, w);
        }
        drawAxisLabels(g, plotTop, plotBottom, plotLeft, rnn);
        drawCurrentValues(g, trace, step, plotTop, plotBottom, plotRight);
        y = gatesTop;
        for (Quantity gate : gates) {
            drawGateLabels(g, gate, primary, y, gateRow, plotRight);
            y += gateRow;
        }
        if (rnn) {
            g.setFill(CanvasTheme.MUTED);
            g.setFont(CanvasTheme.LABEL);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.CENTER);
            String note = "The vanilla RNN has no memory cell or gates: a<t> is all it carries from token to token.";
            double room = w - plotLeft - 18;
            g.fillText(width(note, CanvasTheme.LABEL) <= room ? note
                    : fit("No memory cell, no gates: a<t> carries it all.", CanvasTheme.LABEL, room),
                    plotLeft + 6, gatesTop + 15);
        }
        if (reach != null) {
            drawReach(g, reach, first, last, h - LABELS - reachRow, plotLeft, plotRight);
        }
        drawTokenLabels(g, trace, first, last, h - LABELS, step, plotLeft, plotRight);
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

    /**
     * The memory reach as a row of bars on a log scale ({@link #REACH_FLOOR}..1): how strongly the
     * target's log-probability depends on each c&lt;t&gt;; the target position is outlined.
     */
    private void drawReach(GraphicsContext g, MemoryReach reach, int first, int last, double y, double left,
                           double right) {
        double col = viewport.columnWidth();
        double barTop = y + REACH_CAPTION;
        double barHeight = REACH_ROW - REACH_CAPTION - REACH_BOTTOM_GAP;
        for (ReachRow.Bar bar : ReachRow.bars(reach, first, last, viewport.xOf(0), col, barInset(col), barHeight)) {
            double x = bar.x();
            double bw = bar.width();
            double filled = bar.filled();
            g.setFill(CanvasTheme.TRACK);
            g.fillRect(x, barTop, bw, barHeight);
            g.setFill(CanvasTheme.ACCENT);
            g.fillRect(x, barTop + barHeight - filled, bw, filled);
            if (col >= MIN_NUMBERED_COLUMN && bar.value() != null) {
                g.setFont(CanvasTheme.SMALL);
                g.setTextAlign(TextAlignment.CENTER);
                g.setTextBaseline(VPos.CENTER);
                g.setFill(filled > barHeight * 0.7 ? Color.WHITE : CanvasTheme.TEXT);
                g.fillText(bar.value(), x + bw / 2, barTop + barHeight / 2);
            }
            if (bar.target()) {
                g.setStroke(CanvasTheme.DANGER);
                g.setLineWidth(2);
                g.strokeRect(x - 1, barTop - 1, bw + 2, barHeight + 2);
            }
        }
        // the margins, then the labels over them
        g.setFill(CanvasTheme.BACKGROUND);
        g.fillRect(0, y, left, REACH_ROW);
        g.fillRect(right, y, getWidth() - right, REACH_ROW);
        g.setFont(CanvasTheme.SMALL);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(CanvasTheme.MUTED);
        String target = reach.target();
        String reachOf = ReachRow.caption(reach, ReachChart.stateLabel(cell.getTrace()));
        String caption = reachOf + ", log scale";
        String full = caption + "; the outlined bar is the prediction of \u201C" + target + "\u201D";
        // a narrower column drops whole clauses, never cuts a word
        double room = getWidth() - left - 8;
        String shown = fit(reachOf, CanvasTheme.SMALL, room);
        for (String candidate : List.of(full, caption)) {
            if (width(candidate, CanvasTheme.SMALL) <= room) {
                shown = candidate;
                break;
            }
        }
        g.fillText(shown, left + 4, y + REACH_CAPTION / 2);
        g.setFill(CanvasTheme.ACCENT);
        g.setFont(CanvasTheme.SYMBOL);
        g.fillText("reach", 10, barTop + barHeight / 2);
        g.setFont(CanvasTheme.SMALL);
        g.setFill(CanvasTheme.MUTED);
        g.fillText(ReachRow.TOP_LABEL, right + 8, barTop + 5);
        g.fillText(ReachRow.BOTTOM_LABEL, right + 8, barTop + barHeight - 5);
    }

    /** The gap on each side of a bar (reach, gates) within its column: none in narrow columns. */
    private static double barInset(double column) {
        return column >= 10 ? Math.min(6, column * 0.15) : 0;
    }

    /** A gradient norm on the reach row's log scale: 0 at {@link #REACH_FLOOR} or below, 1 at 1 or above. */
    public static double reachFraction(double norm) {
        return ReachChart.fraction(norm);
    }

    private void drawHeader(GraphicsContext g, Trace trace, double w, Comparison other) {
        boolean rnn = !trace.has(Quantity.MEMORY_CELL);
        boolean same = trace.cell().isGru();
        String title = rnn ? "Activation a<t> across the text"
                : same ? "Memory cell c<t> (= a<t> in a GRU) across the text" : "Memory cell c<t> across the text";
        List<Integer> units = units(trace);
        double legendWidth = 24.0 + units.size() * 150;
        if (width(title, CanvasTheme.HEADING) + legendWidth > w - TokenViewport.RIGHT) {
            title = rnn ? "a<t>" : same ? "c<t> = a<t>" : "Memory cell c<t>";
        }
        if (width(title, CanvasTheme.HEADING) + legendWidth > w - TokenViewport.RIGHT && !rnn && !same) {
            title = "c<t>"; // a compare column: room for the legend
        }
        g.setFont(CanvasTheme.HEADING);
        g.setFill(CanvasTheme.TEXT);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(title, 12, HEADER / 2 + 2);
        double titleEnd = 12 + width(title, CanvasTheme.HEADING) + 16;
        // Legend: one swatch per unit, right-aligned, as many as fit beside the title.
        List<Integer> number = cell.numberUnitsProperty().get();
        double x = w - TokenViewport.RIGHT;
        g.setFont(CanvasTheme.LABEL);
        g.setTextAlign(TextAlignment.RIGHT);
        boolean dashed = plotted(trace).size() > 1;
        if (dashed) {
            g.setFill(CanvasTheme.MUTED);
            g.fillText("solid c<t>, dashed a<t>", x, HEADER / 2 + 2);
            x -= width("solid c<t>, dashed a<t>", CanvasTheme.LABEL) + 18;
        }
        if (other != null) {
            g.setFill(CanvasTheme.DANGER);
            g.setFont(CanvasTheme.LABEL_BOLD);
            g.fillText(other.label(), x, HEADER / 2 + 2);
            x -= width(other.label(), CanvasTheme.LABEL_BOLD) + 18;
            g.setFont(CanvasTheme.LABEL);
        }
        for (int i = units.size() - 1; i >= 0; i--) {
            int unit = units.get(i);
            String label = "unit " + unit + (number.contains(unit) ? " (number)" : "");
            if (x - width(label, CanvasTheme.LABEL) - 30 < titleEnd) {
                break;
            }
            g.setFill(CanvasTheme.TEXT);
            g.fillText(label, x, HEADER / 2 + 2);
            x -= width(label, CanvasTheme.LABEL) + 6;
            g.setStroke(CanvasTheme.unitColor(i));
            g.setLineWidth(unit == cell.getPrimaryUnit() ? 4 : 2.5);
            g.strokeLine(x - 16, HEADER / 2 + 2, x, HEADER / 2 + 2);
            x -= 30;
        }
        if (units.isEmpty()) {
            g.setFill(CanvasTheme.MUTED);
            g.fillText("no unit chosen: tick units in the list on the right", x, HEADER / 2 + 2);
        }
    }

    private double[] ticks(double top, double bottom) {
        boolean roomy = bottom - top >= 110;
        if (range > 1) {
            return roomy ? new double[] {range, 1, 0, -1, -range} : new double[] {range, 0, -range};
        }
        return roomy ? new double[] {1, 0.5, 0, -0.5, -1} : new double[] {1, 0, -1};
    }

    private void drawGrid(GraphicsContext g, double top, double bottom, double left, double right) {
        g.setLineWidth(1);
        for (double v : ticks(top, bottom)) {
            double y = Math.round(yOf(v, top, bottom)) + 0.5;
            g.setStroke(v == 0 ? CanvasTheme.AXIS : CanvasTheme.GRID);
            g.strokeLine(left, y, right, y);
        }
    }

    private void drawAxisLabels(GraphicsContext g, double top, double bottom, double left, boolean rnn) {
        g.setFont(CanvasTheme.SMALL);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(CanvasTheme.MUTED);
        for (double v : ticks(top, bottom)) {
            double y = Math.round(yOf(v, top, bottom)) + 0.5;
            g.fillText(v == 0 ? "0" : String.format(Locale.ROOT, "%+.1f", v).replace("-", "\u2212"), left - 6, y);
        }
        g.setFont(CanvasTheme.SYMBOL);
        g.setFill(CanvasTheme.TEXT);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(rnn ? "a<t>" : "c<t>", 10, (top + bottom) / 2);
    }

    private double yOf(double v, double top, double bottom) {
        double mid = (top + bottom) / 2;
        return mid - v / range * (bottom - top) / 2;
    }

    private void drawLines(GraphicsContext g, Trace trace, int first, int last, double top, double bottom,
                           int primary) {
        List<Integer> units = units(trace);
        List<Quantity> states = plotted(trace);
        int from = Math.max(0, first - 1);
        int to = Math.min(trace.length() - 1, last + 1);
        double col = viewport.columnWidth();
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        for (int s = states.size() - 1; s >= 0; s--) {
            Quantity q = states.get(s);
            // the primary unit last, on top
            List<Integer> order = new ArrayList<>(units);
            if (order.remove(Integer.valueOf(primary))) {
                order.add(primary);
            }
            for (int unit : order) {
                Color colour = CanvasTheme.unitColor(units.indexOf(unit));
                boolean main = unit == primary;
                g.setStroke(colour);
                g.setLineWidth(main ? 3.5 : 2);
                g.setLineDashes(s > 0 ? new double[] {7, 5} : null);
                g.beginPath();
                for (int t = from; t <= to; t++) {
                    double x = viewport.centreOf(t);
                    double y = yOf(trace.value(q, t, unit), top, bottom);
                    if (t == from) {
                        g.moveTo(x, y);
                    } else {
                        g.lineTo(x, y);
                    }
                }
                g.stroke();
                g.setLineDashes(null);
                if (col >= 14 && s == 0) {
                    double r = main ? 4.5 : 3.5;
                    g.setFill(colour);
                    for (int t = from; t <= to; t++) {
                        g.fillOval(viewport.centreOf(t) - r, yOf(trace.value(q, t, unit), top, bottom) - r, 2 * r,
                                2 * r);
                    }
                }
            }
        }
    }

    /** The other trace's c&lt;t&gt; (a&lt;t&gt; for the RNN) of the chosen units, dotted and fainter, under the shown lines. */
    private void drawComparisonLines(GraphicsContext g, Trace trace, Trace other, int first, int last, double top,
                                     double bottom, int primary) {
        List<Integer> units = units(trace);
        Quantity q = plotted(trace).get(0);
        int from = Math.max(0, first - 1);
        int to = Math.min(Math.min(trace.length(), other.length()) - 1, last + 1);
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        g.setGlobalAlpha(0.75);
        for (int unit : units) {
            g.setStroke(CanvasTheme.unitColor(units.indexOf(unit)));
            g.setLineWidth(unit == primary ? 3 : 2);
            g.setLineDashes(2, 5);
            g.beginPath();
            for (int t = from; t <= to; t++) {
                double x = viewport.centreOf(t);
                double y = yOf(other.value(q, t, unit), top, bottom);
                if (t == from) {
                    g.moveTo(x, y);
                } else {
                    g.lineTo(x, y);
                }
            }
            g.stroke();
        }
        g.setLineDashes(null);
        g.setGlobalAlpha(1);
    }

    /** The other trace's gate value as a dark tick across each bar: where the gate was before it was clamped. */
    private void drawGateComparison(GraphicsContext g, Trace trace, Trace other, Quantity gate, int unit, int first,
                                    int last, double y, double rowHeight) {
        if (!other.has(gate)) {
            return;
        }
        double col = viewport.columnWidth();
        double pad = barInset(col);
        double barTop = y + 3;
        double barHeight = rowHeight - 6;
        ClampedTrace clamped = cell.getClamped();
        int to = Math.min(last, Math.min(trace.length(), other.length()) - 1);
        for (int t = first; t <= to; t++) {
            double before = other.value(gate, t, unit);
            double now = trace.value(gate, t, unit);
            double x = viewport.xOf(t) + pad;
            double bw = Math.max(1, col - 2 * pad);
            boolean forced = clamped != null && clamped.after() == trace && clamped.clamps().clamps(gate, t, unit);
            if (forced) {
                g.setStroke(CanvasTheme.DANGER);
                g.setLineWidth(2);
                g.setLineDashes(4, 3);
                g.strokeRect(x - 1, barTop - 1, bw + 2, barHeight + 2);
                g.setLineDashes(null);
            }
            if (Math.abs(before - now) > 1e-3 || forced) {
                double ty = Math.round(barTop + barHeight - before * barHeight) + 0.5;
                g.setStroke(CanvasTheme.TEXT);
                g.setLineWidth(2);
                g.setLineDashes(3, 2);
                g.strokeLine(x, ty, x + bw, ty);
                g.setLineDashes(null);
            }
        }
    }

    /**
     * The memory band of the primary unit: per token a 100 % stacked bar, kept from c&lt;t-1&gt; below and
     * written above ({@link MemoryBand}), and the survival line of what was written at the picked token.
     */
    private void drawMemoryBars(GraphicsContext g, MemoryAccount memory, int unit, int first, int last, double y,
                                double left, double right) {
        double col = viewport.columnWidth();
        double pad = barInset(col);
        double barTop = y + REACH_CAPTION;
        double barHeight = MEMORY_ROW - REACH_CAPTION - REACH_BOTTOM_GAP;
        for (int t = first; t <= last; t++) {
            double x = viewport.xOf(t) + pad;
            double bw = Math.max(1, col - 2 * pad);
            g.setFill(CanvasTheme.TRACK);
            g.fillRect(x, barTop, bw, barHeight);
            double share = MemoryBand.keptShare(memory, t, unit);
            if (!Double.isNaN(share)) {
                double kept = share * barHeight;
                g.setFill(CanvasTheme.KEEP);
                g.fillRect(x, barTop + barHeight - kept, bw, kept);
                g.setFill(CanvasTheme.WRITE);
                g.fillRect(x, barTop, bw, barHeight - kept);
            }
        }
        int from = memory.from();
        if (from <= last) {
            double[] survival = memory.survivals(unit);
            int start = Math.max(from, first - 1);
            int end = Math.min(memory.trace().length() - 1, last + 1);
            g.setLineCap(StrokeLineCap.ROUND);
            g.setLineJoin(StrokeLineJoin.ROUND);
            for (int pass = 0; pass < 2; pass++) {
                g.setStroke(pass == 0 ? CanvasTheme.BACKGROUND : CanvasTheme.DANGER);
                g.setLineWidth(pass == 0 ? 5 : 2.5);
                g.beginPath();
                for (int t = start; t <= end; t++) {
                    double px = viewport.centreOf(t);
                    double py = barTop + barHeight - survival[t] * barHeight;
                    if (t == start) {
                        g.moveTo(px, py);
                    } else {
                        g.lineTo(px, py);
                    }
                }
                g.stroke();
            }
        }
        if (from >= first && from <= last) {
            g.setStroke(CanvasTheme.DANGER);
            g.setLineWidth(2);
            g.strokeRect(viewport.xOf(from) + pad - 1, barTop - 1, Math.max(1, col - 2 * pad) + 2, barHeight + 2);
        }
    }

    private void drawMemoryLabels(GraphicsContext g, MemoryAccount memory, int unit, double y, double left,
                                  double right, double w) {
        double barTop = y + REACH_CAPTION;
        double barHeight = MEMORY_ROW - REACH_CAPTION - REACH_BOTTOM_GAP;
        g.setFill(CanvasTheme.BACKGROUND);
        g.fillRect(0, y, left, MEMORY_ROW);
        g.fillRect(right, y, w - right, MEMORY_ROW);
        String from = memory.trace().tokens().get(memory.from());
        String keep = memory.trace().cell().isLstm() ? "\u0393f\u2299c<t-1>" : "(1\u2212\u0393u)\u2299c<t-1>";
        String full = "unit " + unit + ": kept " + keep + " (below) vs written \u0393u\u2299c\u0303 (above);"
                + " red line: what is left of what was written at \u201C" + from + "\u201D";
        String shortText = "unit " + unit + ": kept vs written; red: left of \u201C" + from + "\u201D";
        g.setFont(CanvasTheme.SMALL);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(CanvasTheme.MUTED);
        double room = w - left - 8;
        g.fillText(width(full, CanvasTheme.SMALL) <= room ? full : fit(shortText, CanvasTheme.SMALL, room), left + 4,
                y + REACH_CAPTION / 2);
        g.setFont(CanvasTheme.SYMBOL);
        g.setFill(CanvasTheme.KEEP);
        g.fillText("memory", 10, barTop + barHeight / 2);
        g.setFont(CanvasTheme.SMALL);
        g.setFill(CanvasTheme.WRITE);
        g.fillText("written", right + 8, barTop + 6);
        g.setFill(CanvasTheme.KEEP);
        g.fillText("kept", right + 8, barTop + barHeight - 6);
        double end = memory.survival(memory.trace().length() - 1, unit);
        g.setFill(CanvasTheme.DANGER);
        g.fillText(String.format(Locale.ROOT, "left %.2f", end), right + 8, barTop + barHeight / 2);
    }

    /** The chosen units' values at the current token, in the right margin, in their colours. */
    private void drawCurrentValues(GraphicsContext g, Trace trace, int step, double top, double bottom,
                                   double right) {
        List<Integer> units = units(trace);
        Quantity q = plotted(trace).get(0);
        g.setFont(CanvasTheme.LABEL_BOLD);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        double y = top + 4;
        g.setFont(CanvasTheme.SMALL);
        g.setFill(CanvasTheme.MUTED);
        g.fillText("at step " + (step + 1), right + 8, y);
        y += 16;
        g.setFont(CanvasTheme.LABEL_BOLD);
        for (int i = 0; i < units.size() && y < bottom; i++) {
            g.setFill(CanvasTheme.unitTextColor(i)); // text: the unit's hue at AA contrast
            g.fillText(String.format(Locale.ROOT, "%+.2f", trace.value(q, step, units.get(i))).replace("-", "\u2212"),
                    right + 8, y);
            y += 18;
        }
    }

    private static Color gateColour(Quantity gate) {
        return gate == Quantity.UPDATE_GATE ? CanvasTheme.WRITE : CanvasTheme.KEEP;
    }

    private void drawGateBars(GraphicsContext g, Trace trace, Quantity gate, int unit, int first, int last, double y,
                              double rowHeight) {
        Color colour = gateColour(gate);
        double col = viewport.columnWidth();
        double pad = barInset(col);
        double barTop = y + 3;
        double barHeight = rowHeight - 6;
        boolean numbers = col >= MIN_NUMBERED_COLUMN && barHeight >= 22;
        g.setFont(CanvasTheme.SMALL);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (int t = first; t <= last; t++) {
            double x = viewport.xOf(t) + pad;
            double bw = Math.max(1, col - 2 * pad);
            double v = trace.value(gate, t, unit);
            g.setFill(CanvasTheme.TRACK);
            g.fillRect(x, barTop, bw, barHeight);
            g.setFill(colour);
            double filled = v * barHeight;
            g.fillRect(x, barTop + barHeight - filled, bw, filled);
            if (numbers) {
                boolean inside = v > 0.55;
                g.setFill(inside ? Color.WHITE : CanvasTheme.TEXT);
                double ty = inside ? barTop + barHeight - filled + 9 : barTop + barHeight - filled - 8;
                g.fillText(String.format(Locale.ROOT, "%.2f", v), x + bw / 2, ty);
            }
        }
    }

    private void drawGateLabels(GraphicsContext g, Quantity gate, int unit, double y, double rowHeight,
                                double right) {
        String role = gate == Quantity.UPDATE_GATE ? "write" : "keep";
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setFont(CanvasTheme.SYMBOL);
        g.setFill(gateColour(gate));
        boolean twoLines = rowHeight >= 40;
        g.fillText(gate.symbol(), 10, y + rowHeight / 2 - (twoLines ? 7 : 0));
        g.setFont(CanvasTheme.SMALL);
        g.setFill(CanvasTheme.MUTED);
        if (twoLines) {
            g.fillText(role + " \u00B7 unit " + unit, 10, y + rowHeight / 2 + 11);
        } else {
            g.fillText(role, 40, y + rowHeight / 2 + 1);
        }
        // the scale at the right: 1 = open, 0 = shut
        double barTop = y + 3;
        double barHeight = rowHeight - 6;
        if (barHeight >= 34) {
            g.fillText("1 open", right + 8, barTop + 6);
            g.fillText("0 shut", right + 8, barTop + barHeight - 6);
        } else {
            g.fillText("0 \u2026 1", right + 8, barTop + barHeight / 2);
        }
    }

    private void drawTokenLabels(GraphicsContext g, Trace trace, int first, int last, double y, int step,
                                 double left, double right) {
        double col = viewport.columnWidth();
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        int every = col >= 18 ? 1 : (int) Math.ceil(18 / col) * 2;
        // The current token's label may be wider than its column (narrow columns): a label whose
        // centre it covers is not drawn.
        double stepX = viewport.centreOf(step);
        double pillHalf = 0;
        if (step >= first && step <= last) {
            String current = fit(trace.tokens().get(step), CanvasTheme.LABEL_BOLD, Math.max(col, 90));
            pillHalf = current.isEmpty() ? 0 : (width(current, CanvasTheme.LABEL_BOLD) + 12) / 2;
        }
        for (int t = first; t <= last; t++) {
            boolean current = t == step;
            if (!current && t % every != 0) {
                continue;
            }
            double cx = viewport.centreOf(t);
            if (cx < left || cx > right) {
                continue;
            }
            if (!current && Math.abs(cx - stepX) < pillHalf + 3) {
                continue;
            }
            Font font = current ? CanvasTheme.LABEL_BOLD : CanvasTheme.LABEL;
            String label = fit(trace.tokens().get(t), font, current ? Math.max(col, 90) : col * every - 4);
            if (label.isEmpty()) {
                continue;
            }
            if (current) {
                double lw = width(label, font) + 12;
                g.setFill(CanvasTheme.ACCENT);
                g.fillRoundRect(cx - lw / 2, y + 3, lw, LABELS - 6, 8, 8);
                g.setFill(Color.WHITE);
            } else {
                g.setFill(trace.isUnknown(t) ? CanvasTheme.DANGER : CanvasTheme.TEXT);
            }
            g.setFont(font);
            g.fillText(label, cx, y + LABELS / 2);
        }
    }

    private static String fit(String text, Font font, double maxWidth) {
        return TextWidths.fit(text, font, maxWidth);
    }

    private static double width(String text, Font font) {
        return TextWidths.of(text, font);
    }
}
