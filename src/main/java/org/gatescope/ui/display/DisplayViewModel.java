package org.gatescope.ui.display;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableDoubleValue;
import org.gatescope.render.Palette;

/**
 * How the window is shown in a lecture hall: the zoom (Ctrl + / Ctrl − / Ctrl 0), presentation
 * mode (F11: larger still, full screen, no side panel) and the palette. State only: the view
 * applies it ({@link PresentationMode}, the window's zoom pane, {@code CanvasTheme.use}).
 */
public final class DisplayViewModel {

    /** The zoom's steps, as a browser's: from 70 % (a small laptop) to 250 % (the back row). */
    static final double[] STEPS = {0.7, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5};
    public static final double MIN_ZOOM = STEPS[0];
    public static final double MAX_ZOOM = STEPS[STEPS.length - 1];
    /**
     * The room presentation mode lays the window out in, in px at 100 %: the smallest window
     * GateScope is laid out for, 1024 × 640, where diagram, timeline and heatmaps all fit. A larger
     * screen draws that layout larger (up to {@link #MOST_PRESENTATION_SCALE}), so the back row
     * reads the same text on any projector; at 1024 × 640 the cells grow into the side panel's room.
     */
    static final double PRESENTATION_WIDTH = 1024;
    static final double PRESENTATION_HEIGHT = 640;
    /** Presentation mode is never smaller than the zoom asks ... */
    public static final double LEAST_PRESENTATION_SCALE = 1;
    /** ... and at most this much larger: beyond it a 1080p screen would show too little. */
    public static final double MOST_PRESENTATION_SCALE = 1.75;

    private final ReadOnlyDoubleWrapper zoom = new ReadOnlyDoubleWrapper(this, "zoom", 1);
    private final BooleanProperty presentation = new SimpleBooleanProperty(this, "presentation", false);
    private final ObjectProperty<Palette> palette = new SimpleObjectProperty<>(this, "palette", Palette.STANDARD);
    /** The window's size in px (the view keeps it current); presentation mode scales to it. */
    private final DoubleProperty windowWidth = new SimpleDoubleProperty(this, "windowWidth", 1280);
    private final DoubleProperty windowHeight = new SimpleDoubleProperty(this, "windowHeight", 720);
    private final DoubleBinding scale = Bindings.createDoubleBinding(
            () -> zoom.get() * (presentation.get() ? presentationScale(windowWidth.get(), windowHeight.get()) : 1),
            zoom, presentation, windowWidth, windowHeight);

    /** The zoom the user chose, in steps from {@link #MIN_ZOOM} to {@link #MAX_ZOOM}; 1 is 100 %. */
    public ReadOnlyDoubleProperty zoomProperty() {
        return zoom.getReadOnlyProperty();
    }

    public double getZoom() {
        return zoom.get();
    }

    /** The scale the window is drawn at: the zoom, times {@link #presentationScale} in presentation mode. */
    public ObservableDoubleValue scaleProperty() {
        return scale;
    }

    public double getScale() {
        return scale.get();
    }

    /**
     * How much larger presentation mode draws a window {@code width} × {@code height} px: enough to
     * fill it with a {@value #PRESENTATION_WIDTH} × {@value #PRESENTATION_HEIGHT} layout, between
     * {@link #LEAST_PRESENTATION_SCALE} and {@link #MOST_PRESENTATION_SCALE}.
     */
    public static double presentationScale(double width, double height) {
        double fill = Math.min(width / PRESENTATION_WIDTH, height / PRESENTATION_HEIGHT);
        return Math.max(LEAST_PRESENTATION_SCALE, Math.min(MOST_PRESENTATION_SCALE, fill));
    }

    /** The window's size now, in px: presentation mode fills it. */
    public void setWindowSize(double width, double height) {
        windowWidth.set(width);
        windowHeight.set(height);
    }

    /** The next larger step; returns whether the zoom changed (not at {@link #MAX_ZOOM}). */
    public boolean zoomIn() {
        for (double step : STEPS) {
            if (step > zoom.get() + 1e-9) {
                zoom.set(step);
                return true;
            }
        }
        return false;
    }

    /** The next smaller step; returns whether the zoom changed (not at {@link #MIN_ZOOM}). */
    public boolean zoomOut() {
        for (int i = STEPS.length - 1; i >= 0; i--) {
            if (STEPS[i] < zoom.get() - 1e-9) {
                zoom.set(STEPS[i]);
                return true;
            }
        }
        return false;
    }

    /** Back to 100 %; returns whether the zoom changed. */
    public boolean resetZoom() {
        boolean changed = zoom.get() != 1;
        zoom.set(1);
        return changed;
    }

    /** What the status bar says after a zoom key: "Zoom 125 %", and at a bound that it is one. */
    public String zoomMessage() {
        String percent = String.format(Locale.ROOT, "Zoom %d %%", Math.round(zoom.get() * 100));
        if (zoom.get() >= MAX_ZOOM - 1e-9) {
            return percent + " (the largest)";
        }
        if (zoom.get() <= MIN_ZOOM + 1e-9) {
            return percent + " (the smallest)";
        }
        return percent;
    }

    /** Whether presentation mode is on (F11). */
    public BooleanProperty presentationProperty() {
        return presentation;
    }

    public boolean isPresentation() {
        return presentation.get();
    }

    public void togglePresentation() {
        presentation.set(!presentation.get());
    }

    /** The colours every view and export draws with (View ▸ Colour-blind-safe colours). */
    public ObjectProperty<Palette> paletteProperty() {
        return palette;
    }

    /** Whether the colour-blind-safe palette is chosen. */
    public boolean isColourBlindSafe() {
        return palette.get() == Palette.COLOURBLIND;
    }

    public void setColourBlindSafe(boolean safe) {
        palette.set(safe ? Palette.COLOURBLIND : Palette.STANDARD);
    }
}
