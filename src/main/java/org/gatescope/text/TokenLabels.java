package org.gatescope.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Token-level labels for a probe, read from {@code token<TAB>label} lines: one token per line, a blank line
 * between sentences, lines starting with {@code #} ignored. Each sentence is traced from a zero state.
 *
 * @param sentences in file order
 */
public record TokenLabels(List<Sentence> sentences) {

    /** One sentence: its tokens, their labels, and the file line of each token (for messages). */
    public record Sentence(List<String> tokens, List<String> labels, List<Integer> lines) {
        public Sentence {
            tokens = List.copyOf(tokens);
            labels = List.copyOf(labels);
            lines = List.copyOf(lines);
            if (tokens.size() != labels.size() || tokens.size() != lines.size()) {
                throw new IllegalArgumentException("tokens, labels and lines differ in length");
            }
        }
    }

    /** A line that is not {@code token<TAB>label}; its message names the line. */
    public static final class FormatException extends IllegalArgumentException {
        public FormatException(String message) {
            super(message);
        }
    }

    public TokenLabels {
        sentences = List.copyOf(sentences);
    }

    /**
     * @throws FormatException for a line without exactly one tab, an empty token or label, or a file with no
     *     labelled token
     */
    public static TokenLabels parse(String text) {
        List<Sentence> sentences = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        String[] all = text.split("\r?\n", -1);
        for (int i = 0; i < all.length; i++) {
            String line = all[i];
            int number = i + 1;
            if (line.isBlank()) {
                if (!tokens.isEmpty()) {
                    sentences.add(new Sentence(tokens, labels, lines));
                    tokens.clear();
                    labels.clear();
                    lines.clear();
                }
                continue;
            }
            if (line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length != 2) {
                throw new FormatException("line " + number + ": expected token<TAB>label, found "
                        + (fields.length == 1 ? "no tab (\"" + abbreviate(line) + "\" has no label)"
                        : fields.length + " fields"));
            }
            String token = fields[0].strip();
            String label = fields[1].strip();
            if (token.isEmpty() || label.isEmpty()) {
                throw new FormatException("line " + number + ": the " + (token.isEmpty() ? "token" : "label")
                        + " is empty");
            }
            tokens.add(token.toLowerCase(java.util.Locale.ROOT));
            labels.add(label);
            lines.add(number);
        }
        if (!tokens.isEmpty()) {
            sentences.add(new Sentence(tokens, labels, lines));
        }
        if (sentences.isEmpty()) {
            throw new FormatException("no labelled token: expected token<TAB>label lines, a blank line between"
                    + " sentences");
        }
        return new TokenLabels(sentences);
    }

    private static String abbreviate(String line) {
        return line.length() <= 40 ? line : line.substring(0, 40) + "…";
    }
}
