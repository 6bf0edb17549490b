/**
 * What every canvas view of the window shares: {@link org.gatescope.ui.canvas.CanvasRegion}, a
 * resizable canvas that repaints at most once per frame, and {@link org.gatescope.ui.canvas.CanvasTheme},
 * the stylesheet's colours and the canvases' fonts for drawing. The explorer's views and the cell
 * diagram ({@code ui.diagram}) both build on it; it knows neither.
 */
package org.gatescope.ui.canvas;
