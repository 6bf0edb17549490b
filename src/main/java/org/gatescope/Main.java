package org.gatescope;

import org.gatescope.cli.CommandLine;
import org.gatescope.ui.app.GateScopeApp;

/**
 * Entry point of {@code java -jar gatescope.jar}: with a command it runs headless,
 * without one it opens the window ({@code gatescope FILE}: on that model file). Deliberately not a JavaFX {@code Application}, so the
 * jar starts from the class path and the headless commands never touch JavaFX (the window's
 * classes load only when no command is given).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // No arguments: the window, at once; the command table (every command's classes) is not needed for it.
        if (args.length == 0 || !CommandLine.isCommand(args)) {
            GateScopeApp.open(args);
            return;
        }
        int status = CommandLine.run(args, System.in, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }
}
