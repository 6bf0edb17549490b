package org.gatescope.engine.analysis;

import java.util.List;
import org.gatescope.engine.Model;
import org.gatescope.engine.Weights;
import org.gatescope.engine.cell.LanguageModelLoss;
import org.gatescope.text.AgreementVerbs;
import org.gatescope.text.VerbTarget;

/**
 * How far back a prediction reaches — the vanishing-gradient story of the lectures: for one
 * target, log p(target token) at one position, the norm of its gradient with respect to
 * every earlier memory cell c&lt;t&gt; and input x&lt;t&gt;, from backpropagation through time.
 * On a vanilla RNN it fades within a few tokens; a gated cell carries it back to the subject.
 *
 * @param position the step whose prediction is the target (the token before the verb)
 * @param target the token whose log-probability is differentiated
 * @param memoryCell ‖∂ log p / ∂c&lt;t&gt;‖ per step (∂a&lt;t&gt; for the vanilla RNN); 0 after {@code position}
 * @param input ‖∂ log p / ∂x&lt;t&gt;‖ per step
 * @param layer which layer direction of a model trained elsewhere ("layer 2 (backward)"), "" for GateScope's own
 * @param logProbability whether the output differentiated is a log-probability (else a raw output: a head
 *     without softmax or sigmoid, or a network without a head)
 */
public record MemoryReach(int position, String target, double[] memoryCell, double[] input, String layer,
                          boolean logProbability) {

    public MemoryReach {
        memoryCell = memoryCell.clone();
        input = input.clone();
        java.util.Objects.requireNonNull(layer);
    }

    /** The reach of log p({@code target}) in GateScope's own one-layer model. */
    public MemoryReach(int position, String target, double[] memoryCell, double[] input) {
        this(position, target, memoryCell, input, "", true);
    }

    /** What is differentiated, as captions write it: "log p(was)", or "output 2" ("output #3") for a raw output. */
    public String objective() {
        return logProbability ? "log p(" + target + ")" : target.startsWith("output ") ? target : "output " + target;
    }

    /**
     * The default target: log p(agreeing main verb) after the token before the verb
     * ({@link VerbTarget}); for a text without a main verb, log p(last token) after the one
     * before it.
     *
     * @return null for a text of one token, which predicts nothing of itself
     */
    public static MemoryReach defaultTarget(Model model, List<String> tokens) {
        List<VerbTarget> verbs = verbTargets(model, tokens);
        if (!verbs.isEmpty()) {
            return of(model, tokens, verbs.get(0));
        }
        if (tokens.size() < 2) {
            return null;
        }
        return of(model, tokens, tokens.size() - 2, tokens.get(tokens.size() - 1));
    }

    /**
     * The position whose prediction a unit ablation compares, in the window and in
     * {@code gatescope reach}: the one {@link #defaultTarget} differentiates at when the text has a
     * main verb (the token before it), else {@code fallback}.
     */
    public static int targetPosition(List<String> tokens, int fallback) {
        return VerbTarget.find(tokens).map(verb -> verb.verbIndex() - 1).orElse(fallback);
    }

    /**
     * Every sentence's agreeing verb in {@code tokens}, with its partner in the other number, among
     * the verb pairs {@code model}'s vocabulary knows ({@link AgreementVerbs}).
     */
    public static List<VerbTarget> verbTargets(Model model, List<String> tokens) {
        return VerbTarget.findAll(tokens, AgreementVerbs.of(model.vocabulary().tokens()));
    }

    /** The reach of log p(agreeing verb) predicted after the token before it. */
    public static MemoryReach of(Model model, List<String> tokens, VerbTarget verb) {
        return of(model, tokens, verb.predictionStep(), verb.verb());
    }

    /** The reach of log p({@code target}) predicted after token {@code position}. */
    public static MemoryReach of(Model model, List<String> tokens, int position, String target) {
        if (position < 0 || position >= tokens.size()) {
            throw new IllegalArgumentException("reach position " + position + " outside the text's "
                    + tokens.size() + " tokens");
        }
        int[] ids = new int[tokens.size()];
        int[] targets = new int[tokens.size()];
        for (int t = 0; t < ids.length; t++) {
            ids[t] = model.vocabulary().indexOf(tokens.get(t));
            targets[t] = -1;
        }
        targets[position] = model.vocabulary().indexOf(target);
        LanguageModelLoss loss = new LanguageModelLoss(model.spec());
        // the model's own weights, only read: a copy cost 4.5 MB (the bundled GRU) at every edit of the text
        loss.sumLossAndGradient(model.sharedWeights(), ids, targets, new Weights(model.spec()));
        return new MemoryReach(position, target,
                rowNorms(loss.memoryCellGradient(), ids.length, model.hiddenSize()),
                rowNorms(loss.inputGradient(), ids.length, model.spec().embedSize()));
    }

    static double[] rowNorms(double[] matrix, int rows, int cols) {
        double[] norms = new double[rows];
        for (int r = 0; r < rows; r++) {
            double sum = 0;
            for (int c = 0; c < cols; c++) {
                double v = matrix[r * cols + c];
                sum += v * v;
            }
            norms[r] = Math.sqrt(sum);
        }
        return norms;
    }
}
