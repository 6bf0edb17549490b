package org.gatescope.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.gatescope.engine.CellKind;
import org.gatescope.engine.GruReset;
import org.junit.jupiter.api.Test;

/** A trained model records the command line that trains it again. */
class AgreementTaskTest {

    @Test
    void theDefaultsNameOnlyTheSizesSeedAndEpochs() {
        assertEquals("gatescope train --cell lstm --hidden 16 --embed 16 --seed 5 --epochs 10",
                AgreementTask.commandLine(TrainingConfig.defaults(CellKind.LSTM, 16, 16, 5, 10)));
    }

    @Test
    void optionsAwayFromTheirDefaultsAreNamedSoTheRunCanBeRepeated() {
        TrainingConfig defaults = TrainingConfig.defaults(CellKind.GRU, 8, 4, 2, 3);
        TrainingConfig changed = new TrainingConfig(CellKind.GRU, GruReset.AFTER, 8, 4, 2, 3, defaults.batchSize(),
                0.02, 0.001, defaults.clipNorm(), 7, defaults.verbWeight());

        assertEquals("gatescope train --cell gru --hidden 8 --embed 4 --seed 2 --epochs 3 --gru-reset after"
                + " --learning-rate 0.02 --final-learning-rate 0.001 --patience 7", AgreementTask.commandLine(changed));
    }
}
