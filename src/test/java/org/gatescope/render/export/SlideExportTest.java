package org.gatescope.render.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.gatescope.engine.TextbookModels;
import org.gatescope.engine.Trace;
import org.gatescope.engine.cell.Tracer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * Slides of the textbook GRU (two hand-set units) on "the cat was full .": SVG documents against
 * golden files, PNG sizes per scale, the GIF's frames, delay and loop, the CSV's rows, and refusals
 * that leave no file. The goldens hold text positions measured in DejaVu Sans (CI's fonts-dejavu-core);
 * regenerate them with {@code -Dgatescope.updateGoldens=true} after a deliberate change, and look at them.
 */
class SlideExportTest {

    private static final String GOLDEN = "/org/gatescope/render/export/";
    private static Trace trace;

    @TempDir
    Path folder;

    @BeforeAll
    static void trace() {
        System.setProperty("java.awt.headless", "true");
        trace = Tracer.trace(TextbookModels.gru(), List.of("the", "cat", "was", "full", "."));
    }

    private static SlideRequest request(SlideView view, SlideFormat format, int step, int scale) {
        return new SlideRequest(trace, "gru_textbook", view, format, step, scale, 0, List.of(0, 1), 400);
    }

    @Test
    void theDiagramAsSvgIsTheGoldenDocument() throws Exception {
        assertGolden("gru-textbook-diagram-step2.svg", SlideExport.svg(request(SlideView.DIAGRAM, SlideFormat.SVG, 1, 1)));
    }

    @Test
    void theTimelineAsSvgIsTheGoldenDocument() throws Exception {
        assertGolden("gru-textbook-timeline-step2.svg",
                SlideExport.svg(request(SlideView.TIMELINE, SlideFormat.SVG, 1, 1)));
    }

    @Test
    void theHeatmapsAsSvgAreTheGoldenDocument() throws Exception {
        assertGolden("gru-textbook-heatmaps.svg", SlideExport.svg(request(SlideView.HEATMAPS, SlideFormat.SVG, 0, 1)));
    }

    @Test
    void anSvgKeepsItsTextsAsTextAndParsesAsXml() throws Exception {
        String svg = SlideExport.svg(request(SlideView.ALL, SlideFormat.SVG, 1, 1));
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", document.getDocumentElement().getTagName());
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < document.getElementsByTagName("text").getLength(); i++) {
            texts.add(document.getElementsByTagName("text").item(i).getTextContent());
        }
        assertTrue(texts.contains("GRU"), "the diagram's title: " + texts);
        assertTrue(texts.contains("cat"), "the timeline's token labels");
        assertTrue(texts.stream().anyMatch(t -> t.contains("c<t>")), "c<t> kept, escaped in the file");
        assertTrue(svg.contains("c&lt;t&gt;"), "escaped");
        assertFalse(svg.contains("<image"), "no pixels inside");
    }

    @Test
    void theSameStateGivesTheSameBytes() throws Exception {
        for (SlideFormat format : SlideFormat.values()) {
            SlideRequest request = request(SlideView.DIAGRAM, format, 2, 1);
            assertArrayEquals(SlideExport.encode(request), SlideExport.encode(request), format.id());
        }
    }

    @Test
    void aPngIsDrawnAtOneTwoOrThreeTimesItsSize() throws Exception {
        BufferedImage one = read(SlideExport.encode(request(SlideView.DIAGRAM, SlideFormat.PNG, 1, 1)));
        assertEquals(1120, one.getWidth());
        assertEquals(540, one.getHeight());
        for (int scale = 2; scale <= 3; scale++) {
            BufferedImage scaled = read(SlideExport.encode(request(SlideView.DIAGRAM, SlideFormat.PNG, 1, scale)));
            assertEquals(one.getWidth() * scale, scaled.getWidth());
            assertEquals(one.getHeight() * scale, scaled.getHeight());
        }
        BufferedImage all = read(SlideExport.encode(request(SlideView.ALL, SlideFormat.PNG, 1, 1)));
        assertTrue(all.getHeight() > one.getHeight() + 300, "the diagram, the timeline and the heatmaps stacked");
    }

    @Test
    void aPngShowsTheStepItWasAskedFor() throws Exception {
        BufferedImage cat = SlideExport.image(request(SlideView.TIMELINE, SlideFormat.PNG, 1, 1));
        BufferedImage full = SlideExport.image(request(SlideView.TIMELINE, SlideFormat.PNG, 3, 1));
        assertFalse(java.util.Arrays.equals(pixels(cat), pixels(full)), "the current token moved");
    }

    @Test
    void aGifHasOneFramePerTokenItsDelayAndLoopsForEver() throws Exception {
        byte[] gif = SlideExport.encode(request(SlideView.DIAGRAM, SlideFormat.GIF, 0, 1));
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(gif))) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertEquals(trace.length(), reader.getNumImages(true));
            IIOMetadataNode first = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0");
            IIOMetadataNode control = (IIOMetadataNode) first.getElementsByTagName("GraphicControlExtension").item(0);
            assertEquals("40", control.getAttribute("delayTime"), "400 ms in hundredths");
            IIOMetadataNode loop = (IIOMetadataNode) first.getElementsByTagName("ApplicationExtension").item(0);
            assertNotNull(loop, "the NETSCAPE2.0 extension");
            assertEquals("NETSCAPE", loop.getAttribute("applicationID"));
            assertArrayEquals(new byte[] {1, 0, 0}, (byte[]) loop.getUserObject(), "loop count 0: for ever");
            assertEquals(1120, reader.getWidth(0));
            assertFalse(java.util.Arrays.equals(pixels(reader.read(0)), pixels(reader.read(1))), "frames differ");
        }
    }

    @Test
    void aCsvHasOneRowPerStepAndUnitWithEveryQuantity() throws Exception {
        String csv = new String(SlideExport.encode(request(SlideView.DIAGRAM, SlideFormat.CSV, 0, 1)),
                StandardCharsets.UTF_8);
        String[] lines = csv.split("\r\n");
        assertEquals("step,token,unknown,unit,u,r,c_tilde,c,a", lines[0]);
        assertEquals(1 + trace.length() * trace.hidden(), lines.length);
        assertTrue(lines[3].startsWith("1,cat,false,0,"), lines[3]);
        assertEquals(trace.value(org.gatescope.engine.Quantity.MEMORY_CELL, 1, 0),
                Double.parseDouble(lines[3].split(",")[7]));
    }

    @Test
    void aGifOfFiveThousandTokensIsRefusedAndNoFileIsWritten() {
        // a small model: a 5,000-token trace of a 7,330-word one needs more memory than a test JVM may have free
        Trace longText = Tracer.trace(org.gatescope.TestModels.random(org.gatescope.engine.CellKind.GRU,
                org.gatescope.engine.GruReset.BEFORE, 8, 3, 2, 5), new int[5000]);
        Path target = folder.resolve("long.gif");
        SlideExportException e = assertThrows(SlideExportException.class, () -> SlideExport.write(
                new SlideRequest(longText, "", SlideView.DIAGRAM, SlideFormat.GIF, 0, 1, 0, List.of(0), 500), target));
        assertTrue(e.getMessage().contains("5,000 tokens"), e.getMessage());
        assertFalse(Files.exists(target));
    }

    @Test
    void outOfRangeChoicesSayWhatToChange() {
        assertTrue(message(request(SlideView.DIAGRAM, SlideFormat.PNG, 9, 1)).contains("step 9 lies outside"));
        assertTrue(message(request(SlideView.DIAGRAM, SlideFormat.PNG, 0, 4)).contains("1, 2 or 3"));
        assertTrue(message(new SlideRequest(trace, "", SlideView.DIAGRAM, SlideFormat.PNG, 0, 1, 7, List.of(), 500))
                .contains("unit 7 is not one of the model's units 0..1"));
        assertTrue(message(request(SlideView.HEATMAPS, SlideFormat.GIF, 0, 1)).contains("a GIF steps through"));
        assertTrue(message(new SlideRequest(trace, "", SlideView.DIAGRAM, SlideFormat.GIF, 0, 1, 0, List.of(), 5))
                .contains("20 to 10000 ms"));
    }

    @Test
    void anUnwritablePathLeavesNothingBehind() throws Exception {
        Path existing = folder.resolve("kept.svg");
        Files.writeString(existing, "before");
        Path missingFolder = folder.resolve("no/such/folder/slide.svg");
        assertThrows(IOException.class, () -> SlideExport.write(request(SlideView.DIAGRAM, SlideFormat.SVG, 0, 1),
                missingFolder));
        assertThrows(IOException.class, () -> SlideExport.write(request(SlideView.DIAGRAM, SlideFormat.SVG, 0, 1),
                folder));
        assertEquals(List.of("kept.svg"), Files.list(folder).map(p -> p.getFileName().toString()).toList());
    }

    private static String message(SlideRequest request) {
        return assertThrows(SlideExportException.class, () -> SlideExport.encode(request)).getMessage();
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    private static BufferedImage read(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    private static void assertGolden(String name, String actual) throws IOException {
        if (Boolean.getBoolean("gatescope.updateGoldens")) {
            Path file = Path.of("src/test/resources" + GOLDEN + name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        try (InputStream in = SlideExportTest.class.getResourceAsStream(GOLDEN + name)) {
            assertNotNull(in, "no golden file " + name + ": run with -Dgatescope.updateGoldens=true");
            String expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(expected, actual, name + " differs from its golden file");
        }
    }
}
