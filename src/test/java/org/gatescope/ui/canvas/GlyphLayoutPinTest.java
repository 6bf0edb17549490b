package org.gatescope.ui.canvas;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The root of issue 10's stale window: JavaFX lays a canvas's {@code fillText} out on its render
 * thread while the FX thread lays out the text of controls, and both borrow one shared
 * {@code GlyphLayout}, whose Pango {@code dispose} hands it back before clearing it (a
 * ConcurrentModificationException in the FX thread's layout pass, after which the labels stopped
 * updating). Once pinned, the shared one never circulates again: every text layout, on any
 * thread, gets a glyph layout of its own.
 */
@ExtendWith(ApplicationExtension.class)
class GlyphLayoutPinTest {

    @Test
    void everyTextLayoutGetsAGlyphLayoutOfItsOwnOncePinned(FxRobot robot) throws Exception {
        robot.interact(() -> assertTrue(GlyphLayoutPin.install(), "JavaFX's shared glyph layout was not pinned"));
        Method getInstance = Class.forName("com.sun.javafx.text.GlyphLayout").getMethod("getInstance");
        Method dispose = Class.forName("com.sun.javafx.text.GlyphLayout").getMethod("dispose");

        Object first = getInstance.invoke(null);
        dispose.invoke(first);
        // Unpinned, the shared instance is free again here and comes back to the next caller.
        Object second = getInstance.invoke(null);
        dispose.invoke(second);

        assertNotSame(first, second, "a glyph layout handed back was handed out again");
    }
}
