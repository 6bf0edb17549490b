package org.gatescope.state;

import java.util.Objects;

/**
 * A saved session: what the window showed ({@link ViewState}, every field said) and, if a lesson was
 * open, where in it.
 *
 * @param lesson null when no lesson was open
 */
public record Session(ViewState state, LessonPosition lesson) {

    public Session {
        Objects.requireNonNull(state);
        if (state.model() == null) {
            throw new IllegalArgumentException("a session needs a model");
        }
    }
}
