package org.gatescope.state;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a lesson: what it sets in the window (what it leaves unsaid stays as the step before left
 * it), a short title and what it says, with placeholders for live numbers ({@link LessonText}).
 *
 * @param kind what the step does once the window is set
 * @param title a few words, shown beside "step k of n"
 * @param say the text, e.g. "Γu of unit {unit} is {u} here: …"
 * @param sets what the step changes in the window
 */
public record LessonStep(Kind kind, String title, String say, ViewState sets) {

    /** A step's type: the {@code "type"} of the lesson file. */
    public enum Kind {
        /** Sets the window and says its text. */
        SHOW,
        /** As {@link #SHOW}, then plays the sentence from the step's token to the end. */
        PLAY;

        /** The name in a lesson file: {@code show}, {@code play}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Kind> fromKey(String key) {
            return Arrays.stream(values()).filter(k -> k.key().equals(key)).findFirst();
        }
    }

    public LessonStep {
        Objects.requireNonNull(kind);
        title = title == null ? "" : title.strip();
        say = say == null ? "" : say.strip();
        Objects.requireNonNull(sets);
    }
}
