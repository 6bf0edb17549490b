package org.gatescope.ui.canvas;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import org.gatescope.render.Palette;
import org.gatescope.render.Theme;

/**
 * The colours and fonts the window's canvases (timeline, heatmaps, cell diagram) draw with, as
 * JavaFX values: a canvas cannot read CSS, so these are {@link Theme}'s, which reads them from
 * the stylesheet's {@code -gs-*} colours. Change a colour in {@code gatescope.css}, never here.
 * The colours follow the {@link Palette} chosen with {@link #use}.
 * The fonts are JavaFX fonts: use them on the FX thread only.
 */
public final class CanvasTheme {

    /** The palette in use (FX thread): every canvas repaints when it changes. */
    private static final ReadOnlyObjectWrapper<Palette> PALETTE = new ReadOnlyObjectWrapper<>(Palette.STANDARD);

    // Not final: {@link #use} switches them with the palette, and the painters read them at each paint.

    /** {@code -gs-surface}: what panels and canvases are drawn on. */
    public static Color BACKGROUND;
    /** {@code -gs-text}. */
    public static Color TEXT;
    /** {@code -gs-muted}: captions, hints, axes' labels. */
    public static Color MUTED;
    public static Color GRID;
    public static Color AXIS;
    /** {@code -gs-accent}: the current token, the hovered node. */
    public static Color ACCENT;
    public static Color ACCENT_SOFT;
    public static Color DANGER;
    /** Γu, the write gate: the lecture's "update". */
    public static Color WRITE;
    /** Γf, the keep gate. */
    public static Color KEEP;
    public static Color TRACK;

    static {
        assignColours();
        // a change listener keeps the property valid, so that invalidation listeners hear every switch
        PALETTE.addListener((obs, old, now) -> { });
    }

    public static final Font LABEL = Font.font(Theme.SCREEN_FAMILY, Theme.SCREEN_LABEL);
    public static final Font LABEL_BOLD = Font.font(Theme.SCREEN_FAMILY, FontWeight.BOLD, Theme.SCREEN_LABEL);
    public static final Font SMALL = Font.font(Theme.SCREEN_FAMILY, Theme.SCREEN_SMALL);
    public static final Font HEADING = Font.font(Theme.SCREEN_FAMILY, FontWeight.BOLD, Theme.SCREEN_HEADING);
    public static final Font SYMBOL = Font.font(Theme.SCREEN_FAMILY, FontWeight.BOLD, Theme.SCREEN_SYMBOL);
    public static final Font HINT = Font.font(Theme.SCREEN_FAMILY, Theme.SCREEN_HINT);

    private CanvasTheme() {
    }

    /**
     * Draws every canvas (and, through {@link Theme}, every PNG) with {@code palette}'s colours from
     * now on; the canvases shown repaint. FX thread.
     */
    public static void use(Palette palette) {
        Theme.use(palette);
        assignColours();
        PALETTE.set(palette);
    }

    /** The palette the canvases draw with (FX thread). */
    public static ReadOnlyObjectProperty<Palette> paletteProperty() {
        return PALETTE.getReadOnlyProperty();
    }

    private static void assignColours() {
        BACKGROUND = fx(Theme.SURFACE);
        TEXT = fx(Theme.TEXT);
        MUTED = fx(Theme.MUTED);
        GRID = fx(Theme.GRID);
        AXIS = fx(Theme.AXIS);
        ACCENT = fx(Theme.ACCENT);
        ACCENT_SOFT = Color.color(ACCENT.getRed(), ACCENT.getGreen(), ACCENT.getBlue(), 0.10);
        DANGER = fx(Theme.DANGER);
        WRITE = fx(Theme.WRITE);
        KEEP = fx(Theme.KEEP);
        TRACK = fx(Theme.TRACK);
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
