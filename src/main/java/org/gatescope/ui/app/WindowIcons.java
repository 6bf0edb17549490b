package org.gatescope.ui.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;

/**
 * GateScope's icon (assets/icon/gatescope.svg) at the sizes a window manager picks from for the
 * title bar, the task bar and Alt+Tab, so the running window looks like the menu entry.
 */
final class WindowIcons {

    static final int[] SIZES = {16, 32, 48, 64, 128, 256};

    private static final System.Logger LOG = System.getLogger(WindowIcons.class.getName());

    private WindowIcons() {
    }

    /** The icon at every size the jar holds; a missing size is skipped (the window still opens). */
    static List<Image> images() {
        List<Image> images = new ArrayList<>();
        for (int size : SIZES) {
            try (InputStream png = WindowIcons.class.getResourceAsStream("icon/gatescope-" + size + ".png")) {
                if (png != null) {
                    images.add(new Image(png));
                }
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "icon " + size + " px unreadable: " + e);
            }
        }
        return images;
    }
}
