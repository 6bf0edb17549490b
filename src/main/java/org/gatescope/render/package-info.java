/** Colour scales and heatmap rasters to pixels and PNG, shared by the window and the command line. */
package org.gatescope.render;
