package org.gatescope.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gatescope.engine.Model;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.TextbookModels;
import org.gatescope.text.TokenLabels;
import org.junit.jupiter.api.Test;

class ProbeStudyTest {

    private static final String LABELS = """
            the\tDET
            cat\tNOUN
            sat\tVERB

            the\tDET
            dogs\tNOUN
            ran\tVERB
            """;

    @Test
    void aLabelFileHoldsOutItsLastSentenceWhenShort() {
        ProbeStudy.Dataset data = ProbeStudy.fromLabels("pos.tsv", TokenLabels.parse(LABELS));
        assertEquals(1, data.training().size());
        assertEquals(1, data.heldOut().size());
        assertEquals(java.util.List.of("DET", "NOUN", "VERB"), data.classes());
    }

    @Test
    void aHeldOutLabelNoTrainingSentenceHasIsUnknown() {
        AnalysisException e = assertThrows(AnalysisException.class, () -> ProbeStudy.fromLabels("pos.tsv",
                TokenLabels.parse(LABELS.replace("ran\tVERB", "ran\tADV"))));
        assertTrue(e.getMessage().contains("unknown label \"ADV\" (line 7)"), e.getMessage());
    }

    @Test
    void aLineWithoutItsLabelNamesTheLine() {
        TokenLabels.FormatException e = assertThrows(TokenLabels.FormatException.class,
                () -> TokenLabels.parse("the\tDET\ncat\n"));
        assertTrue(e.getMessage().startsWith("line 2:"), e.getMessage());
    }

    @Test
    void theTextbookModelsNumberIsReadFromItsNumberUnitAlone() throws InterruptedException {
        Model model = TextbookModels.lstm();
        ProbeStudy.Report report = ProbeStudy.run(TextTracer.of(model), Quantity.MEMORY_CELL, ProbeStudy.number(),
                new int[] {TextbookModels.NUMBER_UNIT});
        assertTrue(report.accuracy() > report.majority(), "better than always guessing the commoner number");
        assertTrue(report.accuracy() >= 0 && report.accuracy() <= 1);
        assertTrue(report.perPosition().stream().allMatch(p -> p.examples() > 0));
        int total = report.perPosition().stream().mapToInt(ProbeStudy.PositionAccuracy::examples).sum();
        assertEquals(report.heldOutExamples(), total, "every held-out token is counted at its position");
        for (int i = 1; i < report.topUnits().size(); i++) {
            assertTrue(Math.abs(report.topUnits().get(i).weight()) <= Math.abs(report.topUnits().get(i - 1).weight()));
        }
        assertEquals(TextbookModels.NUMBER_UNIT, report.topUnits().get(0).unit(),
                "the hand-set number unit carries the direction");
        assertEquals(TextbookModels.NUMBER_UNIT, report.bestUnit().unit());
        assertEquals(report.accuracy(), report.comparedAccuracy(), 1e-12, "the number unit alone reads it as well");
        assertTrue(report.oneUnitSuffices());
    }
}
