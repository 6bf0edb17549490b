package org.gatescope.ui.canvas;

import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * The colours and fonts the explorer's canvases (timeline, heatmaps) draw with: the same values
 * as the variables of {@code gatescope.css} (a canvas cannot read CSS; those the cell diagram
 * shares come from {@link CssColors}), sized for a projector.
 */
public final class CanvasTheme {

    public static final Color BACKGROUND = CssColors.SURFACE;
    public static final Color TEXT = CssColors.TEXT;
    public static final Color MUTED = CssColors.MUTED;
    public static final Color GRID = Color.web("#e4e7ec");
    public static final Color AXIS = Color.web("#aab1bd");
    public static final Color ACCENT = CssColors.ACCENT;
    public static final Color ACCENT_SOFT = Color.color(ACCENT.getRed(), ACCENT.getGreen(), ACCENT.getBlue(), 0.10);
    public static final Color DANGER = Color.web("#c62828");
    /** Γu, the write gate: the lecture's "update". */
    public static final Color WRITE = Color.web("#d55e00");
    /** Γf, the keep gate. */
    public static final Color KEEP = Color.web("#009e73");
    public static final Color TRACK = Color.web("#eef0f3");

    /** Okabe–Ito colours for the units on the timeline, distinguishable with colour-vision deficiencies. */
    private static final Color[] UNITS = {
        Color.web("#0072b2"), Color.web("#d55e00"), Color.web("#009e73"), Color.web("#cc79a7"),
        Color.web("#e69f00"), Color.web("#56b4e9"), Color.web("#6a3d9a"), Color.web("#444444"),
    };

    public static final Font LABEL = Font.font("System", 13);
    public static final Font LABEL_BOLD = Font.font("System", FontWeight.BOLD, 13);
    public static final Font SMALL = Font.font("System", 11);
    public static final Font HEADING = Font.font("System", FontWeight.BOLD, 15);
    public static final Font SYMBOL = Font.font("System", FontWeight.BOLD, 17);
    public static final Font HINT = Font.font("System", 18);

    private CanvasTheme() {
    }

    /** The colour of the {@code i}-th unit on the timeline (and its swatch in the unit list). */
    public static Color unitColor(int i) {
        return UNITS[Math.floorMod(i, UNITS.length)];
    }
}
