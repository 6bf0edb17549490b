package org.gatescope.engine.analysis;

/**
 * The data cannot answer the question asked of it: one state where PCA needs two, states that do not
 * vary, labels that do not fit, a span outside the text, a basis of another hidden size. Its message is
 * one line for the user; the window shows it and keeps its state, the command line exits with status 2.
 */
public final class AnalysisException extends RuntimeException {

    public AnalysisException(String message) {
        super(message);
    }
}
