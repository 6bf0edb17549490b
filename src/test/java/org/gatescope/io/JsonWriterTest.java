package org.gatescope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

    private final StringBuilder out = new StringBuilder();
    private final JsonWriter compact = new JsonWriter(out, true);

    @Test
    void compactOutputHasNoWhitespace() throws IOException {
        compact.beginObject()
                .name("cell").value("lstm")
                .name("hidden").value(16)
                .name("steps").beginArray().value(0.25).value(-1.5e-7).endArray()
                .name("probs").nullValue()
                .name("ok").value(true)
                .endObject();
        assertEquals("{\"cell\":\"lstm\",\"hidden\":16,\"steps\":[0.25,-1.5E-7],\"probs\":null,\"ok\":true}",
                out.toString());
    }

    @Test
    void prettyOutputIndentsByTwoSpaces() throws IOException {
        new JsonWriter(out).beginObject()
                .name("tokens").beginArray().value("the").value("cat").endArray()
                .name("empty").beginObject().endObject()
                .name("none").beginArray().endArray()
                .endObject();
        assertEquals("""
                {
                  "tokens": [
                    "the",
                    "cat"
                  ],
                  "empty": {},
                  "none": []
                }""", out.toString());
    }

    @Test
    void stringsEscapeQuotesBackslashesAndControlCharacters() throws IOException {
        compact.value("say \"hi\"\\ \n\r\t\b\f \u0000 \u001f \u007f");
        assertEquals("\"say \\\"hi\\\"\\\\ \\n\\r\\t\\b\\f \\u0000 \\u001f \u007f\"", out.toString());
    }

    @Test
    void nonAsciiIsWrittenAsIsButLineSeparatorsAndLoneSurrogatesAreEscaped() throws IOException {
        compact.beginArray().value("Γu c̃ … 😀").value("a\u2028b\u2029").value("x\ud800y\udc00").endArray();
        assertEquals("[\"Γu c̃ … 😀\",\"a\\u2028b\\u2029\",\"x\\ud800y\\udc00\"]", out.toString());
    }

    @Test
    void everyCharacterRoundTripsThroughTheParser() throws IOException {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x3000; c++) {
            all.append(c);
        }
        all.append("😀\ud800");
        compact.value(all.toString());
        assertEquals(all.toString(), Json.parse(out.toString()));
    }

    @Test
    void doublesReadBackExactly() throws IOException {
        Random random = new Random(7);
        double[] values = new double[1000];
        for (int i = 0; i < values.length; i++) {
            values[i] = Double.longBitsToDouble(random.nextLong());
            if (!Double.isFinite(values[i])) {
                values[i] = random.nextGaussian();
            }
        }
        values[0] = Double.MIN_VALUE;
        values[1] = Double.MAX_VALUE;
        values[2] = -0.0;
        values[3] = 0.1f;
        compact.beginArray();
        for (double v : values) {
            compact.value(v);
        }
        compact.endArray();
        List<?> parsed = (List<?>) Json.parse(out.toString());
        for (int i = 0; i < values.length; i++) {
            assertEquals(Double.doubleToLongBits(values[i]), Double.doubleToLongBits((Double) parsed.get(i)),
                    "value " + i);
        }
    }

    @Test
    void nanAndInfinityAreRefused() throws IOException {
        compact.beginArray();
        assertThrows(IllegalArgumentException.class, () -> compact.value(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> compact.value(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> compact.value(Double.NEGATIVE_INFINITY));
    }

    @Test
    void longsAndNullStringsAreWrittenAsTheyAre() throws IOException {
        compact.beginArray().value(Long.MIN_VALUE).value((String) null).value(false).endArray();
        assertEquals("[-9223372036854775808,null,false]", out.toString());
    }

    @Test
    void outputIsStreamedAsItIsWritten() throws IOException {
        StringWriter sink = new StringWriter();
        JsonWriter writer = new JsonWriter(sink, true);
        writer.beginObject().name("steps").beginArray();
        for (int i = 0; i < 100_000; i++) {
            writer.value(i * 0.5);
        }
        assertTrue(sink.getBuffer().length() > 500_000, "values reach the sink before the document is closed");
        writer.endArray().endObject();
        assertEquals(100_000, ((List<?>) ((Map<?, ?>) Json.parse(sink.toString())).get("steps")).size());
    }

    @Test
    void valueInsideAnObjectWithoutANameIsRefused() throws IOException {
        compact.beginObject();
        assertThrows(IllegalStateException.class, () -> compact.value(1));
    }

    @Test
    void nameOutsideAnObjectIsRefused() throws IOException {
        assertThrows(IllegalStateException.class, () -> compact.name("a"));
        compact.beginArray();
        assertThrows(IllegalStateException.class, () -> compact.name("a"));
    }

    @Test
    void twoNamesInARowAreRefused() throws IOException {
        compact.beginObject().name("a");
        assertThrows(IllegalStateException.class, () -> compact.name("b"));
    }

    @Test
    void closingTheWrongContainerIsRefused() throws IOException {
        compact.beginObject();
        assertThrows(IllegalStateException.class, compact::endArray);
        compact.name("a");
        assertThrows(IllegalStateException.class, compact::endObject);
    }

    @Test
    void secondTopLevelValueIsRefused() throws IOException {
        compact.value(1);
        assertThrows(IllegalStateException.class, () -> compact.value(2));
        assertThrows(IllegalStateException.class, compact::endArray);
    }
}
