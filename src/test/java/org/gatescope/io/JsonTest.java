package org.gatescope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonTest {

    @Test
    void objectKeepsKeysInDocumentOrder() {
        Object parsed = Json.parse("{\"z\": 1, \"a\": 2, \"m\": 3}");
        LinkedHashMap<?, ?> map = assertInstanceOf(LinkedHashMap.class, parsed);
        assertEquals(List.of("z", "a", "m"), List.copyOf(map.keySet()));
    }

    @Test
    void nestedValuesMapToJavaCollections() {
        Object parsed = Json.parse(" {\"a\": [1, 2.5, \"x\", true, false, null, {}, []]}\n");
        assertEquals(Map.of("a", Arrays.asList(1L, 2.5, "x", true, false, null, Map.of(), List.of())), parsed);
    }

    @Test
    void integersWithoutFractionOrExponentAreLongs() {
        assertEquals(0L, Json.parse("0"));
        assertEquals(-17L, Json.parse("-17"));
        assertEquals(Long.MAX_VALUE, Json.parse("9223372036854775807"));
    }

    @Test
    void fractionsExponentsAndHugeIntegersAreDoubles() {
        assertEquals(1.5, Json.parse("1.5"));
        assertEquals(100.0, Json.parse("1E2"));
        assertEquals(-0.025, Json.parse("-2.5e-2"));
        assertEquals(1.0, Json.parse("1.0"));
        assertEquals(9.223372036854775808E18, Json.parse("9223372036854775808"));
    }

    @Test
    void stringEscapesAreDecoded() {
        assertEquals("a\"b\\c/d\b\f\n\r\té😀",
                Json.parse("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\""));
    }

    @Test
    void nonAsciiTextPassesThrough() {
        assertEquals(List.of("Γu", "c̃", "…"), Json.parse("[\"Γu\", \"c̃\", \"…\"]"));
    }

    @Test
    void literalsAreParsed() {
        assertEquals(true, Json.parse("true"));
        assertEquals(false, Json.parse("false"));
        assertNull(Json.parse("null"));
    }

    @Test
    void missingColonIsReportedWithItsOffset() {
        var e = assertThrows(JsonException.class, () -> Json.parse("{\"dtype\": \"F32\", \"shape\" [1]}"));
        assertEquals("invalid JSON at offset 25: expected ':', found '['", e.getMessage());
        assertEquals(25, e.offset());
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "``                        | offset 0: unexpected end of input, expected a value",
        "`   `                     | offset 3: unexpected end of input, expected a value",
        "[1, 2,]                   | offset 6: unexpected ']', expected a value",
        "{\"a\": 1,}               | offset 8: expected '\"' to start a key, found '}'",
        "[1 2]                     | offset 3: expected ',' or ']', found '2'",
        "{\"a\": 1 \"b\": 2}       | offset 8: expected ',' or '}', found '\"'",
        "{'a': 1}                  | offset 1: expected '\"' to start a key, found '''",
        "[01]                      | offset 2: leading zeros are not allowed",
        "[-]                       | offset 2: expected a digit, found ']'",
        "[1.]                      | offset 3: expected a digit after '.', found ']'",
        "[1e]                      | offset 3: expected a digit in the exponent, found ']'",
        "[+1]                      | offset 1: unexpected '+', expected a value",
        "[NaN]                     | offset 1: unexpected 'N', expected a value",
        "[tru]                     | offset 1: unexpected 't', expected a value",
        "[1] [2]                   | offset 4: unexpected '[' after the value",
        "[1] // note               | offset 4: unexpected '/' after the value",
        "\"abc                     | offset 4: unterminated string",
        "\"a\\x\"                  | offset 2: invalid escape \\x",
        "\"\\u12G4\"               | offset 5: invalid hex digit 'G' in \\u escape",
        "\"\\u12\"                 | offset 1: incomplete \\u escape",
        "[1e400]                   | offset 1: number 1e400 is out of range",
        "{\"a\": 1, \"a\": 2}      | offset 9: duplicate key \"a\"",
    })
    void malformedJsonIsRefusedSayingWhatAndWhere(String text, String expected) {
        var e = assertThrows(JsonException.class, () -> Json.parse(text));
        assertEquals("invalid JSON at " + expected, e.getMessage());
    }

    @Test
    void unescapedControlCharacterInStringIsRefused() {
        var e = assertThrows(JsonException.class, () -> Json.parse("\"a\nb\""));
        assertEquals("invalid JSON at offset 2: control character U+000A must be escaped in a string", e.getMessage());
    }

    @Test
    void deepNestingIsRefusedInsteadOfOverflowingTheStack() {
        String deep = "[".repeat(100_000);
        var e = assertThrows(JsonException.class, () -> Json.parse(deep));
        assertEquals("invalid JSON at offset " + Json.MAX_DEPTH + ": nesting deeper than " + Json.MAX_DEPTH + " levels",
                e.getMessage());
    }

    @Test
    void nestingUpToTheLimitIsAccepted() {
        String text = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);
        assertInstanceOf(List.class, Json.parse(text));
    }
}
