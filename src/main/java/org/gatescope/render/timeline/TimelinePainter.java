package org.gatescope.render.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.Trace;
import org.gatescope.engine.analysis.MemoryAccount;
import org.gatescope.engine.analysis.MemoryReach;
import org.gatescope.engine.intervention.ClampedTrace;
import org.gatescope.render.MemoryBand;
import org.gatescope.render.ReachChart;
import org.gatescope.render.ReachRow;
import org.gatescope.render.Theme;
import org.gatescope.render.draw.DrawFont;
import org.gatescope.render.draw.LineCap;
import org.gatescope.render.draw.LineJoin;
import org.gatescope.render.draw.Painter;
import org.gatescope.render.draw.Rgba;
import org.gatescope.render.draw.TextAlign;
import org.gatescope.render.draw.TextBaseline;

/**
 * Paints the memory-cell timeline, the lecture's picture: c&lt;t&gt; of the chosen units across the
 * sentence (tokens along the x axis, the current token marked), beneath it the primary unit's gates
 * per token as bars — Γu (write) and, for the LSTMs, Γf (keep) — and, when the scene has them, the
 * reach row and the memory band. Through a {@link Painter}: the window's canvas and the exports draw
 * the same picture. One instance per paint.
 */
public final class TimelinePainter {

    public static final double HEADER = 30;
    public static final double LABELS = 26;
    public static final double REACH_ROW = 48;
    /** The memory band: a caption line, then the kept/written bars with the survival line. */
    public static final double MEMORY_ROW = 62;
    /** The reach row's caption line above its bars, and the gap under them. */
    private static final double REACH_CAPTION = 14;
    private static final double REACH_BOTTOM_GAP = 4;
    /** Bars carry their numbers only in columns at least this wide. */
    private static final double MIN_NUMBERED_COLUMN = 40;
    /** The least height of the c&lt;t&gt; plot: three labelled ticks apart. */
    public static final double MIN_PLOT = 60;
    /** The gate bars' least row height: bars of 18 px, one line of labels. */
    public static final double MIN_GATE_ROW = 24;
    /** The gate bars' largest row height: bars with their numbers and two lines of labels. */
    private static final double MAX_GATE_ROW = 50;
    /** Under the plot, before the gate bars. */
    public static final double PLOT_GAP = 12;
    /** The vanilla RNN's one-line note where the gate bars would be. */
    public static final double RNN_NOTE = 30;

    private static final Rgba BACKGROUND = Rgba.of(Theme.SURFACE);
    private static final Rgba TEXT = Rgba.of(Theme.TEXT);
    private static final Rgba MUTED = Rgba.of(Theme.MUTED);
    private static final Rgba GRID = Rgba.of(Theme.GRID);
    private static final Rgba AXIS = Rgba.of(Theme.AXIS);
    private static final Rgba ACCENT = Rgba.of(Theme.ACCENT);
    private static final Rgba ACCENT_SOFT = ACCENT.fade(0.10);
    private static final Rgba DANGER = Rgba.of(Theme.DANGER);
    private static final Rgba TRACK = Rgba.of(Theme.TRACK);

    private static final DrawFont LABEL = DrawFont.plain(Theme.SCREEN_LABEL);
    private static final DrawFont LABEL_BOLD = DrawFont.bold(Theme.SCREEN_LABEL);
    private static final DrawFont SMALL = DrawFont.plain(Theme.SCREEN_SMALL);
    private static final DrawFont HEADING = DrawFont.bold(Theme.SCREEN_HEADING);
    private static final DrawFont SYMBOL = DrawFont.bold(Theme.SCREEN_SYMBOL);

    private final TimelineScene scene;
    private final TimelineAxis axis;
    private final double width;
    private final double range;

    /** What a paint drew: the c&lt;t&gt; plot's height, and whether the reach's bars were drawn. */
    public record Painted(double plotHeight, boolean reach) {
    }

    private TimelinePainter(TimelineScene scene, TimelineAxis axis, double width) {
        this.scene = scene;
        this.axis = axis;
        this.width = width;
        this.range = scene.range();
    }

