/** The probe window: a linear read-out of the subject's number (or any token labels) against the number units. */
package org.gatescope.ui.probe;
