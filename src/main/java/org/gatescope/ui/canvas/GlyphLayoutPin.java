package org.gatescope.ui.canvas;

/**
 * Keeps JavaFX's shared glyph layout out of circulation, so no two threads ever lay text out
 * with the same one.
 *
 * <p>Why: JavaFX lays a canvas's {@code fillText} out on its render thread, while the FX thread
 * lays out the text of controls; both take {@code GlyphLayout.getInstance()}, which hands out
 * one shared instance to whoever finds it free. On Linux that instance is a
 * {@code PangoGlyphLayout} whose {@code dispose()} marks it free first and clears its map of
 * shaped runs after, so the other thread may fill the map while this one empties it: a
 * ConcurrentModificationException in the middle of the FX thread's layout pass (issue 10; the
 * window's labels stopped updating) or a native string freed twice. Taking the shared instance
 * once and never giving it back makes {@code getInstance()} return a fresh layout every time
 * (the path JavaFX already takes when it is busy), which belongs to one thread only.
 *
 * <p>The class is JavaFX's internal {@code com.sun.javafx.text.GlyphLayout}: on the class path
 * it is reachable; on the module path the launch exports it to us
 * ({@code --add-exports javafx.graphics/com.sun.javafx.text=org.gatescope}, in the pom). If it
 * is not reachable the window still runs, with JavaFX's race, and the log says so.
 */
public final class GlyphLayoutPin {

    private static final System.Logger LOG = System.getLogger(GlyphLayoutPin.class.getName());

    /** The shared instance, held for the life of the application; null until installed. */
    private static Object pinned;
    private static boolean tried;

    private GlyphLayoutPin() {
    }

    /**
     * Takes the shared glyph layout out of circulation (once; later calls do nothing). Call it on
     * the FX thread before any canvas draws text, so the render thread cannot be holding it.
     *
     * @return whether it is pinned
     */
    public static synchronized boolean install() {
        if (!tried) {
            tried = true;
            try {
                pinned = Class.forName("com.sun.javafx.text.GlyphLayout").getMethod("getInstance").invoke(null);
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                LOG.log(System.Logger.Level.WARNING, "JavaFX's shared glyph layout cannot be pinned ("
                        + e + "): text drawn on canvases may race with the window's own text");
            }
        }
        return pinned != null;
    }
}
