/** The trajectory window: a sentence and its counterfactual as paths through state space (PCA). */
package org.gatescope.ui.states;
