package org.gatescope.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict JSON parser (RFC 8259) for safetensors headers and model metadata,
 * where a lenient reading would hide a damaged file.
 *
 * <p>Values map to: object → {@link LinkedHashMap} (keys in document order; a repeated key
 * is an error), array → {@link List}, string → {@link String}, true/false → {@link Boolean},
 * null → {@code null}, number → {@link Long} when written without fraction or exponent and
 * within long range, otherwise {@link Double}. Comments, trailing commas, single quotes,
 * leading zeros, NaN and unescaped control characters are refused.
 */
public final class Json {

    /** Deeper nesting is refused rather than risking a stack overflow on hostile input. */
    static final int MAX_DEPTH = 512;

    private final String text;
    private int pos;

    private Json(String text) {
        this.text = text;
    }

    /**
     * Parses one JSON value that makes up the whole of {@code text} (surrounding whitespace allowed).
     *
     * @throws JsonException saying what was wrong and at which offset
     */
    public static Object parse(String text) {
        Json parser = new Json(text);
        parser.skipWhitespace();
        Object value = parser.value(0);
        parser.skipWhitespace();
        if (parser.pos < text.length()) {
            throw parser.error("unexpected " + parser.describeCurrent() + " after the value");
        }
        return value;
    }

    /** A parsed value's kind for messages: "a number", "an array [1, 2]", "null". */
    static String describe(Object value) {
        if (value == null) {
            return "null";
        } else if (value instanceof String) {
            return "a string";
        } else if (value instanceof Number) {
            return "a number";
        } else if (value instanceof Boolean) {
            return "a boolean";
        } else if (value instanceof List<?>) {
            return "an array " + abbreviate(value);
        }
        return "an object";
    }

    /** A parsed value as text, cut short so that a hostile file cannot flood a message. */
    static String abbreviate(Object value) {
        String text = String.valueOf(value);
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    private Object value(int depth) {
        if (pos >= text.length()) {
            throw error("unexpected end of input, expected a value");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || isDigit(c)) {
                    yield number();
                }
                throw error("unexpected " + describeCurrent() + ", expected a value");
            }
        };
    }

    private Map<String, Object> object(int depth) {
        checkDepth(depth);
        pos++; // '{'
        Map<String, Object> map = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return map;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected '\"' to start a key, found " + describeCurrent());
            }
            int keyStart = pos;
            String key = string();
            if (map.containsKey(key)) {
                throw new JsonException(keyStart, "duplicate key \"" + key + "\"");
            }
            skipWhitespace();
            expect(':');
            skipWhitespace();
            map.put(key, value(depth));
            skipWhitespace();
            if (peek() == ',') {
                pos++;
            } else if (peek() == '}') {
                pos++;
                return map;
            } else {
                throw error("expected ',' or '}', found " + describeCurrent());
            }
        }
    }

    private List<Object> array(int depth) {
        checkDepth(depth);
        pos++; // '['
        List<Object> list = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return list;
        }
        while (true) {
            skipWhitespace();
            list.add(value(depth));
            skipWhitespace();
            if (peek() == ',') {
                pos++;
            } else if (peek() == ']') {
                pos++;
                return list;
            } else {
                throw error("expected ',' or ']', found " + describeCurrent());
            }
        }
    }

    private String string() {
        pos++; // opening quote
        StringBuilder sb = new StringBuilder();
        int runStart = pos;
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                sb.append(text, runStart, pos);
                pos++;
                return sb.toString();
            } else if (c == '\\') {
                sb.append(text, runStart, pos);
                escape(sb);
                runStart = pos;
            } else if (c < 0x20) {
                throw error("control character U+" + hex4(c) + " must be escaped in a string");
            } else {
                pos++;
            }
        }
    }

    /** Reads the escape sequence at {@code pos} (a backslash) and appends what it stands for. */
    private void escape(StringBuilder sb) {
        int start = pos;
        pos++; // backslash
        if (pos >= text.length()) {
            throw error("unterminated string");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '"', '\\', '/' -> sb.append(c);
            case 'b' -> sb.append('\b');
            case 'f' -> sb.append('\f');
            case 'n' -> sb.append('\n');
            case 'r' -> sb.append('\r');
            case 't' -> sb.append('\t');
            case 'u' -> {
                if (pos + 5 > text.length()) {
                    throw new JsonException(start, "incomplete \\u escape");
                }
                int code = 0;
                for (int i = pos + 1; i < pos + 5; i++) {
                    int digit = Character.digit(text.charAt(i), 16);
                    if (digit < 0) {
                        throw new JsonException(i, "invalid hex digit " + describe(text.charAt(i)) + " in \\u escape");
                    }
                    code = code * 16 + digit;
                }
                sb.append((char) code);
                pos += 4;
            }
            default -> throw new JsonException(start, "invalid escape \\" + c);
        }
        pos++;
    }

    private Object number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
            if (isDigit(peek())) {
                throw error("leading zeros are not allowed");
            }
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw error("expected a digit, found " + describeCurrent());
        }
        boolean integral = true;
        if (peek() == '.') {
            integral = false;
            pos++;
            if (!isDigit(peek())) {
                throw error("expected a digit after '.', found " + describeCurrent());
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            integral = false;
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw error("expected a digit in the exponent, found " + describeCurrent());
            }
            digits();
        }
        String literal = text.substring(start, pos);
        if (integral) {
            try {
                return Long.parseLong(literal);
            } catch (NumberFormatException tooLong) {
                // beyond long range: fall through to a double, as a JavaScript reader would
            }
        }
        double value = Double.parseDouble(literal);
        if (Double.isInfinite(value)) {
            throw new JsonException(start, "number " + literal + " is out of range");
        }
        return value;
    }

    private void digits() {
        while (isDigit(peek())) {
            pos++;
        }
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected " + describeCurrent() + ", expected a value");
        }
        pos += word.length();
        return value;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "', found " + describeCurrent());
        }
        pos++;
    }

    private void checkDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH + " levels");
        }
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    /** The char at {@code pos}, or 0 at the end (0 never matches what callers look for). */
    private char peek() {
        return pos < text.length() ? text.charAt(pos) : 0;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private String describeCurrent() {
        return pos < text.length() ? describe(text.charAt(pos)) : "end of input";
    }

    private static String describe(char c) {
        return c < 0x20 || c > 0x7e ? "U+" + hex4(c) : "'" + c + "'";
    }

    private static String hex4(char c) {
        return String.format("%04X", (int) c);
    }

    private JsonException error(String problem) {
        return new JsonException(pos, problem);
    }
}
