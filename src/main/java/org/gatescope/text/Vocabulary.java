package org.gatescope.text;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The model's token strings, index = row of the embedding and of the head. Immutable.
 * Words it does not hold are read as {@code <unk>}.
 */
public final class Vocabulary {

    public static final String UNKNOWN = "<unk>";

    private final List<String> tokens;
    private final Map<String, Integer> indexOf;
    private final int unknownIndex;

    /**
     * @param tokens the vocabulary in row order; must contain {@code <unk>} and no duplicates
     * @throws IllegalArgumentException naming the problem
     */
    public Vocabulary(List<String> tokens) {
        this.tokens = List.copyOf(tokens);
        this.indexOf = new HashMap<>(tokens.size() * 2);
        for (int i = 0; i < this.tokens.size(); i++) {
            Integer previous = indexOf.put(this.tokens.get(i), i);
            if (previous != null) {
                throw new IllegalArgumentException(
                        "vocab lists \"" + this.tokens.get(i) + "\" twice (at " + previous + " and " + i + ")");
            }
        }
        Integer unk = indexOf.get(UNKNOWN);
        if (unk == null) {
            throw new IllegalArgumentException("vocab does not contain " + UNKNOWN);
        }
        this.unknownIndex = unk;
    }

    public int size() {
        return tokens.size();
    }

    public String token(int index) {
        return tokens.get(index);
    }

    public List<String> tokens() {
        return tokens;
    }

    public int unknownIndex() {
        return unknownIndex;
    }

    public boolean contains(String token) {
        return indexOf.containsKey(token);
    }

    /**
     * The row of {@code token}; for a token the vocabulary lacks, the row of its
     * {@link UnknownWordSignature signature} when the vocabulary holds signature tokens, else of {@code <unk>}.
     */
    public int indexOf(String token) {
        Integer i = indexOf.get(token);
        return i == null ? indexOf.get(readAs(token)) : i;
    }

    /** The token a word is read as: itself if known, else its signature if this vocabulary has one, else {@code <unk>}. */
    public String readAs(String token) {
        if (indexOf.containsKey(token)) {
            return token;
        }
        // Tokens arrive lower-cased, so a capital cannot be seen here: read as at a sentence's start.
        String signature = UnknownWordSignature.of(token, true).token();
        return indexOf.containsKey(signature) ? signature : UNKNOWN;
    }
}
