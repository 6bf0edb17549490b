/**
 * What every canvas view of the window shares: {@link org.gatescope.ui.canvas.CanvasRegion}, a
 * resizable canvas that repaints at most once per frame, and {@link org.gatescope.ui.canvas.CssColors},
 * the stylesheet's colours for drawing. The explorer's views ({@code ui}) and the cell diagram
 * ({@code ui.diagram}) both build on it; it knows neither.
 */
package org.gatescope.ui.canvas;
