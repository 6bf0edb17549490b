package org.gatescope.ui.app;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import org.gatescope.ui.explorer.ExplorerViewModel;

/**
 * The file the window was started on ({@code gatescope FILE}, a double-click in the file manager):
 * a model opens as with Open model…; anything wrong with it — missing, unreadable, a folder, not a
 * model — is said in the window's banner over the bundled model, because a double-click has no
 * terminal to print to.
 */
final class LaunchFile {

    /** A saved session's extension; the .deb associates it with GateScope. */
    static final String SESSION_EXTENSION = ".gatescope";

    private LaunchFile() {
    }

    /** Opens {@code argument} in {@code explorer}, or shows in its banner why it cannot. */
    static void open(ExplorerViewModel explorer, String argument) {
        Path file;
        try {
            file = Path.of(argument);
        } catch (InvalidPathException e) {
            explorer.showError("Cannot open \u201C" + argument + "\u201D: it is not a usable file name ("
                    + e.getReason() + ")");
            return;
        }
        if (isSession(file)) {
            explorer.showError("Cannot open " + file.getFileName() + ": it is a saved GateScope session, which "
                    + "this version of GateScope cannot open; it opens model files (File \u25B8 Open model\u2026)");
            return;
        }
        explorer.openModel(file);
    }

    static boolean isSession(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(SESSION_EXTENSION);
    }
}
