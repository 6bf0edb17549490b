package org.gatescope.engine.cell;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether a product runs on {@link TiledProducts} (register tiles through JDK 17's incubating
 * Vector API, decision 0025) or on the auto-vectorised loops. Both give the same bits, so the
 * choice may depend on timing without changing any result.
 *
 * <p>The Vector API is a module the JVM resolves only when asked ({@code --add-modules
 * jdk.incubator.vector}: the launcher, {@code mvn javafx:run} and the tests pass it); without it
 * the tiles' class is never loaded. {@code -Dgatescope.tiles=false} turns them off.
 *
 * <p>Until C2 has compiled them the tiles run boxed, about 1,000 times slower than the loops and
 * allocating at every step: on them the window's first trace took 0.75 s more and 350 MB. So the
 * tiles take over only once they are warm. When a program has run {@value #CALLS_BEFORE_WARM_UP}
 * products of training's size, a background thread warms the tiles up on small arrays until they
 * beat the loops. From then on, large products run on the tiles. A sentence's trace never gets
 * there. {@code bench} warms them first ({@link #warmUpNow}).
 */
public final class Tiling {

    /** True when the JVM can run the register tiles. */
    public static final boolean ENABLED = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !"false".equals(System.getProperty("gatescope.tiles"));

    /** A product runs on the tiles only with at least this many rows of C, terms and multiply-adds. */
    static final int MIN_ROWS = 16;
    static final int MIN_DEPTH = 16;
    static final long MIN_WORK = 1 << 17;
    private static final int CALLS_BEFORE_WARM_UP = 64;

    private static final AtomicInteger LARGE_CALLS = new AtomicInteger();
    private static volatile boolean warm;

    private Tiling() {
    }

    /** Whether an [m × k]·[k × n] product runs on the tiles now. */
    static boolean worthIt(int m, int k, int n) {
        if (!ENABLED || m < MIN_ROWS || k < MIN_DEPTH || (long) m * k * n < MIN_WORK) {
            return false;
        }
        if (warm) {
            return true;
        }
        if (LARGE_CALLS.incrementAndGet() == CALLS_BEFORE_WARM_UP) {
            Thread thread = new Thread(Tiling::warmUpNow, "gatescope-tile-warm-up");
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            thread.start();
        }
        return false;
    }

    /** Warms the tiles up now, on this thread (a few seconds the first time), unless they cannot run. */
    public static void warmUpNow() {
        if (ENABLED && !warm) {
            synchronized (Tiling.class) {
                if (!warm) {
                    TiledProducts.warmUp();
                    warm = true;
                }
            }
        }
    }

    /** True once large products run on the tiles. */
    public static boolean warm() {
        return warm;
    }

    /** What the large products run on in this JVM once warm, for the bench's header. */
    public static String kernels() {
        return ENABLED ? "register tiles, " + TiledProducts.vectorBits() + "-bit vectors (jdk.incubator.vector)"
                : "auto-vectorised loops (run with --add-modules jdk.incubator.vector for register tiles)";
    }

    /** {@link #kernels()} and whether the tiles are warm yet. */
    public static String describe() {
        return kernels() + (ENABLED && !warm ? ", not yet warm" : "");
    }
}
