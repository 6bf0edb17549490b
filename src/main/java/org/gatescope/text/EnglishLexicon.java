package org.gatescope.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Everyday English as derived from WordNet 3.0 by {@code src/tools/lexicon/derive_lexicon.py}:
 * every word form with its class, lemma, inflection, WordNet category and verb frames. Forms
 * keep the file's order (closed classes, names and places, then each open class most frequent
 * first), so a vocabulary read from it is the same on every machine.
 */
public final class EnglishLexicon {

    static final String RESOURCE = "english-lexicon.tsv";

    /** What a word is in a sentence; {@code PREP} includes the multi-word ones ("in front of"). */
    public enum WordClass {
        NOUN, VERB, ADJ, ADV, AUX, DET, POSSESSIVE, PRONOUN, PREP, COMPLEMENTISER, CONJUNCTION,
        NEGATION, MODAL, NUMBER, PUNCTUATION, NAME, PLACE
    }

    /** Which form of its lemma a word is: a noun's number, a verb's base, -s or past form. */
    public enum Inflection {
        NONE, SG, PL, BASE, PAST, PAST_SG, PAST_PL, PARTICIPLE
    }

    /** Whether a verb's frames allow no object ("people laugh") or one ("people like books"). */
    public enum Valency { INTRANSITIVE, TRANSITIVE }

    /** One line of the lexicon; {@code category} is WordNet's lexicographer file, e.g. noun.animal. */
    public record Entry(String form, WordClass wordClass, String lemma, Inflection inflection,
                        String category, Set<Valency> valency, int frequency) {
        public Entry {
            valency = valency.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(valency));
        }
    }

    private static final class Bundled {
        static final EnglishLexicon LEXICON = read();
    }

    private final List<Entry> entries;
    private final Map<String, List<Entry>> byForm;

    private EnglishLexicon(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        Map<String, List<Entry>> forms = new LinkedHashMap<>();
        for (Entry entry : entries) {
            forms.computeIfAbsent(entry.form(), f -> new ArrayList<>()).add(entry);
        }
        forms.replaceAll((form, list) -> List.copyOf(list));
        this.byForm = Collections.unmodifiableMap(forms);
    }

    /** The lexicon that ships with GateScope, read once. */
    public static EnglishLexicon bundled() {
        return Bundled.LEXICON;
    }

    /** Every entry in file order; a form may have several (a noun and a verb, say). */
    public List<Entry> entries() {
        return entries;
    }

    /** The distinct word forms in file order; multi-word prepositions are one form each. */
    public List<String> forms() {
        return List.copyOf(byForm.keySet());
    }

    /** Every reading of {@code form} (case-insensitive); empty when it is not everyday English. */
    public List<Entry> lookup(String form) {
        return byForm.getOrDefault(form.toLowerCase(Locale.ROOT), List.of());
    }

    public boolean knows(String form) {
        return !lookup(form).isEmpty();
    }

    private static EnglishLexicon read() {
        try (InputStream in = EnglishLexicon.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the lexicon " + RESOURCE + " is missing from the build");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static EnglishLexicon parse(BufferedReader reader) throws IOException {
        List<Entry> entries = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 7) {
                throw new IllegalStateException(RESOURCE + " line " + number + ": expected 7 fields, found " + f.length);
            }
            entries.add(new Entry(f[0], WordClass.valueOf(f[1].toUpperCase(Locale.ROOT)), f[2],
                    inflection(f[3]), f[4].equals("-") ? "" : f[4], valency(f[5]), Integer.parseInt(f[6])));
        }
        return new EnglishLexicon(entries);
    }

    private static Inflection inflection(String field) {
        return field.equals("-") ? Inflection.NONE
                : Inflection.valueOf(field.replace('-', '_').toUpperCase(Locale.ROOT));
    }

    private static Set<Valency> valency(String field) {
        Set<Valency> valency = EnumSet.noneOf(Valency.class);
        if (!field.equals("-")) {
            for (String frame : field.split("\\+")) {
                valency.add(Valency.valueOf(frame.toUpperCase(Locale.ROOT)));
            }
        }
        return valency;
    }
}
