package org.gatescope.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The words of the agreement grammar, by the role they play in it. The lists are in a fixed
 * order because the corpus vocabulary is read from them: append new words at the end of a
 * list only, and know that any change gives newly trained models a different vocabulary.
 */
public final class Lexicon {

    /** A noun whose number the verb must agree with; the two forms are distinct words. */
    public record NounPair(String singular, String plural) {
        public String form(boolean plural) {
            return plural ? this.plural : singular;
        }
    }

    /** A main verb in both numbers; "has"/"have" take "been" before the predicate. */
    public record VerbPair(String singular, String plural, boolean takesBeen) {
        public String form(boolean plural) {
            return plural ? this.plural : singular;
        }
    }

    public static final String DETERMINER = "the";
    public static final String COMMA = ",";
    public static final String FULL_STOP = ".";
    /** Stands for "whatever else the cat ate", as on the lecture slide. */
    public static final String FILLER = Tokenizer.ELLIPSIS;
    public static final String BEEN = "been";

    public static final List<NounPair> NOUNS = List.of(
            new NounPair("cat", "cats"), new NounPair("dog", "dogs"),
            new NounPair("child", "children"), new NounPair("mouse", "mice"),
            new NounPair("man", "men"), new NounPair("woman", "women"),
            new NounPair("bird", "birds"), new NounPair("teacher", "teachers"),
            new NounPair("horse", "horses"), new NounPair("boy", "boys"),
            new NounPair("girl", "girls"), new NounPair("fox", "foxes"),
            new NounPair("baby", "babies"), new NounPair("wolf", "wolves"),
            new NounPair("student", "students"), new NounPair("farmer", "farmers"),
            new NounPair("goose", "geese"), new NounPair("person", "people"),
            new NounPair("puppy", "puppies"), new NounPair("lady", "ladies"),
            new NounPair("ox", "oxen"), new NounPair("rabbit", "rabbits"),
            new NounPair("doctor", "doctors"), new NounPair("duck", "ducks"),
            new NounPair("king", "kings"), new NounPair("neighbor", "neighbors"));

    /** Nouns that look the same in both numbers ("ate the fish"): never an attractor. */
    public static final List<String> NEUTRAL_NOUNS = List.of("fish");

    public static final List<String> RELATIVE_PRONOUNS = List.of("which", "that", "who");
    /** Past tense, so the clause itself never shows the number. */
    public static final List<String> CLAUSE_VERBS =
            List.of("ate", "saw", "chased", "liked", "found", "heard", "fed", "followed");
    public static final List<String> ADVERBS = List.of("already", "finally", "quietly", "often");
    public static final List<String> PREPOSITIONS = List.of("near", "with", "behind", "beside", "under");

    public static final List<VerbPair> MAIN_VERBS = List.of(
            new VerbPair("was", "were", false), new VerbPair("is", "are", false), new VerbPair("has", "have", true));
    public static final List<String> PREDICATES =
            List.of("full", "hungry", "tired", "happy", "sleepy", "old", "young", "asleep");

    /** Lookups only; never iterated, so HashMap's order cannot leak into anything. */
    private static final Map<String, Boolean> NOUN_IS_PLURAL = new HashMap<>();
    private static final Map<String, VerbPair> MAIN_VERB_OF = new HashMap<>();

    static {
        for (NounPair pair : NOUNS) {
            NOUN_IS_PLURAL.put(pair.singular(), false);
            NOUN_IS_PLURAL.put(pair.plural(), true);
        }
        for (VerbPair pair : MAIN_VERBS) {
            MAIN_VERB_OF.put(pair.singular(), pair);
            MAIN_VERB_OF.put(pair.plural(), pair);
        }
    }

    private Lexicon() {
    }

    /** Every token the grammar can produce, each once, in a fixed order. */
    public static List<String> words() {
        List<String> words = new ArrayList<>();
        words.add(DETERMINER);
        words.add(COMMA);
        words.add(FULL_STOP);
        words.add(FILLER);
        words.addAll(RELATIVE_PRONOUNS);
        for (NounPair pair : NOUNS) {
            words.add(pair.singular());
            words.add(pair.plural());
        }
        words.addAll(NEUTRAL_NOUNS);
        words.addAll(CLAUSE_VERBS);
        words.addAll(ADVERBS);
        words.addAll(PREPOSITIONS);
        for (VerbPair pair : MAIN_VERBS) {
            words.add(pair.singular());
            words.add(pair.plural());
        }
        words.add(BEEN);
        words.addAll(PREDICATES);
        return List.copyOf(words);
    }

    /** Whether {@code word} is a noun with a number (not a neutral one like "fish"). */
    public static boolean isNumberedNoun(String word) {
        return NOUN_IS_PLURAL.containsKey(word);
    }

    /** Whether the numbered noun {@code word} is plural; false for anything else. */
    public static boolean isPluralNoun(String word) {
        return NOUN_IS_PLURAL.getOrDefault(word, false);
    }

    public static boolean isNeutralNoun(String word) {
        return NEUTRAL_NOUNS.contains(word);
    }

    public static boolean isMainVerb(String word) {
        return MAIN_VERB_OF.containsKey(word);
    }

    /** The pair {@code word} is a form of; only for words where {@link #isMainVerb} holds. */
    public static VerbPair mainVerb(String word) {
        VerbPair pair = MAIN_VERB_OF.get(word);
        if (pair == null) {
            throw new IllegalArgumentException("\"" + word + "\" is not a main verb");
        }
        return pair;
    }
}
