package org.gatescope.render;

import java.util.Locale;
import java.util.Optional;

/**
 * Which colours GateScope draws with: the standard ones, or the colour-blind-safe ones (View ▸
 * Colour-blind-safe colours, {@code --palette colourblind} on the CLI). Both are declared in
 * {@code gatescope.css}: the standard in its {@code .root} block, the colour-blind-safe as
 * overrides in {@code .root.palette-colourblind} (see docs/decisions/0020-lecture-hall.md).
 */
public enum Palette {

    /** The stylesheet's {@code .root} colours; signed values blue–white–red. */
    STANDARD("standard"),
    /**
     * Okabe–Ito unit colours without the two that deuteranopes confuse with blue, Γu orange and Γf
     * dark blue, signed values blue–white–orange: every pair stays apart under protanopia,
     * deuteranopia and tritanopia.
     */
    COLOURBLIND("colourblind");

    private final String id;

    Palette(String id) {
        this.id = id;
    }

    /** The name the CLI's {@code --palette} takes: "standard" or "colourblind". */
    public String id() {
        return id;
    }

    /** The style class the window's root carries while this palette is in use ("" for the standard one). */
    public String styleClass() {
        return this == STANDARD ? "" : "palette-" + id;
    }

    /** The palette named {@code id} ("colorblind" and any case too), or empty. */
    public static Optional<Palette> fromId(String id) {
        String name = id.strip().toLowerCase(Locale.ROOT).replace("colorblind", "colourblind");
        for (Palette palette : values()) {
            if (palette.id.equals(name)) {
                return Optional.of(palette);
            }
        }
        return Optional.empty();
    }
}
