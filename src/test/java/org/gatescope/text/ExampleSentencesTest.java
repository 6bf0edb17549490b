package org.gatescope.text;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.gatescope.text.ExampleSentences.Example;
import org.gatescope.text.ExampleSentences.Number;
import org.junit.jupiter.api.Test;

/** The bundled examples' format, whoever wrote the sentences: every construction in both numbers, with attractors. */
class ExampleSentencesTest {

    private static final List<String> CONSTRUCTIONS = List.of("simple", "pp", "subject-relative", "object-relative",
            "object-relative-no-that", "within-object-relative", "sentential-complement", "vp-coordination-short",
            "vp-coordination-long", "copula-adjective", "lecture-clause");

    @Test
    void everyClassicConstructionHasExamplesInBothNumbers() {
        ExampleSentences examples = ExampleSentences.bundled();
        assertTrue(examples.constructions().containsAll(CONSTRUCTIONS), examples.constructions().toString());
        for (String construction : examples.constructions()) {
            Set<Number> numbers = EnumSet.noneOf(Number.class);
            examples.of(construction).forEach(e -> numbers.add(e.number()));
            assertEquals(EnumSet.allOf(Number.class), numbers, construction);
        }
    }

    @Test
    void someExamplesHaveAttractors() {
        assertTrue(ExampleSentences.bundled().all().stream().anyMatch(e -> e.attractors() > 0));
    }

    @Test
    void everySentenceIsASentence() {
        for (Example example : ExampleSentences.bundled().all()) {
            List<String> tokens = Tokenizer.tokenize(example.sentence());
            assertTrue(tokens.size() >= 3, example.toString());
            assertEquals(".", tokens.get(tokens.size() - 1), "ends with a full stop: " + example);
        }
    }

    @Test
    void theClassicConstructionsHaveReadableTitles() {
        for (String construction : CONSTRUCTIONS) {
            String title = ExampleSentences.title(construction);
            assertTrue(title.contains(" ") && !title.contains(construction), title);
            assertTrue(Character.isUpperCase(title.charAt(0)), title);
        }
        assertEquals("Across a prepositional phrase", ExampleSentences.title("pp"));
        assertEquals("Garden path", ExampleSentences.title("garden-path"));
    }

    @Test
    void rowsAreReadInFileOrderGroupedByConstruction() throws IOException {
        ExampleSentences examples = parse("construction\tnumber\tattractors\tsentence\n"
                + "pp\tpl\t1\tThe keys to the cabinet are here.\n"
                + "simple\tsg\t0\tThe cat is hungry.\n"
                + "\n"
                + "pp\tsg\t2\tThe key to the cabinets of the rooms is here.\n");
        assertEquals(List.of("pp", "simple"), examples.constructions());
        assertEquals(List.of(new Example("pp", Number.PLURAL, 1, "The keys to the cabinet are here."),
                new Example("pp", Number.SINGULAR, 2, "The key to the cabinets of the rooms is here.")), examples.of("pp"));
        assertEquals("singular, 2 attractors", examples.of("pp").get(1).describe());
        assertEquals("singular, no attractor", examples.of("simple").get(0).describe());
    }

    @Test
    void malformedRowsAreRefusedWithTheirLine() {
        String header = "construction\tnumber\tattractors\tsentence\n";
        IllegalArgumentException noHeader = assertThrows(IllegalArgumentException.class,
                () -> parse("simple\tsg\t0\tThe cat is hungry.\n"));
        assertTrue(noHeader.getMessage().contains("header"), noHeader.getMessage());
        assertEquals(1, assertDoesNotThrow(() -> parse("id\tnum\tattractor_count\ttext\nsimple\tsg\t0\tThe cat.\n"))
                .all().size(), "the header's names are free");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse(header + "simple\tdual\t0\tThe cat.\n"))
                .getMessage().contains("line 2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse(header + "simple\tsg\t-1\tThe cat.\n"))
                .getMessage().contains("attractors"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse(header + "simple\tsg\t0\n"))
                .getMessage().contains("4 tab-separated fields"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse(header + "simple\tsg\t0\t  \n"))
                .getMessage().contains("empty"));
    }

    private static ExampleSentences parse(String tsv) throws IOException {
        return ExampleSentences.parse(new BufferedReader(new StringReader(tsv)));
    }
}
