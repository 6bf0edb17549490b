package org.gatescope.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The verbs whose form shows the subject's number, each with its partner in the other number:
 * what the prediction panel and the memory reach compare ("is or are?"). Two sources: the
 * irregular pairs English always has (the grammar's main verbs, and does/do), and the pairs a
 * model's vocabulary spells — a singular -s form whose base form is in the vocabulary too
 * ("runs"/"run", "watches"/"watch", "carries"/"carry").
 *
 * <p>Spelling alone cannot tell "runs" from "cats": nouns of the {@link Lexicon} and a few function
 * words that end in s ("its", "this", "us") are never read as verbs, and {@link VerbTarget} reads
 * a word right after a determiner as a noun. Immutable.
 */
public final class AgreementVerbs {

    /** A verb in both numbers. */
    public record Pair(String singular, String plural) {

        public String form(boolean plural) {
            return plural ? this.plural : singular;
        }

        /** The other number's form of {@code form}, one of this pair's two. */
        public String partner(String form) {
            return form.equals(singular) ? plural : singular;
        }
    }

    /** Irregular pairs, known without a vocabulary; the grammar's main verbs first, in its order. */
    static final List<Pair> IRREGULAR = irregular();

    /** Words that end like a singular -s form but are none. */
    private static final Set<String> NOT_VERBS = Set.of("its", "this", "his", "hers", "ours", "yours", "theirs",
            "us", "as", "thus", "yes", "less", "unless", "always", "perhaps", "news", "series", "species");

    private final List<Pair> pairs;
    private final Map<String, Pair> pairOf = new HashMap<>();

    private AgreementVerbs(List<Pair> pairs) {
        this.pairs = List.copyOf(pairs);
        for (Pair pair : this.pairs) {
            pairOf.putIfAbsent(pair.singular(), pair);
            pairOf.putIfAbsent(pair.plural(), pair);
        }
    }

    /** The irregular pairs and those {@code vocabulary} spells, irregular ones first, then in vocabulary order. */
    public static AgreementVerbs of(Collection<String> vocabulary) {
        List<Pair> pairs = new ArrayList<>(IRREGULAR);
        Set<String> taken = new HashSet<>();
        for (Pair pair : IRREGULAR) {
            taken.add(pair.singular());
            taken.add(pair.plural());
        }
        Set<String> words = new HashSet<>(vocabulary);
        for (String word : vocabulary) {
            String base = baseForm(word, words);
            if (base != null && !taken.contains(word) && !taken.contains(base) && isVerbLike(word)
                    && isVerbLike(base)) {
                pairs.add(new Pair(word, base));
                taken.add(word);
                taken.add(base);
            }
        }
        return new AgreementVerbs(pairs);
    }

    /** Every pair, irregular ones first. */
    public List<Pair> pairs() {
        return pairs;
    }

    /** The pair {@code word} is a form of, if it is one. */
    public Optional<Pair> pairOf(String word) {
        return Optional.ofNullable(pairOf.get(word));
    }

    /** The base form {@code word} is the singular -s form of, if {@code words} holds it; else null. */
    private static String baseForm(String word, Set<String> words) {
        if (word.length() > 4 && word.endsWith("ies")) {
            String base = word.substring(0, word.length() - 3) + "y";
            if (words.contains(base)) {
                return base; // carries → carry; "dies" falls through to "die"
            }
        }
        if (word.length() > 3 && word.endsWith("es")) {
            String base = word.substring(0, word.length() - 2);
            if (words.contains(base) && (base.endsWith("s") || base.endsWith("x") || base.endsWith("z")
                    || base.endsWith("ch") || base.endsWith("sh") || base.endsWith("o"))) {
                return base;
            }
        }
        if (word.length() > 2 && word.endsWith("s") && !word.endsWith("ss")) {
            String base = word.substring(0, word.length() - 1);
            return words.contains(base) ? base : null;
        }
        return null;
    }

    /**
     * Not a function word, and either no noun of the grammar or a verb form the lexicon lists too
     * ("runs" is a noun's plural and a verb's -s form; "cats" is only a noun).
     */
    private static boolean isVerbLike(String word) {
        return !NOT_VERBS.contains(word) && word.chars().allMatch(Character::isLetter)
                && ((!Lexicon.isNumberedNoun(word) && !Lexicon.isNeutralNoun(word)) || isLexiconVerb(word));
    }

    private static boolean isLexiconVerb(String word) {
        return EnglishLexicon.bundled().lookup(word).stream()
                .anyMatch(e -> e.wordClass() == EnglishLexicon.WordClass.VERB
                        && (e.inflection() == EnglishLexicon.Inflection.SG
                            || e.inflection() == EnglishLexicon.Inflection.BASE));
    }

    private static List<Pair> irregular() {
        List<Pair> pairs = new ArrayList<>();
        for (Lexicon.VerbPair verb : Lexicon.MAIN_VERBS) {
            pairs.add(new Pair(verb.singular(), verb.plural()));
        }
        pairs.add(new Pair("does", "do"));
        return List.copyOf(pairs);
    }
}
