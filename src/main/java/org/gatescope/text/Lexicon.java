package org.gatescope.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gatescope.text.EnglishLexicon.Entry;
import org.gatescope.text.EnglishLexicon.Inflection;
import org.gatescope.text.EnglishLexicon.Valency;
import org.gatescope.text.EnglishLexicon.WordClass;

/**
 * The words of the agreement grammar, by the role they play in it, drawn from the
 * {@link EnglishLexicon} (WordNet's classes and categories) so that the sentences stay plausible:
 * people and animals laugh and like things, things are old or have been broken. Every list keeps
 * the lexicon's order (most frequent first), so the corpus is the same on every machine.
 *
 * <p>A few words the lexicon holds are never put into generated sentences: slurs and insults,
 * names of nations, faiths and parties used as nouns for people, and people known by name
 * ({@link #NOT_IN_SENTENCES}); a model still reads them, as whatever the training taught it of
 * words like them.
 */
public final class Lexicon {

    /** A noun whose number the verb must agree with; the two forms are distinct words. */
    public record NounPair(String singular, String plural) {
        public String form(boolean plural) {
            return plural ? this.plural : singular;
        }
    }

    /** A verb in both numbers; "has"/"have" take "been" before the predicate. */
    public record VerbPair(String singular, String plural, boolean takesBeen) {
        public String form(boolean plural) {
            return plural ? this.plural : singular;
        }
    }

    /** A present-tense lexical verb: "laughs"/"laugh", with its past "laughed". */
    public record LexicalVerb(String singular, String plural, String past, boolean transitive,
                              boolean intransitive) {
        public String form(boolean plural) {
            return plural ? this.plural : singular;
        }

        public VerbPair pair() {
            return new VerbPair(singular, plural, false);
        }
    }

    public static final String DETERMINER = "the";
    public static final String COMMA = ",";
    public static final String FULL_STOP = ".";
    /** Stands for "whatever else the cat ate", as on the lecture slide. */
    public static final String FILLER = Tokenizer.ELLIPSIS;
    public static final String BEEN = "been";
    public static final String AND = "and";
    public static final String THAT = "that";

    /** Never in a generated sentence (see the class comment); the lexicon still lists them. */
    static final Set<String> NOT_IN_SENTENCES = Set.copyOf(List.of(
            "jew", "american", "liberal", "catholic", "negro", "nigger", "jap", "christ", "devil", "god", "bastard",
            "protestant", "holmes", "mexican", "white", "plato", "adam", "eve", "german", "redcoat", "rousseau",
            "shakespeare", "communist", "christian", "indian", "russian", "reb", "republican", "voltaire",
            "jesus", "yank", "nazi", "pope", "rabbi", "saint", "democrat", "englishman", "frenchman", "scot",
            "swiss", "yankee", "aristotle", "napoleon", "british", "buddha", "hitler", "picasso", "sioux",
            "martian", "roman", "whore", "pimp", "jackass", "idiot", "fool", "freak", "fiend", "ghoul",
            "lunkhead", "jerk", "drunk", "virgin", "witch", "stravinsky", "bourbon", "neutralist", "southerner",
            "northerner", "conservative", "reactionary", "positivist", "subjectivist", "propagandist", "oyabun",
            "jimdandy", "jimhickey", "more", "general", "private", "ordinary", "chosen", "dear", "compulsive",
            "female", "male", "human", "giant", "young", "total", "round", "release", "addition", "etcetera",
            "europe", "africa", "mississippi", "pacific", "aegean", "mars", "agent", "constituent", "opium",
            "drug", "whisky", "liquor", "beer", "wine", "cigarette", "cigar", "bomb", "bomber", "gun", "rifle",
            "pistol", "musket", "weapon", "bullet", "missile", "ammunition", "cartridge", "cannon", "artillery",
            "sexual", "gay", "jewish", "black", "colored", "damn", "damned", "stupid", "dead", "killer",
            "murderer", "assassin", "kidnapper", "slave", "prisoner", "criminal", "thief", "robber", "bandit",
            "racketeer", "gangster", "gunman", "crook", "rustler", "victim", "prey", "traitor", "coward", "sinner",
            "maniac", "madman", "hypocrite", "egotist", "monster", "demon", "dragon", "angel", "spirit", "soul",
            "divinity", "phantom", "banshee", "mankind", "anode", "cathode", "ion", "electron", "micelle",
            "manifold", "transducer", "aerator", "andrena", "bombus", "psithyrus", "bronc", "catkin", "pansy",
            "subsection", "stretch", "wash", "output", "mount", "charger", "fly", "young", "crazy", "mad",
            "religious", "political", "christian", "english", "irish", "greek", "european", "soviet", "russian",
            "southern", "northern", "western", "south", "domestic", "foreign", "military", "nuclear", "female",
            "married", "innocent", "guilty", "wounded", "sick", "afraid", "angry", "furious", "fierce", "terrible",
            "awful", "ugly", "fat", "blind", "poor", "rich", "killing"));

