package org.gatescope.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How a model trained elsewhere turns text into ids: its vocabulary ({@code id → token}, gaps
 * allowed, as Keras's ids start at 1) and the rules of the tokenizer that made it. Words are
 * split as Keras's {@code text_to_word_sequence} does (lower-case if the tokenizer did, every
 * filter character becomes the split character, empty pieces dropped); characters are taken one
 * code point at a time. A piece the vocabulary lacks becomes the OOV id when the tokenizer had
 * one and is otherwise left out of the ids, as Keras leaves it out, but always reported.
 *
 * @param tokens     token by id; null where no token has that id
 * @param characters whether the vocabulary is one of characters
 * @param oovId      the id of the out-of-vocabulary token, or -1 when the tokenizer had none
 * @param numWords   Keras's {@code num_words}: ids at or past it are treated as unknown; 0 for no limit
 */
public record FrameworkTokenizer(List<String> tokens, boolean characters, boolean lower, String filters,
                                 String split, int oovId, int numWords) {

    /** Keras's default filters, used when a vocabulary file records none. */
    public static final String KERAS_FILTERS = "!\"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n";

    /** The result of reading a text: the ids the model gets, each piece, and the pieces it does not know. */
    public record Encoding(int[] ids, List<String> pieces, List<String> unknown) {
    }

    public FrameworkTokenizer {
        tokens = java.util.Collections.unmodifiableList(new ArrayList<>(tokens));
        Objects.requireNonNull(filters);
        Objects.requireNonNull(split);
    }

    /** The largest id plus one: the embedding must have at least this many rows. */
    public int size() {
        return tokens.size();
    }

    public Encoding encode(String text) {
        Map<String, Integer> ids = index();
        List<String> pieces = characters ? codePoints(lower ? text.toLowerCase(Locale.ROOT) : text) : words(text);
        List<Integer> encoded = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String piece : pieces) {
            Integer id = ids.get(piece);
            if (id != null && (numWords <= 0 || id < numWords)) {
                encoded.add(id);
                kept.add(piece);
            } else {
                unknown.add(piece);
                if (oovId >= 0) {
                    encoded.add(oovId);
                    kept.add(piece);
                }
            }
        }
        return new Encoding(encoded.stream().mapToInt(Integer::intValue).toArray(), List.copyOf(kept), List.copyOf(unknown));
    }

    private List<String> words(String text) {
        String s = lower ? text.toLowerCase(Locale.ROOT) : text;
        StringBuilder translated = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (filters.indexOf(c) >= 0) {
                translated.append(split);
            } else {
                translated.appendCodePoint(c);
            }
        });
        List<String> words = new ArrayList<>();
        for (String piece : split.isEmpty() ? List.of(translated.toString()) : List.of(translated.toString().split(
                java.util.regex.Pattern.quote(split), -1))) {
            if (!piece.isEmpty()) {
                words.add(piece);
            }
        }
        return words;
    }

    private static List<String> codePoints(String text) {
        List<String> pieces = new ArrayList<>();
        text.codePoints().forEach(c -> pieces.add(new String(Character.toChars(c))));
        return pieces;
    }

    private Map<String, Integer> index() {
        Map<String, Integer> ids = new HashMap<>(tokens.size() * 2);
        for (int id = 0; id < tokens.size(); id++) {
            if (tokens.get(id) != null) {
                ids.putIfAbsent(tokens.get(id), id);
            }
        }
        return ids;
    }
}
