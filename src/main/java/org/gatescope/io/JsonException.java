package org.gatescope.io;

/** Text that is not valid JSON. The message says what was expected and at which offset. */
public class JsonException extends RuntimeException {

    private final int offset;

    public JsonException(int offset, String problem) {
        super("invalid JSON at offset " + offset + ": " + problem);
        this.offset = offset;
    }

    /** Index of the offending char in the parsed text. */
    public int offset() {
        return offset;
    }
}
