package org.gatescope.engine.cell;

/**
 * Whether the products run on {@link TiledProducts} (register tiles through JDK 17's incubating
 * Vector API) or on the auto-vectorised kernels alone. Both give the same bits; the tiles are
 * about twice as fast at H ≥ 64. The Vector API is a separate module the JVM only resolves when
 * asked ({@code --add-modules jdk.incubator.vector}, which the launcher, {@code mvn javafx:run},
 * the tests and {@code bench}'s measuring JVMs pass); without it this class never loads the
 * tiles, so {@code java -jar} without the flag still runs, on the other kernels.
 * {@code -Dgatescope.tiles=false} turns the tiles off.
 */
public final class Tiling {

    /** True when the products use the register tiles. */
    public static final boolean ENABLED = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !"false".equals(System.getProperty("gatescope.tiles"));

    private Tiling() {
    }

    /** What the products run on, for the bench's header: "vector tiles, 512-bit" or "auto-vectorised loops". */
    public static String describe() {
        return ENABLED ? "register tiles, " + TiledProducts.vectorBits() + "-bit vectors (jdk.incubator.vector)"
                : "auto-vectorised loops (run with --add-modules jdk.incubator.vector for register tiles)";
    }
}
