package org.gatescope.engine.analysis;

import java.util.ArrayList;
import java.util.List;
import org.gatescope.text.AgreementSentence;
import org.gatescope.text.Vocabulary;

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

    /** The token ids of {@code tokens} in {@code vocabulary} (unknown words as {@code <unk>}). */
    public static int[] ids(Vocabulary vocabulary, List<String> tokens) {
        int[] ids = new int[tokens.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = vocabulary.indexOf(tokens.get(i));
        }
        return ids;
    }

    /** The sentence as a probe: read up to the token before the verb, then compare the two verbs. */
    public static AgreementProbe of(Vocabulary vocabulary, AgreementSentence sentence) {
        return new AgreementProbe(ids(vocabulary, sentence.tokens()), sentence.verbIndex() - 1,
                vocabulary.indexOf(sentence.verb()), vocabulary.indexOf(sentence.wrongVerb()));
    }

    public static List<AgreementProbe> all(Vocabulary vocabulary, List<AgreementSentence> sentences) {
        List<AgreementProbe> probes = new ArrayList<>(sentences.size());
        for (AgreementSentence sentence : sentences) {
            probes.add(of(vocabulary, sentence));
        }
        return probes;
    }

    /** p(good) and p(bad) after the probe's prefix, as a model scored it. */
    public record Score(double good, double bad) {
        public boolean passed() {
            return good > bad;
        }
    }
}
