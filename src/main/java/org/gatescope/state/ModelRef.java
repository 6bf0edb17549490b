package org.gatescope.state;

import java.util.Objects;

/**
 * A model named by a session or a lesson: a bundled model by name ({@code gru}) or a model file by path.
 *
 * @param file true for a file path, false for a bundled model's name
 * @param value the name, or the path as written (a lesson's relative path is resolved by its reader)
 */
public record ModelRef(boolean file, String value) {

    public ModelRef {
        Objects.requireNonNull(value);
        if (value.isBlank()) {
            throw new IllegalArgumentException("a model needs a name or a path");
        }
    }

    public static ModelRef bundled(String name) {
        return new ModelRef(false, name);
    }

    public static ModelRef file(String path) {
        return new ModelRef(true, path);
    }

    @Override
    public String toString() {
        return value;
    }
}
