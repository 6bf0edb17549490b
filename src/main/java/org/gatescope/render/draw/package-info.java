/**
 * The one drawing interface ({@link org.gatescope.render.draw.Painter}) the diagram, timeline and heatmap
 * painters draw through, and two of its back ends: Java2D (PNG, GIF) and an SVG writer. The third, on
 * the window's JavaFX canvas, lives in ui.canvas. No JavaFX here.
 */
package org.gatescope.render.draw;
