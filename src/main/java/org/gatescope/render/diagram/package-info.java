/**
 * The cell diagram: the lecture's (and Colah's) picture of a GRU, LSTM or peephole LSTM cell with the
 * live values of its gates and states. {@code CellStructure} describes each cell's drawing as nodes and
 * edges on a grid, {@code DiagramLayout} fits it to a size, {@code DiagramPainter} draws it through a
 * {@link org.gatescope.render.draw.Painter}: on the window's canvas, in a PNG, GIF or SVG alike.
 */
package org.gatescope.render.diagram;
