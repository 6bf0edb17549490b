/**
 * Slides: the diagram, timeline and heatmaps as SVG, PNG and animated GIF, and the numbers as CSV —
 * one service ({@link org.gatescope.render.export.SlideExport}) for the window and the command line.
 */
package org.gatescope.render.export;
