package org.gatescope.ui.explorer;

import org.gatescope.text.UnknownWord;
import org.gatescope.text.Vocabulary;

/**
 * One token of the traced text as the token strip shows it.
 *
 * @param index its position, counted from 0
 * @param text the token as the model reads it (lower-cased)
 * @param unknown whether the vocabulary lacks it, so the model read {@code <unk>} or its signature
 * @param readAs what the model read in its place: {@code <unk>} or a signature token such as {@code <unk-s>};
 *               the token itself when it is known
 */
public record TokenChip(int index, String text, boolean unknown, String readAs) {

    /** A chip of a known token, or of an unknown one read as the bare {@code <unk>}. */
    public TokenChip(int index, String text, boolean unknown) {
        this(index, text, unknown, unknown ? Vocabulary.UNKNOWN : text);
    }

    /** The chip of {@code word}, a word the model's vocabulary lacks. */
    public static TokenChip of(UnknownWord word) {
        return new TokenChip(word.position(), word.word(), true, word.readAs());
    }

    /**
     * The tooltip of an unknown token, naming what the model read: "“keys” is not in the model's
     * vocabulary: read as <unk-s>, the signature of a word ending in -s".
     */
    public String unknownExplanation() {
        return UnknownWord.read(index, text, readAs).explanation();
    }
}
