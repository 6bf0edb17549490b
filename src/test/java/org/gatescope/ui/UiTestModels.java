package org.gatescope.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Group;
import javafx.stage.Stage;
import org.gatescope.TestModels;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.GruReset;
import org.gatescope.engine.Model;
import org.gatescope.engine.cell.Tracer;
import org.gatescope.io.ModelFileException;
import org.gatescope.io.ModelFiles;
import org.gatescope.ui.app.GateScopeApp;
import org.gatescope.ui.explorer.ExplorerViewModel;
import org.gatescope.ui.explorer.ModelCatalog;
import org.gatescope.ui.task.CallingThreadExecutor;
import org.gatescope.ui.task.HeatmapExportService;
import org.testfx.api.FxRobot;

/**
 * Stand-ins for the bundled models: small random models of every cell, written as files to a
 * test's temporary folder and served by name through a {@link ModelCatalog}, so the window's
 * tests go through the real file reader and never depend on the bundled models.
 */
public final class UiTestModels {

    /** The lstm model's number units (written into its metadata). */
    public static final List<Integer> LSTM_NUMBER_UNITS = List.of(3, 1);
    public static final int HIDDEN = 6;

    private UiTestModels() {
    }

    /** A catalog of one random model per cell kind, named like the bundled ones. */
    public static ModelCatalog catalog(Path folder) {
        Map<String, Path> files = new LinkedHashMap<>();
        long seed = 11;
        for (CellKind cell : List.of(CellKind.LSTM, CellKind.GRU, CellKind.PEEPHOLE_LSTM, CellKind.GRU_SIMPLE,
                CellKind.RNN)) {
            Model model = TestModels.random(cell, cell == CellKind.GRU ? GruReset.BEFORE : GruReset.AFTER, 16, 5,
                    HIDDEN, seed++);
            if (cell == CellKind.LSTM) {
                model = model.withMetadata(Map.of(Model.NUMBER_UNITS_KEY, "3,1"));
            }
            files.put(cell.id(), write(folder, cell.id(), model));
        }
        return catalog(files);
    }

    /** A catalog of exactly these named files. */
    public static ModelCatalog catalog(Map<String, Path> files) {
        List<String> names = new ArrayList<>(files.keySet());
        return new ModelCatalog() {
            @Override
            public List<String> bundled() {
                return names;
            }

            @Override
            public Model load(String nameOrPath) throws ModelFileException {
                Path file = files.get(nameOrPath);
                return ModelFiles.read(file != null ? file : Path.of(nameOrPath));
            }
        };
    }

    public static Path write(Path folder, String name, Model model) {
        Path file = folder.resolve(name + ".safetensors");
        try {
            ModelFiles.write(file, model);
        } catch (ModelFileException e) {
            throw new IllegalStateException(e);
        }
        return file;
    }

    /** A file that is not a model: its header length points far beyond its end. */
    public static Path broken(Path folder) {
        Path file = folder.resolve("broken.safetensors");
        try {
            Files.write(file, new byte[] {(byte) 0xFF, 0x7F, 0, 0, 0, 0, 0, 0, '{', '}'});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * Shows the explorer window on {@code stage} with random models in {@code folder}, tracing
     * on the calling (FX) thread, and starts it: the window tests' common opening.
     */
    public static ExplorerViewModel showExplorer(javafx.stage.Stage stage, Path folder) {
        ExplorerViewModel explorer = new ExplorerViewModel(new CallingThreadExecutor(), catalog(folder),
                new HeatmapExportService(), image -> { });
        GateScopeApp.show(stage, explorer);
        explorer.start();
        return explorer;
    }

    /**
     * TestFX hands every test class the same stage: leaves it as the explorer found it (no view,
     * no minimum size), for the next class.
     */
    public static void releaseStage(FxRobot robot, Stage stage) {
        robot.interact(() -> {
            stage.getScene().setRoot(new Group());
            stage.setMinWidth(0);
            stage.setMinHeight(0);
        });
    }
}
