package org.gatescope.text;

import java.util.ArrayList;
import java.util.List;

/**
 * A word the model's vocabulary lacks, with what the model read in its place: its
 * {@link UnknownWordSignature signature} token where the vocabulary holds one ({@code <unk-s>} for
 * "cabinets"), else {@code <unk>}. The window's token strip and {@code trace} both say this.
 *
 * @param position the token's index in the text, from 0
 * @param word the token as the model's tokenizer gave it (lower-cased)
 * @param signature what can be seen of the word, whether or not the model could read it
 * @param readAs the vocabulary token the model read: a signature token or {@code <unk>}
 */
public record UnknownWord(int position, String word, UnknownWordSignature signature, String readAs) {

    /** The unknown word at {@code position} that a model read as {@code readAs}. */
    public static UnknownWord read(int position, String word, String readAs) {
        // As Vocabulary.readAs sees it: tokens arrive lower-cased, so read as at a sentence's start.
        return new UnknownWord(position, word, UnknownWordSignature.of(word, true), readAs);
    }

    /** The unknown words of {@code tokens} for {@code vocabulary}, in text order. */
    public static List<UnknownWord> in(List<String> tokens, Vocabulary vocabulary) {
        List<UnknownWord> unknown = new ArrayList<>();
        for (int t = 0; t < tokens.size(); t++) {
            String token = tokens.get(t);
            if (!vocabulary.contains(token)) {
                unknown.add(read(t, token, vocabulary.readAs(token)));
            }
        }
        return List.copyOf(unknown);
    }

    /** Whether the model read the word's signature, rather than the bare {@code <unk>}. */
    public boolean signatureRead() {
        return !readAs.equals(Vocabulary.UNKNOWN);
    }

    /**
     * What the model made of the word, in a sentence: "“cabinets” is not in the model's vocabulary:
     * read as <unk-s>, the signature of a word ending in -s". A model without signature tokens says so.
     */
    public String explanation() {
        String lead = "\u201C" + word + "\u201D is not in the model's vocabulary: read as " + readAs;
        if (signatureRead()) {
            return lead + ", the signature of " + signature.description();
        }
        if (signature == UnknownWordSignature.OTHER) {
            return lead; // nothing of it can be seen: <unk> is all any model reads
        }
        return lead + ": this model has no signature token " + signature.token() + " for " + signature.description();
    }
}
