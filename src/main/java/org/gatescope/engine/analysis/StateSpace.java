package org.gatescope.engine.analysis;

import java.util.ArrayList;
import java.util.List;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.Trace;
import org.gatescope.text.AgreementCorpus;
import org.gatescope.text.AgreementSentence;
import org.gatescope.text.Tokenizer;

/**
 * The states a trajectory is made of: a&lt;t&gt; or c&lt;t&gt; of one layer at every token, one row per token,
 * and their paths through the plane of a {@link Pca} basis.
 */
public final class StateSpace {

    /** A corpus basis is fitted on this many held-out agreement sentences, the same ones every time. */
    public static final int CORPUS_SENTENCES = 300;
    public static final long CORPUS_SEED = 20_260_715L;
    /** How the corpus basis is named in titles and files. */
    public static final String CORPUS_DESCRIPTION = "agreement corpus, " + CORPUS_SENTENCES + " held-out sentences";

    private StateSpace() {
    }

    /**
     * The quantity a trace really has for {@code wanted}: c&lt;t&gt; is a&lt;t&gt; for the vanilla RNN, which
     * records only a.
     */
    public static Quantity resolve(Trace trace, Quantity wanted) {
        if (wanted != Quantity.MEMORY_CELL && wanted != Quantity.ACTIVATION) {
            throw new IllegalArgumentException("states are a or c, not " + wanted.key());
        }
        return trace.has(wanted) ? wanted : Quantity.ACTIVATION;
    }

    /** [T][H]: the state after each token (a copy). */
    public static double[][] states(Trace trace, Quantity quantity) {
        return trace.values(resolve(trace, quantity));
    }

    /** Every state of every trace, one after the other, as one [ΣT][H] matrix for fitting a basis. */
    public static double[][] pooled(List<Trace> traces, Quantity quantity) {
        List<double[]> rows = new ArrayList<>();
        for (Trace trace : traces) {
            for (double[] row : states(trace, quantity)) {
                rows.add(row);
            }
        }
        return rows.toArray(double[][]::new);
    }

    /** The held-out agreement sentences a corpus basis is fitted on. */
    public static List<List<String>> corpusSentences() {
        List<List<String>> out = new ArrayList<>();
        for (AgreementSentence s : AgreementCorpus.heldOut(CORPUS_SEED, CORPUS_SENTENCES)) {
            out.add(s.tokens());
        }
        return out;
    }

    /** The sentences of a corpus file: each non-blank line, tokenised, traced from a zero state. */
    public static List<List<String>> sentencesOf(String text) {
        List<List<String>> out = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            List<String> tokens = Tokenizer.tokenize(line);
            if (!tokens.isEmpty()) {
                out.add(tokens);
            }
        }
        return out;
    }

    /**
     * A basis of {@code k} components fitted on the states of every sentence.
     *
     * @throws AnalysisException as {@link Pca#fit}, or for an empty corpus
     * @throws InterruptedException when the thread is interrupted between sentences
     */
    public static Pca fit(TextTracer tracer, List<List<String>> sentences, Quantity quantity, int k)
            throws InterruptedException {
        if (sentences.isEmpty()) {
            throw new AnalysisException("the corpus has no sentence to fit a basis on");
        }
        List<Trace> traces = new ArrayList<>();
        for (List<String> sentence : sentences) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
            traces.add(tracer.trace(sentence));
        }
        return Pca.fit(pooled(traces, quantity), k);
    }

    /**
     * The path of {@code trace} on {@code basis}: one point per token.
     *
     * @throws AnalysisException when the basis was fitted on states of another size
     */
    public static double[][] path(Pca basis, Trace trace, Quantity quantity) {
        if (basis.hidden() != trace.hidden()) {
            throw new AnalysisException("the basis was fitted on states of " + basis.hidden() + " units; this layer has "
                    + trace.hidden() + " (a basis from another model?)");
        }
        return basis.project(states(trace, quantity));
    }
}
