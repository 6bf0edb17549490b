package org.gatescope.ui.canvas;

import javafx.scene.paint.Color;

/**
 * The variables of {@code gatescope.css} that both the explorer's canvases and the cell diagram
 * draw with, since a canvas cannot read CSS: change them together with the stylesheet.
 */
public final class CssColors {

    /** {@code -gs-surface}: what panels and canvases are drawn on. */
    public static final Color SURFACE = Color.web("#ffffff");
    /** {@code -gs-text}. */
    public static final Color TEXT = Color.web("#1d2330");
    /** {@code -gs-muted}: captions, hints, axes' labels. */
    public static final Color MUTED = Color.web("#5b6475");
    /** {@code -gs-accent}: the current token, the hovered node. */
    public static final Color ACCENT = Color.web("#2f6fdf");

    private CssColors() {
    }
}
