/** What a trained model does, measured: agreement accuracy, number units, memory reach, ablation and gate saturation. */
package org.gatescope.engine.analysis;
