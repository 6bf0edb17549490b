package org.gatescope.cli;

import java.io.InputStream;
import java.io.PrintStream;

/** One headless command. It orchestrates; the work lives in engine, io and render. */
interface Command {

    /** The word that selects it: {@code trace}, {@code info}, ... */
    String name();

    /** One line for the help listing. */
    String summary();

    /** Its synopsis, as docs/cli.md lists it. */
    String usage();

    /**
     * @param args every argument after the command's name
     * @return the exit status: 0 on success
     * @throws UsageException for a user's mistake (exit status 2)
     */
    int run(String[] args, InputStream in, PrintStream out, PrintStream err) throws Exception;
}