    private static final EnglishLexicon ENGLISH = EnglishLexicon.bundled();

    /** People and animals: they laugh, like things and say things. */
    public static final List<NounPair> ANIMATE_NOUNS;
    /** Things that can be old, on the table or next to the door: artifacts, objects, food, plants. */
    public static final List<NounPair> THING_NOUNS;
    /** Every noun with a number the grammar uses: animate nouns, then things. */
    public static final List<NounPair> NOUNS;
    /** Every other noun with two forms (ideas, problems, weeks): objects of prepositions and verbs. */
    public static final List<NounPair> OTHER_NOUNS;
    /** Nouns that look the same in both numbers ("ate the fish"): never an attractor. */
    public static final List<String> NEUTRAL_NOUNS;
    /** Present-tense verbs a person or an animal does, with or without an object. */
    public static final List<LexicalVerb> INTRANSITIVE_VERBS;
    public static final List<LexicalVerb> TRANSITIVE_VERBS;
    /** Past tense (with an object), so a relative clause's verb never shows the number: "which ate the fish". */
    public static final List<String> CLAUSE_VERBS;
    /** Past tense verbs that take a sentence: "the mechanic said the author laughs". */
    public static final List<String> SAYING_VERBS;
    public static final List<String> RELATIVE_PRONOUNS = List.of("which", "that", "who");
    public static final List<String> ADVERBS;
    /** Adjectives after a copula: "the keys are old". */
    public static final List<String> PREDICATES;
    /** Prepositions, each as its tokens: "near", "next to", "in front of". */
    public static final List<List<String>> PREPOSITIONS;
    /** Determiners for a singular and for a plural noun phrase ("a" becomes "an" before a vowel). */
    public static final List<String> SINGULAR_DETERMINERS = List.of(
            "the", "the", "the", "the", "the", "the", "a", "this", "that", "my", "our", "their", "his", "her",
            "every", "each");
    public static final List<String> PLURAL_DETERMINERS = List.of(
            "the", "the", "the", "the", "the", "the", "these", "those", "my", "our", "their", "his", "her",
            "some", "many", "two", "three", "several", "few", "all", "both");
    /** "every day", "at night": time adverbials of the long verb-phrase coordination. */
    public static final List<List<String>> TIME_ADVERBIALS = List.of(
            List.of("every", "day"), List.of("every", "night"), List.of("every", "week"), List.of("at", "night"),
            List.of("on", "sunday"), List.of("in", "the", "morning"), List.of("in", "the", "evening"),
            List.of("all", "day"), List.of("every", "morning"), List.of("each", "year"));

    public static final List<VerbPair> MAIN_VERBS = List.of(
            new VerbPair("was", "were", false), new VerbPair("is", "are", false), new VerbPair("has", "have", true));

    /** Lookups only; never iterated, so HashMap's order cannot leak into anything. */
    private static final Map<String, Boolean> NOUN_IS_PLURAL = new HashMap<>();
    private static final Map<String, VerbPair> MAIN_VERB_OF = new HashMap<>();

