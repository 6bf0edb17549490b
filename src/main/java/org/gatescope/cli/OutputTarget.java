package org.gatescope.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.gatescope.io.AtomicFile;

/** Sends a command's text output to stdout or, with {@code --out FILE}, atomically to a file. */
final class OutputTarget {

    /** Writes text to the given writer. */
    @FunctionalInterface
    interface TextContent {
        void writeTo(Writer writer) throws IOException;
    }

    private OutputTarget() {
    }

    static void write(String command, String outFile, PrintStream stdout, TextContent content)
            throws IOException, UsageException {
        if (outFile == null) {
            Writer writer = new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), 1 << 16);
            content.writeTo(writer);
            writer.flush();
            return;
        }
        try {
            AtomicFile.write(Path.of(outFile), stream -> {
                Writer writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
                content.writeTo(writer);
                writer.flush();
            });
        } catch (IOException e) {
            throw new UsageException(command + ": cannot write " + outFile + ": " + e.getMessage());
        }
    }
}