    /** The gate rows the timeline draws for {@code trace}: Γu, and Γf for the LSTMs. */
    public static List<Quantity> gateRows(Trace trace) {
        List<Quantity> rows = new ArrayList<>(2);
        if (trace.has(Quantity.UPDATE_GATE)) {
            rows.add(Quantity.UPDATE_GATE);
        }
        if (trace.has(Quantity.FORGET_GATE)) {
            rows.add(Quantity.FORGET_GATE);
        }
        return rows;
    }

    /** The least height that shows {@code scene} readably. */
    public static double minHeight(TimelineScene scene) {
        Trace trace = scene.trace();
        boolean rnn = trace.cell() == CellKind.RNN;
        return HEADER + 8 + MIN_PLOT + PLOT_GAP + gateRows(trace).size() * MIN_GATE_ROW + (rnn ? RNN_NOTE : 0)
                + (scene.reachRow() ? REACH_ROW : 0) + (scene.memory() != null ? MEMORY_ROW : 0) + LABELS;
    }

    /**
     * Paints {@code scene} over whatever is there (the caller paints the background), a view {@code w} ×
     * {@code h} px with {@code axis}'s columns.
     */
    public static Painted paint(Painter g, TimelineScene scene, TimelineAxis axis, double w, double h) {
        return new TimelinePainter(scene, axis, w).paint(g, h);
    }

    private Painted paint(Painter g, double h) {
        Trace trace = scene.trace();
        double w = width;
        int step = Math.min(scene.step(), trace.length() - 1);
        int primary = Math.min(scene.primary(), trace.hidden() - 1);
        List<Quantity> gates = gateRows(trace);
        boolean rnn = trace.cell() == CellKind.RNN;

        MemoryReach reach = scene.reach() != null && scene.reach().memoryCell().length == trace.length()
                ? scene.reach() : null;
        double reachRow = scene.reachRow() || reach != null ? REACH_ROW : 0; // kept while the reach is computed
        MemoryAccount memory = scene.memory();
        double memoryRow = memory != null ? MEMORY_ROW : 0;
        TimelineScene.Comparison other = scene.comparison();
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
        double plotLeft = TimelineAxis.LEFT;
        double plotRight = w - TimelineAxis.RIGHT;
        int first = axis.firstVisible();
        int last = axis.lastVisible();
        double col = axis.columnWidth();

        // The plot first, then the margins painted over whatever spilled into them (cheaper to
        // render than clipping), then the margins' labels.
        double stepX = axis.xOf(step);
        if (stepX + col > plotLeft && stepX < plotRight) {
            g.setFill(ACCENT_SOFT);
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
        double cx = Math.round(axis.centreOf(step)) + 0.5;
        if (cx > plotLeft && cx < plotRight) {
            g.setStroke(ACCENT);
            g.setLineWidth(2);
            g.strokeLine(cx, plotTop - 4, cx, plotBottom + 4);
        }
        g.setFill(BACKGROUND);
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
            g.setFill(MUTED);
            g.setFont(LABEL);
            g.setTextAlign(TextAlign.LEFT);
            g.setTextBaseline(TextBaseline.MIDDLE);
            String note = "The vanilla RNN has no memory cell or gates: a<t> is all it carries from token to token.";
            double room = w - plotLeft - 18;
            g.fillText(g.textWidth(note, LABEL) <= room ? note
                    : g.fit("No memory cell, no gates: a<t> carries it all.", LABEL, room),
                    plotLeft + 6, gatesTop + 15);
        }
        if (reach != null) {
            drawReach(g, reach, first, last, h - LABELS - reachRow, plotLeft, plotRight);
        }
        drawTokenLabels(g, trace, first, last, h - LABELS, step, plotLeft, plotRight);
        return new Painted(plotBottom - plotTop, reach != null);
    }

