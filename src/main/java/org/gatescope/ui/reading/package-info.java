/**
 * The reading view (after Karpathy, Johnson &amp; Fei-Fei 2015) and unit search (after LSTMVis): a long text
 * coloured by one unit, a span marked by dragging, the units that mark it and the places they switch on again.
 */
package org.gatescope.ui.reading;
