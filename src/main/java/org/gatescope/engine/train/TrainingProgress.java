package org.gatescope.engine.train;

import org.gatescope.engine.Weights;

/**
 * A snapshot of a training run, published at a bounded rate and at every epoch's end.
 * Immutable; {@code weights} is a private copy (or null when none was asked for).
 *
 * @param trainingLoss mean cross-entropy over the steps since the last report
 * @param validationLoss NaN until the first validation
 * @param validationAccuracy agreement accuracy on the validation probes; NaN until measured
 * @param validationStep the step at which the validation loss and accuracy were measured; -1 until
 *     the first validation (a later report repeats them until the next one)
 */
public record TrainingProgress(int epoch, int epochs, long step, long totalSteps, double trainingLoss,
                               double validationLoss, double validationAccuracy, long validationStep,
                               double learningRate, double elapsedSeconds, boolean epochEnd, Weights weights) {

    /** Fraction of the planned steps done, 0..1. */
    public double fractionDone() {
        return totalSteps == 0 ? 1.0 : Math.min(1.0, step / (double) totalSteps);
    }

    /** Seconds left at the pace so far; NaN before any step. */
    public double secondsLeft() {
        if (step == 0) {
            return Double.NaN;
        }
        return elapsedSeconds / step * (totalSteps - step);
    }
}
