package org.gatescope.state;

import java.util.List;
import java.util.Objects;

/**
 * A guided lesson: steps that each set the window (model, sentence, token, units, views, clamps,
 * counterfactual) and say a short text with live numbers. A step says only what changes; {@link #stateAt}
 * is what the window shows at a step, so Back and Next land on the same picture whichever way one came.
 * Immutable.
 *
 * @param title the lesson's name in the Lessons menu
 * @param summary a sentence on what it teaches
 * @param steps at least one
 */
public record Lesson(String title, String summary, List<LessonStep> steps) {

    public Lesson {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a lesson needs a title");
        }
        title = title.strip();
        summary = summary == null ? "" : summary.strip();
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a lesson needs at least one step");
        }
        if (steps.get(0).sets().model() == null) {
            throw new IllegalArgumentException("the first step must name the model");
        }
    }

    /** What the window shows at step {@code index} (from 0): {@link ViewState#LESSON_START} under every step up to it. */
    public ViewState stateAt(int index) {
        Objects.checkIndex(index, steps.size());
        ViewState state = ViewState.LESSON_START;
        for (int k = 0; k <= index; k++) {
            state = steps.get(k).sets().over(state);
        }
        return state;
    }

    public int size() {
        return steps.size();
    }
}
