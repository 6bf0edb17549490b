package org.gatescope.io;

import java.nio.file.Path;

/**
 * A model or safetensors file that cannot be read or written. The message is one line for
 * the user: {@code "<file>: <problem>"}, e.g. {@code "m.safetensors: missing tensor head.bias
 * (expected shape [12], V)"}; the window and the CLI show it as it is.
 */
public class ModelFileException extends Exception {

    private final transient Path file;
    private final String problem;

    public ModelFileException(Path file, String problem) {
        this(file, problem, null);
    }

    public ModelFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
        this.problem = problem;
    }

    /** The file the problem is in. */
    public Path file() {
        return file;
    }

    /** The message without the file name. */
    public String problem() {
        return problem;
    }
}
