package org.gatescope.ui.canvas;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.application.Platform;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Widths of strings in JavaFX fonts, as the canvases lay out their labels, remembered for the
 * {@value #CAPACITY} most recently measured (a long text's token labels would otherwise grow the
 * cache without end). Measuring makes a JavaFX {@link Text}: on the FX thread only, like all
 * painting of the canvases; renderers in the background measure with Java2D instead.
 */
public final class TextWidths {

    static final int CAPACITY = 2000;

    private static final Map<String, Double> WIDTHS = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Double> eldest) {
            return size() > CAPACITY;
        }
    };

    private TextWidths() {
    }

    /**
     * The width of {@code text} set in {@code font}, in px.
     *
     * @throws IllegalStateException off the FX thread
     */
    public static double of(String text, Font font) {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("JavaFX text is measured on the FX thread only");
        }
        String key = font.getName() + '|' + font.getSize() + '|' + text;
        Double cached = WIDTHS.get(key);
        if (cached != null) {
            return cached;
        }
        Text probe = new Text(text);
        probe.setFont(font);
        double width = probe.getLayoutBounds().getWidth();
        WIDTHS.put(key, width);
        return width;
    }

    /** {@code text}, shortened with an ellipsis to fit {@code maxWidth}; "" if not even one letter fits. */
    public static String fit(String text, Font font, double maxWidth) {
        if (of(text, font) <= maxWidth) {
            return text;
        }
        for (int n = text.length() - 1; n >= 1; n--) {
            String shorter = text.substring(0, n) + "\u2026";
            if (of(shorter, font) <= maxWidth) {
                return shorter;
            }
        }
        return "";
    }
}
