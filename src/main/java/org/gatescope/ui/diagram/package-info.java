/**
 * The cell diagram in the window: {@link org.gatescope.ui.diagram.CellDiagramView} is the node the window
 * embeds (hover, click, animation). What it draws — the structure, layout and painter — lives in
 * {@code render.diagram}, which the command line's exports draw with too.
 */
package org.gatescope.ui.diagram;
