/** The application: its entry point, the explorer window that assembles the features with its menus, help and the stylesheet. */
package org.gatescope.ui.app;
