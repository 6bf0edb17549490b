package org.gatescope.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gatescope.engine.TextbookModels;
import org.gatescope.engine.Trace;
import org.gatescope.engine.cell.Tracer;
import org.gatescope.render.export.SlideExport;
import org.gatescope.render.export.SlideFormat;
import org.gatescope.render.export.SlideRequest;
import org.gatescope.render.export.SlideView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gatescope export}: the files of render.export, and one clear line with exit 2 for bad input. */
class ExportCommandTest {

    @TempDir
    Path folder;

    private record Result(int status, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CommandLine.run(args, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theSvgIsTheDocumentTheExportServiceMakes() throws Exception {
        Path svg = folder.resolve("diagram.svg");
        Result result = run("export", "--model", "gru_textbook", "--text", "the cat was full .", "--view", "diagram",
                "--format", "svg", "--step", "1", "--unit", "0", "--units", "0,1", "--out", svg.toString());
        assertEquals(0, result.status(), result.err());
        Trace trace = Tracer.trace(TextbookModels.gru(), List.of("the", "cat", "was", "full", "."));
        SlideRequest same = new SlideRequest(trace, "gru_textbook", SlideView.DIAGRAM, SlideFormat.SVG, 1, 1, 0,
                List.of(0, 1), SlideRequest.DEFAULT_DELAY);
        assertArrayEquals(SlideExport.encode(same), Files.readAllBytes(svg));
        assertTrue(result.err().startsWith("wrote " + svg), result.err());
    }

    @Test
    void aGifOfFiveThousandTokensGetsOneLineAndNoFile() {
        Path gif = folder.resolve("long.gif");
        String text = "the cat was full . ".repeat(1000);
        Result result = run("export", "--model", "gru_textbook", "--text", text, "--view", "timeline", "--format", "gif",
                "--out", gif.toString());
        assertEquals(2, result.status());
        assertEquals(1, result.err().strip().lines().count(), result.err());
        assertTrue(result.err().contains("gatescope export: a GIF has one frame per token: this text has 5,000 tokens"),
                result.err());
        assertFalse(Files.exists(gif));
    }

    @Test
    void anUnwritablePathGetsOneLineAndNothingHalfWritten() throws Exception {
        Path target = folder.resolve("missing/slide.png");
        Result result = run("export", "--model", "gru_textbook", "--text", "the cat", "--format", "png", "--out",
                target.toString());
        assertEquals(2, result.status());
        assertTrue(result.err().startsWith("gatescope export: cannot write " + target + ": "), result.err());
        assertEquals(List.of(), Files.list(folder).toList());
    }

    @Test
    void badChoicesAreNamed() {
        Path out = folder.resolve("x.png");
        assertTrue(run("export", "--model", "gru", "--text", "the cat", "--format", "jpeg", "--out", out.toString())
                .err().contains("--format must be svg, png, gif or csv, got 'jpeg'"));
        assertTrue(run("export", "--model", "gru", "--text", "the cat", "--format", "png", "--view", "side",
                "--out", out.toString()).err().contains("--view must be diagram, timeline, heatmaps or all"));
        Result scale = run("export", "--model", "gru", "--text", "the cat", "--format", "png", "--scale", "4",
                "--out", out.toString());
        assertEquals(2, scale.status());
        assertTrue(scale.err().contains("--scale"), scale.err());
        Result step = run("export", "--model", "gru", "--text", "the cat", "--format", "png", "--step", "5",
                "--out", out.toString());
        assertTrue(step.err().contains("step 5 lies outside the text's 2 tokens"), step.err());
        Result unit = run("export", "--model", "gru", "--text", "the cat", "--format", "png", "--unit", "99",
                "--out", out.toString());
        assertTrue(unit.err().contains("unit 99 is not one of the model's units 0..47"), unit.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aPngAtTwiceTheScaleAndACsvOfEveryStepAndUnit() throws Exception {
        Path png = folder.resolve("t.png");
        assertEquals(0, run("export", "--model", "gru_textbook", "--text", "the cat was full .", "--view", "timeline",
                "--format", "png", "--scale", "2", "--out", png.toString()).status());
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertEquals(2 * 320, image.getHeight());
        Path csv = folder.resolve("t.csv");
        assertEquals(0, run("export", "--model", "gru_textbook", "--text", "the cat was full .", "--format", "csv",
                "--out", csv.toString()).status());
        assertEquals(1 + 5 * 2, Files.readAllLines(csv).size());
    }
}
