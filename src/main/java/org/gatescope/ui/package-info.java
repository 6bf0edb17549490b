/** JavaFX views and their view models. */
package org.gatescope.ui;
