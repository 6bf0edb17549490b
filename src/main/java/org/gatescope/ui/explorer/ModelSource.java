package org.gatescope.ui.explorer;

import java.nio.file.Path;
import java.util.Objects;
import org.gatescope.engine.Model;

/**
 * Where a cell's model comes from: a bundled model by name, a model file, or a model already in
 * memory (a training run's snapshot, handed over without a file).
 */
public sealed interface ModelSource {

    /**
     * What the model chooser lists and reports as chosen: the bundled model's name, the file's
     * path, the snapshot's label. Two sources of the same kind with the same key are the same
     * model, perhaps reread (a retrained file, the next snapshot of a run).
     */
    String key();

    /** The name the window shows: "lstm", the file's name, the snapshot's label. */
    String displayName();

    /** Whether {@code other} names the same model as this one (see {@link #key()}). */
    default boolean sameOrigin(ModelSource other) {
        return other != null && other.getClass() == getClass() && other.key().equals(key());
    }

    /** A model bundled with the app, by name ("lstm"). */
    record Bundled(String name) implements ModelSource {
        public Bundled {
            Objects.requireNonNull(name);
        }

        @Override
        public String key() {
            return name;
        }

        @Override
        public String displayName() {
            return name;
        }
    }

    /** A model file; read through its {@link Path}'s file system. */
    record File(Path path) implements ModelSource {
        public File {
            Objects.requireNonNull(path);
        }

        @Override
        public String key() {
            return path.toString();
        }

        @Override
        public String displayName() {
            Path name = path.getFileName();
            return name == null ? path.toString() : name.toString();
        }
    }

    /**
     * A model in memory, e.g. a snapshot of a training run.
     *
     * @param label names it in the window; a run's snapshots share one, so the units watched stay
     */
    record Snapshot(Model model, String label) implements ModelSource {
        public Snapshot {
            Objects.requireNonNull(model);
            Objects.requireNonNull(label);
        }

        @Override
        public String key() {
            return label;
        }

        @Override
        public String displayName() {
            return label;
        }
    }
}
