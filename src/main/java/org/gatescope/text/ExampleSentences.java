package org.gatescope.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Example sentences of every {@link Construction}, in both numbers, with attractors of the other
 * number where the construction has any: what the window's "Try a sentence" menu offers. They are
 * drawn from the held-out side of the grammar (seeded, so the list is the same every time) and
 * written as a person would type them; the bundled {@code example-sentences.tsv} is this list.
 */
public final class ExampleSentences {

    /** The bundled file's name, beside the lexicon. */
    public static final String RESOURCE = "example-sentences.tsv";
    public static final String HEADER = "construction\tnumber\tattractors\tsentence";
    public static final int PER_CONSTRUCTION_AND_NUMBER = 3;

    private static final long SEED = 11;
    private static final int CANDIDATES = 600;

    /** One example: the construction's id, "sg" or "pl", its attractors and the sentence as typed. */
    public record Example(String construction, String number, int attractors, String sentence) {
        public String tsvLine() {
            return construction + "\t" + number + "\t" + attractors + "\t" + sentence;
        }
    }

    private ExampleSentences() {
    }

    /**
     * For each construction and number, the {@link #PER_CONSTRUCTION_AND_NUMBER} candidates with the
     * most everyday words (lowest sum of vocabulary ranks), all their attractors of the other number
     * and at least one where the construction has them, no two with the same subject.
     */
    public static List<Example> generate() {
        List<String> vocabulary = AgreementCorpus.vocabulary();
        java.util.Map<String, Integer> rank = new java.util.HashMap<>();
        for (int i = 0; i < vocabulary.size(); i++) {
            rank.put(vocabulary.get(i), i);
        }
        List<Example> examples = new ArrayList<>();
        for (Construction construction : Construction.values()) {
            List<AgreementSentence> candidates = AgreementCorpus.heldOut(construction, SEED, CANDIDATES);
            boolean hasAttractors = candidates.stream().anyMatch(s -> s.attractors() > 0);
            for (boolean plural : new boolean[] {false, true}) {
                List<AgreementSentence> fitting = new ArrayList<>(candidates.stream()
                        .filter(s -> s.pluralSubject() == plural && s.oppositeAttractors() == s.attractors()
                                && (!hasAttractors || s.attractors() > 0) && s.tokens().size() <= 16)
                        .toList());
                fitting.sort(Comparator.comparingLong((AgreementSentence s) -> s.tokens().stream()
                        .mapToLong(t -> rank.getOrDefault(t, vocabulary.size())).sum()).thenComparing(
                        AgreementSentence::text));
                java.util.Set<String> subjects = new java.util.HashSet<>();
                int taken = 0;
                for (AgreementSentence s : fitting) {
                    if (taken == PER_CONSTRUCTION_AND_NUMBER) {
                        break;
                    }
                    if (subjects.add(s.tokens().get(s.subjectIndex()))) {
                        examples.add(new Example(construction.id(), plural ? "pl" : "sg", s.attractors(),
                                typed(s.tokens())));
                        taken++;
                    }
                }
            }
        }
        return List.copyOf(examples);
    }

    /** The file's text: the header and one line per example. */
    public static String tsv() {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (Example example : generate()) {
            text.append(example.tsvLine()).append('\n');
        }
        return text.toString();
    }

    /** "the cat , which ate ... , was full ." as a person types it: "The cat, which ate ..., was full." */
    static String typed(List<String> tokens) {
        StringBuilder text = new StringBuilder();
        for (String token : tokens) {
            boolean attach = token.equals(",") || token.equals(".");
            if (text.length() > 0 && !attach) {
                text.append(' ');
            }
            text.append(token);
        }
        return text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
