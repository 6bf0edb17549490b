/** The headless commands: they only orchestrate services the window uses too. */
package org.gatescope.cli;
