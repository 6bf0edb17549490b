package org.gatescope.cli;

import static org.gatescope.cli.CommandLineTest.assertRefused;
import static org.gatescope.cli.CommandLineTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.gatescope.engine.Model;
import org.gatescope.engine.Trace;
import org.gatescope.engine.analysis.MemoryAccount;
import org.gatescope.engine.cell.Tracer;
import org.gatescope.engine.intervention.GateClamp;
import org.gatescope.engine.intervention.GateClamps;
import org.gatescope.io.ModelLibrary;
import org.gatescope.render.MemoryChart;
import org.gatescope.text.Tokenizer;
import org.gatescope.ui.explorer.ExplorerViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code memory}: the memory account from one token as a table and as the window's chart; by default
 * the units the window selects; clamps composed; one line and exit 2 on bad input, no file written.
 */
class MemoryCommandTest {

    private static final String LECTURE = ExplorerViewModel.LECTURE_SENTENCE;

    @TempDir
    Path dir;

    @Test
    void theTablePrintsTheEnginesAccountForTheModelsNumberUnits() throws Exception {
        CommandLineTest.Result result = run("memory", "--model", "gru", "--text", LECTURE, "--from", "1");

        assertEquals(0, result.status(), result.err());
        Model model = ModelLibrary.loadTested("gru");
        MemoryAccount account = new MemoryAccount(Tracer.trace(model, Tokenizer.tokenize(LECTURE)), 1);
        assertTrue(result.out().startsWith("memory from \"cat\" (position 1)"), result.out());
        for (int unit : model.numberUnits()) {
            assertTrue(result.out().contains("\nunit " + unit + "\n"), "a block for number unit " + unit);
        }
        int unit = model.numberUnits()[0];
        int was = Tokenizer.tokenize(LECTURE).indexOf("was");
        String wasRow = String.format(Locale.ROOT, "%7.3f  %+8.3f  %+8.3f", account.keepGate(was, unit),
                account.kept(was, unit), account.written(was, unit));
        String block = result.out().substring(result.out().indexOf("\nunit " + unit + "\n"));
        assertTrue(block.lines().anyMatch(line -> line.contains(" was ") && line.contains(wasRow)),
                "the row of \"was\" holds 1-\u0393u, kept and written: " + wasRow + "\n" + block);
        assertTrue(block.lines().anyMatch(line -> line.matches("\\s*0\\s+the\\s+.*[0-9]\\s*")),
                "the token before the picked one has no surviving share");
    }

    @Test
    void theChartIsTheWindowsChartForTheChosenUnits() throws Exception {
        Path png = dir.resolve("memory.png");

        CommandLineTest.Result result = run("memory", "--model", "lstm", "--text", LECTURE, "--from", "1",
                "--units", "5,0", "--out", png.toString());

        assertEquals(0, result.status(), result.err());
        assertTrue(result.err().startsWith("wrote " + png), result.err());
        MemoryAccount account = new MemoryAccount(Tracer.trace(ModelLibrary.loadTested("lstm"),
                Tokenizer.tokenize(LECTURE)), 1);
        BufferedImage expected = MemoryChart.forExport("lstm", account, List.of(5, 0));
        BufferedImage written = ImageIO.read(png.toFile());
        assertEquals(expected.getWidth(), written.getWidth());
        assertEquals(expected.getHeight(), written.getHeight());
        int[] a = expected.getRGB(0, 0, expected.getWidth(), expected.getHeight(), null, 0, expected.getWidth());
        int[] b = written.getRGB(0, 0, written.getWidth(), written.getHeight(), null, 0, written.getWidth());
        assertTrue(Arrays.equals(a, b), "the same pixels as the window's export");
    }

    @Test
    void aClampedGateIsAccountedWithItsClampedValue() throws Exception {
        CommandLineTest.Result result = run("memory", "--model", "gru", "--text", LECTURE, "--from", "1",
                "--units", "3", "--clamp", "u:3:2-8=0");

        assertEquals(0, result.status(), result.err());
        assertEquals(8, Tokenizer.tokenize(LECTURE).indexOf("was"));
        Model model = ModelLibrary.loadTested("gru");
        Trace clamped = Tracer.trace(model, Tokenizer.tokenize(LECTURE), null,
                new GateClamps(List.of(GateClamp.parse("u:3:2-8=0"))));
        assertEquals(1.0, new MemoryAccount(clamped, 1).survival(8, 3), 0.0);
        assertTrue(result.out().lines().anyMatch(line -> line.contains(" was ") && line.endsWith("100.0%")),
                "with \u0393u shut from 2 to 8 all of what \"cat\" wrote is left at \"was\":\n" + result.out());
    }

    @Test
    void badInputIsRefusedWithOneLineAndNoFile() {
        Path png = dir.resolve("never.png");
        assertRefused(run("memory", "--model", "gru", "--text", LECTURE, "--from", "11", "--out", png.toString()),
                "positions 0 to 10");
        assertRefused(run("memory", "--model", "rnn", "--text", LECTURE, "--from", "1"), "no memory cell");
        assertRefused(run("memory", "--model", "gru", "--text", LECTURE), "--from");
        assertRefused(run("memory", "--model", "gru", "--text", LECTURE, "--from", "1", "--units", "1,x"),
                "--units takes units 0 to");
        assertRefused(run("memory", "--model", "gru", "--text", LECTURE, "--from", "1", "--clamp", "f:all:2-3=1"),
                "no \u0393f");
        assertRefused(run("memory", "--model", "gru", "--text", LECTURE, "--from", "1", "--out",
                dir.resolve("missing/dir/x.png").toString()), "cannot write");
        assertFalse(Files.exists(png));
    }
}