    private static final Set<String> ANIMATE = Set.of("noun.person", "noun.animal");
    private static final Set<String> THINGS = Set.of("noun.artifact", "noun.object", "noun.food", "noun.plant");
    /** What people and animals do (WordNet's verb categories): not "change" or "weather". */
    private static final Set<String> DOING = Set.of("verb.body", "verb.motion", "verb.communication",
            "verb.emotion", "verb.perception", "verb.consumption", "verb.social", "verb.competition",
            "verb.cognition", "verb.contact", "verb.possession", "verb.creation");
    private static final List<String> SAYING = List.of("said", "thought", "knew", "believed", "hoped", "claimed",
            "noticed", "felt", "remembered", "heard", "wrote", "decided", "suggested", "explained", "argued",
            "admitted", "realized", "insisted", "announced", "guessed", "assumed", "agreed", "forgot", "learned");
    /** Adverbs that sit before a verb ("which already ate"): the everyday -ly ones and these. */
    private static final Set<String> PLAIN_ADVERBS = Set.of("already", "often", "always", "still", "just",
            "also", "never", "once", "again", "soon", "sometimes", "usually", "finally", "recently", "suddenly",
            "really", "probably", "perhaps", "certainly", "quietly", "slowly", "quickly", "carefully", "simply",
            "rarely", "seldom", "gradually", "clearly");
    /** Adjectives that do not stand after "is": "the cat is other", "the keys were fourth". */
    private static final Set<String> NOT_PREDICATIVE = Set.copyOf(List.of("other", "such", "own", "same", "another", "only",
            "whole", "certain", "various", "several", "latter", "former", "further", "following", "additional",
            "entire", "mere", "given", "main", "chief", "principal", "upper", "inner", "outer", "prior",
            "previous", "total", "overall", "maximum", "minimum", "average", "particular", "specific", "actual",
            "likely", "possible", "necessary", "very", "less", "more", "most", "much", "enough", "former",
            "fourth", "fifth", "third", "second", "first", "last", "next", "past", "present", "future", "few",
            "many", "each", "every", "any", "some", "all", "double", "extra", "front", "back", "top", "ultimate",
            "initial", "final", "supposed", "based", "located", "pursuant", "needed", "required", "related",
            "corresponding", "mixed", "existing", "increased", "continued", "concerned", "involved", "marked",
            "fixed", "given", "bound", "out", "up", "down", "away", "over", "above", "near", "far", "straight",
            "aqueous", "binomial", "diagonalizable", "paramagnetic", "nonspecific", "hypothalamic", "skeletal",
            "respiratory", "autonomic", "bacterial", "thermal", "analytic", "vocational", "theological",
            "administrative", "operational", "physiological", "metropolitan", "residential", "anti", "hundred",
            "thousand", "million", "fifty", "forty", "thirty", "twenty", "fifteen", "twelve", "nine", "eight",
            "seven", "six", "five", "four", "three", "two", "ten", "nineteenth", "damned"));
    private static final List<String> SINGLE_PREPOSITIONS = List.of("near", "with", "behind", "beside", "under",
            "of", "in", "on", "at", "to", "from", "by", "over", "above", "below", "among", "around", "across",
            "along", "against", "inside", "outside", "for", "without", "beyond", "past", "toward", "into");
    private static final List<String> MULTI_WORD_PREPOSITIONS = List.of("next to", "in front of", "across from",
            "on top of", "close to", "far from", "ahead of", "next door to");

