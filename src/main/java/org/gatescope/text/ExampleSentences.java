package org.gatescope.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sentences a teacher tries first, one list per agreement construction (simple, across a
 * prepositional phrase, inside an object relative clause…), in both numbers and with attractors:
 * what the window's "Try a sentence" menu offers. Read from {@code example-sentences.tsv}
 * (columns construction, number {@code sg}/{@code pl}, attractors, sentence; a header line),
 * constructions in file order.
 */
public final class ExampleSentences {

    static final String RESOURCE = "example-sentences.tsv";
    static final String HEADER = "construction\tnumber\tattractors\tsentence";

    /** The subject's number, which the verb must agree with. */
    public enum Number {
        SINGULAR("sg", "singular"), PLURAL("pl", "plural");

        private final String id;
        private final String word;

        Number(String id, String word) {
            this.id = id;
            this.word = word;
        }

        public String id() {
            return id;
        }

        /** "singular" or "plural". */
        public String word() {
            return word;
        }

        static Number of(String id) {
            for (Number n : values()) {
                if (n.id.equals(id)) {
                    return n;
                }
            }
            return null;
        }
    }

    /**
     * One example.
     *
     * @param attractors how many nouns of the other number stand between the subject and its verb
     */
    public record Example(String construction, Number number, int attractors, String sentence) {

        /** "singular, 1 attractor", as a menu shows it beside the sentence. */
        public String describe() {
            return number.word() + ", " + (attractors == 0 ? "no attractor"
                    : attractors + (attractors == 1 ? " attractor" : " attractors"));
        }
    }

    /** Readable titles of the constructions GateScope's corpus knows; any other id is shown as it is spelt. */
    private static final Map<String, String> TITLES = Map.ofEntries(
            Map.entry("simple", "Simple agreement"),
            Map.entry("pp", "Across a prepositional phrase"),
            Map.entry("subject-relative", "Across a subject relative clause"),
            Map.entry("object-relative", "Across an object relative clause"),
            Map.entry("object-relative-no-that", "Across an object relative clause without \u201Cthat\u201D"),
            Map.entry("within-object-relative", "Inside an object relative clause"),
            Map.entry("sentential-complement", "In a sentential complement"),
            Map.entry("vp-coordination-short", "Short verb-phrase coordination"),
            Map.entry("vp-coordination-long", "Long verb-phrase coordination"),
            Map.entry("copula-adjective", "Copula and adjective"),
            Map.entry("lecture-clause", "The lecture\u2019s comma clause"));

    private static final class Bundled {
        static final ExampleSentences EXAMPLES = read();
    }

    private final Map<String, List<Example>> byConstruction;

    private ExampleSentences(List<Example> examples) {
        Map<String, List<Example>> grouped = new LinkedHashMap<>();
        for (Example example : examples) {
            grouped.computeIfAbsent(example.construction(), c -> new ArrayList<>()).add(example);
        }
        grouped.replaceAll((c, list) -> List.copyOf(list));
        this.byConstruction = Collections.unmodifiableMap(grouped);
    }

    /** The examples that ship with GateScope, read once. */
    public static ExampleSentences bundled() {
        return Bundled.EXAMPLES;
    }

    /** The construction ids in file order. */
    public List<String> constructions() {
        return List.copyOf(byConstruction.keySet());
    }

    /** The examples of {@code construction} in file order; empty for an id the file lacks. */
    public List<Example> of(String construction) {
        return byConstruction.getOrDefault(construction, List.of());
    }

    /** Every example, construction by construction. */
    public List<Example> all() {
        List<Example> all = new ArrayList<>();
        byConstruction.values().forEach(all::addAll);
        return List.copyOf(all);
    }

    /** A title for a menu: "Across a prepositional phrase" for {@code pp}; an unknown id spelt out. */
    public static String title(String construction) {
        String title = TITLES.get(construction);
        if (title != null) {
            return title;
        }
        String words = construction.replace('-', ' ').replace('_', ' ');
        return words.isEmpty() ? words : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    private static ExampleSentences read() {
        try (InputStream in = ExampleSentences.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the examples " + RESOURCE + " are missing from the build");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the TSV format above.
     *
     * @throws IllegalArgumentException naming the line of a malformed row
     */
    static ExampleSentences parse(BufferedReader reader) throws IOException {
        // The header names the four columns; its spelling is free, but a first row of data is not a header.
        String header = reader.readLine();
        String[] names = header == null ? new String[0] : header.split("\t", -1);
        if (names.length != 4 || Number.of(names[1].strip()) != null) {
            throw new IllegalArgumentException(RESOURCE + " must start with a header line of four tab-separated"
                    + " column names, e.g. \"" + HEADER.replace("\t", "\\t") + "\"");
        }
        List<Example> examples = new ArrayList<>();
        String line;
        int number = 1;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 4) {
                throw new IllegalArgumentException(RESOURCE + " line " + number + ": expected 4 tab-separated fields, found "
                        + f.length);
            }
            String construction = f[0].strip();
            Number subject = Number.of(f[1].strip());
            if (construction.isEmpty() || subject == null) {
                throw new IllegalArgumentException(RESOURCE + " line " + number
                        + ": needs a construction id and the number sg or pl");
            }
            int attractors;
            try {
                attractors = Integer.parseInt(f[2].strip());
            } catch (NumberFormatException e) {
                attractors = -1;
            }
            if (attractors < 0) {
                throw new IllegalArgumentException(RESOURCE + " line " + number + ": attractors must be a count (0, 1, 2…)");
            }
            String sentence = f[3].strip();
            if (Tokenizer.tokenize(sentence).isEmpty()) {
                throw new IllegalArgumentException(RESOURCE + " line " + number + ": the sentence is empty");
            }
            examples.add(new Example(construction, subject, attractors, sentence));
        }
        return new ExampleSentences(examples);
    }
}
