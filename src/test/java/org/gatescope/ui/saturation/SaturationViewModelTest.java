package org.gatescope.ui.saturation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.analysis.GateSaturation;
import org.gatescope.render.SaturationChart;
import org.gatescope.ui.UiTestModels;
import org.gatescope.ui.explorer.ExplorerViewModel;
import org.gatescope.ui.task.CallingThreadExecutor;
import org.gatescope.ui.task.HeatmapExportService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The saturation window's view model on the calling thread: every count completes before the call returns. */
class SaturationViewModelTest {

    @TempDir
    Path folder;

    private ExplorerViewModel explorer;
    private SaturationViewModel saturation;

    @BeforeEach
    void open() {
        explorer = new ExplorerViewModel(new CallingThreadExecutor(), UiTestModels.catalog(folder),
                new HeatmapExportService(), image -> { });
        explorer.start();
        saturation = new SaturationViewModel(new CallingThreadExecutor(), explorer.primary());
        saturation.refresh();
    }

    private List<GateSaturation.Point> points() {
        return saturation.chartProperty().get().points();
    }

    @Test
    void countsEveryGateUnitOfTheLstmOverTheHeldOutCorpus() {
        assertEquals(SaturationViewModel.Source.CORPUS, saturation.sourceProperty().get());
        assertEquals(3 * UiTestModels.HIDDEN, points().size());
        assertEquals(SaturationChart.WIDTH, saturation.chartProperty().get().image().getWidth());
        assertFalse(saturation.busyProperty().get());
        assertEquals("", saturation.errorProperty().get());
        assertTrue(saturation.statusProperty().get().contains("300 held-out sentences"),
                saturation.statusProperty().get());
    }

    @Test
    void loadedTextSourceCountsTheSentenceAndFollowsItsEdits() {
        saturation.setSource(SaturationViewModel.Source.LOADED_TEXT);
        List<GateSaturation.Point> lecture = points();
        explorer.setSentenceNow("The dogs near the old houses were always hungry and loud.");
        assertEquals(lecture.size(), points().size());
        assertNotEquals(lecture, points());
    }

    @Test
    void anotherModelInTheExplorerIsCountedAgain() {
        explorer.chooseCell(CellKind.GRU);
        assertEquals(2 * UiTestModels.HIDDEN, points().size());
        assertTrue(points().stream().allMatch(p -> p.gate() == Quantity.UPDATE_GATE
                || p.gate() == Quantity.RELEVANCE_GATE));
    }

    @Test
    void vanillaRnnHasNoPointsAndSaysWhy() {
        explorer.chooseCell(CellKind.RNN);
        assertTrue(points().isEmpty());
        assertTrue(saturation.statusProperty().get().contains("no gates"), saturation.statusProperty().get());
    }

    @Test
    void hoverNamesThePointAndClickSelectsItsUnitInTheExplorer() {
        GateSaturation.Point point = points().stream().filter(p -> p.unit() == 4).findFirst().orElseThrow();
        SaturationChart.Layout layout = SaturationChart.layout();
        double x = layout.x(point.leftFraction());
        double y = layout.y(point.rightFraction());
        // Points of other units may lie on top of this one: whichever is named is the one selected.
        saturation.hover(x, y);
        String named = saturation.hoverProperty().get();
        assertTrue(named.matches("Γ[uro] unit \\d+: \\d+% shut, \\d+% open"), named);

        assertTrue(saturation.click(x, y));
        int unit = Integer.parseInt(named.replaceAll("^Γ. unit (\\d+):.*", "$1"));
        assertEquals(unit, explorer.primary().getPrimaryUnit());
    }

    @Test
    void clickAwayFromEveryPointSelectsNothing() {
        int before = explorer.primary().getPrimaryUnit();
        assertFalse(saturation.click(2, 2));
        saturation.hover(2, 2);
        assertEquals("", saturation.hoverProperty().get());
        assertEquals(before, explorer.primary().getPrimaryUnit());
    }

    @Test
    void exportWritesTheChartAsPng() throws Exception {
        Path target = folder.resolve("lstm-saturation.png");
        saturation.export(target);
        BufferedImage written = ImageIO.read(target.toFile());
        assertEquals(SaturationChart.WIDTH, written.getWidth());
        assertEquals(SaturationChart.HEIGHT, written.getHeight());
        assertEquals("", saturation.errorProperty().get());
        assertEquals("lstm-saturation.png", saturation.suggestedFileName());
    }

    @Test
    void failedExportTellsTheUserAndLeavesNoFile() throws Exception {
        Path target = folder.resolve("missing").resolve("chart.png");
        saturation.export(target);
        assertTrue(saturation.errorProperty().get().startsWith("Could not save chart.png"),
                saturation.errorProperty().get());
        assertFalse(Files.exists(target));
        List<Path> left = new ArrayList<>();
        try (var files = Files.list(folder)) {
            files.filter(p -> p.getFileName().toString().contains("chart")).forEach(left::add);
        }
        assertTrue(left.isEmpty(), left.toString());
    }

    @Test
    void closedWindowStopsFollowingTheExplorer() {
        saturation.dispose();
        List<GateSaturation.Point> before = points();
        explorer.chooseCell(CellKind.GRU);
        assertEquals(before, points());
    }
}
