package org.gatescope.engine.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.gatescope.engine.Model;
import org.gatescope.text.AgreementCorpus;
import org.gatescope.text.AgreementSentence;
import org.gatescope.text.Vocabulary;

/**
 * Agreement accuracy on held-out sentences — p(correct verb) &gt; p(wrong verb) at the verb —
 * overall and broken down by attractors, opposite-number attractors and clause length,
 * including clauses longer than any seen in training.
 */
public final class AgreementEvaluation {

    /** The seed of the evaluation sets: fixed, so every model is scored on the same sentences. */
    public static final long EVALUATION_SEED = 20_240_613L;
    public static final int SENTENCES_PER_SET = 2_000;

    /** One line of the breakdown. */
    public record Row(String group, String label, int count, double accuracy) {
    }

    private AgreementEvaluation() {
    }

    /** The breakdown for {@code model} on the fixed evaluation sets. */
    public static List<Row> evaluate(Model model) {
        return evaluate(model, EVALUATION_SEED, SENTENCES_PER_SET);
    }

    public static List<Row> evaluate(Model model, long seed, int perSet) {
        Vocabulary vocabulary = model.vocabulary();
        List<AgreementSentence> heldOut = AgreementCorpus.heldOut(seed, perSet);
        List<AgreementSentence> hard = AgreementCorpus.withOppositeAttractors(seed, perSet, 2);
        List<AgreementSentence> longClauses = AgreementCorpus.longClauses(seed, perSet);
        List<Boolean> heldOutPassed = passed(model, vocabulary, heldOut);
        List<Boolean> hardPassed = passed(model, vocabulary, hard);
        List<Boolean> longPassed = passed(model, vocabulary, longClauses);

        List<Row> rows = new ArrayList<>();
        rows.add(row("overall", "held-out sentences", heldOut, heldOutPassed, s -> true));
        for (int a = 0; a <= 3; a++) {
            int attractors = a;
            rows.add(row("attractors", Integer.toString(a), heldOut, heldOutPassed,
                    s -> s.verbIndex() - s.subjectIndex() > 1 && s.attractors() == attractors));
        }
        rows.add(row("opposite-number attractors", "none", heldOut, heldOutPassed,
                s -> s.oppositeAttractors() == 0));
        rows.add(row("opposite-number attractors", "1 or more", heldOut, heldOutPassed,
                s -> s.oppositeAttractors() >= 1));
        rows.add(row("opposite-number attractors", "2 or more (hard set)", hard, hardPassed, s -> true));
        int max = AgreementCorpus.MAX_TRAINING_CLAUSE_LENGTH;
        rows.add(row("clause length", "no clause", heldOut, heldOutPassed, s -> s.clauseLength() == 0));
        int third = Math.max(1, max / 3);
        rows.add(row("clause length", "1-" + third, heldOut, heldOutPassed,
                s -> s.clauseLength() >= 1 && s.clauseLength() <= third));
        rows.add(row("clause length", (third + 1) + "-" + 2 * third, heldOut, heldOutPassed,
                s -> s.clauseLength() > third && s.clauseLength() <= 2 * third));
        rows.add(row("clause length", (2 * third + 1) + "-" + max + " (longest in training)", heldOut,
                heldOutPassed, s -> s.clauseLength() > 2 * third));
        int shortest = longClauses.stream().mapToInt(AgreementSentence::clauseLength).min().orElse(2 * max);
        int longest = longClauses.stream().mapToInt(AgreementSentence::clauseLength).max().orElse(2 * max);
        rows.add(row("clause length", shortest + "-" + longest + " (never seen in training)", longClauses,
                longPassed, s -> true));
        return rows;
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
