package org.gatescope.ui.explorer;

/**
 * One token of the traced text as the token strip shows it.
 *
 * @param index its position, counted from 0
 * @param text the token as the model reads it (lower-cased)
 * @param unknown whether the vocabulary lacks it, so the model read {@code <unk>}
 */
public record TokenChip(int index, String text, boolean unknown) {

    /** The tooltip of an unknown token: "“zebra” is not in the model's vocabulary: read as <unk>". */
    public String unknownExplanation() {
        return "\u201C" + text + "\u201D is not in the model's vocabulary: read as <unk>";
    }
}
