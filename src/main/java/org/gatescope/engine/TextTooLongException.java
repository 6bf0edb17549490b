package org.gatescope.engine;

/** A text whose trace would not fit in this JVM's memory; the message says how to proceed. */
public final class TextTooLongException extends IllegalArgumentException {

    public TextTooLongException(String message) {
        super(message);
    }
}
