package org.gatescope.engine;

import java.util.Optional;

/**
 * The arithmetic of training's matrix products (decision 0023). Everything else (gates, softmax,
 * loss, Adam, the weights themselves) is double in both; a trace is always double.
 *
 * <ul>
 *   <li>{@link #FLOAT64}: the reference. The bundled models were trained with it, and their recorded
 *       commands reproduce them bit for bit only with it.</li>
 *   <li>{@link #FLOAT32}: the products' operands rounded to float and summed in float, which C2 turns
 *       into SIMD code twice as wide: about twice the products' speed. Gradients agree with the
 *       reference to about 1e-6 relative; a run is still bit for bit reproducible for its seed,
 *       whatever the number of threads.</li>
 * </ul>
 */
public enum Precision {
    FLOAT64("float64"),
    FLOAT32("float32");

    private final String id;

    Precision(String id) {
        this.id = id;
    }

    /** As written on the command line and in a model's {@code trained_with}. */
    public String id() {
        return id;
    }

    public static Optional<Precision> fromId(String id) {
        for (Precision p : values()) {
            if (p.id.equals(id)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
