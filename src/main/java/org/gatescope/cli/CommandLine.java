package org.gatescope.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.lang.System.Logger.Level;
import java.nio.file.InvalidPathException;
import java.util.Arrays;
import java.util.List;
import org.gatescope.engine.TextTooLongException;
import org.gatescope.engine.analysis.GateSaturation;
import org.gatescope.io.ModelFileException;
import org.gatescope.render.ReachChart;

/**
 * Dispatches {@code gatescope COMMAND ...} to the headless commands and turns a user's
 * mistake into one line on stderr with exit status 2 — never a stack trace.
 *
 * <p>A user's mistake is a typed exception: {@link UsageException} (the command line),
 * {@link ModelFileException} (the model file), {@link TextTooLongException} (a text whose trace
 * would not fit in memory), {@link InvalidPathException} (a file name the system cannot use; every
 * path a command opens comes from its arguments). Anything else, a bare
 * {@link IllegalArgumentException} included, is a bug: it is reported as an internal error with
 * exit status 1, and its stack trace goes to the log, not to the user's error line.
 */
public final class CommandLine {

    /** Exit status for bad input. */
    public static final int BAD_INPUT = 2;
    /** Exit status for an internal error: a bug in GateScope, not in the input. */
    public static final int INTERNAL_ERROR = 1;

    private static final System.Logger LOG = System.getLogger(CommandLine.class.getName());

    private static final List<Command> COMMANDS = List.of(new TraceCommand(), new HeatmapCommand(),
            new ReachCommand(), new SaturationCommand(), new InfoCommand(), new TrainCommand(), new EvaluateCommand(), new BenchCommand(),
            new TextbookCommand(), new ImportCommand(), new StatesCommand(), new ProbeCommand(), new SearchCommand(),
            new DiffCommand(), new MemoryCommand(), new ExportCommand());

    private CommandLine() {
    }

    /** Whether {@code args} ask for a headless command rather than the window. */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && !opensFile(args) && !opensSession(args);
    }

    /** Whether {@code args} are {@code --session FILE}: the window, on that saved session. */
    public static boolean opensSession(String[] args) {
        return args.length == 2 && args[0].equals("--session") && !args[1].isBlank();
    }

    /**
     * Whether {@code args} name one file to open in the window ({@code gatescope model.h5}, or a file
     * manager's double-click): one argument that is no command, option or help, and that is a file
     * or reads as a file's name (it has a folder or an extension). It need not exist: the window
     * says what is wrong with a missing or unreadable file, where a double-click would never show
     * the command line's message. A bare word ({@code gatescope tarce}) stays an unknown command.
     */
    public static boolean opensFile(String[] args) {
        if (args.length != 1 || args[0].isBlank() || args[0].startsWith("-") || args[0].equals("help")
                || COMMANDS.stream().anyMatch(c -> c.name().equals(args[0]))) {
            return false;
        }
        try {
            java.nio.file.Path path = java.nio.file.Path.of(args[0]);
            java.nio.file.Path name = path.getFileName();
            return java.nio.file.Files.exists(path) || path.getNameCount() > 1 || path.isAbsolute()
                    || (name != null && name.toString().lastIndexOf('.') > 0);
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /** Runs one command; returns the exit status (0 ok, 2 bad input, 1 internal error). */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return run(COMMANDS, args, in, out, err);
    }

    /** As {@link #run(String[], InputStream, PrintStream, PrintStream)}, choosing among {@code commands}. */
    static int run(List<Command> commands, String[] args, InputStream in, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
            printHelp(out);
            return 0;
        }
        Command command = commands.stream().filter(c -> c.name().equals(args[0])).findFirst().orElse(null);
        if (command == null) {
            err.println("gatescope: unknown command '" + args[0] + "' (commands: "
                    + String.join(", ", commands.stream().map(Command::name).toList()) + ")");
            return BAD_INPUT;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        if (rest.length == 1 && (rest[0].equals("--help") || rest[0].equals("-h"))) {
            out.println("usage: gatescope " + command.usage());
            return 0;
        }
        // --palette chooses the colours for one command only (tests run many in one JVM)
        org.gatescope.render.Palette palette = org.gatescope.render.Theme.palette();
        try {
            return command.run(rest, in, out, err);
        } catch (UsageException e) {
            err.println("gatescope " + e.getMessage());
            return BAD_INPUT;
        } catch (ModelFileException e) {
            err.println("gatescope " + command.name() + ": " + e.getMessage());
            return BAD_INPUT;
        } catch (TextTooLongException e) {
            err.println("gatescope " + command.name() + ": " + e.getMessage());
            return BAD_INPUT;
        } catch (InvalidPathException e) {
            err.println("gatescope " + command.name() + ": '" + e.getInput() + "' is not a usable file name: "
                    + e.getReason());
            return BAD_INPUT;
        } catch (OutOfMemoryError e) {
            err.println("gatescope " + command.name() + ": ran out of memory; try a shorter text or more -Xmx");
            return BAD_INPUT;
        } catch (Exception e) {
            err.println("gatescope " + command.name() + ": internal error (a bug in GateScope, not in your input): "
                    + e + "; please report it with the command you ran");
            LOG.log(Level.ERROR, "internal error in gatescope " + command.name(), e);
            return INTERNAL_ERROR;
        } finally {
            org.gatescope.render.Theme.use(palette);
        }
    }

    private static void printHelp(PrintStream out) {
        out.println("GateScope: see how GRU, LSTM and peephole LSTM cells move information through a sentence.");
        out.println();
        out.println("usage: gatescope                    opens the window");
        out.println("       gatescope FILE               opens the window on a model file");
        out.println("       gatescope COMMAND [options]  runs headless");
        out.println("(installed as a package, or from a build: java -jar gatescope.jar with the same arguments)");
        out.println();
        out.println("commands:");
        for (Command command : COMMANDS) {
            out.printf("  %-10s %s%n", command.name(), command.summary());
            out.println("             " + command.usage());
        }
        out.println();
        out.println("M is a model file (.safetensors) or a bundled model's name: lstm, gru, peephole_lstm, rnn,");
        out.println("gru_simple, lstm_textbook, gru_textbook. heatmap, reach and saturation draw what the window");
        out.println("exports, pixel for pixel: reach up to " + ReachChart.MAX_TOKENS + " tokens, saturation over the "
                + GateSaturation.HELD_OUT_SENTENCES + " held-out");
        out.println("agreement sentences unless given a text.");
        out.println("Bad input exits with status 2 and one line on stderr saying what was wrong; an internal error");
        out.println("(a bug) exits with status 1.");
    }
}
