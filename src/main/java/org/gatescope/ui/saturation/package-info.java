/** The gate-saturation window: the fraction of steps each gate unit is shut against wide open. */
package org.gatescope.ui.saturation;