    static {
        Map<String, NounPair> animate = new LinkedHashMap<>();
        Map<String, NounPair> things = new LinkedHashMap<>();
        Map<String, NounPair> others = new LinkedHashMap<>();
        List<String> neutral = new ArrayList<>();
        Map<String, String> singularOf = new LinkedHashMap<>();
        Map<String, Entry> singularEntry = new LinkedHashMap<>();
        for (Entry entry : ENGLISH.entries()) {
            if (entry.wordClass() == WordClass.NOUN && entry.inflection() == Inflection.SG) {
                singularEntry.putIfAbsent(entry.lemma(), entry);
            }
        }
        for (Entry entry : ENGLISH.entries()) {
            if (entry.wordClass() != WordClass.NOUN || entry.inflection() != Inflection.PL) {
                continue;
            }
            Entry singular = singularEntry.get(entry.lemma());
            // "clothes", "pa": a singular that looks plural or is a bare syllable makes a poor subject.
            if (singular == null || NOT_IN_SENTENCES.contains(singular.form()) || singular.form().length() < 3
                    || (singular.form().endsWith("s") && !singular.form().endsWith("ss")
                        && !singular.form().equals(entry.form()))) {
                continue;
            }
            if (singular.form().equals(entry.form())) {
                if (ANIMATE.contains(entry.category()) || THINGS.contains(entry.category())) {
                    neutral.add(entry.form());
                }
                continue;
            }
            singularOf.put(entry.form(), singular.form());
            NounPair pair = new NounPair(singular.form(), entry.form());
            if (ANIMATE.contains(singular.category())) {
                animate.putIfAbsent(pair.singular(), pair);
            } else if (THINGS.contains(singular.category())) {
                things.putIfAbsent(pair.singular(), pair);
            } else {
                others.putIfAbsent(pair.singular(), pair);
            }
        }
        // A form that is both a noun and another noun's plural ("people" is a noun of its own) is kept once.
        ANIMATE_NOUNS = unambiguous(animate.values(), Map.of());
        THING_NOUNS = unambiguous(things.values(), pairsOf(ANIMATE_NOUNS));
        List<NounPair> nouns = new ArrayList<>(ANIMATE_NOUNS);
        nouns.addAll(THING_NOUNS);
        NOUNS = List.copyOf(nouns);
        for (NounPair pair : NOUNS) {
            NOUN_IS_PLURAL.put(pair.singular(), false);
            NOUN_IS_PLURAL.put(pair.plural(), true);
        }
        neutral.removeIf(NOUN_IS_PLURAL::containsKey);
        NEUTRAL_NOUNS = List.copyOf(neutral);

        Map<String, String[]> verbForms = new LinkedHashMap<>();
        Map<String, Entry> verbEntry = new LinkedHashMap<>();
        for (Entry entry : ENGLISH.entries()) {
            if (entry.wordClass() == WordClass.VERB && DOING.contains(entry.category())) {
                String[] forms = verbForms.computeIfAbsent(entry.lemma(), l -> new String[3]);
                verbEntry.putIfAbsent(entry.lemma(), entry);
                switch (entry.inflection()) {
                    case SG -> forms[0] = entry.form();
                    case BASE -> forms[1] = entry.form();
                    case PAST -> forms[2] = entry.form();
                    default -> { }
                }
            }
        }
        List<LexicalVerb> intransitive = new ArrayList<>();
        List<LexicalVerb> transitive = new ArrayList<>();
        List<String> clauseVerbs = new ArrayList<>();
        for (Map.Entry<String, String[]> verb : verbForms.entrySet()) {
            String[] f = verb.getValue();
            Entry entry = verbEntry.get(verb.getKey());
            boolean usable = f[0] != null && f[1] != null && f[2] != null && !f[0].equals(f[1])
                    && !Set.of("be", "have", "do").contains(verb.getKey())
                    && !NOT_IN_SENTENCES.contains(f[1]) && !NOUN_IS_PLURAL.containsKey(f[0])
                    && !NOUN_IS_PLURAL.containsKey(f[1]) && !NOUN_IS_PLURAL.containsKey(f[2]);
            if (!usable) {
                continue;
            }
            boolean takesObject = entry.valency().contains(Valency.TRANSITIVE);
            boolean alone = entry.valency().contains(Valency.INTRANSITIVE);
            LexicalVerb lexical = new LexicalVerb(f[0], f[1], f[2], takesObject, alone);
            if (alone) {
                intransitive.add(lexical);
            }
            if (takesObject) {
                transitive.add(lexical);
                if (!SAYING.contains(f[2])) {
                    clauseVerbs.add(f[2]);
                }
            }
        }
        INTRANSITIVE_VERBS = List.copyOf(intransitive);
        Map<String, NounPair> taken = pairsOf(NOUNS);
        for (LexicalVerb verb : intransitive) {
            taken.put(verb.singular(), null);
            taken.put(verb.plural(), null);
        }
        for (LexicalVerb verb : transitive) {
            taken.put(verb.singular(), null);
            taken.put(verb.plural(), null);
            taken.put(verb.past(), null);
        }
        OTHER_NOUNS = unambiguous(others.values(), taken);
        for (NounPair pair : OTHER_NOUNS) {
            NOUN_IS_PLURAL.put(pair.singular(), false);
            NOUN_IS_PLURAL.put(pair.plural(), true);
        }
        TRANSITIVE_VERBS = List.copyOf(transitive);
        CLAUSE_VERBS = List.copyOf(new java.util.LinkedHashSet<>(clauseVerbs));
        SAYING_VERBS = SAYING.stream().filter(ENGLISH::knows).toList();

        List<String> adverbs = new ArrayList<>();
        List<String> predicates = new ArrayList<>();
        for (Entry entry : ENGLISH.entries()) {
            String w = entry.form();
            if (NOT_IN_SENTENCES.contains(w) || !w.chars().allMatch(Character::isLetter)) {
                continue;
            }
            if (entry.wordClass() == WordClass.ADV && (PLAIN_ADVERBS.contains(w) || w.endsWith("ly"))
                    && onlyReading(w, WordClass.ADV, WordClass.ADJ) && !adverbs.contains(w)) {
                adverbs.add(w);
            } else if (entry.wordClass() == WordClass.ADJ && onlyReading(w, WordClass.ADJ, WordClass.ADV)
                    && !"adj.pert".equals(entry.category()) && !NOT_PREDICATIVE.contains(w)
                    && !predicates.contains(w) && !NOUN_IS_PLURAL.containsKey(w)) {
                predicates.add(w);
            }
        }
        ADVERBS = List.copyOf(adverbs);
        PREDICATES = List.copyOf(predicates);
        List<List<String>> prepositions = new ArrayList<>();
        for (String p : SINGLE_PREPOSITIONS) {
            prepositions.add(List.of(p));
        }
        for (String p : MULTI_WORD_PREPOSITIONS) {
            prepositions.add(List.of(p.split(" ")));
        }
        PREPOSITIONS = List.copyOf(prepositions);
        for (VerbPair pair : MAIN_VERBS) {
            MAIN_VERB_OF.put(pair.singular(), pair);
            MAIN_VERB_OF.put(pair.plural(), pair);
        }
        for (LexicalVerb verb : INTRANSITIVE_VERBS) {
            MAIN_VERB_OF.putIfAbsent(verb.singular(), verb.pair());
            MAIN_VERB_OF.putIfAbsent(verb.plural(), verb.pair());
        }
        for (LexicalVerb verb : TRANSITIVE_VERBS) {
            MAIN_VERB_OF.putIfAbsent(verb.singular(), verb.pair());
            MAIN_VERB_OF.putIfAbsent(verb.plural(), verb.pair());
        }
    }

