package org.gatescope.ui.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gatescope.engine.analysis.ProbeStudy;
import org.gatescope.ui.AnalysisCli;
import org.gatescope.ui.UiTestModels;
import org.gatescope.ui.explorer.ExplorerViewModel;
import org.gatescope.ui.task.CallingThreadExecutor;
import org.gatescope.ui.task.HeatmapExportService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProbeViewModelTest {

    @TempDir
    Path folder;

    private ExplorerViewModel explorer;
    private ProbeViewModel probe;

    @BeforeEach
    void open() {
        explorer = new ExplorerViewModel(new CallingThreadExecutor(), UiTestModels.catalog(folder),
                new HeatmapExportService(), image -> { });
        explorer.start();
        probe = new ProbeViewModel(explorer);
        probe.refresh();
    }

    @Test
    void theWindowReportsTheAccuraciesTheCommandPrints() {
        ProbeStudy.Report report = probe.resultProperty().get().report();
        Map<?, ?> json = AnalysisCli.json("probe", "--model", folder.resolve("lstm.safetensors").toString());
        assertEquals(((Number) json.get("accuracy")).doubleValue(), report.accuracy(), 1e-12);
        List<?> positions = (List<?>) json.get("accuracy_per_position");
        assertEquals(positions.size(), report.perPosition().size());
        Map<?, ?> top = (Map<?, ?>) ((List<?>) json.get("top_units")).get(0);
        assertEquals(((Number) top.get("unit")).intValue(), report.topUnits().get(0).unit());
    }

    @Test
    void aClickOnAUnitsBarSelectsItInTheExplorer() {
        ProbeStudy.Report report = probe.resultProperty().get().report();
        int second = report.topUnits().get(1).unit();
        assertTrue(probe.click(org.gatescope.render.ProbeChart.WIDTH - 60, 20 + 62 + 34 + 30 + 15));
        assertEquals(second, explorer.primary().getPrimaryUnit());
    }

    @Test
    void aBrokenLabelFileSaysWhyAndKeepsTheProbe() throws Exception {
        ProbeViewModel.Result before = probe.resultProperty().get();
        Path broken = Files.writeString(folder.resolve("broken.tsv"), "the\tDET\ncat\n");
        probe.useLabels(broken);
        assertTrue(probe.errorProperty().get().contains("line 2"), probe.errorProperty().get());
        assertEquals(before, probe.resultProperty().get());
        assertEquals(ProbeStudy.NUMBER, probe.propertyProperty().get());
    }

    @Test
    void aLabelFileIsProbedInstead() throws Exception {
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            file.append("the\tDET\n").append(i % 2 == 0 ? "cat" : "dogs").append("\tNOUN\nwas\tVERB\n\n");
        }
        probe.useLabels(Files.writeString(folder.resolve("pos.tsv"), file.toString()));
        assertNotNull(probe.resultProperty().get());
        assertEquals(List.of("DET", "NOUN", "VERB"), probe.resultProperty().get().report().classes());
    }
}
