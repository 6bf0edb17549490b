package org.gatescope.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launch grammar: {@code gatescope} and {@code gatescope FILE} open the window (a file manager's
 * double-click is the second), {@code gatescope COMMAND …} runs headless.
 */
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
    void noArgumentsOpenTheWindow() {
        assertFalse(CommandLine.isCommand(new String[0]));
    }

    @Test
    void aMissingFileOpensTheWindowWhichSaysWhatIsWrong() {
        assertTrue(CommandLine.opensFile(new String[] {folder.resolve("missing.safetensors").toString()}),
                "a double-click on a file deleted since has no terminal to read a message in");
        assertTrue(CommandLine.opensFile(new String[] {"missing.h5"}), "a name with an extension is a file's");
        assertTrue(CommandLine.opensFile(new String[] {"models/missing"}), "a name with a folder is a file's");
        assertTrue(CommandLine.opensFile(new String[] {folder.toString()}), "the window says a folder is no model");
    }

    @Test
    void commandsOptionsHelpAndBareWordsStayCommands() throws Exception {
        assertTrue(CommandLine.isCommand(new String[] {"info"}));
        assertTrue(CommandLine.isCommand(new String[] {"tarce"}), "a mistyped command is reported as one");
        assertTrue(CommandLine.isCommand(new String[] {"--help"}));
        assertTrue(CommandLine.isCommand(new String[] {"--model=lstm.safetensors"}));
        Path model = Files.writeString(folder.resolve("model.pt"), "x");
        assertTrue(CommandLine.isCommand(new String[] {model.toString(), "--ids"}));
        assertFalse(CommandLine.opensFile(new String[] {"help"}));
    }

    @Test
    void sessionOptionOpensTheWindowNotACommand() {
        assertTrue(CommandLine.opensSession(new String[] {"--session", "lecture.gatescope"}));
        assertFalse(CommandLine.isCommand(new String[] {"--session", "lecture.gatescope"}));
        assertTrue(CommandLine.isCommand(new String[] {"--session"}), "without a file it is the command line's mistake");
    }
}
