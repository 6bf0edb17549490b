package org.gatescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code bench}'s line format, its parsing of the PyTorch script's lines and the ratios; nothing here is timed. */
class BenchRowTest {

    @Test
    void languageModelRowsUseTheDocumentedLineFormat() {
        assertEquals("lm-train gru H=64 D=32 V=5000 batch=32 T=20 threads=2 tokens_per_s=9001",
                BenchRow.languageModelTrain("gru", 64, 32, 5000, 32, 20, 2, null, 9000.6).format());
        assertEquals("lm-trace lstm H=256 D=32 V=5000 threads=1 us_per_token=31.25",
                BenchRow.languageModelTrace("lstm", 256, 32, 5000, 31.249).format());
        assertEquals("train lstm H=16 D=32 batch=32 T=20 threads=1 tokens_per_s=500000",
                BenchRow.train("lstm", 16, 32, 32, 20, 1, null, 500000).format());
        assertEquals("trace gru H=64 D=32 us_per_token=3.10", BenchRow.trace("gru", 64, 32, 3.1).format());
    }

    @Test
    void aFormattedRowParsesBackToItself() {
        BenchRow row = BenchRow.languageModelTrain("lstm", 256, 32, 5000, 32, 20, 1, "float32", 1234);
        assertEquals(row, BenchRow.parse(row.format()).orElseThrow());
    }

    @Test
    void gateScopesTrainingRowsNameTheirPrecisionJustBeforeTheValue() {
        assertEquals("train gru H=256 D=32 batch=32 T=20 threads=1 precision=float32 tokens_per_s=20000",
                BenchRow.train("gru", 256, 32, 32, 20, 1, "float32", 20000).format());
        assertEquals("lm-train lstm H=64 D=32 V=5000 batch=32 T=20 threads=2 precision=float64 tokens_per_s=7000",
                BenchRow.languageModelTrain("lstm", 64, 32, 5000, 32, 20, 2, "float64", 7000).format());
    }

    @Test
    void pyTorchsRowOfAShapeIsComparedWithGateScopesRowsOfEitherPrecision() {
        List<BenchRow> ours = List.of(
                BenchRow.train("gru", 256, 32, 32, 20, 1, "float64", 10000),
                BenchRow.train("gru", 256, 32, 32, 20, 1, "float32", 30000));
        List<BenchRow> torch = List.of(BenchRow.parse(
                "train gru H=256 D=32 batch=32 T=20 threads=1 tokens_per_s=20000").orElseThrow());
        assertEquals(List.of(
                "ratio train gru H=256 D=32 batch=32 T=20 threads=1 precision=float64 gatescope/torch=0.50",
                "ratio train gru H=256 D=32 batch=32 T=20 threads=1 precision=float32 gatescope/torch=1.50"),
                BenchRow.ratios(ours, torch));
    }

    @Test
    void linesThatAreNotRowsAreSkipped() {
        assertFalse(BenchRow.parse("UserWarning: something about threads").isPresent());
        assertFalse(BenchRow.parse("trace gru H=sixty us_per_token=1").isPresent());
        assertFalse(BenchRow.parse("").isPresent());
    }

    @Test
    void ratiosSayHowManyTimesFasterGateScopeIsForMatchingShapesOnly() {
        List<BenchRow> ours = List.of(
                BenchRow.trace("gru", 64, 32, 2.0),
                BenchRow.languageModelTrain("gru", 64, 32, 5000, 32, 20, 1, null, 3000),
                BenchRow.languageModelTrain("gru", 64, 32, 5000, 32, 20, 2, null, 5000),
                BenchRow.train("peephole_lstm", 64, 32, 32, 20, 1, null, 100));
        List<BenchRow> torch = List.of(
                BenchRow.trace("gru", 64, 32, 20.0),
                BenchRow.languageModelTrain("gru", 64, 32, 5000, 32, 20, 1, null, 1500));
        assertEquals(List.of("ratio trace gru H=64 D=32 gatescope/torch=10.00",
                "ratio lm-train gru H=64 D=32 V=5000 batch=32 T=20 threads=1 gatescope/torch=2.00"),
                BenchRow.ratios(ours, torch));
    }

    @Test
    void theReferenceScriptIsAskedForTheSameCaseAndShape() {
        assertEquals("trace:lstm:16:32", TorchReference.caseOf(BenchRow.trace("lstm", 16, 32, 1)).orElseThrow());
        assertEquals("train:gru:64:32",
                TorchReference.caseOf(BenchRow.train("gru", 64, 32, 32, 20, 2, "float32", 1)).orElseThrow());
        assertEquals("lm-train:gru:64:32:5000", TorchReference.caseOf(
                BenchRow.languageModelTrain("gru", 64, 32, 5000, 32, 20, 2, "float64", 1)).orElseThrow());
        assertTrue(TorchReference.caseOf(BenchRow.train("peephole_lstm", 16, 32, 32, 20, 1, null, 1)).isEmpty(),
                "PyTorch has no peephole LSTM");
    }

    @Test
    void anUnknownPrecisionIsRefusedBeforeAnythingIsTimed() {
        CommandLineTest.Result result = CommandLineTest.run("bench", "--precision", "float16");
        CommandLineTest.assertRefused(result, "--precision", "float16");
        assertTrue(result.out().isEmpty(), "no row was measured: " + result.out());
    }

    @Test
    void eachCaseIsMeasuredInAJvmOfItsOwn() {
        // One small case: the row comes from a second JVM, started as this one was.
        CommandLineTest.Result result = CommandLineTest.run("bench", "--case", "trace", "--cells", "gru", "--hidden",
                "4", "--repeats", "1");
        assertEquals(0, result.status(), result.err());
        assertTrue(result.out().contains("each case in a JVM of its own"), result.out());
        assertTrue(result.out().lines().anyMatch(line -> line.matches("trace gru H=4 D=32 us_per_token=[0-9.]+")),
                result.out());
    }

    @Test
    void thePackagedLauncherStartsTheMeasuringJvmsWithItsOwnOptions(@org.junit.jupiter.api.io.TempDir
                                                                    java.nio.file.Path dir) throws Exception {
        java.nio.file.Path launcher = java.nio.file.Files.writeString(dir.resolve("gatescope"), "#!/bin/sh\n");
        String before = System.getProperty(BenchCases.LAUNCHER_PROPERTY);
        try {
            System.setProperty(BenchCases.LAUNCHER_PROPERTY, launcher.toString());
            assertTrue(BenchCases.javaCommand().get().get(0).endsWith("/java"), "not executable: this JVM's java");
            assertTrue(launcher.toFile().setExecutable(true));
            assertEquals(List.of(launcher.toString()), BenchCases.javaCommand().get());
        } finally {
            if (before == null) {
                System.clearProperty(BenchCases.LAUNCHER_PROPERTY);
            } else {
                System.setProperty(BenchCases.LAUNCHER_PROPERTY, before);
            }
        }
    }

    @Test
    void withoutPythonTheReferenceSaysSoInOneLine() {
        try (TorchReference torch = new TorchReference("/nonexistent/python3", null, 1, 10, 10)) {
            assertTrue(torch.measure(BenchRow.trace("gru", 16, 32, 1)).isEmpty());
            assertFalse(torch.available());
            assertTrue(torch.message().startsWith("PyTorch not run with /nonexistent/python3: cannot start it"),
                    torch.message());
            assertFalse(torch.message().contains("\n"));
        }
    }
}
