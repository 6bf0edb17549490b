package org.gatescope.ui.app;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import org.gatescope.ui.explorer.ExplorerViewModel;

/**
 * The file the window was started on ({@code gatescope FILE}, a double-click in the file manager):
 * a model opens as with Open model…, a {@code .gatescope} session as with Open session…; a file that is missing, unreadable or a folder is said in the
 * window's banner over the bundled model, because a double-click has no terminal to print to. A file
 * that is not a model is the model reader's to describe, in the same banner.
 */
final class LaunchFile {

    /** A saved session's extension; the .deb associates it with GateScope. */
    static final String SESSION_EXTENSION = ".gatescope";
    /** {@code gatescope --session FILE}: the window on that session. */
    static final String SESSION_OPTION = "--session";

    private LaunchFile() {
    }

    /**
     * Opens {@code argument} in {@code explorer} (a session through {@code openSession}), or shows in its
     * banner why it cannot.
     */
    static void open(ExplorerViewModel explorer, String argument, Consumer<Path> openSession) {
        Path file = path(explorer, argument);
        if (file == null) {
            return;
        }
        if (isSession(file)) {
            openSession.accept(file); // a session that cannot be read says so in the same banner
            return;
        }
        String problem = problemOf(file);
        if (problem != null) {
            // said before opening: a load that fails would cancel the bundled model's and leave the window empty
            explorer.showError("Cannot open the model \u2014 " + file + ": " + problem);
            return;
        }
        explorer.openModel(file);
    }

    /** {@code gatescope --session FILE}: the session whatever the file's name; a bad file says so in the banner. */
    static void openSession(ExplorerViewModel explorer, String argument, Consumer<Path> openSession) {
        Path file = path(explorer, argument);
        if (file != null) {
            openSession.accept(file);
        }
    }

    private static Path path(ExplorerViewModel explorer, String argument) {
        try {
            return Path.of(argument);
        } catch (InvalidPathException e) {
            explorer.showError("Cannot open \u201C" + argument + "\u201D: it is not a usable file name ("
                    + e.getReason() + ")");
            return null;
        }
    }

    /** What keeps {@code file} from being read at all, or null (what is in it is the reader's business). */
    static String problemOf(Path file) {
        if (Files.isDirectory(file)) {
            return "it is a folder, not a model file";
        }
        if (!Files.exists(file)) {
            return "file not found";
        }
        if (!Files.isReadable(file)) {
            return "permission denied";
        }
        return null;
    }

    static boolean isSession(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(SESSION_EXTENSION);
    }
}
