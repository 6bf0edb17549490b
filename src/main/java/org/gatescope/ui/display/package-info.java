/**
 * The window in a lecture hall: presentation mode, the zoom and the colour-blind-safe palette
 * ({@link org.gatescope.ui.display.DisplayViewModel} holds the state, {@link org.gatescope.ui.display.LectureHall}
 * wires the menu, the keys and the status note, {@link org.gatescope.ui.display.PresentationMode} the
 * full screen). The zoom itself is {@code ui.canvas.ZoomPane}; the palettes are {@code render.Palette}.
 */
package org.gatescope.ui.display;
