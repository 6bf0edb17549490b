package org.gatescope.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gatescope FILE} opens the window on a model file; {@code gatescope COMMAND …} stays a command. */
class OpenFileArgumentTest {

    @TempDir
    Path folder;

    @Test
    void oneExistingFileOpensTheWindow() throws Exception {
        Path model = Files.writeString(folder.resolve("model.h5"), "x");
        assertTrue(CommandLine.opensFile(new String[] {model.toString()}));
        assertFalse(CommandLine.isCommand(new String[] {model.toString()}));
    }

    @Test
    void commandsMissingFilesFoldersAndMoreArgumentsStayCommands() throws Exception {
        assertTrue(CommandLine.isCommand(new String[] {"info"}));
        assertTrue(CommandLine.isCommand(new String[] {folder.resolve("missing.h5").toString()}),
                "a missing file is reported by the command line, not opened");
        assertTrue(CommandLine.isCommand(new String[] {folder.toString()}), "a folder is no model file");
        Path model = Files.writeString(folder.resolve("model.pt"), "x");
        assertTrue(CommandLine.isCommand(new String[] {model.toString(), "--ids"}));
        assertFalse(CommandLine.opensFile(new String[] {"help"}));
    }
}
