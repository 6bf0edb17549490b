/**
 * The cell diagram: the lecture's (and Colah's) picture of a GRU, LSTM or peephole LSTM cell
 * with the live values of its gates and states. {@link org.gatescope.ui.diagram.CellDiagramView}
 * is the node the window embeds; {@code CellStructure} describes each cell's drawing as nodes
 * and edges on a grid, {@code DiagramLayout} fits it to the view, {@code DiagramPainter} draws it.
 */
package org.gatescope.ui.diagram;
