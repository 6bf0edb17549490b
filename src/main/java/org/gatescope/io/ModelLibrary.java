package org.gatescope.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gatescope.engine.Model;
import org.gatescope.engine.analysis.NumberUnits;

/**
 * Finds a model by file path or by the name of a bundled model ({@code lstm}, {@code gru},
 * ...). Bundled models travel inside the jar, under {@code org/gatescope/models/}.
 */
public final class ModelLibrary {

    /** Every bundled model's name, in the order menus list them. */
    public static final List<String> BUNDLED = List.of("lstm", "gru", "peephole_lstm", "gru_simple", "rnn",
            "lstm_textbook", "gru_textbook");

    /**
     * The bundled model the window opens on: the GRU, whose number unit draws the lecture's picture on
     * the lecture sentence — Γu opens at "cat", stays shut through the clause, and c carries the number
     * to "was" (the bundled LSTM's number unit writes, Γu ≈ 1, at almost every token). See
     * {@code gatescope trace --model gru --text "The cat, which already ate ..., was full."}.
     */
    public static final String OPENING = "gru";

    private static final String RESOURCE_DIR = "/org/gatescope/models/";
    /** Bundled models read so far; models are immutable, so threads may share them. */
    private static final Map<String, Model> BUNDLED_READ = new ConcurrentHashMap<>();
    /** A lock per bundled name, held while it is read. */
    private static final Map<String, Object> READING = new ConcurrentHashMap<>();

    private ModelLibrary() {
    }

    /** The bundled models present in this build. */
    public static List<String> available() {
        List<String> present = new ArrayList<>();
        for (String name : BUNDLED) {
            if (ModelLibrary.class.getResource(resource(name)) != null) {
                present.add(name);
            }
        }
        return present;
    }

    /**
     * Reads {@code nameOrPath}: an existing file wins over a bundled model of the same name.
     *
     * @throws ModelFileException naming the problem, or listing the bundled models when the
     *     name is neither a file nor one of them
     */
    public static Model load(String nameOrPath) throws ModelFileException {
        Path path = Path.of(nameOrPath);
        if (Files.exists(path) || nameOrPath.contains("/") || nameOrPath.endsWith(".safetensors")) {
            return ModelFiles.read(path);
        }
        if (ModelLibrary.class.getResource(resource(nameOrPath)) != null) {
            return loadBundled(nameOrPath);
        }
        List<String> present = available();
        throw new ModelFileException(path, "no such model file, and no bundled model of that name ("
                + (present.isEmpty() ? "this build bundles none" : "bundled: " + String.join(", ", present)) + ")");
    }

    /**
     * Whether {@code nameOrPath} is one of GateScope's own single-layer models (a bundled name or a
     * classic safetensors file) rather than a model trained elsewhere or imported from one
     * ({@link ImportedModels}, {@link NetworkFiles}).
     */
    public static boolean isGateScopeModel(String nameOrPath) throws ModelFileException {
        Path path = Path.of(nameOrPath);
        if (!Files.exists(path)) {
            return true; // a bundled name, or a missing file that load() reports
        }
        return ImportedModels.format(path) == ImportedModels.Format.GATESCOPE
                && !NetworkFiles.isNetworkFile(SafeTensors.read(path));
    }

    /**
     * Reads {@code nameOrPath} as {@link #load} does, with its number units as {@link NumberUnits#validated
     * the test} finds them rather than as the file claims: what every number-unit badge and listing
     * shows. A file is tested as it is read (a second or several, growing with its vocabulary). A bundled
     * model that stores the test's figures is not tested again: the build tests every bundled model's
     * stored units and figures against the test's own verdict ({@code NumberUnitsTest}), so its metadata
     * is that verdict (the hand-set textbook models store none and are tested here), and the window
     * opens on it without repeating a test that would take longer than the whole start-up
     * (docs/decisions/0022-start-up.md). Bundled models are read once per run.
     *
     * @throws ModelFileException as {@link #load}
     */
    public static Model loadTested(String nameOrPath) throws ModelFileException {
        Path path = Path.of(nameOrPath);
        if (Files.exists(path) || nameOrPath.contains("/") || nameOrPath.endsWith(".safetensors")
                || ModelLibrary.class.getResource(resource(nameOrPath)) == null) {
            return NumberUnits.validated(load(nameOrPath));
        }
        // read once per name: a second caller (the window's file lane while the start-up preload reads
        // the same model) waits for the first instead of reading it again
        synchronized (READING.computeIfAbsent(nameOrPath, name -> new Object())) {
            Model bundled = BUNDLED_READ.get(nameOrPath);
            if (bundled == null) {
                bundled = loadBundled(nameOrPath);
                if (!bundled.metadata().containsKey(NumberUnits.SCORES_KEY)) {
                    bundled = NumberUnits.validated(bundled); // hand-set (textbook) models store no verdict
                }
                BUNDLED_READ.put(nameOrPath, bundled);
            }
            return bundled;
        }
    }

    /** Reads the model file {@code file} with its number units as the test finds them. */
    public static Model readTested(Path file) throws ModelFileException {
        return NumberUnits.validated(ModelFiles.read(file));
    }

    /** Reads the bundled model {@code name}. */
    public static Model loadBundled(String name) throws ModelFileException {
        Path display = Path.of(name + ".safetensors");
        try (InputStream in = ModelLibrary.class.getResourceAsStream(resource(name))) {
            if (in == null) {
                throw new ModelFileException(display, "not bundled with this build");
            }
            // read in memory by the reader of files on disk: no temporary file, so a full or read-only
            // temporary folder cannot keep the window from its models (and none is written at start-up)
            return ModelFiles.read(display, in.readAllBytes());
        } catch (IOException e) {
            throw new ModelFileException(display, "cannot read the bundled model: " + e.getMessage(), e);
        }
    }

    private static String resource(String name) {
        return RESOURCE_DIR + name + ".safetensors";
    }
}
