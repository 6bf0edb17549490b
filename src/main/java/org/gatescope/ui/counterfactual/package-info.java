/** The counterfactual view: the diverging Δ heatmaps and the prediction shift of a replaced token, in a window of its own. */
package org.gatescope.ui.counterfactual;
