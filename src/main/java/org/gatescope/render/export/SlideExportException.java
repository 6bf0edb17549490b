package org.gatescope.render.export;

/** A slide export that cannot be made as asked; the message says why in one line, for the user. */
public final class SlideExportException extends Exception {

    public SlideExportException(String message) {
        super(message);
    }
}
