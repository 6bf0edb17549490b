package org.gatescope.text;

import java.util.List;

/**
 * What can still be seen of a word the vocabulary lacks, as statistical parsers keep it: an unseen
 * plural noun still ends in -s, a name is capitalised, a number is digits. A vocabulary that holds
 * these signature tokens reads an unknown word as its signature instead of the bare {@code <unk>};
 * one that does not (every model trained before signatures) reads it as {@code <unk>}, as before.
 *
 * <p>The tests run in this order, the first that holds wins: a number, a capitalised word (not at
 * the start of a sentence: the caller says), -ing, -ed, -ly, -s, anything else.
 */
public enum UnknownWordSignature {
    NUMBER("<unk-num>", "a number"),
    CAPITALISED("<unk-Cap>", "a capitalised word"),
    ING("<unk-ing>", "a word ending in -ing"),
    ED("<unk-ed>", "a word ending in -ed"),
    LY("<unk-ly>", "a word ending in -ly"),
    S("<unk-s>", "a word ending in -s"),
    OTHER(Vocabulary.UNKNOWN, "a word with no signature: no known ending, not a number");

    private final String token;
    private final String description;

    UnknownWordSignature(String token, String description) {
        this.token = token;
        this.description = description;
    }

    /** What words of this signature are: "a word ending in -s". */
    public String description() {
        return description;
    }

    /** The signature's name in files ({@code trace}'s JSON): number, capitalised, ing, ed, ly, s, other. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The vocabulary token that stands for words of this signature. */
    public String token() {
        return token;
    }

    /** Every signature token, for a vocabulary to include ({@link #OTHER} is {@code <unk>} itself). */
    public static List<String> tokens() {
        return List.of(NUMBER.token, CAPITALISED.token, ING.token, ED.token, LY.token, S.token);
    }

    /**
     * The signature of {@code word} as typed (before lower-casing, so a capital can be seen).
     *
     * @param sentenceStart whether the word opens a sentence, where a capital says nothing
     */
    public static UnknownWordSignature of(String word, boolean sentenceStart) {
        if (!word.isEmpty() && word.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == ',')
                && word.chars().anyMatch(Character::isDigit)) {
            return NUMBER;
        }
        if (!sentenceStart && !word.isEmpty() && Character.isUpperCase(word.codePointAt(0))) {
            return CAPITALISED;
        }
        String w = word.toLowerCase(java.util.Locale.ROOT);
        if (w.length() > 4 && w.endsWith("ing")) {
            return ING;
        }
        if (w.length() > 3 && w.endsWith("ed")) {
            return ED;
        }
        if (w.length() > 3 && w.endsWith("ly")) {
            return LY;
        }
        if (w.length() > 2 && w.endsWith("s") && !w.endsWith("ss")) {
            return S;
        }
        return OTHER;
    }
}
