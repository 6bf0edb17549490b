package org.gatescope.render.draw;

/** How a stroked line ends. */
public enum LineCap {
    BUTT, ROUND, SQUARE
}
