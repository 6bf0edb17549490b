/** The train window: a model trained in the background with live curves, pause, resume, cancel and save. */
package org.gatescope.ui.train;
