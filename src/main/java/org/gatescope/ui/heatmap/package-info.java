/** The gate heatmaps: one band per gate or state, units down, tokens across, drawn from render's raster tiles. */
package org.gatescope.ui.heatmap;
