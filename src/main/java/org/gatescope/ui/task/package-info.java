/** The door between view models and threads: the task executor (background in the app, the calling thread in tests) and the file-writing exports. */
package org.gatescope.ui.task;
