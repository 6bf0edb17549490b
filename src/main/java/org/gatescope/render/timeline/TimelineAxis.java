package org.gatescope.render.timeline;

/**
 * The timeline's token axis as one paint sees it: the plot between {@link #LEFT} and the right margin
 * ({@link #RIGHT} wide), columns {@code columnWidth} px wide, scrolled by {@code offset} px, tokens
 * {@code first} … {@code last} at least partly in view. The window's viewport hands its state over in
 * this form; an export shows every token.
 */
public record TimelineAxis(double columnWidth, double offset, int first, int last) {

    /** The left margin: the row labels. */
    public static final double LEFT = 96;
    /** The right margin: the values at the current token, the bars' scales. */
    public static final double RIGHT = 78;

    /** Every one of {@code tokens} tokens in columns of {@code columnWidth} px, nothing scrolled. */
    public static TimelineAxis whole(int tokens, double columnWidth) {
        return new TimelineAxis(columnWidth, 0, 0, tokens - 1);
    }

    /** The left edge of token {@code t}'s column. */
    public double xOf(int t) {
        return LEFT + t * columnWidth - offset;
    }

    /** The centre of token {@code t}'s column. */
    public double centreOf(int t) {
        return xOf(t) + columnWidth / 2;
    }

    public int firstVisible() {
        return first;
    }

    public int lastVisible() {
        return last;
    }
}
