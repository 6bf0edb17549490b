package org.gatescope.ui.diagram;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.IntConsumer;
import javafx.geometry.Insets;
import javafx.scene.AccessibleRole;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Border;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.BorderStrokeStyle;
import javafx.scene.layout.BorderWidths;
import javafx.scene.layout.CornerRadii;
import javafx.scene.text.TextAlignment;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.Trace;
import org.gatescope.render.diagram.CellStructure;
import org.gatescope.render.diagram.CellStructure.Node;
import org.gatescope.render.diagram.CellStructure.NodeKind;
import org.gatescope.render.diagram.ClampMarks;
import org.gatescope.render.diagram.DiagramLayout;
import org.gatescope.render.diagram.DiagramLayout.Box;
import org.gatescope.render.diagram.DiagramPainter;
import org.gatescope.render.diagram.DiagramTheme;
import org.gatescope.render.diagram.DisplayFrame;
import org.gatescope.render.diagram.Equations;
import org.gatescope.render.diagram.LayerContext;
import org.gatescope.ui.canvas.CanvasRegion;
import org.gatescope.ui.canvas.FxPainter;

/**
 * The cell diagram, in the lecture's and Colah's style: the memory line c&lt;t-1&gt; → c&lt;t&gt;
 * across the top, the σ and tanh boxes fed by a&lt;t-1&gt; and x&lt;t&gt; from below, the pointwise ×,
 * +, 1− nodes, and a&lt;t&gt; leaving right and up into the softmax ŷ. Every gate and state shows
 * its live value for the selected unit (number and colour) with a strip of all units under
 * it, lines are as wide and opaque as their gate lets information through, and hovering a
 * node shows its equation with the numbers plugged in.
 *
 * <p>Call {@link #show} on the FX thread whenever the trace, the token or the unit changes;
 * it is cheap and does nothing when nothing changed. A new token animates the values over
 * {@value #TRANSITION_MILLIS} ms unless {@link #setAnimated animation is off}. The view
 * paints on a canvas sized to the region, at most once per frame ({@link CanvasRegion}).
 */
public final class CellDiagramView extends CanvasRegion {

    /** How long values take to move from one token to the next. */
    public static final long TRANSITION_MILLIS = 250;

    /** The hovered node's equation; made at the first hover (a label would load the controls' style sheet). */
    private Label overlay;

    private Trace trace;
    private int step;
    private int unit;
    private CellStructure structure;
    private DiagramLayout layout;
    /** The settled values of the current step, what the diagram shows once any animation ends. */
    private DisplayFrame target;
    /** Where the running animation started from. */
    private DisplayFrame origin;
    /** What is painted now. */
    private DisplayFrame shown;
    private Trace.Prediction prediction;
    /** The layer (and direction) shown, named in the title, and what it feeds; {@link LayerContext#OWN} for one layer. */
    private LayerContext context = LayerContext.OWN;
    private String layer = "";
    /** The gates a clamp sets at the shown token and unit. */
    private java.util.Set<Quantity> clampedGates = java.util.Set.of();
    private long animationStart;
    private boolean animating;
    private boolean animated = true;
    private String hovered;
    private double mouseX;
    private double mouseY;
    private IntConsumer onUnitSelected;

    /**
     * The least height at which every text of every cell's drawing is readable ({@value
     * DiagramLayout#MIN_TEXT} px or more) and nothing collides; a shorter panel scrolls instead.
     */
    public static final double MIN_HEIGHT = DiagramLayout.MIN_HEIGHT;
    /** The least width, with {@link #MIN_HEIGHT}: the LSTMs' narrowest readable drawing. */
    public static final double MIN_WIDTH = 580;

    private static final Size SIZE = new Size(1000, 460, MIN_WIDTH, MIN_HEIGHT);

