package org.gatescope.ui.explorer;

import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.scene.control.ScrollBar;

/**
 * The token axis that the timeline and the heatmaps share, so that a token's column in one sits
 * exactly above its column in the other: the column width, the horizontal scroll offset and
 * which tokens are visible. Columns stretch to fill the width for a sentence and keep a
 * readable minimum width for a long text, which then scrolls.
 */
public final class TokenViewport implements Observable {

    /** Width of the row labels left of the plots. */
    public static final double LEFT = 96;
    /** Width of the colour bars and legends right of the plots. */
    public static final double RIGHT = 78;
    static final double MAX_COLUMN = 120;
    static final double DEFAULT_MIN_COLUMN = 30;
    static final double SMALLEST_MIN_COLUMN = 4;
    static final double LARGEST_MIN_COLUMN = 80;

    private final IntegerProperty tokenCount = new SimpleIntegerProperty(this, "tokenCount", 0);
    private final DoubleProperty plotWidth = new SimpleDoubleProperty(this, "plotWidth", 0);
    private final DoubleProperty offset = new SimpleDoubleProperty(this, "offset", 0);
    private final DoubleProperty minColumn = new SimpleDoubleProperty(this, "minColumn", DEFAULT_MIN_COLUMN);
    /** Whether the user zoomed: then the columns keep the width chosen, whatever the labels need. */
    private boolean zoomed;

    public TokenViewport() {
        // Change listeners keep every property valid, so invalidation listeners hear each change.
        javafx.beans.value.ChangeListener<Number> keepValid = (obs, old, now) -> { };
        tokenCount.addListener(keepValid);
        plotWidth.addListener(keepValid);
        offset.addListener(keepValid);
        minColumn.addListener(keepValid);
        InvalidationListener clamp = o -> offset.set(clampOffset(offset.get()));
        tokenCount.addListener(clamp);
        plotWidth.addListener(clamp);
        minColumn.addListener(clamp);
    }

    public void setTokenCount(int count) {
        tokenCount.set(count);
    }

    public int tokenCount() {
        return tokenCount.get();
    }

    /** Called by each view from its layout with the width left for its plot. */
    public void setPlotWidth(double width) {
        plotWidth.set(Math.max(0, width));
    }

    public double plotWidth() {
        return plotWidth.get();
    }

    /** Pixels per token. */
    public double columnWidth() {
        int n = tokenCount.get();
        if (n == 0 || plotWidth.get() <= 0) {
            return minColumn.get();
        }
        return Math.max(minColumn.get(), Math.min(MAX_COLUMN, plotWidth.get() / n));
    }

    double contentWidth() {
        return columnWidth() * tokenCount.get();
    }

    double offset() {
        return offset.get();
    }

    void scrollTo(double pixels) {
        offset.set(clampOffset(pixels));
    }

    public void scrollBy(double pixels) {
        scrollTo(offset.get() + pixels);
    }

    /**
     * The width the widest token label needs, in px: the columns are at least that wide (up to
     * {@value #LARGEST_MIN_COLUMN} px), so no label is shortened and a long text scrolls instead;
     * until the user zooms.
     */
    public void setLabelWidth(double width) {
        if (!zoomed) {
            minColumn.set(Math.max(DEFAULT_MIN_COLUMN, Math.min(LARGEST_MIN_COLUMN, Math.ceil(width))));
        }
    }

    /** Zooms the columns by {@code factor}, keeping the token under {@code anchorX} (plot-relative) in place. */
    public void zoom(double factor, double anchorX) {
        zoomed = true;
        double before = columnWidth();
        double token = (offset.get() + anchorX) / before;
        minColumn.set(Math.max(SMALLEST_MIN_COLUMN, Math.min(LARGEST_MIN_COLUMN, minColumn.get() * factor)));
        scrollTo(token * columnWidth() - anchorX);
    }

    /** The left edge of token {@code t}'s column, in the view's coordinates. */
    public double xOf(int t) {
        return LEFT + t * columnWidth() - offset.get();
    }

    /** The centre of token {@code t}'s column, in the view's coordinates. */
    public double centreOf(int t) {
        return xOf(t) + columnWidth() / 2;
    }

    /** The token under {@code x} (view coordinates), or -1 outside the plot. */
    public int tokenAt(double x) {
        if (x < LEFT || x > LEFT + plotWidth.get()) {
            return -1;
        }
        int t = (int) Math.floor((x - LEFT + offset.get()) / columnWidth());
        return t >= 0 && t < tokenCount.get() ? t : -1;
    }

    /** The first token at least partly visible. */
    public int firstVisible() {
        return Math.max(0, (int) Math.floor(offset.get() / columnWidth()));
    }

    /** The last token at least partly visible. */
    public int lastVisible() {
        int last = (int) Math.ceil((offset.get() + plotWidth.get()) / columnWidth()) - 1;
        return Math.min(tokenCount.get() - 1, last);
    }

    /** Scrolls the least needed to show token {@code t} whole, with a column of margin when there is room. */
    public void ensureVisible(int t) {
        double w = columnWidth();
        double margin = plotWidth.get() > 4 * w ? w : 0;
        double left = t * w - margin;
        double right = (t + 1) * w + margin;
        if (left < offset.get()) {
            scrollTo(left);
        } else if (right > offset.get() + plotWidth.get()) {
            scrollTo(right - plotWidth.get());
        }
    }

    /** Ties a scroll bar to this axis, both ways. */
    public void attach(ScrollBar bar) {
        InvalidationListener update = o -> {
            double max = Math.max(0, contentWidth() - plotWidth.get());
            bar.setMax(max);
            bar.setVisibleAmount(max <= 0 ? 1 : plotWidth.get() * max / Math.max(1, contentWidth()));
            bar.setUnitIncrement(columnWidth());
            bar.setBlockIncrement(Math.max(columnWidth(), plotWidth.get() * 0.8));
            bar.setDisable(max <= 0);
            if (Math.abs(bar.getValue() - offset.get()) > 0.01) {
                bar.setValue(offset.get());
            }
        };
        addListener(update);
        update.invalidated(this);
        bar.valueProperty().addListener((obs, old, value) -> scrollTo(value.doubleValue()));
    }

    /** Whether the text is wider than the plot (the scroll bar is needed). */
    public boolean scrolls() {
        return contentWidth() > plotWidth.get() + 0.5;
    }

    private double clampOffset(double pixels) {
        double max = Math.max(0, contentWidth() - plotWidth.get());
        return Math.max(0, Math.min(max, pixels));
    }

    @Override
    public void addListener(InvalidationListener listener) {
        tokenCount.addListener(listener);
        plotWidth.addListener(listener);
        offset.addListener(listener);
        minColumn.addListener(listener);
    }

    @Override
    public void removeListener(InvalidationListener listener) {
        tokenCount.removeListener(listener);
        plotWidth.removeListener(listener);
        offset.removeListener(listener);
        minColumn.removeListener(listener);
    }
}
