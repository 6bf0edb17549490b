/**
 * What the window shows, written down as plain immutable data: a {@link org.gatescope.state.ViewState}
 * (model, text, token, units, views, clamps, counterfactual), a {@link org.gatescope.state.Session}
 * (a view state saved with its lesson position) and a {@link org.gatescope.state.Lesson} (steps that each
 * set a view state and say a short text whose numbers {@link org.gatescope.state.LessonText} reads from the
 * trace shown). {@code io} reads and writes them, {@code ui} applies them; this package knows neither.
 */
package org.gatescope.state;
