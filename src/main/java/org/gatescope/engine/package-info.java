/** The numbers: recurrent cells, traces, models and training (BPTT). Pure Java and EJML; no JavaFX. */
package org.gatescope.engine;
