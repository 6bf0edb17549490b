package org.gatescope.ui.explorer;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.ScrollEvent;
import javafx.scene.text.TextAlignment;
import org.gatescope.engine.Trace;
import org.gatescope.ui.canvas.CanvasTheme;
import org.gatescope.ui.canvas.CanvasView;

/**
 * A canvas view of one cell's trace along a shared {@link TokenViewport} (the timeline, the
 * heatmaps): what both do alike, written once. It follows the trace (the axis's token count),
 * the current token (scrolled into view) and the primary unit; keeps the current token in view
 * when the plot narrows; zooms with Ctrl + wheel and scrolls the tokens with the wheel; lays out
 * the horizontal scroll bar under the plot. Its listeners on the view models are attached only
 * while it is in a scene ({@link #whileShowing}).
 */
public abstract class TokenAxisView extends CanvasView {

    /** The horizontal scroll bar's height. */
    protected static final double SCROLL_BAR = 14;
    /** Texts up to this many tokens get columns as wide as their widest label. */
    private static final int MEASURED_TOKENS = 400;
    /** The gap between two neighbouring token labels. */
    private static final double LABEL_PADDING = 14;
    /** How much one notch of Ctrl + wheel zooms the columns. */
    private static final double ZOOM_STEP = 1.25;

    protected final ExplorerViewModel explorer;
    protected final CellViewModel cell;
    protected final TokenViewport viewport;
    /** The current token when the view left the scene, or -1 while it is in one. */
    private int stepWhenHidden = -1;
    /** What the last paint drew. */
    private Painted painted = new Painted(null, -1);

    protected TokenAxisView(ExplorerViewModel explorer, CellViewModel cell, TokenViewport viewport, Size size) {
        super(size);
        this.explorer = explorer;
        this.cell = cell;
        this.viewport = viewport;
        whileShowing(cell.traceProperty(), o -> followTrace());
        whileShowing(cell.primaryUnitProperty(), o -> requestRepaint());
        whileShowing(explorer.sentenceEmptyProperty(), o -> requestRepaint());
        whileShowing(explorer.stepProperty(), o -> {
            viewport.ensureVisible(explorer.getStep());
            requestRepaint();
        });
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                stepWhenHidden = explorer.getStep();
            }
        });
    }

    /** Catches up with what changed while the view was out of the scene. */
    @Override
    protected void shown() {
        followTrace();
        if (stepWhenHidden >= 0 && stepWhenHidden != explorer.getStep()) {
            viewport.ensureVisible(explorer.getStep());
        }
        stepWhenHidden = -1;
    }

    private void followTrace() {
        Trace trace = cell.getTrace();
        int before = viewport.tokenCount();
        viewport.setLabelWidth(labelWidth(trace));
        viewport.setTokenCount(trace == null ? 0 : trace.length());
        if (viewport.tokenCount() != before) {
            revealStep();
        }
        traceChanged(trace);
        requestLayout();
        requestRepaint();
    }

    /**
     * The room the widest token label needs in a column, for the texts of a few sentences; a long
     * text's columns keep the axis's default (its labels thin out as they scroll by).
     */
    private static double labelWidth(Trace trace) {
        if (trace == null || trace.length() > MEASURED_TOKENS) {
            return 0;
        }
        double widest = 0;
        for (String token : new java.util.HashSet<>(trace.tokens())) {
            widest = Math.max(widest, org.gatescope.ui.canvas.TextWidths.of(token, CanvasTheme.LABEL_BOLD));
        }
        return widest + LABEL_PADDING;
    }

    /** Called when the cell's trace changes (or may have, while the view was hidden). Does nothing here. */
    protected void traceChanged(Trace trace) {
    }

    /**
     * Gives the axis the plot's width for a view {@code width} wide; a narrower plot (the compare
     * view's column) keeps the current token in view. Call from {@code layoutChildren}.
     */
    protected final void layoutAxis(double width) {
        double before = viewport.plotWidth();
        boolean followStep = before <= 0 || showsStep();
        viewport.setPlotWidth(width - TokenViewport.LEFT - TokenViewport.RIGHT);
        if (followStep && viewport.plotWidth() != before) {
            revealStep();
        }
    }

    /** Puts {@code bar} under the plot, at the bottom of a view {@code width} × {@code height}. */
    protected final void layoutTokenScrollBar(ScrollBar bar, double width, double height) {
        bar.resizeRelocate(TokenViewport.LEFT, height - SCROLL_BAR,
                Math.max(0, width - TokenViewport.LEFT - TokenViewport.RIGHT), SCROLL_BAR);
    }

    /** Ctrl + wheel zooms the columns around the pointer; returns whether it did. */
    protected final boolean zoom(ScrollEvent e) {
        if (e.isControlDown() || e.isShortcutDown()) {
            viewport.zoom(e.getDeltaY() > 0 ? ZOOM_STEP : 1 / ZOOM_STEP, e.getX() - TokenViewport.LEFT);
            return true;
        }
        return false;
    }

    /** Scrolls the tokens by the wheel's larger delta (a vertical wheel scrolls them too). */
    protected final void scrollTokens(ScrollEvent e) {
        viewport.scrollBy(-(isSideways(e) ? e.getDeltaX() : e.getDeltaY()));
    }

    /** Whether the wheel moved more sideways than up or down. */
    protected static boolean isSideways(ScrollEvent e) {
        return Math.abs(e.getDeltaX()) > Math.abs(e.getDeltaY());
    }

    /** Paints the background, then the trace, or without one why there is none. */
    @Override
    protected final void paint(GraphicsContext g, double w, double h) {
        g.setFill(CanvasTheme.BACKGROUND);
        g.fillRect(0, 0, w, h);
        Trace trace = cell.getTrace();
        painted = new Painted(trace, trace == null ? -1 : Math.min(explorer.getStep(), trace.length() - 1));
        if (trace == null) {
            drawCentredHint(g, emptyHint(), w, h);
        } else {
            paint(g, trace, w, h);
        }
    }

    /** What the view says while there is no trace (may be ""). */
    protected abstract String emptyHint();

    /** Paints {@code trace} over the background, a view {@code w} × {@code h} px. */
    protected abstract void paint(GraphicsContext g, Trace trace, double w, double h);

    /** {@code message} in the middle of a view {@code w} × {@code h}: why there is nothing to show. */
    protected static void drawCentredHint(GraphicsContext g, String message, double w, double h) {
        g.setFill(CanvasTheme.MUTED);
        g.setFont(CanvasTheme.HINT);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(message, w / 2, h / 2);
    }

    /** Whether the current token's column lies in the plot. */
    private boolean showsStep() {
        int step = explorer.getStep();
        return step >= viewport.firstVisible() && step <= viewport.lastVisible();
    }

    /** Scrolls the least needed to show the current token, once there is a plot and a text. */
    private void revealStep() {
        if (viewport.plotWidth() > 0 && viewport.tokenCount() > 0) {
            viewport.ensureVisible(Math.min(explorer.getStep(), viewport.tokenCount() - 1));
        }
    }

    /** What a paint drew: the trace (null for none) and the current token (-1 for none). */
    public record Painted(Trace trace, int step) {
    }

    /** What the view's last paint drew (for the window's invariant checks). */
    public final Painted painted() {
        return painted;
    }
}
