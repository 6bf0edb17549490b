package org.gatescope.ui.states;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gatescope.engine.analysis.Pca;
import org.gatescope.io.PcaBasisFile;
import org.gatescope.render.TrajectoryChart;
import org.gatescope.ui.AnalysisCli;
import org.gatescope.ui.UiTestModels;
import org.gatescope.ui.explorer.ExplorerViewModel;
import org.gatescope.ui.task.CallingThreadExecutor;
import org.gatescope.ui.task.HeatmapExportService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trajectory window's view model on the calling thread. */
class TrajectoryViewModelTest {

    @TempDir
    Path folder;

    private ExplorerViewModel explorer;
    private TrajectoryViewModel trajectories;

    @BeforeEach
    void open() {
        explorer = new ExplorerViewModel(new CallingThreadExecutor(), UiTestModels.catalog(folder),
                new HeatmapExportService(), image -> { });
        explorer.start();
        trajectories = new TrajectoryViewModel(explorer);
        trajectories.refresh();
    }

    private TrajectoryChart.Chart chart() {
        return trajectories.resultProperty().get().chart();
    }

    @Test
    void theLectureSentenceIsComparedWithItsPluralCounterpart() {
        assertEquals("the cats , which already ate ... , were full .", trajectories.comparisonProperty().get());
        assertEquals(2, chart().paths().size());
        assertEquals(11, chart().paths().get(0).points().length);
        assertEquals("cats", chart().paths().get(1).tokens().get(1));
        assertEquals("", trajectories.errorProperty().get());
    }

    @Test
    void theWindowDrawsTheNumbersTheCommandPrints() {
        trajectories.setComparison("");
        Map<?, ?> json = AnalysisCli.json("states", "--model", folder.resolve("lstm.safetensors").toString(), "--text",
                ExplorerViewModel.LECTURE_SENTENCE, "--pca", "2");
        List<?> points = (List<?>) json.get("points");
        double[][] drawn = chart().paths().get(0).points();
        for (int t = 0; t < drawn.length; t++) {
            List<?> point = (List<?>) points.get(t);
            assertEquals(((Number) point.get(0)).doubleValue(), drawn[t][0], 1e-12);
            assertEquals(((Number) point.get(1)).doubleValue(), drawn[t][1], 1e-12);
        }
    }

    @Test
    void aClickOnAPointStepsTheExplorerThere() {
        TrajectoryChart.Layout layout = TrajectoryChart.layout(chart());
        double[] cat = chart().paths().get(0).points()[1];
        trajectories.click(layout.x(cat[0]), layout.y(cat[1]));
        assertEquals(1, explorer.getStep());
    }

    @Test
    void aTextOfOneTokenSaysPcaNeedsTwoAndDrawsNothing() {
        trajectories.setComparison("");
        explorer.setSentenceNow("cat");
        assertNull(trajectories.resultProperty().get());
        assertTrue(trajectories.errorProperty().get().contains("at least two"), trajectories.errorProperty().get());
        explorer.setSentenceNow(ExplorerViewModel.LECTURE_SENTENCE);
        assertNotNull(trajectories.resultProperty().get(), "a good sentence draws again");
    }

    @Test
    void aBasisOfAnotherSizeIsRefusedInOneLine() throws Exception {
        Path other = folder.resolve("other.json");
        PcaBasisFile.write(new PcaBasisFile.Basis(Pca.fit(new double[][] {{0, 1, 2}, {1, 0, 0}, {2, 2, 1}}, 2), "c",
                "layer 1", "test"), other);
        trajectories.loadBasis(other);
        assertNull(trajectories.resultProperty().get());
        assertTrue(trajectories.errorProperty().get().contains("3 units"), trajectories.errorProperty().get());
    }

    @Test
    void aSavedCorpusBasisProjectsLikeTheFitItCameFrom() throws Exception {
        trajectories.setBasisSource(TrajectoryViewModel.BasisSource.CORPUS);
        TrajectoryChart.Chart fitted = chart();
        assertTrue(fitted.subtitle().contains("held-out sentences"), fitted.subtitle());
        Path saved = folder.resolve("basis.json");
        trajectories.saveBasis(saved);
        assertTrue(Files.size(saved) > 0);
        trajectories.setBasisSource(TrajectoryViewModel.BasisSource.SENTENCES);
        trajectories.loadBasis(saved);
        assertEquals(TrajectoryViewModel.BasisSource.SAVED, trajectories.basisSourceProperty().get());
        for (int p = 0; p < 2; p++) {
            double[][] a = fitted.paths().get(p).points();
            double[][] b = chart().paths().get(p).points();
            for (int t = 0; t < a.length; t++) {
                assertEquals(a[t][0], b[t][0], 1e-12);
                assertEquals(a[t][1], b[t][1], 1e-12);
            }
        }
    }

    @Test
    void anImportedModelsLayerChosenInTheExplorerIsTheOneProjected() throws Exception {
        Path onnx = folder.resolve("lstm_folded.onnx");
        try (java.io.InputStream in = getClass().getResourceAsStream("/onnx/lstm_folded.onnx")) {
            Files.copy(in, onnx);
        }
        explorer.openModel(onnx);
        explorer.setSentenceNow("1, 5, 9, 2, 7");
        assertNotNull(explorer.primary().getImported());
        assertEquals(1, chart().paths().size(), "ids have no counterfactual");
        assertEquals(5, chart().paths().get(0).points().length);
        explorer.selectLayer(1);
        assertEquals(1, explorer.primary().selectedLayerProperty().get());
        assertTrue(chart().title().contains("backward"), chart().title());
        assertEquals("", trajectories.errorProperty().get());
    }

    @Test
    void theExportIsThePictureShown() throws Exception {
        Path png = folder.resolve("t.png");
        trajectories.export(png);
        java.awt.image.BufferedImage read = javax.imageio.ImageIO.read(png.toFile());
        java.awt.image.BufferedImage shown = trajectories.resultProperty().get().image();
        assertEquals(shown.getWidth(), read.getWidth());
        assertEquals(shown.getRGB(300, 300), read.getRGB(300, 300));
    }
}
