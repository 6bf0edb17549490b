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
    void theVanillaRnnsUnitsPassOnlyBarely() throws Exception {
        Model rnn = ModelLibrary.loadBundled("rnn");
        assertArrayEquals(new int[] {18, 14}, rnn.numberUnits(), "the 48-unit RNN of issue 11 claims two");
        assertArrayEquals(rnn.numberUnits(), NumberUnits.validated(rnn).numberUnits());
        for (NumberUnits.Candidate unit : NumberUnits.test(rnn)) {
            assertTrue(!unit.passes() || unit.signAccuracy() < 0.85, "a weak sign, far from a gated cell's: " + unit);
        }
    }

    /**
     * What lets the window open a bundled model without testing it again (ModelLibrary.loadTested,
     * decision 0022): every bundled model's stored units and figures are exactly the test's verdict.
     * After retraining a bundled model or changing the test, write the verdict into its metadata.
     */
    @Test
    void everyBundledModelsStoredUnitsAndFiguresAreTheTestsVerdict() throws Exception {
        for (String name : ModelLibrary.BUNDLED) {
            Model model = ModelLibrary.loadBundled(name);
            Map<String, String> verdict = NumberUnits.validated(model).metadata();
            assertEquals(verdict, ModelLibrary.loadTested(name).metadata(), name + ", as the window opens it");
            if (!name.endsWith("_textbook")) { // trained: the verdict is stored, the window opens it untested
                assertEquals(verdict, model.metadata(), name);
                assertTrue(model.numberUnits().length >= 1, name + " has a number unit");
            }
        }
    }

    @Test
    void thePeepholeLstmsNumberUnitPassesBothHalves() throws Exception {
        Model peephole = ModelLibrary.loadBundled("peephole_lstm");
        NumberUnits.Candidate unit23 = candidate(NumberUnits.test(peephole), 23);
        assertTrue(unit23.signAccuracy() > 0.99);
        assertTrue(unit23.agreementDrop() > 0.15);
        assertTrue(unit23.passes());
    }

    @Test
    void aUnitTheOthersBackUpPassesOnceTheyAreSilenced() throws Exception {
        Model lstm = ModelLibrary.loadBundled("lstm");
        NumberUnits.Candidate unit42 = candidate(NumberUnits.test(lstm), 42);
        assertTrue(unit42.agreementDrop() < NumberUnits.MIN_AGREEMENT_DROP, "alone, the others carry on");
        assertTrue(unit42.groupDrop() >= NumberUnits.MIN_AGREEMENT_DROP, "with the others silenced, it is needed");
        assertTrue(unit42.passes());
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
