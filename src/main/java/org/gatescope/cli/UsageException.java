package org.gatescope.cli;

/** A user's mistake on the command line: reported as one line on stderr with exit status 2. */
final class UsageException extends Exception {

    UsageException(String message) {
        super(message);
    }
}
