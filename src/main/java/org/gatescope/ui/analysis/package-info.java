/** What the unit analyses (trajectories, probes, reading view) read from the explorer: the model and layer shown. */
package org.gatescope.ui.analysis;
