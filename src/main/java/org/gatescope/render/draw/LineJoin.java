package org.gatescope.render.draw;

/** How a stroked polyline turns a corner. */
public enum LineJoin {
    MITER, ROUND, BEVEL
}
