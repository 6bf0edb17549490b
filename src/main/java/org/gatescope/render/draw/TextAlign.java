package org.gatescope.render.draw;

/** Where a text's x lies: at its left edge, its centre or its right edge. */
public enum TextAlign {
    LEFT, CENTER, RIGHT
}
