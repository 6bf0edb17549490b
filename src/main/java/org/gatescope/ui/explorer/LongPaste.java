package org.gatescope.ui.explorer;

import java.util.List;
import java.util.Locale;
import org.gatescope.text.TokenSpan;
import org.gatescope.text.Tokenizer;

/**
 * How much of a paste the sentence field keeps. A one-line text field lays out all its text on the
 * FX thread, and mixed scripts are shaped by Pango at some 15 µs a character (a 1 MB paste froze
 * the window for 15 s; 50,000 characters take about half a second): a longer paste keeps its first
 * {@value #FIELD_CHARS} characters, cut after a whole token and at most the
 * {@link ExplorerViewModel#TOKEN_LIMIT} tokens the window traces, and the window says so.
 */
public final class LongPaste {

    /** The most characters of a paste the sentence field takes. */
    public static final int FIELD_CHARS = 50_000;

    private LongPaste() {
    }

    /** {@code pasted} itself when it fits, else its start up to the end of the last whole token within the limits. */
    public static String kept(String pasted) {
        if (pasted.length() <= FIELD_CHARS) {
            return pasted;
        }
        int end = FIELD_CHARS;
        if (Character.isHighSurrogate(pasted.charAt(end - 1))) {
            end--; // never half a character
        }
        List<TokenSpan> spans = Tokenizer.spans(pasted.substring(0, end));
        if (spans.size() > ExplorerViewModel.TOKEN_LIMIT) {
            end = spans.get(ExplorerViewModel.TOKEN_LIMIT - 1).end(); // no more than the window traces
        } else if (spans.size() > 1) {
            end = spans.get(spans.size() - 2).end(); // the last token may go on past the cut
        }
        return pasted.substring(0, end);
    }

    /** What the window says when a paste was cut. */
    public static String message(String pasted, String kept) {
        return String.format(Locale.ROOT, "The pasted text has %,d characters: the sentence keeps its first %,d"
                + " (the field takes %,d characters, the window traces %,d tokens at most)."
                + " trace --text-file reads a whole text.", pasted.length(), kept.length(), FIELD_CHARS,
                ExplorerViewModel.TOKEN_LIMIT);
    }
}
