package org.gatescope.ui.explorer;

import java.util.ArrayList;
import java.util.List;
import org.gatescope.text.ExampleSentences;
import org.gatescope.text.ExampleSentences.Example;
import org.gatescope.text.Tokenizer;
import org.gatescope.text.UnknownWord;
import org.gatescope.text.Vocabulary;

/**
 * What the "Try a sentence" menu offers: the example sentences grouped by construction under
 * readable titles, each with the words the current model does not know (so a teacher sees which
 * examples it reads in full). Pure: the menu is built from it.
 */
public final class TryASentence {

    /** One example and the words of it the current model lacks (empty when it knows them all, or cannot say). */
    public record Entry(Example example, List<UnknownWord> unknown) {

        public Entry {
            unknown = List.copyOf(unknown);
        }

        /**
         * "unknown: keys → <unk-s>, cabinet", each word with the signature the model reads for it
         * (a word read as the bare {@code <unk>} stands alone), or "" when the model knows every word.
         */
        public String unknownSummary() {
            if (unknown.isEmpty()) {
                return "";
            }
            List<String> words = new ArrayList<>();
            for (UnknownWord word : unknown) {
                String shown = word.word() + (word.signatureRead() ? " \u2192 " + word.readAs() : "");
                if (!words.contains(shown)) {
                    words.add(shown);
                }
            }
            return "unknown: " + String.join(", ", words);
        }
    }

    /** One construction's examples. */
    public record Group(String construction, String title, List<Entry> entries) {

        public Group {
            entries = List.copyOf(entries);
        }

        /** How many of its examples have a word the model does not know. */
        public long withUnknownWords() {
            return entries.stream().filter(e -> !e.unknown().isEmpty()).count();
        }
    }

    private TryASentence() {
    }

    /**
     * The groups of {@code examples} in file order.
     *
     * @param vocabulary the current model's, whose unknown words are marked; null when the model has none
     *                   GateScope can read (a model trained elsewhere): nothing is marked
     */
    public static List<Group> groups(ExampleSentences examples, Vocabulary vocabulary) {
        List<Group> groups = new ArrayList<>();
        for (String construction : examples.constructions()) {
            List<Entry> entries = new ArrayList<>();
            for (Example example : examples.of(construction)) {
                entries.add(new Entry(example, vocabulary == null ? List.of()
                        : UnknownWord.in(Tokenizer.tokenize(example.sentence()), vocabulary)));
            }
            groups.add(new Group(construction, ExampleSentences.title(construction), entries));
        }
        return List.copyOf(groups);
    }
}
