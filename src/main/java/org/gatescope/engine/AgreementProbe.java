package org.gatescope.engine;

/**
 * One agreement test: after reading {@code tokens[0..position]} from a zero state, the
 * model should find the {@code good} verb more probable than the {@code bad} one
 * ("the cat , which already ate ... ," → was, not were). Tokens after {@code position}
 * are ignored (the cell is causal), so a whole sentence can serve as its own probe.
 */
public record AgreementProbe(int[] tokens, int position, int good, int bad) {

    public AgreementProbe {
        if (position < 0 || position >= tokens.length) {
            throw new IllegalArgumentException("probe position " + position + " outside its " + tokens.length
                    + " tokens");
        }
        tokens = tokens.clone();
    }

    /** p(good) and p(bad) after the probe's prefix, as a model scored it. */
    public record Score(double good, double bad) {
        public boolean passed() {
            return good > bad;
        }
    }
}
