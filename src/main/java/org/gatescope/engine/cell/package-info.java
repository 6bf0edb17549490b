/** The cells and what runs them: one class per cell kind with its forward and backward step, the layer that runs a cell through time over a batch, the embedding, the softmax head and the whole model's loss (BPTT). */
package org.gatescope.engine.cell;
