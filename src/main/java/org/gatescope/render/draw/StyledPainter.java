package org.gatescope.render.draw;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What the file back ends ({@link Java2DPainter}, {@link SvgPainter}) keep alike: the style a canvas
 * keeps (colours, line, alpha, font, text placement), set by the setters and kept and brought back by
 * {@link #save}/{@link #restore} together with the back end's own place (its transform and clip).
 *
 * @param <P> what a back end keeps of its transform and clip at a {@link #save}
 */
abstract class StyledPainter<P> implements Painter {

    /** The style {@link #save} keeps. */
    static final class Style implements Cloneable {
        Rgba fill = Rgba.BLACK;
        Rgba stroke = Rgba.BLACK;
        double lineWidth = 1;
        double[] dashes;
        LineCap cap = LineCap.BUTT;
        LineJoin join = LineJoin.MITER;
        double alpha = 1;
        DrawFont font = DrawFont.plain(12);
        TextAlign align = TextAlign.LEFT;
        TextBaseline baseline = TextBaseline.ALPHABETIC;

        private Style copy() {
            try {
                Style copy = (Style) clone();
                copy.dashes = dashes == null ? null : dashes.clone();
                return copy;
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private record Kept<P>(Style style, P place) {
    }

    private final Deque<Kept<P>> saved = new ArrayDeque<>();
    /** The current style; the drawing calls read it. */
    protected Style style = new Style();

    /** The back end's transform and clip as they are now, to be brought back by {@link #restorePlace}. */
    protected abstract P keepPlace();

    /** Brings back a transform and clip {@link #keepPlace} kept. */
    protected abstract void restorePlace(P place);

    @Override
    public final void save() {
        saved.push(new Kept<>(style.copy(), keepPlace()));
    }

    @Override
    public final void restore() {
        if (saved.isEmpty()) {
            return;
        }
        Kept<P> kept = saved.pop();
        style = kept.style();
        restorePlace(kept.place());
    }

    @Override
    public void setFill(Rgba colour) {
        style.fill = colour;
    }

    @Override
    public Rgba getFill() {
        return style.fill;
    }

    @Override
    public void setStroke(Rgba colour) {
        style.stroke = colour;
    }

    @Override
    public void setLineWidth(double width) {
        style.lineWidth = width;
    }

    @Override
    public void setLineDashes(double... dashes) {
        style.dashes = dashes == null || dashes.length == 0 ? null : dashes.clone();
    }

    @Override
    public void setLineCap(LineCap cap) {
        style.cap = cap;
    }

    @Override
    public void setLineJoin(LineJoin join) {
        style.join = join;
    }

    @Override
    public void setGlobalAlpha(double alpha) {
        style.alpha = Math.max(0, Math.min(1, alpha));
    }

    @Override
    public void setFont(DrawFont font) {
        style.font = font;
    }

    @Override
    public void setTextAlign(TextAlign align) {
        style.align = align;
    }

    @Override
    public void setTextBaseline(TextBaseline baseline) {
        style.baseline = baseline;
    }
}
