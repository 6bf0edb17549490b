package org.gatescope.ui.explorer;

import java.awt.image.BufferedImage;

/** Where "Copy image" puts a picture: the system clipboard in the app, a field in tests. */
@FunctionalInterface
public interface ImageClipboard {

    /** Replaces the clipboard's content with {@code image}; called on the UI thread. */
    void put(BufferedImage image);
}