    private static final Set<String> NEUTRAL_SET = Set.copyOf(NEUTRAL_NOUNS);
    private static final Set<String> PREDICATE_SET = Set.copyOf(PREDICATES);
    private static final Set<String> CLAUSE_VERB_SET = Set.copyOf(CLAUSE_VERBS);
    private static final Set<String> ADVERB_SET = Set.copyOf(ADVERBS);

    private Lexicon() {
    }

    private static Map<String, NounPair> pairsOf(List<NounPair> pairs) {
        Map<String, NounPair> forms = new HashMap<>();
        // null values mark forms taken by verbs
        for (NounPair pair : pairs) {
            forms.put(pair.singular(), pair);
            forms.put(pair.plural(), pair);
        }
        return forms;
    }

    /** The pairs whose forms no earlier pair (or {@code taken}) uses already, in order. */
    private static List<NounPair> unambiguous(Iterable<NounPair> pairs, Map<String, NounPair> taken) {
        Map<String, NounPair> used = new HashMap<>(taken);
        List<NounPair> kept = new ArrayList<>();
        for (NounPair pair : pairs) {
            if (!used.containsKey(pair.singular()) && !used.containsKey(pair.plural())
                    && pair.singular().chars().allMatch(Character::isLetter)
                    && pair.plural().chars().allMatch(Character::isLetter)) {
                used.put(pair.singular(), pair);
                used.put(pair.plural(), pair);
                kept.add(pair);
            }
        }
        return List.copyOf(kept);
    }

    /** Whether every reading of {@code word} in the lexicon is of the given classes. */
    private static boolean onlyReading(String word, WordClass... classes) {
        Set<WordClass> allowed = Set.of(classes);
        return ENGLISH.lookup(word).stream().allMatch(e -> allowed.contains(e.wordClass()));
    }

    /**
     * Every token the grammar can produce, each once, in a fixed order (the tokens of the
     * lecture's grammar first).
     */
    public static List<String> words() {
        java.util.LinkedHashSet<String> words = new java.util.LinkedHashSet<>();
        words.add(DETERMINER);
        words.add(COMMA);
        words.add(FULL_STOP);
        words.add(FILLER);
        words.addAll(RELATIVE_PRONOUNS);
        for (List<NounPair> nouns : List.of(NOUNS, OTHER_NOUNS)) {
            for (NounPair pair : nouns) {
                words.add(pair.singular());
                words.add(pair.plural());
            }
        }
        words.addAll(NEUTRAL_NOUNS);
        words.addAll(CLAUSE_VERBS);
        words.addAll(ADVERBS);
        PREPOSITIONS.forEach(words::addAll);
        for (VerbPair pair : MAIN_VERBS) {
            words.add(pair.singular());
            words.add(pair.plural());
        }
        for (List<LexicalVerb> verbs : List.of(INTRANSITIVE_VERBS, TRANSITIVE_VERBS)) {
            for (LexicalVerb verb : verbs) {
                words.add(verb.singular());
                words.add(verb.plural());
            }
        }
        words.addAll(SAYING_VERBS);
        words.add(BEEN);
        words.add(AND);
        words.addAll(PREDICATES);
        words.addAll(SINGULAR_DETERMINERS);
        words.add("an");
        words.addAll(PLURAL_DETERMINERS);
        TIME_ADVERBIALS.forEach(words::addAll);
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
        return NEUTRAL_SET.contains(word);
    }

    public static boolean isPredicate(String word) {
        return PREDICATE_SET.contains(word);
    }

    public static boolean isClauseVerb(String word) {
        return CLAUSE_VERB_SET.contains(word);
    }

    public static boolean isAdverb(String word) {
        return ADVERB_SET.contains(word);
    }

    /** Whether {@code word} is a verb whose form shows the number: was/were, is/are, has/have, laughs/laugh. */
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
