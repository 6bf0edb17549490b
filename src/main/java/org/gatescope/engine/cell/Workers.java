package org.gatescope.engine.cell;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

/**
 * A fixed team of threads that runs the parts of one job at a time: the caller takes parts too,
 * and returns when every part is done.
 *
 * <p>The engine only ever gives it parts whose results do not depend on which thread computes
 * them or on how many there are: disjoint rows or columns of a product (each element keeps its
 * own summation order, see {@link MatrixKernels}), disjoint sequences of a batch, disjoint slices
 * of an element-wise update. No part ever adds into what another part writes, so a run gives the
 * same bits with one thread or many (decision 0021).
 *
 * <p>Helpers spin briefly after a job (the next one usually follows within microseconds: the
 * products of one training step), then park. A job submitted while the team is busy with
 * another caller's job runs on the submitting thread alone, with the same result.
 */
public final class Workers {

    /** Runs every part on the caller's thread. */
    public static final Workers SERIAL = new Workers(1);

    /** Spins (tens of µs) a helper waits for the next job before parking. */
    private static final int SPINS_BEFORE_PARKING = 5_000;

    private static final ConcurrentHashMap<Integer, Workers> SHARED = new ConcurrentHashMap<>();

    private final int threads;
    private final Thread[] helpers;
    private final ReentrantLock busy = new ReentrantLock();
    private volatile Job job;

    private Workers(int threads) {
        this.threads = threads;
        this.helpers = new Thread[threads - 1];
        for (int i = 0; i < helpers.length; i++) {
            Thread helper = new Thread(this::helperLoop, "gatescope-worker-" + threads + "-" + (i + 1));
            helper.setDaemon(true);
            helpers[i] = helper;
            helper.start();
        }
    }

    /**
     * The team of {@code threads} threads (the caller counts as one), shared by everyone asking for
     * that many; {@link #SERIAL} for one.
     */
    public static Workers of(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        return threads == 1 ? SERIAL : SHARED.computeIfAbsent(threads, Workers::new);
    }

    /** Every core the JVM may use. */
    public static int availableThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    public int threads() {
        return threads;
    }

    /**
     * Runs {@code part.accept(i)} for every i &lt; parts, on this team, and returns when all are done;
     * the first exception a part throws is rethrown here (after every part has finished).
     */
    public void run(int parts, IntConsumer part) {
        if (parts <= 1 || helpers.length == 0 || busy.isHeldByCurrentThread() || !busy.tryLock()) {
            for (int i = 0; i < parts; i++) {
                part.accept(i);
            }
            return;
        }
        try {
            Job current = new Job(part, parts);
            job = current;
            for (Thread helper : helpers) {
                LockSupport.unpark(helper);
            }
            current.work();
            int spins = 0;
            while (current.done.get() < parts) {
                if (++spins < 1_000) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield(); // the helper holding the last part may be waiting for a core
                }
            }
            job = null;
            current.rethrow();
        } finally {
            busy.unlock();
        }
    }

    /** Splits [0, n) into {@code parts} near-equal ranges: range i is [start(i), start(i + 1)). */
    public static int rangeStart(int n, int parts, int i) {
        return (int) ((long) n * i / parts);
    }

    private void helperLoop() {
        Job last = null;
        int idle = 0;
        while (true) {
            Job current = job;
            if (current != null && current != last) {
                last = current;
                idle = 0;
                current.work();
            } else if (++idle < SPINS_BEFORE_PARKING) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
                idle = 0;
            }
        }
    }

    /** One job: its parts are claimed one by one from its own counter, so a late helper cannot take another job's. */
    private static final class Job {
        private final IntConsumer part;
        private final int parts;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger done = new AtomicInteger();
        private volatile Throwable failure;

        Job(IntConsumer part, int parts) {
            this.part = part;
            this.parts = parts;
        }

        void work() {
            int i;
            while ((i = next.getAndIncrement()) < parts) {
                try {
                    part.accept(i);
                } catch (Throwable t) {
                    synchronized (this) {
                        if (failure == null) {
                            failure = t;
                        }
                    }
                } finally {
                    done.incrementAndGet();
                }
            }
        }

        void rethrow() {
            Throwable t = failure;
            if (t instanceof RuntimeException e) {
                throw e;
            }
            if (t instanceof Error e) {
                throw e;
            }
        }
    }
}
