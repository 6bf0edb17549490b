package org.gatescope.ui.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gatescope.engine.Quantity;
import org.gatescope.ui.AnalysisCli;
import org.gatescope.ui.UiTestModels;
import org.gatescope.ui.explorer.ExplorerViewModel;
import org.gatescope.ui.task.CallingThreadExecutor;
import org.gatescope.ui.task.HeatmapExportService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadingViewModelTest {

    @TempDir
    Path folder;

    private ExplorerViewModel explorer;
    private ReadingViewModel reading;

    @BeforeEach
    void open() {
        explorer = new ExplorerViewModel(new CallingThreadExecutor(), UiTestModels.catalog(folder),
                new HeatmapExportService(), image -> { });
        explorer.start();
        reading = new ReadingViewModel(explorer);
    }

    @Test
    void theArrowsSwitchUnitAndQuantityAndTheValuesFollow() {
        int unit = explorer.primary().getPrimaryUnit();
        reading.moveUnit(1);
        assertTrue(explorer.primary().getPrimaryUnit() != unit, "the explorer's unit moved");
        assertEquals(Quantity.MEMORY_CELL, reading.quantityProperty().get());
        reading.moveQuantity(1);
        assertEquals(Quantity.ACTIVATION, reading.quantityProperty().get());
        double[] values = reading.values();
        assertEquals(explorer.primary().getTrace().value(Quantity.ACTIVATION, 4, explorer.primary().getPrimaryUnit()),
                values[4]);
        reading.hover(4);
        assertTrue(reading.hoverProperty().get().contains("step 4"), reading.hoverProperty().get());
    }

    @Test
    void markingASpanRanksUnitsAsTheCommandDoes() {
        reading.mark(1, 1);
        ReadingViewModel.Search search = reading.searchProperty().get();
        assertNotNull(search);
        Map<?, ?> json = AnalysisCli.json("search", "--model", folder.resolve("lstm.safetensors").toString(), "--text",
                ExplorerViewModel.LECTURE_SENTENCE, "--span", "1-1");
        List<?> units = (List<?>) json.get("units");
        for (int i = 0; i < units.size(); i++) {
            Map<?, ?> unit = (Map<?, ?>) units.get(i);
            assertEquals(((Number) unit.get("unit")).intValue(), search.ranked().get(i).unit());
            assertEquals(((Number) unit.get("correlation")).doubleValue(), search.ranked().get(i).correlation(), 1e-12);
        }
        reading.chooseRankedUnit(0);
        assertEquals(search.ranked().get(0).unit(), explorer.primary().getPrimaryUnit());
    }

    @Test
    void aClickStepsTheExplorerAndANewTextClearsTheSpan() {
        reading.click(3);
        assertEquals(3, explorer.getStep());
        reading.mark(2, 4);
        explorer.setSentenceNow("The dogs near the old houses were always hungry.");
        assertNull(reading.searchProperty().get());
    }

    @Test
    void theExportWritesTheWholeTextAsPng() throws Exception {
        Path png = folder.resolve("reading.png");
        reading.export(png);
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertEquals(ReadingViewModel.EXPORT_WIDTH, image.getWidth());
        assertTrue(image.getHeight() > 86);
    }
}
