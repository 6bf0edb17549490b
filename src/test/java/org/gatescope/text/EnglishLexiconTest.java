package org.gatescope.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.gatescope.text.EnglishLexicon.Entry;
import org.gatescope.text.EnglishLexicon.Inflection;
import org.gatescope.text.EnglishLexicon.Valency;
import org.gatescope.text.EnglishLexicon.WordClass;
import org.junit.jupiter.api.Test;

class EnglishLexiconTest {

    private final EnglishLexicon lexicon = EnglishLexicon.bundled();

    @Test
    void holdsAtLeastFiveThousandWordForms() {
        assertTrue(lexicon.forms().size() >= 5000, "forms: " + lexicon.forms().size());
    }

    @Test
    void knowsEveryWordOfTheSentencesPeopleTypeFirst() {
        for (String sentence : List.of("The keys to the cabinet are on the table.",
                "My friends, who live in Paris, were late.", "The author of the books was famous.",
                "The boy who the girls like is tall.", "The cat, which already ate ..., was full.")) {
            List<String> unknown = Tokenizer.tokenize(sentence).stream()
                    .filter(word -> !lexicon.knows(word)).toList();
            assertEquals(List.of(), unknown, sentence);
        }
    }

    @Test
    void nounsComeInBothNumbersIrregularOnesIncluded() {
        assertEquals("mouse", reading("mice", WordClass.NOUN).lemma());
        assertEquals(Inflection.PL, reading("children", WordClass.NOUN).inflection());
        assertEquals("person", reading("people", WordClass.NOUN).lemma());
        assertEquals("woman", reading("women", WordClass.NOUN).lemma());
        assertEquals(Inflection.SG, reading("cabinet", WordClass.NOUN).inflection());
        assertEquals(Set.of(Inflection.SG, Inflection.PL), inflections("sheep", WordClass.NOUN),
                "a zero plural reads in both numbers");
    }

    @Test
    void verbsHaveBaseThirdPersonAndPastForms() {
        assertEquals(Inflection.BASE, reading("laugh", WordClass.VERB).inflection());
        assertEquals(Inflection.SG, reading("laughs", WordClass.VERB).inflection());
        assertEquals("go", reading("went", WordClass.VERB).lemma());
        assertEquals(Inflection.PAST, reading("ate", WordClass.VERB).inflection());
        assertEquals(Inflection.PAST, reading("stopped", WordClass.VERB).inflection());
        assertFalse(lexicon.lookup("gone").stream().anyMatch(e -> e.inflection() == Inflection.PAST),
                "a participle is not the simple past");
    }

    @Test
    void auxiliariesAndCopulasCarryTheirNumber() {
        assertEquals(Inflection.SG, reading("is", WordClass.AUX).inflection());
        assertEquals(Inflection.PL, reading("are", WordClass.AUX).inflection());
        assertEquals(Inflection.PAST_SG, reading("was", WordClass.AUX).inflection());
        assertEquals(Inflection.PAST_PL, reading("were", WordClass.AUX).inflection());
        assertEquals(Inflection.SG, reading("has", WordClass.AUX).inflection());
        assertEquals(Inflection.PL, reading("do", WordClass.AUX).inflection());
    }

    @Test
    void wordNetCategoriesTellPeopleAndAnimalsFromThings() {
        assertEquals("noun.animal", reading("cat", WordClass.NOUN).category());
        assertEquals("noun.person", reading("teacher", WordClass.NOUN).category());
        assertEquals("noun.artifact", reading("cabinet", WordClass.NOUN).category());
        assertTrue(reading("laugh", WordClass.VERB).valency().contains(Valency.INTRANSITIVE));
        assertTrue(reading("like", WordClass.VERB).valency().contains(Valency.TRANSITIVE));
    }

    @Test
    void closedClassesIncludeMultiWordPrepositionsNamesAndPlaces() {
        for (String preposition : List.of("next to", "in front of", "across from", "of", "on")) {
            assertEquals(WordClass.PREP, lexicon.lookup(preposition).get(0).wordClass(), preposition);
        }
        assertEquals(WordClass.POSSESSIVE, lexicon.lookup("their").get(0).wordClass());
        assertEquals(WordClass.NAME, lexicon.lookup("Mary").get(0).wordClass());
        assertEquals(WordClass.PLACE, lexicon.lookup("Paris").get(0).wordClass());
    }

    @Test
    void openClassesAreListedMostFrequentFirst() {
        List<Integer> nounFrequencies = lexicon.entries().stream()
                .filter(e -> e.wordClass() == WordClass.NOUN && e.inflection() == Inflection.SG)
                .map(Entry::frequency).limit(1000).toList();
        for (int i = 1; i < nounFrequencies.size(); i++) {
            assertTrue(nounFrequencies.get(i) <= nounFrequencies.get(i - 1), "noun " + i);
        }
    }

    private Entry reading(String form, WordClass wordClass) {
        return lexicon.lookup(form).stream().filter(e -> e.wordClass() == wordClass).findFirst()
                .orElseThrow(() -> new AssertionError(form + " is not a " + wordClass));
    }

    private Set<Inflection> inflections(String form, WordClass wordClass) {
        return lexicon.lookup(form).stream().filter(e -> e.wordClass() == wordClass)
                .map(Entry::inflection).collect(Collectors.toSet());
    }
}
