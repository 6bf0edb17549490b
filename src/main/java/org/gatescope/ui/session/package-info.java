/**
 * Sessions: {@link org.gatescope.ui.session.SessionViewModel} saves what the window shows as a {@code .gatescope}
 * file and opens one again, keeps the recent files and the choice to restore the last session at start.
 */
package org.gatescope.ui.session;
