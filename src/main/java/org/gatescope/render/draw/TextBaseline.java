package org.gatescope.render.draw;

/** Where a text's y lies: on its baseline, or at the middle of its ascent and descent (JavaFX's VPos.CENTER). */
public enum TextBaseline {
    ALPHABETIC, MIDDLE
}
