package org.gatescope.ui.explorer;

import java.util.ArrayList;
import java.util.List;
import org.gatescope.text.TokenSpan;
import org.gatescope.text.Tokenizer;

/**
 * What the window traces of a text: all of it, or past a limit its first part, cut after a whole
 * token. Made off the FX thread: a pasted megabyte is tokenised there, not in the event loop.
 *
 * @param text the text traced (the whole text, or its start up to the last token kept)
 * @param tokens its tokens
 * @param totalTokens how many tokens the whole text has
 */
record TextStart(String text, List<String> tokens, int totalTokens) {

    /** The first {@code limit} tokens of {@code text} (all of them when it has no more). */
    static TextStart of(String text, int limit) {
        List<TokenSpan> spans = Tokenizer.spans(text);
        if (spans.size() <= limit) {
            return new TextStart(text, tokens(spans), spans.size());
        }
        List<TokenSpan> kept = spans.subList(0, limit);
        return new TextStart(text.substring(0, kept.get(limit - 1).end()), tokens(kept), spans.size());
    }

    /** Whether the text was cut. */
    boolean cut() {
        return tokens.size() < totalTokens;
    }

    private static List<String> tokens(List<TokenSpan> spans) {
        List<String> tokens = new ArrayList<>(spans.size());
        for (TokenSpan span : spans) {
            tokens.add(span.token());
        }
        return List.copyOf(tokens);
    }
}
