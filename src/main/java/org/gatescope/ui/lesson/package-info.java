/**
 * Guided lessons: {@link org.gatescope.ui.lesson.LessonViewModel} walks the explorer through a lesson's steps
 * (each sets the window and says a text with live numbers) and gives the user's own window back on leaving;
 * {@link org.gatescope.ui.lesson.LessonBar} shows the step with Back, Next and Leave.
 */
package org.gatescope.ui.lesson;