    /**
     * The memory reach as a row of bars on a log scale ({@link ReachChart#FLOOR}..1): how strongly the
     * target's log-probability depends on each c&lt;t&gt;; the target position is outlined.
     */
    private void drawReach(Painter g, MemoryReach reach, int first, int last, double y, double left,
                           double right) {
        double col = axis.columnWidth();
        double barTop = y + REACH_CAPTION;
        double barHeight = REACH_ROW - REACH_CAPTION - REACH_BOTTOM_GAP;
        for (ReachRow.Bar bar : ReachRow.bars(reach, first, last, axis.xOf(0), col, barInset(col), barHeight)) {
            double x = bar.x();
            double bw = bar.width();
            double filled = bar.filled();
            g.setFill(TRACK);
            g.fillRect(x, barTop, bw, barHeight);
            g.setFill(ACCENT);
            g.fillRect(x, barTop + barHeight - filled, bw, filled);
            if (col >= MIN_NUMBERED_COLUMN && bar.value() != null) {
                g.setFont(SMALL);
                g.setTextAlign(TextAlign.CENTER);
                g.setTextBaseline(TextBaseline.MIDDLE);
                g.setFill(filled > barHeight * 0.7 ? Rgba.WHITE : TEXT);
                g.fillText(bar.value(), x + bw / 2, barTop + barHeight / 2);
            }
            if (bar.target()) {
                g.setStroke(DANGER);
                g.setLineWidth(2);
                g.strokeRect(x - 1, barTop - 1, bw + 2, barHeight + 2);
            }
        }
        // the margins, then the labels over them
        g.setFill(BACKGROUND);
        g.fillRect(0, y, left, REACH_ROW);
        g.fillRect(right, y, width - right, REACH_ROW);
        g.setFont(SMALL);
        g.setTextBaseline(TextBaseline.MIDDLE);
        g.setTextAlign(TextAlign.LEFT);
        g.setFill(MUTED);
        String target = reach.target();
        String reachOf = ReachRow.caption(reach, ReachChart.stateLabel(scene.trace()));
        String caption = reachOf + ", log scale";
        String full = caption + "; the outlined bar is the prediction of \u201C" + target + "\u201D";
        // a narrower column drops whole clauses, never cuts a word
        double room = width - left - 8;
        String shown = g.fit(reachOf, SMALL, room);
        for (String candidate : List.of(full, caption)) {
            if (g.textWidth(candidate, SMALL) <= room) {
                shown = candidate;
                break;
            }
        }
        g.fillText(shown, left + 4, y + REACH_CAPTION / 2);
        g.setFill(ACCENT);
        g.setFont(SYMBOL);
        g.fillText("reach", 10, barTop + barHeight / 2);
        g.setFont(SMALL);
        g.setFill(MUTED);
        g.fillText(ReachRow.TOP_LABEL, right + 8, barTop + 5);
        g.fillText(ReachRow.BOTTOM_LABEL, right + 8, barTop + barHeight - 5);
    }

    /** The gap on each side of a bar (reach, gates) within its column: none in narrow columns. */
    public static double barInset(double column) {
        return column >= 10 ? Math.min(6, column * 0.15) : 0;
    }

