package org.gatescope.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.gatescope.TestModels;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.GruReset;
import org.gatescope.engine.Model;
import org.gatescope.engine.TextbookModels;
import org.gatescope.io.ModelLibrary;
import org.junit.jupiter.api.Test;

/** The "number unit" badge is earned by a stated test, whatever a model file claims. */
class NumberUnitsTest {

    private static NumberUnits.Candidate candidate(List<NumberUnits.Candidate> candidates, int unit) {
        return candidates.stream().filter(c -> c.unit() == unit).findFirst().orElseThrow();
    }

    @Test
    void theVanillaRnnsUnitOneIsPutToTheTestAndLosesItsBadge() throws Exception {
        Model rnn = ModelLibrary.loadBundled("rnn");
        assertArrayEquals(new int[] {1}, rnn.numberUnits(), "the bundled file claims unit 1");

        NumberUnits.Candidate unit1 = candidate(NumberUnits.test(rnn), 1);
        assertTrue(unit1.signAccuracy() < NumberUnits.MIN_SIGN_ACCURACY, "its sign is near chance");
        assertTrue(unit1.agreementDrop() < NumberUnits.MIN_AGREEMENT_DROP, "agreement hardly needs it");
        assertFalse(unit1.passes());
        assertArrayEquals(new int[0], NumberUnits.validated(rnn).numberUnits());
    }

    @Test
    void theGrusNumberUnitPassesBothHalves() throws Exception {
        Model gru = ModelLibrary.loadBundled("gru");

        NumberUnits.Candidate unit1 = candidate(NumberUnits.test(gru), 1);
        assertTrue(unit1.signAccuracy() > 0.99);
        assertTrue(unit1.agreementDrop() > 0.3);
        assertTrue(unit1.passes());
        assertArrayEquals(new int[] {1}, NumberUnits.validated(gru).numberUnits());
    }

    @Test
    void twoUnitsThatBackEachOtherUpBothPass() throws Exception {
        Model simple = ModelLibrary.loadBundled("gru_simple");

        List<NumberUnits.Candidate> candidates = NumberUnits.test(simple);

        for (int unit : new int[] {7, 11}) {
            NumberUnits.Candidate c = candidate(candidates, unit);
            assertTrue(c.agreementDrop() < NumberUnits.MIN_AGREEMENT_DROP, "alone, the other one carries on");
            assertTrue(c.groupDrop() > 0.3, "with the other silenced, agreement needs it");
            assertTrue(c.passes());
        }
    }

    @Test
    void theTextbookModelsHandSetUnitPasses() {
        Model textbook = TextbookModels.lstm();

        assertArrayEquals(new int[] {TextbookModels.NUMBER_UNIT}, NumberUnits.validated(textbook).numberUnits());
    }

    @Test
    void aUnitPassesOnlyWhenItsSignAndItsAblationBothClearTheirThresholds() {
        assertTrue(new NumberUnits.Candidate(0, 0.75, 0.90, 0.85, Double.NaN).passes());
        assertFalse(new NumberUnits.Candidate(0, 0.74, 1.00, 0.50, Double.NaN).passes(), "a strong effect, a weak sign");
        assertFalse(new NumberUnits.Candidate(0, 1.00, 1.00, 0.96, Double.NaN).passes(),
                "a clear sign agreement can do without");
        assertTrue(new NumberUnits.Candidate(0, 1.00, 1.00, 1.00, 0.5).passes(),
                "a unit that backs up another: needed once the other is silenced");
        assertFalse(new NumberUnits.Candidate(0, 1.00, 1.00, 1.00, 0.0).passes(), "nothing left to carry");
    }

    @Test
    void aModelThatCannotReadTheTestsVerbsKeepsNoClaimedUnits() {
        Model random = TestModels.random(CellKind.GRU, GruReset.AFTER, 16, 4, 5, 1)
                .withMetadata(Map.of(Model.NUMBER_UNITS_KEY, "2", "note", "kept"));

        Model validated = NumberUnits.validated(random);

        assertTrue(NumberUnits.test(random).isEmpty(), "no is/are, has/have in its vocabulary");
        assertArrayEquals(new int[0], validated.numberUnits());
        assertEquals(Map.of("note", "kept"), validated.metadata());
    }
}
