package org.gatescope.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.GruReset;
import org.gatescope.engine.Precision;
import org.gatescope.engine.analysis.AgreementProbe;
import org.gatescope.text.AgreementCorpus;
import org.gatescope.text.AgreementSentence;
import org.gatescope.text.Vocabulary;
import org.junit.jupiter.api.Test;

/** A trained model records the command line that trains it again; what the training reads. */
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
                0.02, 0.001, defaults.clipNorm(), 7, defaults.verbWeight(), 8_000, Precision.FLOAT32);

        assertEquals("gatescope train --cell gru --hidden 8 --embed 4 --seed 2 --epochs 3 --gru-reset after"
                + " --learning-rate 0.02 --final-learning-rate 0.001 --patience 7 --sentences 8000"
                + " --precision float32",
                AgreementTask.commandLine(changed));
    }

    @Test
    void theCorpusSizeIsTheBundledModelsUnlessAsked() {
        assertEquals(AgreementTask.TRAINING_SENTENCES, TrainingConfig.defaults(CellKind.LSTM, 16, 16, 1, 1).sentences());
        assertThrows(IllegalArgumentException.class, () -> TrainingConfig.defaults(CellKind.LSTM, 16, 16, 1, 1)
                .withSentences(TrainingConfig.MIN_SENTENCES - 1));
    }

    /**
     * Some agreeing subjects are read as the signature that shows their number, so a subject the
     * vocabulary lacks agrees by its shape: {@code <unk-s>} as a plural subject, {@code <unk>} as a
     * singular one. The target is still the word.
     */
    @Test
    void someSubjectsAreReadAsTheSignatureThatShowsTheirNumber() {
        Vocabulary vocabulary = AgreementTask.vocabulary();
        int count = 20_000;
        Trainer.Data data = AgreementTask.data(vocabulary, 3, count, 10);
        List<AgreementSentence> sentences = AgreementCorpus.training(3, count);
        java.util.Map<String, Integer> occurrences = new java.util.HashMap<>();
        sentences.forEach(sentence -> sentence.tokens().forEach(token -> occurrences.merge(token, 1, Integer::sum)));
        int plural = 0;
        int singular = 0;
        int frequent = 0;
        for (int i = 0; i < count; i++) {
            AgreementSentence sentence = sentences.get(i);
            assertArrayEquals(AgreementProbe.ids(vocabulary, sentence.tokens()), data.training().get(i),
                    "the targets are the words");
            if (occurrences.get(sentence.tokens().get(sentence.subjectIndex())) < AgreementTask.RARE_COUNT) {
                continue; // a rare word is read as its signature anyway, whatever its number
            }
            frequent++;
            String read = vocabulary.token(data.trainingInputs().get(i)[sentence.subjectIndex()]);
            if (read.equals("<unk-s>")) {
                assertTrue(sentence.pluralSubject(), sentence.text());
                plural++;
            } else if (read.equals("<unk>")) {
                assertTrue(!sentence.pluralSubject(), sentence.text());
                singular++;
            }
        }
        double share = (plural + singular) / (double) frequent;
        double rate = AgreementTask.SUBJECT_SIGNATURE_RATE;
        assertTrue(share > 0.5 * rate && share < 1.5 * rate, "share " + share);
        assertTrue(plural > 0.2 * (plural + singular) && singular > 0.2 * (plural + singular),
                "both numbers: " + plural + " plural, " + singular + " singular");
    }
}
