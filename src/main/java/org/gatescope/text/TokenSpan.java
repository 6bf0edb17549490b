package org.gatescope.text;

/**
 * One token and where it came from, so that a view can highlight it in the text the user typed.
 *
 * @param token the token as the model sees it (lower-cased, normalised)
 * @param start index of its first char in the original text
 * @param end index just past its last char in the original text
 */
public record TokenSpan(String token, int start, int end) {
}
