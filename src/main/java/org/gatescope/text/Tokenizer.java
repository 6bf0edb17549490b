package org.gatescope.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code lower-words} tokenizer of docs/model-format.md: lower-case words and single punctuation
 * marks, with "..." (or "…") as one token. One left-to-right pass, so it stays linear on
 * texts of millions of characters.
 *
 * <p>A word is a run of letters, digits and combining marks; an apostrophe or hyphen between
 * two such characters stays inside it ("don't", "well-known"). The typographic apostrophe ’
 * inside a word is read as ', so pasted text meets the vocabulary's spelling. Any other
 * visible character that is not whitespace is a token of its own, with what a reader sees as part
 * of it (an emoji's skin tone, a flag's second letter, a family joined by zero-width joiners).
 * Controls, format characters and broken surrogates separate tokens and are never part of one.
 */
public final class Tokenizer {

    /** How every spelling of an ellipsis is tokenised. */
    public static final String ELLIPSIS = "...";

    private static final char UNICODE_ELLIPSIS = '\u2026';
    private static final char RIGHT_SINGLE_QUOTE = '\u2019';
    private static final char ZERO_WIDTH_JOINER = '\u200D';

    private Tokenizer() {
    }

    /** The tokens of {@code text}, in order. */
    public static List<String> tokenize(String text) {
        List<TokenSpan> spans = spans(text);
        List<String> tokens = new ArrayList<>(spans.size());
        for (TokenSpan span : spans) {
            tokens.add(span.token());
        }
        return tokens;
    }

    /** The tokens of {@code text} with the range of the original text each came from. */
    public static List<TokenSpan> spans(String text) {
        List<TokenSpan> spans = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            int c = text.codePointAt(i);
            int next = i + Character.charCount(c);
            if (isSeparator(c)) {
                i = next;
            } else if (isWordPart(c)) {
                int end = wordEnd(text, next);
                spans.add(new TokenSpan(normaliseWord(text.substring(i, end)), i, end));
                i = end;
            } else if (c == UNICODE_ELLIPSIS) {
                spans.add(new TokenSpan(ELLIPSIS, i, next));
                i = next;
            } else if (text.startsWith(ELLIPSIS, i)) {
                spans.add(new TokenSpan(ELLIPSIS, i, i + ELLIPSIS.length()));
                i += ELLIPSIS.length();
            } else {
                int end = symbolEnd(text, c, next);
                spans.add(new TokenSpan(text.substring(i, end).toLowerCase(Locale.ROOT), i, end));
                i = end;
            }
        }
        return spans;
    }

    /** The end of the word whose first code point ends just before {@code from}. */
    private static int wordEnd(String text, int from) {
        int n = text.length();
        int i = from;
        while (i < n) {
            int c = text.codePointAt(i);
            if (isWordPart(c)) {
                i += Character.charCount(c);
            } else if (isJoiner(c) && i + 1 < n && isWordPart(text.codePointAt(i + 1))) {
                i += 1;
            } else {
                break;
            }
        }
        return i;
    }

    /**
     * The end of the symbol {@code first} that ends just before {@code from}, with what a reader sees
     * as part of it: marks and variation selectors ("❤️"), skin tones ("👍🏽"), a second regional
     * indicator (a flag, "🇫🇷"), tag characters (a subdivision flag) and symbols joined by a
     * zero-width joiner ("👨‍👩‍👧").
     */
    private static int symbolEnd(String text, int first, int from) {
        int n = text.length();
        int i = from;
        if (isRegionalIndicator(first) && i < n && isRegionalIndicator(text.codePointAt(i))) {
            i += Character.charCount(text.codePointAt(i));
        }
        while (i < n) {
            int c = text.codePointAt(i);
            if (isMark(c) || isEmojiModifier(c) || isTag(c)) {
                i += Character.charCount(c);
            } else if (c == ZERO_WIDTH_JOINER && i + 1 < n && isJoinableSymbol(text.codePointAt(i + 1))) {
                i += 1 + Character.charCount(text.codePointAt(i + 1));
            } else {
                break;
            }
        }
        return i;
    }

    private static boolean isRegionalIndicator(int c) {
        return c >= 0x1F1E6 && c <= 0x1F1FF;
    }

    private static boolean isEmojiModifier(int c) {
        return c >= 0x1F3FB && c <= 0x1F3FF;
    }

    private static boolean isTag(int c) {
        return c >= 0xE0020 && c <= 0xE007F;
    }

    /** What a zero-width joiner joins to an emoji: another symbol, not a word or a space. */
    private static boolean isJoinableSymbol(int c) {
        return !isSeparator(c) && !isWordPart(c) && c != UNICODE_ELLIPSIS && c != '.';
    }

    private static String normaliseWord(String word) {
        return word.toLowerCase(Locale.ROOT).replace(RIGHT_SINGLE_QUOTE, '\'');
    }

    /**
     * Whitespace, controls, invisible format characters (a byte-order mark, zero-width spaces,
     * direction marks), half of a broken surrogate pair, and a mark with nothing before it to mark.
     */
    private static boolean isSeparator(int c) {
        int type = Character.getType(c);
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
                || type == Character.FORMAT || type == Character.SURROGATE || isMark(c);
    }

    private static boolean isWordPart(int c) {
        return Character.isLetterOrDigit(c) || isMark(c);
    }

    /** Combining marks, variation selectors and enclosing marks (the keycap of "1️⃣"). */
    private static boolean isMark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /** Characters that stay inside a word when a word character follows them. */
    private static boolean isJoiner(int c) {
        return c == '\'' || c == RIGHT_SINGLE_QUOTE || c == '-';
    }
}
