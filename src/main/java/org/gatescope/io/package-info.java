/** Safetensors, model files, trace JSON and CSV writers. */
package org.gatescope.io;
