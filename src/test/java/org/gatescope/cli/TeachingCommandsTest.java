package org.gatescope.cli;

import static org.gatescope.cli.CommandLineTest.assertRefused;
import static org.gatescope.cli.CommandLineTest.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.gatescope.engine.Model;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.analysis.MemoryAccount;
import org.gatescope.engine.cell.Tracer;
import org.gatescope.engine.intervention.Counterfactual;
import org.gatescope.engine.intervention.GateClamp;
import org.gatescope.engine.intervention.GateClamps;
import org.gatescope.io.Json;
import org.gatescope.io.ModelLibrary;
import org.gatescope.render.CounterfactualChart;
import org.gatescope.render.PngExport;
import org.gatescope.text.Tokenizer;
import org.gatescope.ui.explorer.ExplorerViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code diff}, {@code trace --clamp} and {@code trace --memory}: the engine's numbers in the JSON, the
 * window's chart in the PNG; exit 2 with one line, and no file, on bad input.
 */
class TeachingCommandsTest {

    private static final String LECTURE = ExplorerViewModel.LECTURE_SENTENCE;

    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String text) {
        return (Map<String, Object>) Json.parse(text);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void diffPrintsBothTracesTheirDifferenceAndTheShiftOfThePrediction() throws Exception {
        CommandLineTest.Result result = run("diff", "--model", "gru", "--text", LECTURE, "--replace", "1=cats",
                "--format", "json");
        assertEquals(0, result.status(), result.err());
        Map<String, Object> doc = json(result.out());
        assertEquals("cat", doc.get("original"));
        assertEquals("cats", doc.get("replacement"));
        List<Object> steps = list(doc.get("steps"));
        assertEquals(11, steps.size(), "one entry per step of the original text");
        Model gru = ModelLibrary.load("gru");
        Counterfactual expected = Counterfactual.replace(gru, Tokenizer.tokenize(LECTURE), 1, "cats");
        Map<String, Object> step4 = (Map<String, Object>) steps.get(4);
        double delta = number(list(((Map<String, Object>) step4.get("delta")).get("c")).get(1));
        assertEquals(expected.delta(Quantity.MEMORY_CELL, 4, 1), delta, 0.0);
        assertEquals("cats", ((Map<String, Object>) steps.get(1)).get("replaced_token"));
        assertEquals("cat", ((Map<String, Object>) steps.get(1)).get("token"));
        assertEquals(expected.predictionShift(7), number(((Map<String, Object>) steps.get(7)).get("prediction_shift")),
                0.0);
        Map<String, Object> carrier = (Map<String, Object>) list(doc.get("carriers")).get(0);
        assertEquals(29, ((Number) carrier.get("unit")).intValue(), "the bundled GRU's first number unit");
    }

    @Test
    void diffDrawsTheWindowsChartPixelForPixel() throws Exception {
        Path png = dir.resolve("diff.png");
        CommandLineTest.Result result = run("diff", "--model", "gru", "--text", LECTURE, "--replace", "1=cats", "--out",
                png.toString());
        assertEquals(0, result.status(), result.err());
        assertTrue(result.err().startsWith("wrote " + png), result.err());
        assertTrue(result.out().contains("cat \u2192 cats at token 2"), result.out());
        BufferedImage written = ImageIO.read(png.toFile());
        BufferedImage expected = CounterfactualChart.forExport("gru", Counterfactual.replace(ModelLibrary.load("gru"),
                Tokenizer.tokenize(LECTURE), 1, "cats"));
        assertArrayEquals(PngExport.toPng(expected), Files.readAllBytes(png));
        assertEquals(expected.getWidth(), written.getWidth());
    }

    @Test
    void diffRefusesBadReplacementsWithOneLineAndWritesNothing() {
        Path png = dir.resolve("never.png");
        assertRefused(run("diff", "--model", "gru", "--text", LECTURE, "--replace", "1=zebras", "--out", png.toString()),
                "\u201Czebras\u201D is not a word this model knows");
        assertRefused(run("diff", "--model", "gru", "--text", LECTURE, "--replace", "11=cats"), "positions 0 to 10");
        assertRefused(run("diff", "--model", "gru", "--text", LECTURE, "--replace", "cats"), "POSITION=WORD");
        assertRefused(run("diff", "--model", "gru", "--text", LECTURE, "--replace", "x=cats"), "not a token position");
        assertRefused(run("diff", "--model", "gru", "--text", LECTURE, "--replace", "1=cats", "--out",
                dir.resolve("missing/dir/x.png").toString()), "cannot write");
        assertFalse(Files.exists(png));
    }

    @Test
    void traceWithClampsIsTheClampedTraceAndNamesItsClamps() throws Exception {
        CommandLineTest.Result result = run("trace", "--model", "gru", "--text", LECTURE, "--clamp", "u:all:3-7=0",
                "--clamp", "u:1:5-6=1");
        assertEquals(0, result.status(), result.err());
        Map<String, Object> doc = json(result.out());
        assertEquals(List.of("u:all:3-7=0", "u:1:5-6=1"), doc.get("clamps"));
        List<Object> steps = list(doc.get("steps"));
        Map<String, Object> step5 = (Map<String, Object>) steps.get(5);
        assertEquals(1.0, number(list(step5.get("u")).get(1)), "the later clamp wins");
        assertEquals(0.0, number(list(step5.get("u")).get(0)));
        GateClamps clamps = GateClamps.of(GateClamp.parse("u:all:3-7=0"), GateClamp.parse("u:1:5-6=1"));
        double expected = Tracer.trace(ModelLibrary.load("gru"), Tokenizer.tokenize(LECTURE), null, clamps)
                .value(Quantity.MEMORY_CELL, 9, 4);
        assertEquals(expected, number(list(((Map<String, Object>) steps.get(9)).get("c")).get(4)), 0.0);
    }

    @Test
    void traceWithMemoryAccountsForEveryUnitAndStep() throws Exception {
        CommandLineTest.Result result = run("trace", "--model", "lstm", "--text", LECTURE, "--memory", "1");
        assertEquals(0, result.status(), result.err());
        Map<String, Object> doc = json(result.out());
        Map<String, Object> from = (Map<String, Object>) doc.get("memory_from");
        assertEquals(1, ((Number) from.get("position")).intValue());
        assertEquals("cat", from.get("token"));
        List<Object> steps = list(doc.get("steps"));
        Map<String, Object> step0 = (Map<String, Object>) steps.get(0);
        assertNull(list(step0.get("survival")).get(3), "nothing survives before it was written");
        MemoryAccount account = new MemoryAccount(Tracer.trace(ModelLibrary.load("lstm"), Tokenizer.tokenize(LECTURE)),
                1);
        Map<String, Object> step6 = (Map<String, Object>) steps.get(6);
        assertEquals(account.survival(6, 3), number(list(step6.get("survival")).get(3)), 0.0);
        assertEquals(account.kept(6, 3), number(list(step6.get("kept")).get(3)), 0.0);
        assertEquals(account.written(6, 3), number(list(step6.get("written")).get(3)), 0.0);
    }

    @Test
    void badClampsAndMemoryPositionsAreRefusedWithOneLine() {
        assertRefused(run("trace", "--model", "gru", "--text", LECTURE, "--clamp", "u:all:3-7=1.5"),
                "between 0 and 1");
        assertRefused(run("trace", "--model", "gru", "--text", LECTURE, "--clamp", "u:48:3-7=1"), "units are 0 to 47");
        assertRefused(run("trace", "--model", "gru", "--text", LECTURE, "--clamp", "u:all:3-11=1"),
                "positions 0 to 10");
        assertRefused(run("trace", "--model", "gru", "--text", LECTURE, "--clamp", "f:all:3-4=1"), "no \u0393f");
        assertRefused(run("trace", "--model", "rnn", "--text", LECTURE, "--clamp", "u:all:3-4=1"), "no gates");
        assertRefused(run("trace", "--model", "gru", "--text", LECTURE, "--clamp", "u:all:3-4=1", "--reach"),
                "--reach");
        assertRefused(run("trace", "--model", "gru", "--text", LECTURE, "--memory", "11"), "positions 0 to 10");
        assertRefused(run("trace", "--model", "rnn", "--text", LECTURE, "--memory", "1"), "no memory cell");
        assertRefused(run("trace", "--model", "gru", "--text", LECTURE, "--memory", "1", "--format", "csv"),
                "JSON only");
    }
}
