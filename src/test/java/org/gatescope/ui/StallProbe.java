package org.gatescope.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.gatescope.TestModels;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.GruReset;
import org.gatescope.engine.Model;
import org.gatescope.io.ModelLibrary;
import org.gatescope.ui.app.ExplorerView;
import org.gatescope.ui.app.GateScopeApp;
import org.gatescope.ui.app.ResponsivenessTest;
import org.gatescope.ui.explorer.ExplorerViewModel;
import org.gatescope.ui.explorer.ModelCatalog;
import org.gatescope.ui.task.BackgroundExecutor;
import org.gatescope.ui.task.HeatmapExportService;

/**
 * The stall measurement of {@link ResponsivenessTest} on a real window (run it under Xvfb or
 * on a desktop): {@code java -cp … org.gatescope.ui.StallProbe [bundled-model] [tokens]}.
 * Without a model name it uses a random LSTM of 64 units.
 */
public final class StallProbe {

    private StallProbe() {
    }

    public static void main(String[] args) throws Exception {
        String name = args.length > 0 ? args[0] : null;
        int tokens = args.length > 1 ? Integer.parseInt(args[1]) : ResponsivenessTest.TOKENS;
        Model model;
        ModelCatalog catalog;
        if (name == null) {
            model = TestModels.random(CellKind.LSTM, GruReset.AFTER, 300, 32, 64, 5);
            Path folder = Files.createTempDirectory("stall-probe");
            catalog = UiTestModels.catalog(Map.of("lstm", UiTestModels.write(folder, "lstm", model)));
        } else {
            model = ModelLibrary.load(name);
            catalog = ModelCatalog.library();
        }
        Model chosen = model;
        ModelCatalog models = catalog;
        Platform.startup(() -> { });
        ExplorerView[] view = new ExplorerView[1];
        ExplorerViewModel[] explorer = new ExplorerViewModel[1];
        StallHarness.fx(() -> {
            explorer[0] = new ExplorerViewModel(new BackgroundExecutor(), models, new HeatmapExportService(), i -> { });
            Stage stage = new Stage();
            GateScopeApp.show(stage, explorer[0]);
            view[0] = (ExplorerView) stage.getScene().getRoot();
            explorer[0].start();
            if (name != null) {
                explorer[0].openModel(name);
            }
            return null;
        });
        Thread.sleep(3000);
        String text = StallHarness.text(chosen.vocabulary().tokens(), tokens, 1);
        StallHarness.Result result = StallHarness.run(view[0], explorer[0], text, tokens, 5);
        System.out.println("[stall] " + result);
        Platform.exit();
        System.exit(0);
    }
}
