package org.gatescope.ui.analysis;

import java.awt.image.BufferedImage;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** A Java2D picture from {@code render/} shown in the window: the same pixels the export writes. FX thread only. */
public final class FxImages {

    private FxImages() {
    }

    /** A JavaFX copy of {@code image} (TYPE_INT_ARGB), or null for null. */
    public static WritableImage toFx(BufferedImage image) {
        if (image == null) {
            return null;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        WritableImage fx = new WritableImage(w, h);
        fx.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return fx;
    }
}
