package org.gatescope.ui.explorer;

import java.nio.file.Path;
import java.util.List;
import org.gatescope.engine.Model;
import org.gatescope.io.ModelFileException;
import org.gatescope.io.ModelFiles;
import org.gatescope.io.ModelLibrary;

/**
 * Where the window finds models: the bundled ones by name, any other by file path. The app uses
 * {@link #library()}; tests hand in random models written to a temporary folder.
 */
public interface ModelCatalog {

    /** The bundled models present, in menu order. */
    List<String> bundled();

    /** The model the window opens on: by default the first bundled one; null when none is bundled. */
    default String opening() {
        List<String> present = bundled();
        return present.isEmpty() ? null : present.get(0);
    }

    /**
     * Reads a bundled model by name or a model file by path. May run on any thread.
     *
     * @throws ModelFileException with a one-line message naming the problem
     */
    Model load(String nameOrPath) throws ModelFileException;

    /**
     * Reads the model file at {@code file}, through its own file system. May run on any thread.
     *
     * @throws ModelFileException with a one-line message naming the problem
     */
    default Model load(Path file) throws ModelFileException {
        return ModelFiles.read(file);
    }

    /**
     * The models bundled with this build, from {@link ModelLibrary}; every model it reads has its number
     * units as the test finds them ({@link ModelLibrary#loadTested}), so a badge never repeats a file's claim.
     */
    static ModelCatalog library() {
        return new ModelCatalog() {
            @Override
            public List<String> bundled() {
                return ModelLibrary.available();
            }

            /** {@link ModelLibrary#OPENING}, when bundled: the model whose picture is the lecture's. */
            @Override
            public String opening() {
                List<String> present = bundled();
                return present.contains(ModelLibrary.OPENING) ? ModelLibrary.OPENING
                        : present.isEmpty() ? null : present.get(0);
            }

            @Override
            public Model load(String nameOrPath) throws ModelFileException {
                return ModelLibrary.loadTested(nameOrPath);
            }

            @Override
            public Model load(Path file) throws ModelFileException {
                return ModelLibrary.readTested(file);
            }
        };
    }
}
