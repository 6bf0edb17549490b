package org.gatescope.ui.canvas;

import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import org.gatescope.render.Theme;

/**
 * The colours and fonts the window's canvases (timeline, heatmaps, cell diagram) draw with, as
 * JavaFX values: a canvas cannot read CSS, so these are {@link Theme}'s, which reads them from
 * the stylesheet's {@code -gs-*} colours. Change a colour in {@code gatescope.css}, never here.
 * The fonts are JavaFX fonts: use them on the FX thread only.
 */
public final class CanvasTheme {

    /** {@code -gs-surface}: what panels and canvases are drawn on. */
    public static final Color BACKGROUND = fx(Theme.SURFACE);
    /** {@code -gs-text}. */
    public static final Color TEXT = fx(Theme.TEXT);
    /** {@code -gs-muted}: captions, hints, axes' labels. */
    public static final Color MUTED = fx(Theme.MUTED);
    public static final Color GRID = fx(Theme.GRID);
    public static final Color AXIS = fx(Theme.AXIS);
    /** {@code -gs-accent}: the current token, the hovered node. */
    public static final Color ACCENT = fx(Theme.ACCENT);
    public static final Color ACCENT_SOFT = Color.color(ACCENT.getRed(), ACCENT.getGreen(), ACCENT.getBlue(), 0.10);
    public static final Color DANGER = fx(Theme.DANGER);
    /** Γu, the write gate: the lecture's "update". */
    public static final Color WRITE = fx(Theme.WRITE);
    /** Γf, the keep gate. */
    public static final Color KEEP = fx(Theme.KEEP);
    public static final Color TRACK = fx(Theme.TRACK);

    public static final Font LABEL = Font.font(Theme.SCREEN_FAMILY, Theme.SCREEN_LABEL);
    public static final Font LABEL_BOLD = Font.font(Theme.SCREEN_FAMILY, FontWeight.BOLD, Theme.SCREEN_LABEL);
    public static final Font SMALL = Font.font(Theme.SCREEN_FAMILY, Theme.SCREEN_SMALL);
    public static final Font HEADING = Font.font(Theme.SCREEN_FAMILY, FontWeight.BOLD, Theme.SCREEN_HEADING);
    public static final Font SYMBOL = Font.font(Theme.SCREEN_FAMILY, FontWeight.BOLD, Theme.SCREEN_SYMBOL);
    public static final Font HINT = Font.font(Theme.SCREEN_FAMILY, Theme.SCREEN_HINT);

    private CanvasTheme() {
    }

    /** The colour {@code -gs-name} of the stylesheet. */
    public static Color color(String name) {
        return fx(Theme.argb(name));
    }

    /** The colour of the {@code i}-th unit on the timeline (and its swatch in the unit list): {@code -gs-unit-i}. */
    public static Color unitColor(int i) {
        return fx(Theme.unitArgb(i));
    }

    /** The {@code i}-th unit's hue as text on the canvases ({@code -gs-unit-text-i}: AA contrast). */
    public static Color unitTextColor(int i) {
        return fx(Theme.unitTextArgb(i));
    }

    /** A 0xAARRGGBB colour (as render's colour scales give them) for JavaFX. */
    public static Color fx(int argb) {
        return Color.rgb(argb >> 16 & 0xFF, argb >> 8 & 0xFF, argb & 0xFF, (argb >>> 24) / 255.0);
    }

    private static Color fx(java.awt.Color colour) {
        return fx(colour.getRGB());
    }
}
