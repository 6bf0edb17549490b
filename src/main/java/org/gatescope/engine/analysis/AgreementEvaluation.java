package org.gatescope.engine.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.gatescope.engine.Model;
import org.gatescope.text.AgreementCorpus;
import org.gatescope.text.AgreementSentence;
import org.gatescope.text.Construction;
import org.gatescope.text.Vocabulary;

/**
 * Agreement accuracy — p(correct verb) &gt; p(wrong verb) at the verb — on held-out sentences of
 * every {@link Construction} (agreeing on words that construction never agreed on in training),
 * broken down by attractors and opposite-number attractors, on clauses longer than any seen in
 * training, and on subjects the model never read at all (read by their signatures).
 */
public final class AgreementEvaluation {

    /** The seed of the evaluation sets: fixed, so every model is scored on the same sentences. */
    public static final long EVALUATION_SEED = 20_240_613L;
    /** Held-out sentences per construction. */
    public static final int SENTENCES_PER_CONSTRUCTION = 500;
    /** Sentences of the long-clause, hard and unseen-subject sets. */
    public static final int SENTENCES_PER_SET = 1_000;

    /** The row groups, in the order they are printed. */
    public static final String OVERALL = "overall";
    public static final String CONSTRUCTION = "construction";
    public static final String ATTRACTORS = "attractors";
    public static final String OPPOSITE = "opposite-number attractors";
    public static final String CLAUSE_LENGTH = "clause length";
    public static final String UNSEEN = "subjects never seen in training";

    /** One line of the breakdown. */
    public record Row(String group, String label, int count, double accuracy) {
    }

    private AgreementEvaluation() {
    }

    /** The breakdown for {@code model} on the fixed evaluation sets. */
    public static List<Row> evaluate(Model model) {
        return evaluate(model, EVALUATION_SEED, SENTENCES_PER_CONSTRUCTION, SENTENCES_PER_SET);
    }

    public static List<Row> evaluate(Model model, long seed, int perConstruction, int perSet) {
        Vocabulary vocabulary = model.vocabulary();
        List<AgreementSentence> heldOut = new ArrayList<>();
        for (Construction construction : Construction.values()) {
            heldOut.addAll(AgreementCorpus.heldOut(construction, seed, perConstruction));
        }
        List<AgreementSentence> hard = AgreementCorpus.withOppositeAttractors(seed, perSet, 2);
        List<AgreementSentence> longClauses = AgreementCorpus.longClauses(seed, perSet);
        List<AgreementSentence> unseen = AgreementCorpus.unseenSubjects(seed, perSet);
        List<Boolean> heldOutPassed = passed(model, vocabulary, heldOut);
        List<Boolean> hardPassed = passed(model, vocabulary, hard);
        List<Boolean> longPassed = passed(model, vocabulary, longClauses);
        List<Boolean> unseenPassed = passed(model, vocabulary, unseen);

        List<Row> rows = new ArrayList<>();
        rows.add(row(OVERALL, "held-out sentences, every construction", heldOut, heldOutPassed, s -> true));
        for (Construction construction : Construction.values()) {
            rows.add(row(CONSTRUCTION, construction.id(), heldOut, heldOutPassed,
                    s -> s.construction() == construction));
        }
        for (int a = 0; a <= AgreementCorpus.MAX_TRAINING_ATTRACTORS; a++) {
            int attractors = a;
            rows.add(row(ATTRACTORS, Integer.toString(a), heldOut, heldOutPassed, s -> s.attractors() == attractors));
        }
        rows.add(row(OPPOSITE, "none", heldOut, heldOutPassed, s -> s.oppositeAttractors() == 0));
        rows.add(row(OPPOSITE, "1", heldOut, heldOutPassed, s -> s.oppositeAttractors() == 1));
        rows.add(row(OPPOSITE, "2 or more", heldOut, heldOutPassed, s -> s.oppositeAttractors() >= 2));
        rows.add(row(OPPOSITE, "2 or more (hard set, lecture-clause)", hard, hardPassed, s -> true));
        int max = AgreementCorpus.MAX_TRAINING_CLAUSE_LENGTH;
        int third = max / 3;
        rows.add(row(CLAUSE_LENGTH, "0 (verb next to its subject)", heldOut, heldOutPassed,
                s -> s.clauseLength() == 0));
        rows.add(row(CLAUSE_LENGTH, "1-" + third, heldOut, heldOutPassed,
                s -> s.clauseLength() >= 1 && s.clauseLength() <= third));
        rows.add(row(CLAUSE_LENGTH, (third + 1) + "-" + 2 * third, heldOut, heldOutPassed,
                s -> s.clauseLength() > third && s.clauseLength() <= 2 * third));
        rows.add(row(CLAUSE_LENGTH, (2 * third + 1) + "-" + max + " (longest in training)", heldOut,
                heldOutPassed, s -> s.clauseLength() > 2 * third));
        int shortest = longClauses.stream().mapToInt(AgreementSentence::clauseLength).min().orElse(2 * max);
        int longest = longClauses.stream().mapToInt(AgreementSentence::clauseLength).max().orElse(2 * max);
        rows.add(row(CLAUSE_LENGTH, shortest + "-" + longest + " (longer than training)", longClauses,
                longPassed, s -> true));
        rows.add(row(UNSEEN, "singular, read as " + vocabulary.readAs("mechanic"), unseen, unseenPassed,
                s -> !s.pluralSubject()));
        rows.add(row(UNSEEN, "plural, read as " + vocabulary.readAs("mechanics"), unseen, unseenPassed,
                AgreementSentence::pluralSubject));
        return rows;
    }

    /** The row of {@code rows} with this group and label. */
    public static Row find(List<Row> rows, String group, String label) {
        for (Row row : rows) {
            if (row.group().equals(group) && row.label().equals(label)) {
                return row;
            }
        }
        throw new IllegalArgumentException("no row " + group + " / " + label);
    }

    private static List<Boolean> passed(Model model, Vocabulary vocabulary, List<AgreementSentence> sentences) {
        List<Boolean> passed = new ArrayList<>(sentences.size());
        for (AgreementProbe.Score score : AgreementScorer.score(model.spec(), model.weights(),
                AgreementProbe.all(vocabulary, sentences))) {
            passed.add(score.passed());
        }
        return passed;
    }

    private static Row row(String group, String label, List<AgreementSentence> sentences, List<Boolean> passed,
                           Predicate<AgreementSentence> include) {
        int count = 0;
        int right = 0;
        for (int i = 0; i < sentences.size(); i++) {
            if (include.test(sentences.get(i))) {
                count++;
                if (passed.get(i)) {
                    right++;
                }
            }
        }
        return new Row(group, label, count, count == 0 ? Double.NaN : right / (double) count);
    }
}
