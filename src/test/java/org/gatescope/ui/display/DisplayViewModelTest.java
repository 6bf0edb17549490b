package org.gatescope.ui.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gatescope.render.Palette;
import org.junit.jupiter.api.Test;

class DisplayViewModelTest {

    private final DisplayViewModel display = new DisplayViewModel();

    @Test
    void zoomStepsUpToTwoAndAHalfAndStopsThere() {
        assertTrue(display.zoomIn());
        assertEquals(1.1, display.getZoom(), 1e-9);
        assertEquals("Zoom 110 %", display.zoomMessage());
        while (display.zoomIn()) {
            assertTrue(display.getZoom() <= DisplayViewModel.MAX_ZOOM);
        }
        assertEquals(2.5, display.getZoom(), 1e-9);
        assertEquals("Zoom 250 % (the largest)", display.zoomMessage());
        assertFalse(display.zoomIn());
    }

    @Test
    void zoomStepsDownToSeventyPercentAndResetsToActualSize() {
        while (display.zoomOut()) {
            assertTrue(display.getZoom() >= DisplayViewModel.MIN_ZOOM);
        }
        assertEquals(0.7, display.getZoom(), 1e-9);
        assertEquals("Zoom 70 % (the smallest)", display.zoomMessage());
        assertTrue(display.resetZoom());
        assertEquals(1, display.getZoom());
        assertFalse(display.resetZoom());
    }

    @Test
    void presentationModeDrawsLargerOnALargerScreenWithinBounds() {
        display.setWindowSize(1920, 1080);
        assertEquals(1, display.getScale());
        display.togglePresentation();
        assertEquals(1080 / 640.0, display.getScale(), 1e-9, "1080 px high lays out as 640");
        display.setWindowSize(2560, 1440);
        assertEquals(DisplayViewModel.MOST_PRESENTATION_SCALE, display.getScale(), 1e-9);
        display.setWindowSize(1280, 720);
        assertEquals(1.125, display.getScale(), 1e-9, "720 px high lays out as 640");
        display.setWindowSize(1024, 640);
        assertEquals(DisplayViewModel.LEAST_PRESENTATION_SCALE, display.getScale(), 1e-9);
        display.zoomIn();
        assertEquals(1.1 * DisplayViewModel.LEAST_PRESENTATION_SCALE, display.getScale(), 1e-9,
                "the zoom multiplies presentation mode's scale");
        display.togglePresentation();
        assertEquals(1.1, display.getScale(), 1e-9);
    }

    @Test
    void theColourBlindSafeSwitchChoosesThePalette() {
        assertEquals(Palette.STANDARD, display.paletteProperty().get());
        display.setColourBlindSafe(true);
        assertEquals(Palette.COLOURBLIND, display.paletteProperty().get());
        assertTrue(display.isColourBlindSafe());
        display.setColourBlindSafe(false);
        assertEquals(Palette.STANDARD, display.paletteProperty().get());
    }
}
