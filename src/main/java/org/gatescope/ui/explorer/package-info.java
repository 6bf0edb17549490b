/** The explorer: its view models (the sentence, the step, each traced cell) that every feature talks through, and its own parts — token strip, playback bar, side panel, diagram pane, unit menu, model catalogue. */
package org.gatescope.ui.explorer;