    public CellDiagramView() {
        super(SIZE);
        getStyleClass().add("cell-diagram");
        setAccessibleRole(AccessibleRole.IMAGE_VIEW);
        setAccessibleText("cell diagram");
        canvas.setMouseTransparent(true);

        // The layout fits the canvas: a new size drops it (CanvasRegion repaints).
        canvas.widthProperty().addListener(o -> layout = null);
        canvas.heightProperty().addListener(o -> layout = null);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(e.getX(), e.getY()));
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover(Double.NaN, Double.NaN));
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                click(e.getX(), e.getY());
            }
        });
    }

    /**
     * Shows {@code trace} after token {@code step} for unit {@code unit}. Animates from the
     * values shown before when only the token changed (same cell, same unit) and animation is on.
     *
     * @param trace the trace to show; not modified
     * @throws IllegalArgumentException if step or unit lie outside the trace
     */
    public void show(Trace trace, int step, int unit) {
        if (trace == null) {
            throw new IllegalArgumentException("no trace: use clear() to show nothing");
        }
        if (step < 0 || step >= trace.length()) {
            throw new IllegalArgumentException("step " + step + " outside 0.." + (trace.length() - 1));
        }
        if (unit < 0 || unit >= trace.hidden()) {
            throw new IllegalArgumentException("unit " + unit + " outside 0.." + (trace.hidden() - 1));
        }
        if (trace == this.trace && step == this.step && unit == this.unit) {
            return;
        }
        boolean sameShape = this.trace != null && this.trace.cell() == trace.cell()
                && this.trace.gruReset() == trace.gruReset() && this.trace.hidden() == trace.hidden();
        boolean animate = animated && sameShape && unit == this.unit && getScene() != null && shown != null;
        if (!sameShape || structure == null) {
            structure = context.apply(CellStructure.of(trace.cell(), trace.gruReset()));
            layout = null;
            hovered = null; // the node under the mouse may not exist in the new drawing
        }
        this.trace = trace;
        this.step = step;
        this.unit = unit;
        target = DisplayFrame.of(trace, step, context.backward());
        // a layer of a model trained elsewhere may have no softmax over named tokens: nothing to name then
        List<Trace.Prediction> top = trace.topPredictions(step, 1);
        prediction = top.isEmpty() ? null : top.get(0);
        if (animate) {
            origin = shown;
            animationStart = System.nanoTime();
            animating = true;
        } else {
            shown = target;
            animating = false;
        }
        updateOverlayText();
        setAccessibleText(summary());
        requestRepaint();
    }

    /**
     * Names the layer (and direction) the trace is of, in the title ("GRU · layer 2 (backward)"), for a
     * model of several layers; "" for a model of one.
     */
    public void setLayer(String label) {
        String value = label == null ? "" : label;
        setContext(value.isEmpty() ? LayerContext.OWN : new LayerContext(value, false, LayerContext.OWN.output(),
                LayerContext.OWN.function(), null, LayerContext.OWN.gates()));
    }

    /**
     * Where the layer shown sits in its model: its name (in the title), its direction (a backward one starts
     * step t from step t+1: the diagram and its equations say c&lt;t+1&gt;) and what its a&lt;t&gt; feeds.
     */
    public void setContext(LayerContext value) {
        LayerContext next = value == null ? LayerContext.OWN : value;
        if (next.equals(context)) {
            return;
        }
        context = next;
        layer = next.label();
        if (trace != null) { // redrawn and re-read with the new direction and output
            structure = context.apply(CellStructure.of(trace.cell(), trace.gruReset()));
            layout = null;
            hovered = null;
            target = DisplayFrame.of(trace, step, context.backward());
            shown = target;
            animating = false;
            updateOverlayText();
        }
        requestRepaint();
    }

    /** What the diagram knows of the layer shown ({@link #setContext}). */
    public LayerContext context() {
        return context;
    }

    /** The layer named in the title; "" for a single-layer model. */
    public String layer() {
        return layer;
    }

    /** Shows nothing (no trace yet, or the trace failed). */
    public void clear() {
        trace = null;
        structure = null;
        layout = null;
        target = null;
        origin = null;
        shown = null;
        animating = false;
        hovered = null;
        if (overlay != null) {
            overlay.setVisible(false);
        }
        setAccessibleText("cell diagram: no trace");
        requestRepaint();
    }

    /** Whether a new token's values move smoothly into place (on by default; tests turn it off). */
    public void setAnimated(boolean animated) {
        this.animated = animated;
        if (!animated && animating) {
            shown = target;
            animating = false;
            requestRepaint();
        }
    }

    public boolean isAnimated() {
        return animated;
    }

    /** Whether values are still moving towards those of the current token. */
    public boolean isAnimating() {
        return animating;
    }

    /**
     * The values the diagram shows for the selected unit once any animation has settled: each
     * drawn quantity at the current step, straight from the trace. Empty when nothing is shown.
     */
    public Map<Quantity, Double> displayedValues() {
        if (target == null) {
            return Map.of();
        }
        Map<Quantity, Double> values = new EnumMap<>(Quantity.class);
        for (Quantity quantity : drawnNodes()) {
            values.put(quantity, target.value(quantity, unit));
        }
        return Collections.unmodifiableMap(values);
    }

    /** The quantities drawn as nodes (gates, c̃, c, a): exactly those the cell has. Empty when nothing is shown. */
    public Set<Quantity> drawnNodes() {
        Set<Quantity> drawn = EnumSet.noneOf(Quantity.class);
        if (structure != null) {
            for (Node node : structure.nodes()) {
                if (node.isQuantityNode()) {
                    drawn.add(node.quantity());
                }
            }
        }
        return Collections.unmodifiableSet(drawn);
    }

    /**
     * The tooltip text of {@code quantity}'s node: its equation in the lecture's notation with
     * the current numbers plugged in, and the notes that go with it.
     *
     * @throws IllegalStateException if nothing is shown
     * @throws IllegalArgumentException if the cell has no such quantity
     */
    public String equationFor(Quantity quantity) {
        if (trace == null) {
            throw new IllegalStateException("nothing shown");
        }
        return Equations.forQuantity(trace, step, unit, quantity, context);
    }

    /** Called with a unit's index when the user clicks it in one of the unit strips; the caller then calls {@link #show}. */
    public void setOnUnitSelected(IntConsumer handler) {
        this.onUnitSelected = handler;
    }

    @Override
    protected void nextFrame(long now) {
        if (animating) {
            double p = Math.max(0, (now - animationStart) / (TRANSITION_MILLIS * 1e6));
            if (p >= 1) {
                shown = target;
                animating = false;
            } else {
                shown = DisplayFrame.between(origin, target, ease(p));
            }
            requestRepaint();
        }
    }

    @Override
    protected void paint(GraphicsContext g, double width, double height) {
        if (width < 1 || height < 1) {
            return;
        }
        if (trace == null) { // blank: the slot it sits in says why (one message, not two on top of each other)
            g.setFill(FxPainter.colour(DiagramTheme.BACKGROUND));
            g.fillRect(0, 0, width, height);
            return;
        }
        FxPainter painter = new FxPainter(g);
        DiagramPainter.paint(painter, currentLayout(), new DiagramPainter.Scene(trace, step, unit, shown, hovered,
                prediction, null, context));
        ClampMarks.paint(painter, currentLayout(), clampedGates);
    }

    /**
     * Marks {@code gates} as clamped (forced to a value, not computed) at the shown token for the shown
     * unit; empty for none.
     */
    public void setClampedGates(java.util.Set<Quantity> gates) {
        java.util.Set<Quantity> value = java.util.Set.copyOf(gates);
        if (!value.equals(clampedGates)) {
            clampedGates = value;
            requestRepaint();
        }
    }

    /** The gates marked as clamped. */
    public java.util.Set<Quantity> clampedGates() {
        return clampedGates;
    }

    /**
     * Paints now and returns where the texts outside the boxes went (tests: nothing collides);
     * empty when nothing is shown.
     */
    public java.util.List<DiagramPainter.Placed> placedTexts() {
        if (trace == null || canvas.getWidth() < 1 || canvas.getHeight() < 1) {
            return java.util.List.of();
        }
        java.util.List<DiagramPainter.Placed> placed = new java.util.ArrayList<>();
        DiagramPainter.paint(new FxPainter(canvas.getGraphicsContext2D()), currentLayout(),
                new DiagramPainter.Scene(trace, step, unit, shown, hovered, prediction, placed, context));
        return placed;
    }

    /** The font size of the values in the boxes, in px, at the view's size now (0 when nothing is shown). */
    public double valueTextSize() {
        DiagramLayout current = diagramLayout();
        return current == null ? 0 : current.labelSize() * DiagramPainter.VALUE_SCALE;
    }

    /** How much of the view's width the drawing spans now, 0..1 (0 when nothing is shown). */
    public double drawingWidthShare() {
        DiagramLayout current = diagramLayout();
        return current == null ? 0 : current.fillX();
    }

    /** The layout the diagram is drawn with now (tests: how far it fills its panel, its text sizes). */
    public DiagramLayout diagramLayout() {
        return structure == null || canvas.getWidth() < 1 ? null : currentLayout();
    }

    /** The node under the mouse, for tests. */
    String hoveredNode() {
        return hovered;
    }

    /** The overlay text shown while hovering, or null. */
    String overlayText() {
        return overlayShown() ? overlay.getText() : null;
    }

    /** Moves the mouse to (x, y) in the view's coordinates, as a mouse event would (tests). */
    void hover(double x, double y) {
        mouseX = x;
        mouseY = y;
        String node = Double.isNaN(x) ? null : nodeAt(x, y);
        if (node == null ? hovered == null : node.equals(hovered)) {
            if (node != null) {
                placeOverlay(x, y);
            }
            return;
        }
        hovered = node;
        updateOverlayText();
        if (overlayShown()) {
            placeOverlay(x, y);
        }
        requestRepaint();
    }

    private DiagramLayout currentLayout() {
        if (layout == null || layout.structure() != structure || layout.width() != canvas.getWidth()
                || layout.height() != canvas.getHeight()) {
            layout = new DiagramLayout(structure, canvas.getWidth(), canvas.getHeight());
        }
        return layout;
    }

    private String nodeAt(double x, double y) {
        if (structure == null || canvas.getWidth() < 1) {
            return null;
        }
        DiagramLayout current = currentLayout();
        for (Node node : structure.nodes()) {
            if (node.kind() == NodeKind.JUNCTION || node.kind() == NodeKind.EXIT) {
                continue;
            }
            Box box = current.box(node.id());
            boolean inStrip = node.showsValue() && current.strip(node.id()).contains(x, y, 2);
            if (box.contains(x, y, 3) || inStrip) {
                return node.id();
            }
        }
        return null;
    }

    private void click(double x, double y) {
        if (onUnitSelected != null) {
            unitAt(x, y).ifPresent(onUnitSelected);
        }
    }

    /**
     * The unit under ({@code x}, {@code y}) in one of the unit strips, in the view's coordinates;
     * empty off the strips or when nothing is shown.
     */
    public OptionalInt unitAt(double x, double y) {
        if (structure == null || trace == null || canvas.getWidth() < 1) {
            return OptionalInt.empty();
        }
        DiagramLayout current = currentLayout();
        for (Node node : structure.nodes()) {
            if (node.showsValue()) {
                Box strip = current.strip(node.id());
                if (strip.contains(x, y, 2)) {
                    int h = trace.hidden();
                    int picked = (int) Math.floor((x - strip.left()) / strip.w() * h);
                    return OptionalInt.of(Math.max(0, Math.min(h - 1, picked)));
                }
            }
        }
        return OptionalInt.empty();
    }

    private Label overlay() {
        if (overlay == null) {
            overlay = new Label();
            overlay.setManaged(false);
            overlay.setVisible(false);
            overlay.setMouseTransparent(true);
            overlay.setWrapText(true);
            overlay.setTextAlignment(TextAlignment.LEFT);
            overlay.setBackground(new Background(new BackgroundFill(FxPainter.colour(DiagramTheme.OVERLAY_BACKGROUND),
                        new CornerRadii(6), Insets.EMPTY)));
            overlay.setBorder(new Border(new BorderStroke(FxPainter.colour(DiagramTheme.MUTED), BorderStrokeStyle.SOLID,
                        new CornerRadii(6), new BorderWidths(1))));
            overlay.setPadding(new Insets(8, 10, 8, 10));
            overlay.setTextFill(FxPainter.colour(DiagramTheme.TEXT));
            getChildren().add(overlay);
        }
        return overlay;
    }

    private boolean overlayShown() {
        return overlay != null && overlay.isVisible();
    }

    private void updateOverlayText() {
        String text = null;
        if (hovered != null && trace != null) {
            text = Equations.forNode(structure.node(hovered), trace, step, unit, context);
        }
        if (text == null) {
            if (overlay != null) {
                overlay.setVisible(false);
            }
            return;
        }
        double size = layout == null ? 14 : Math.max(13, Math.min(22, layout.labelSize() * 0.72));
        overlay().setStyle("-fx-font-size: " + Math.round(size) + "px;");
        overlay.setText(text);
        overlay.setVisible(true);
        if (!Double.isNaN(mouseX)) {
            placeOverlay(mouseX, mouseY);
        }
    }

    /**
     * Puts the overlay under the hovered node (its unit strip included), or above it when
     * there is no room below, so it never hides what it explains; beside the mouse otherwise.
     */
    private void placeOverlay(double x, double y) {
        double maxWidth = Math.max(240, Math.min(680, getWidth() * 0.66));
        overlay().setMaxWidth(maxWidth);
        overlay.applyCss();
        double w = Math.min(maxWidth, overlay.prefWidth(-1));
        double h = overlay.prefHeight(w);
        overlay.resize(w, h);
        double gap = 8;
        double px = x + 16;
        double py = y + 18;
        if (hovered != null && structure != null) {
            DiagramLayout current = currentLayout();
            Node node = structure.node(hovered);
            Box box = current.box(hovered);
            double bottom = node.showsValue() ? current.strip(hovered).bottom() : box.bottom();
            px = box.cx() - w / 2;
            py = bottom + gap;
            if (py + h > getHeight() - 4 && box.top() - gap - h >= 4) {
                py = box.top() - gap - h;
            }
        }
        px = Math.max(4, Math.min(px, getWidth() - 4 - w));
        py = Math.max(4, Math.min(py, getHeight() - 4 - h));
        overlay.relocate(snapPositionX(px), snapPositionY(py));
    }

    private String summary() {
        StringBuilder text = new StringBuilder(trace.cell().displayName()).append(" at ")
                .append(Equations.token(trace, step)).append(", unit ").append(unit).append(':');
        for (Map.Entry<Quantity, Double> entry : displayedValues().entrySet()) {
            text.append(' ').append(entry.getKey().symbol()).append(' ').append(Equations.number(entry.getValue()))
                    .append(',');
        }
        text.setLength(text.length() - 1);
        return text.toString();
    }

    /** Ease-in-out (smoothstep), so values start and stop gently. */
    private static double ease(double p) {
        double x = Math.max(0, Math.min(1, p));
        return x * x * (3 - 2 * x);
    }

    // ---- what it shows, for the window's invariant checks (RandomWindowTest) --------------------

    /** The trace, token and unit the diagram shows; the trace is null when it shows nothing. */
    public record Displayed(Trace trace, int step, int unit) {
    }

    public Displayed displayed() {
        return new Displayed(trace, step, unit);
    }
}
