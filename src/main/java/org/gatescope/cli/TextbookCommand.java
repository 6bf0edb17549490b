package org.gatescope.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.Model;
import org.gatescope.engine.TextbookModels;
import org.gatescope.io.ModelFileException;
import org.gatescope.io.ModelFiles;

/**
 * {@code textbook}: writes a hand-set textbook model ({@link TextbookModels}), the same bytes
 * every time, so {@code assets/models/lstm_textbook.safetensors} and {@code gru_textbook.safetensors}
 * can be regenerated and checked.
 */
final class TextbookCommand implements Command {

    @Override
    public String name() {
        return "textbook";
    }

    @Override
    public String summary() {
        return "write a hand-set model showing the lecture's ideal gates (not trained)";
    }

    @Override
    public String usage() {
        return "textbook --cell lstm|gru --out FILE.safetensors";
    }

    @Override
    public int run(String[] args, InputStream in, PrintStream out, PrintStream err) throws Exception {
        Options options = Options.parse(name(), args, 0, Set.of("cell", "out"), Set.of());
        String cellId = options.require("cell");
        CellKind cell = CellKind.fromId(cellId).filter(TextbookModels.cells()::contains)
                .orElseThrow(() -> new UsageException(name() + ": --cell must be lstm or gru, got '" + cellId
                        + "' (there are textbook models of these two only)"));
        Path target = Path.of(options.require("out"));
        Path directory = target.toAbsolutePath().getParent();
        if (directory != null && !Files.isDirectory(directory)) {
            throw new UsageException(name() + ": cannot write " + target + ": directory " + directory
                    + " does not exist");
        }
        Model model = write(cell, target);
        err.println("wrote " + target + ": textbook " + cell.id() + " H=" + model.hiddenSize() + " D="
                + model.spec().embedSize() + " (hand-set, number unit 0)");
        return 0;
    }

    /**
     * Writes both textbook models into {@code directory} under their bundled names
     * ({@code lstm_textbook.safetensors}, {@code gru_textbook.safetensors}), as {@code assets/models/}
     * holds them.
     *
     * @return the files written, in {@link TextbookModels#cells()} order
     */
    static List<Path> writeAll(Path directory) throws ModelFileException {
        List<Path> written = new ArrayList<>();
        for (CellKind cell : TextbookModels.cells()) {
            Path file = directory.resolve(TextbookModels.bundledName(cell) + ".safetensors");
            write(cell, file);
            written.add(file);
        }
        return written;
    }

    /** Writes the textbook model of {@code cell} (lstm or gru) to {@code file}, atomically, in F32. */
    static Model write(CellKind cell, Path file) throws ModelFileException {
        Model model = TextbookModels.of(cell);
        ModelFiles.write(file, model);
        return model;
    }
}
