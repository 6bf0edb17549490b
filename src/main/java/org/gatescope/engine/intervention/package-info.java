/**
 * What a teacher does to a traced sentence to show why: gate clamps (a gate forced to a value over a
 * range of tokens, the cell's equations followed exactly downstream) and counterfactuals (one token
 * replaced, both traces and their difference). Built on {@code engine.cell}'s hooks.
 */
package org.gatescope.engine.intervention;