    private void drawHeader(Painter g, Trace trace, double w, TimelineScene.Comparison other) {
        boolean rnn = !trace.has(Quantity.MEMORY_CELL);
        boolean same = trace.cell().isGru();
        String title = rnn ? "Activation a<t> across the text"
                : same ? "Memory cell c<t> (= a<t> in a GRU) across the text" : "Memory cell c<t> across the text";
        List<Integer> units = scene.units();
        double legendWidth = 24.0 + units.size() * 150;
        if (g.textWidth(title, HEADING) + legendWidth > w - TimelineAxis.RIGHT) {
            title = rnn ? "a<t>" : same ? "c<t> = a<t>" : "Memory cell c<t>";
        }
        if (g.textWidth(title, HEADING) + legendWidth > w - TimelineAxis.RIGHT && !rnn && !same) {
            title = "c<t>"; // a compare column: room for the legend
        }
        g.setFont(HEADING);
        g.setFill(TEXT);
        g.setTextAlign(TextAlign.LEFT);
        g.setTextBaseline(TextBaseline.MIDDLE);
        g.fillText(title, 12, HEADER / 2 + 2);
        double titleEnd = 12 + g.textWidth(title, HEADING) + 16;
        // Legend: one swatch per unit, right-aligned, as many as fit beside the title.
        List<Integer> number = scene.numberUnits();
        double x = w - TimelineAxis.RIGHT;
        g.setFont(LABEL);
        g.setTextAlign(TextAlign.RIGHT);
        boolean dashed = scene.plotted().size() > 1;
        if (dashed) {
            g.setFill(MUTED);
            g.fillText("solid c<t>, dashed a<t>", x, HEADER / 2 + 2);
            x -= g.textWidth("solid c<t>, dashed a<t>", LABEL) + 18;
        }
        if (other != null) {
            g.setFill(DANGER);
            g.setFont(LABEL_BOLD);
            g.fillText(other.label(), x, HEADER / 2 + 2);
            x -= g.textWidth(other.label(), LABEL_BOLD) + 18;
            g.setFont(LABEL);
        }
        for (int i = units.size() - 1; i >= 0; i--) {
            int unit = units.get(i);
            String label = "unit " + unit + (number.contains(unit) ? " (number)" : "");
            if (x - g.textWidth(label, LABEL) - 30 < titleEnd) {
                break;
            }
            g.setFill(TEXT);
            g.fillText(label, x, HEADER / 2 + 2);
            x -= g.textWidth(label, LABEL) + 6;
            g.setStroke(Rgba.of(Theme.unitArgb(i)));
            g.setLineWidth(unit == scene.primary() ? 4 : 2.5);
            g.strokeLine(x - 16, HEADER / 2 + 2, x, HEADER / 2 + 2);
            x -= 30;
        }
        if (units.isEmpty()) {
            g.setFill(MUTED);
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

    private void drawGrid(Painter g, double top, double bottom, double left, double right) {
        g.setLineWidth(1);
        for (double v : ticks(top, bottom)) {
            double y = Math.round(yOf(v, top, bottom)) + 0.5;
            g.setStroke(v == 0 ? AXIS : GRID);
            g.strokeLine(left, y, right, y);
        }
    }

    private void drawAxisLabels(Painter g, double top, double bottom, double left, boolean rnn) {
        g.setFont(SMALL);
        g.setTextAlign(TextAlign.RIGHT);
        g.setTextBaseline(TextBaseline.MIDDLE);
        g.setFill(MUTED);
        for (double v : ticks(top, bottom)) {
            double y = Math.round(yOf(v, top, bottom)) + 0.5;
            g.fillText(v == 0 ? "0" : String.format(Locale.ROOT, "%+.1f", v).replace("-", "\u2212"), left - 6, y);
        }
        g.setFont(SYMBOL);
        g.setFill(TEXT);
        g.setTextAlign(TextAlign.LEFT);
        g.fillText(rnn ? "a<t>" : "c<t>", 10, (top + bottom) / 2);
    }

    private double yOf(double v, double top, double bottom) {
        double mid = (top + bottom) / 2;
        return mid - v / range * (bottom - top) / 2;
    }

    private void drawLines(Painter g, Trace trace, int first, int last, double top, double bottom,
                           int primary) {
        List<Integer> units = scene.units();
        List<Quantity> states = scene.plotted();
        int from = Math.max(0, first - 1);
        int to = Math.min(trace.length() - 1, last + 1);
        double col = axis.columnWidth();
        g.setLineCap(LineCap.ROUND);
        g.setLineJoin(LineJoin.ROUND);
        for (int s = states.size() - 1; s >= 0; s--) {
            Quantity q = states.get(s);
            // the primary unit last, on top
            List<Integer> order = new ArrayList<>(units);
            if (order.remove(Integer.valueOf(primary))) {
                order.add(primary);
            }
            for (int unit : order) {
                Rgba colour = Rgba.of(Theme.unitArgb(units.indexOf(unit)));
                boolean main = unit == primary;
                g.setStroke(colour);
                g.setLineWidth(main ? 3.5 : 2);
                g.setLineDashes(s > 0 ? new double[] {7, 5} : null);
                strokeLine(g, trace, q, unit, from, to, top, bottom);
                g.setLineDashes();
                if (col >= 14 && s == 0) {
                    double r = main ? 4.5 : 3.5;
                    g.setFill(colour);
                    for (int t = from; t <= to; t++) {
                        g.fillOval(axis.centreOf(t) - r, yOf(trace.value(q, t, unit), top, bottom) - r, 2 * r,
                                2 * r);
                    }
                }
            }
        }
    }

    /** Strokes {@code unit}'s {@code q} in {@code trace} from step {@code from} to {@code to} as one line, in the current style. */
    private void strokeLine(Painter g, Trace trace, Quantity q, int unit, int from, int to, double top, double bottom) {
        g.beginPath();
        for (int t = from; t <= to; t++) {
            double x = axis.centreOf(t);
            double y = yOf(trace.value(q, t, unit), top, bottom);
            if (t == from) {
                g.moveTo(x, y);
            } else {
                g.lineTo(x, y);
            }
        }
        g.stroke();
    }

    /** The other trace's c&lt;t&gt; (a&lt;t&gt; for the RNN) of the chosen units, dotted and fainter, under the shown lines. */
    private void drawComparisonLines(Painter g, Trace trace, Trace other, int first, int last, double top,
                                     double bottom, int primary) {
        List<Integer> units = scene.units();
        Quantity q = scene.plotted().get(0);
        int from = Math.max(0, first - 1);
        int to = Math.min(Math.min(trace.length(), other.length()) - 1, last + 1);
        g.setLineCap(LineCap.ROUND);
        g.setLineJoin(LineJoin.ROUND);
        g.setGlobalAlpha(0.75);
        for (int unit : units) {
            g.setStroke(Rgba.of(Theme.unitArgb(units.indexOf(unit))));
            g.setLineWidth(unit == primary ? 3 : 2);
            g.setLineDashes(2, 5);
            strokeLine(g, other, q, unit, from, to, top, bottom);
        }
        g.setLineDashes();
        g.setGlobalAlpha(1);
    }

    /** The other trace's gate value as a dark tick across each bar: where the gate was before it was clamped. */
    private void drawGateComparison(Painter g, Trace trace, Trace other, Quantity gate, int unit, int first,
                                    int last, double y, double rowHeight) {
        if (!other.has(gate)) {
            return;
        }
        double col = axis.columnWidth();
        double pad = barInset(col);
        double barTop = y + 3;
        double barHeight = rowHeight - 6;
        ClampedTrace clamped = scene.clamped();
        int to = Math.min(last, Math.min(trace.length(), other.length()) - 1);
        for (int t = first; t <= to; t++) {
            double before = other.value(gate, t, unit);
            double now = trace.value(gate, t, unit);
            double x = axis.xOf(t) + pad;
            double bw = Math.max(1, col - 2 * pad);
            boolean forced = clamped != null && clamped.after() == trace && clamped.clamps().clamps(gate, t, unit);
            if (forced) {
                g.setStroke(DANGER);
                g.setLineWidth(2);
                g.setLineDashes(4, 3);
                g.strokeRect(x - 1, barTop - 1, bw + 2, barHeight + 2);
                g.setLineDashes();
            }
            if (Math.abs(before - now) > 1e-3 || forced) {
                double ty = Math.round(barTop + barHeight - before * barHeight) + 0.5;
                g.setStroke(TEXT);
                g.setLineWidth(2);
                g.setLineDashes(3, 2);
                g.strokeLine(x, ty, x + bw, ty);
                g.setLineDashes();
            }
        }
    }

    /**
     * The memory band of the primary unit: per token a 100 % stacked bar, kept from c&lt;t-1&gt; below and
     * written above ({@link MemoryBand}), and the survival line of what was written at the picked token.
     */
    private void drawMemoryBars(Painter g, MemoryAccount memory, int unit, int first, int last, double y,
                                double left, double right) {
        double col = axis.columnWidth();
        double pad = barInset(col);
        double barTop = y + REACH_CAPTION;
        double barHeight = MEMORY_ROW - REACH_CAPTION - REACH_BOTTOM_GAP;
        for (int t = first; t <= last; t++) {
            double x = axis.xOf(t) + pad;
            double bw = Math.max(1, col - 2 * pad);
            g.setFill(TRACK);
            g.fillRect(x, barTop, bw, barHeight);
            double share = MemoryBand.keptShare(memory, t, unit);
            if (!Double.isNaN(share)) {
                double kept = share * barHeight;
                g.setFill(keep());
                g.fillRect(x, barTop + barHeight - kept, bw, kept);
                g.setFill(write());
                g.fillRect(x, barTop, bw, barHeight - kept);
            }
        }
        int from = memory.from();
        if (from <= last) {
            double[] survival = memory.survivals(unit);
            int start = Math.max(from, first - 1);
            int end = Math.min(memory.trace().length() - 1, last + 1);
            g.setLineCap(LineCap.ROUND);
            g.setLineJoin(LineJoin.ROUND);
            for (int pass = 0; pass < 2; pass++) {
                g.setStroke(pass == 0 ? BACKGROUND : DANGER);
                g.setLineWidth(pass == 0 ? 5 : 2.5);
                g.beginPath();
                for (int t = start; t <= end; t++) {
                    double px = axis.centreOf(t);
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
            g.setStroke(DANGER);
            g.setLineWidth(2);
            g.strokeRect(axis.xOf(from) + pad - 1, barTop - 1, Math.max(1, col - 2 * pad) + 2, barHeight + 2);
        }
    }

    private void drawMemoryLabels(Painter g, MemoryAccount memory, int unit, double y, double left,
                                  double right, double w) {
        double barTop = y + REACH_CAPTION;
        double barHeight = MEMORY_ROW - REACH_CAPTION - REACH_BOTTOM_GAP;
        g.setFill(BACKGROUND);
        g.fillRect(0, y, left, MEMORY_ROW);
        g.fillRect(right, y, w - right, MEMORY_ROW);
        String from = memory.trace().tokens().get(memory.from());
        String keep = memory.trace().cell().isLstm() ? "\u0393f\u2299c<t-1>" : "(1\u2212\u0393u)\u2299c<t-1>";
        String full = "unit " + unit + ": kept " + keep + " (below) vs written \u0393u\u2299c\u0303 (above);"
                + " red line: what is left of what was written at \u201C" + from + "\u201D";
        String shortText = "unit " + unit + ": kept vs written; red: left of \u201C" + from + "\u201D";
        g.setFont(SMALL);
        g.setTextBaseline(TextBaseline.MIDDLE);
        g.setTextAlign(TextAlign.LEFT);
        g.setFill(MUTED);
        double room = w - left - 8;
        g.fillText(g.textWidth(full, SMALL) <= room ? full : g.fit(shortText, SMALL, room), left + 4,
                y + REACH_CAPTION / 2);
        g.setFont(SYMBOL);
        g.setFill(keep());
        g.fillText("memory", 10, barTop + barHeight / 2);
        g.setFont(SMALL);
        g.setFill(write());
        g.fillText("written", right + 8, barTop + 6);
        g.setFill(keep());
        g.fillText("kept", right + 8, barTop + barHeight - 6);
        double end = memory.survival(memory.trace().length() - 1, unit);
        g.setFill(DANGER);
        g.fillText(String.format(Locale.ROOT, "left %.2f", end), right + 8, barTop + barHeight / 2);
    }

    /** The chosen units' values at the current token, in the right margin, in their colours. */
    private void drawCurrentValues(Painter g, Trace trace, int step, double top, double bottom,
                                   double right) {
        List<Integer> units = scene.units();
        Quantity q = scene.plotted().get(0);
        g.setFont(LABEL_BOLD);
        g.setTextAlign(TextAlign.LEFT);
        g.setTextBaseline(TextBaseline.MIDDLE);
        double y = top + 4;
        g.setFont(SMALL);
        g.setFill(MUTED);
        g.fillText("at step " + (step + 1), right + 8, y);
        y += 16;
        g.setFont(LABEL_BOLD);
        for (int i = 0; i < units.size() && y < bottom; i++) {
            g.setFill(Rgba.of(Theme.unitTextArgb(i))); // text: the unit's hue at AA contrast
            g.fillText(String.format(Locale.ROOT, "%+.2f", trace.value(q, step, units.get(i))).replace("-", "\u2212"),
                    right + 8, y);
            y += 18;
        }
    }

    private static Rgba gateColour(Quantity gate) {
        return gate == Quantity.UPDATE_GATE ? write() : keep();
    }

    private void drawGateBars(Painter g, Trace trace, Quantity gate, int unit, int first, int last, double y,
                              double rowHeight) {
        Rgba colour = gateColour(gate);
        double col = axis.columnWidth();
        double pad = barInset(col);
        double barTop = y + 3;
        double barHeight = rowHeight - 6;
        boolean numbers = col >= MIN_NUMBERED_COLUMN && barHeight >= 22;
        g.setFont(SMALL);
        g.setTextAlign(TextAlign.CENTER);
        g.setTextBaseline(TextBaseline.MIDDLE);
        for (int t = first; t <= last; t++) {
            double x = axis.xOf(t) + pad;
            double bw = Math.max(1, col - 2 * pad);
            double v = trace.value(gate, t, unit);
            g.setFill(TRACK);
            g.fillRect(x, barTop, bw, barHeight);
            g.setFill(colour);
            double filled = v * barHeight;
            g.fillRect(x, barTop + barHeight - filled, bw, filled);
            if (numbers) {
                boolean inside = v > 0.55;
                g.setFill(inside ? Rgba.WHITE : TEXT);
                double ty = inside ? barTop + barHeight - filled + 9 : barTop + barHeight - filled - 8;
                g.fillText(String.format(Locale.ROOT, "%.2f", v), x + bw / 2, ty);
            }
        }
    }

    private void drawGateLabels(Painter g, Quantity gate, int unit, double y, double rowHeight,
                                double right) {
        String role = gate == Quantity.UPDATE_GATE ? "write" : "keep";
        g.setTextAlign(TextAlign.LEFT);
        g.setTextBaseline(TextBaseline.MIDDLE);
        g.setFont(SYMBOL);
        g.setFill(gateColour(gate));
        boolean twoLines = rowHeight >= 40;
        g.fillText(gate.symbol(), 10, y + rowHeight / 2 - (twoLines ? 7 : 0));
        g.setFont(SMALL);
        g.setFill(MUTED);
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

    private void drawTokenLabels(Painter g, Trace trace, int first, int last, double y, int step,
                                 double left, double right) {
        double col = axis.columnWidth();
        g.setTextAlign(TextAlign.CENTER);
        g.setTextBaseline(TextBaseline.MIDDLE);
        int every = col >= 18 ? 1 : (int) Math.ceil(18 / col) * 2;
        // The current token's label may be wider than its column (narrow columns): a label whose
        // centre it covers is not drawn.
        double stepX = axis.centreOf(step);
        double pillHalf = 0;
        if (step >= first && step <= last) {
            String current = g.fit(trace.tokens().get(step), LABEL_BOLD, Math.max(col, 90));
            pillHalf = current.isEmpty() ? 0 : (g.textWidth(current, LABEL_BOLD) + 12) / 2;
        }
        for (int t = first; t <= last; t++) {
            boolean current = t == step;
            if (!current && t % every != 0) {
                continue;
            }
            double cx = axis.centreOf(t);
            if (cx < left || cx > right) {
                continue;
            }
            if (!current && Math.abs(cx - stepX) < pillHalf + 3) {
                continue;
            }
            DrawFont font = current ? LABEL_BOLD : LABEL;
            String label = g.fit(trace.tokens().get(t), font, current ? Math.max(col, 90) : col * every - 4);
            if (label.isEmpty()) {
                continue;
            }
            if (current) {
                double lw = g.textWidth(label, font) + 12;
                g.setFill(ACCENT);
                g.fillRoundRect(cx - lw / 2, y + 3, lw, LABELS - 6, 8, 8);
                g.setFill(Rgba.WHITE);
            } else {
                g.setFill(trace.isUnknown(t) ? DANGER : TEXT);
            }
            g.setFont(font);
            g.fillText(label, cx, y + LABELS / 2);
        }
    }


    /** Γf's keep colour, read as each picture is painted: the palette (View menu, --palette) changes it. */
    private static Rgba keep() {
        return Rgba.of(Theme.KEEP);
    }

    /** Γu's write colour, read as each picture is painted, as {@link #keep()}. */
    private static Rgba write() {
        return Rgba.of(Theme.WRITE);
    }
}
