package org.gatescope.io;

import java.io.IOException;
import java.util.Arrays;

/**
 * Writes JSON straight to an {@link Appendable} as it is produced, so that a trace of
 * 100,000 tokens never exists as one string in memory. Checks the calls make a single
 * well-formed value (a misplaced call throws {@link IllegalStateException}).
 *
 * <p>Strings are escaped as RFC 8259 requires, plus U+2028, U+2029 (for JavaScript readers)
 * and unpaired surrogates (which UTF-8 cannot carry); other non-ASCII characters are written
 * as they are. Doubles are written with {@link Double#toString(double)}, which reads back to
 * the same double. Pretty output (two-space indent) unless {@code compact}.
 */
public final class JsonWriter {

    /** Where the writer stands, per open container; the bottom entry is the document. */
    private enum Scope { EMPTY_DOCUMENT, FULL_DOCUMENT, EMPTY_ARRAY, ARRAY, EMPTY_OBJECT, OBJECT, NAME }

    private final Appendable out;
    private final boolean compact;
    private Scope[] stack = new Scope[16];
    private int depth;

    /** A pretty-printing writer. {@code out} is appended to and never closed. */
    public JsonWriter(Appendable out) {
        this(out, false);
    }

    /** @param out appended to and never closed; buffer it (a BufferedWriter) if it is a file */
    public JsonWriter(Appendable out, boolean compact) {
        this.out = out;
        this.compact = compact;
        stack[depth++] = Scope.EMPTY_DOCUMENT;
    }

    public JsonWriter beginObject() throws IOException {
        return open(Scope.EMPTY_OBJECT, '{');
    }

    public JsonWriter endObject() throws IOException {
        return close(Scope.EMPTY_OBJECT, Scope.OBJECT, '}');
    }

    public JsonWriter beginArray() throws IOException {
        return open(Scope.EMPTY_ARRAY, '[');
    }

    public JsonWriter endArray() throws IOException {
        return close(Scope.EMPTY_ARRAY, Scope.ARRAY, ']');
    }

    /** The key of the next member of the current object. */
    public JsonWriter name(String name) throws IOException {
        Scope scope = top();
        if (scope != Scope.EMPTY_OBJECT && scope != Scope.OBJECT) {
            throw new IllegalStateException("name(\"" + name + "\") outside an object, or twice in a row");
        }
        if (scope == Scope.OBJECT) {
            out.append(',');
        }
        newline();
        string(name);
        out.append(compact ? ":" : ": ");
        stack[depth - 1] = Scope.NAME;
        return this;
    }

    /** A string, or null if {@code value} is null. */
    public JsonWriter value(String value) throws IOException {
        if (value == null) {
            return nullValue();
        }
        beforeValue();
        string(value);
        return this;
    }

    /** @throws IllegalArgumentException for NaN and infinities, which JSON cannot represent */
    public JsonWriter value(double value) throws IOException {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("JSON cannot represent " + value);
        }
        beforeValue();
        out.append(Double.toString(value));
        return this;
    }

    public JsonWriter value(long value) throws IOException {
        beforeValue();
        out.append(Long.toString(value));
        return this;
    }

    public JsonWriter value(boolean value) throws IOException {
        beforeValue();
        out.append(value ? "true" : "false");
        return this;
    }

    public JsonWriter nullValue() throws IOException {
        beforeValue();
        out.append("null");
        return this;
    }

    private JsonWriter open(Scope empty, char bracket) throws IOException {
        beforeValue();
        if (depth == stack.length) {
            stack = Arrays.copyOf(stack, depth * 2);
        }
        stack[depth++] = empty;
        out.append(bracket);
        return this;
    }

    private JsonWriter close(Scope empty, Scope full, char bracket) throws IOException {
        Scope scope = top();
        if (scope == Scope.NAME) {
            throw new IllegalStateException("'" + bracket + "' right after a name: the name needs a value");
        }
        if (scope != empty && scope != full) {
            throw new IllegalStateException("'" + bracket + "' does not close the innermost open container");
        }
        depth--;
        if (scope == full) {
            newline();
        }
        out.append(bracket);
        return this;
    }

    /** Puts the separator a value needs here and records that the current container now holds one. */
    private void beforeValue() throws IOException {
        switch (top()) {
            case EMPTY_DOCUMENT -> stack[depth - 1] = Scope.FULL_DOCUMENT;
            case FULL_DOCUMENT -> throw new IllegalStateException("a JSON document holds one top-level value");
            case EMPTY_ARRAY -> {
                stack[depth - 1] = Scope.ARRAY;
                newline();
            }
            case ARRAY -> {
                out.append(',');
                newline();
            }
            case NAME -> stack[depth - 1] = Scope.OBJECT;
            case EMPTY_OBJECT, OBJECT ->
                    throw new IllegalStateException("a value inside an object needs a name() first");
        }
    }

    private Scope top() {
        return stack[depth - 1];
    }

    private void newline() throws IOException {
        if (compact) {
            return;
        }
        out.append('\n');
        for (int i = 1; i < depth; i++) {
            out.append("  ");
        }
    }

    /** Appends {@code s} quoted and escaped, copying unescaped runs in one call. */
    private void string(String s) throws IOException {
        out.append('"');
        int runStart = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            String escape = escape(s, i, c);
            if (escape != null) {
                out.append(s, runStart, i).append(escape);
                runStart = i + 1;
            }
        }
        out.append(s, runStart, n).append('"');
    }

    /** The escape sequence for the char at {@code i}, or null if it is written as it is. */
    private static String escape(String s, int i, char c) {
        return switch (c) {
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case '\b' -> "\\b";
            case '\f' -> "\\f";
            case '\u2028', '\u2029' -> unicodeEscape(c);
            default -> c < 0x20 || isUnpairedSurrogate(s, i, c) ? unicodeEscape(c) : null;
        };
    }

    private static boolean isUnpairedSurrogate(String s, int i, char c) {
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }

    private static String unicodeEscape(char c) {
        return String.format("\\u%04x", (int) c);
    }
}
