package org.gatescope.ui;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.gatescope.cli.CommandLine;
import org.gatescope.io.Json;

/** Runs a headless command and parses its JSON, for tests that hold the window to the command line's numbers. */
public final class AnalysisCli {

    private AnalysisCli() {
    }

    public static Map<?, ?> json(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CommandLine.run(args, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        if (status != 0) {
            throw new AssertionError("exit " + status + ": " + err.toString(StandardCharsets.UTF_8));
        }
        return (Map<?, ?>) Json.parse(out.toString(StandardCharsets.UTF_8));
    }
}
