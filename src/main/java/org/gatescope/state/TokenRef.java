package org.gatescope.state;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A token named by a lesson or a session: a position counted from 0 (as {@code reach --from} and the trace
 * JSON count; the window shows it + 1), or a word, meaning its first occurrence in the text ({@code "was"}).
 *
 * @param position the position when {@code word} is null
 * @param word the word to find, or null
 */
public record TokenRef(int position, String word) {

    public TokenRef {
        if (word == null && position < 0) {
            throw new IllegalArgumentException("token positions are counted from 0, got " + position);
        }
        if (word != null && word.isBlank()) {
            throw new IllegalArgumentException("a token is a position from 0 or a word of the text");
        }
    }

    public static TokenRef at(int position) {
        return new TokenRef(position, null);
    }

    public static TokenRef word(String word) {
        return new TokenRef(-1, Objects.requireNonNull(word));
    }

    /** The position in {@code tokens}; empty when the word is not there or the position is past the end. */
    public OptionalInt resolve(List<String> tokens) {
        if (word == null) {
            return position < tokens.size() ? OptionalInt.of(position) : OptionalInt.empty();
        }
        String wanted = word.strip().toLowerCase(Locale.ROOT);
        for (int t = 0; t < tokens.size(); t++) {
            if (tokens.get(t).toLowerCase(Locale.ROOT).equals(wanted)) {
                return OptionalInt.of(t);
            }
        }
        return OptionalInt.empty();
    }

    @Override
    public String toString() {
        return word == null ? Integer.toString(position) : word;
    }
}
