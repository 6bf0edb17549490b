package org.gatescope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.TreeSet;
import org.gatescope.engine.Model;
import org.gatescope.text.ExampleSentences;
import org.gatescope.text.ExampleSentences.Example;
import org.gatescope.text.Tokenizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A teacher's one click from "Try a sentence" reaches a sentence every bundled model reads word for word. */
class BundledModelsReadTheExamplesTest {

    @ParameterizedTest
    @ValueSource(strings = {"rnn", "gru_simple", "gru", "lstm", "peephole_lstm", "gru_textbook", "lstm_textbook"})
    void everyExampleSentenceIsReadWithoutAnUnknownWord(String name) throws ModelFileException {
        Model model = ModelLibrary.load(name);
        TreeSet<String> unknown = new TreeSet<>();
        for (Example example : ExampleSentences.bundled().all()) {
            List<String> tokens = Tokenizer.tokenize(example.sentence());
            tokens.stream().filter(token -> !model.vocabulary().contains(token)).forEach(unknown::add);
        }
        assertEquals(new TreeSet<String>(), unknown, name + " lacks words of the example sentences");
    }
}
