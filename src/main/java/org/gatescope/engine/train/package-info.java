/** Training: the agreement task, Adam, the minibatch trainer with its progress reports and controls, and the layer benchmark. */
package org.gatescope.engine.train;
