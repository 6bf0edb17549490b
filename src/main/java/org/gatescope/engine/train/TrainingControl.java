package org.gatescope.engine.train;

import java.util.concurrent.CancellationException;

/**
 * Lets another thread pause, resume or cancel a training run. The trainer calls
 * {@link #checkpoint()} between steps; the run never stops mid-update.
 */
public final class TrainingControl {

    private boolean paused;
    private boolean cancelled;

    public synchronized void pause() {
        paused = true;
    }

    public synchronized void resume() {
        paused = false;
        notifyAll();
    }

    public synchronized void cancel() {
        cancelled = true;
        notifyAll();
    }

    public synchronized boolean isPaused() {
        return paused;
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }

    /**
     * Waits while paused.
     *
     * @return the nanoseconds spent waiting, so the trainer can leave paused time out of its pace
     * @throws CancellationException once cancelled
     */
    synchronized long checkpoint() {
        long waitStart = System.nanoTime();
        while (paused && !cancelled) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancelled = true;
            }
        }
        if (cancelled) {
            throw new CancellationException("training cancelled");
        }
        return System.nanoTime() - waitStart;
    }
}
