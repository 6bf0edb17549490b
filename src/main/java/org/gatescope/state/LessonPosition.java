package org.gatescope.state;

import java.util.Objects;

/**
 * Where a session was in a lesson: the lesson ({@code builtin:ID} for one that comes with GateScope, else the
 * lesson file's path) and its step, counted from 0.
 */
public record LessonPosition(String source, int step) {

    /** How a built-in lesson's source begins. */
    public static final String BUILT_IN = "builtin:";

    public LessonPosition {
        Objects.requireNonNull(source);
        if (source.isBlank() || step < 0) {
            throw new IllegalArgumentException("a lesson position needs the lesson and a step from 0");
        }
    }

    public static LessonPosition builtIn(String id, int step) {
        return new LessonPosition(BUILT_IN + id, step);
    }

    public boolean isBuiltIn() {
        return source.startsWith(BUILT_IN);
    }

    /** The built-in lesson's id; only for {@link #isBuiltIn()}. */
    public String builtInId() {
        return source.substring(BUILT_IN.length());
    }
}
