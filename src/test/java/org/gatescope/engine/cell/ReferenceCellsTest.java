package org.gatescope.engine.cell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.gatescope.TestModels;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.GruReset;
import org.gatescope.engine.Model;
import org.gatescope.engine.ModelSpec;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.Trace;
import org.gatescope.engine.Weights;
import org.gatescope.engine.cell.Tracer;
import org.gatescope.text.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cells PyTorch has no module for — the GRU with Γr applied before the candidate's matrix
 * (the lecture, Cho et al. 2014), the simplified GRU (Γr ≡ 1) and the peephole LSTM (Γo peeks
 * at the new c&lt;t&gt;) — checked against a reference written here straight from docs/equations.md's
 * equations with plain double loops (it shares nothing with the engine's cells but the
 * {@link Weights} it reads), on random models and on one-unit models whose numbers are worked
 * out by hand in the comments. The PyTorch cells run through the same reference too; their
 * parity with PyTorch itself is {@link PyTorchParityTest}'s.
 *
 * <p>Engine and reference both compute in double, differing only in summation order, so
 * values agree to |found − expected| ≤ 1e-12 · max(1, |expected|) (probabilities:
 * 1e-12 · |expected|). Hand-computed values are quoted to 12 decimals: tolerance 1e-11.
 */
class ReferenceCellsTest {

    private static final double TOLERANCE = 1e-12;
    private static final double HAND_TOLERANCE = 1e-11;

    // ---------------------------------------------------------------------------------------
    // The reference: docs/equations.md, "The cells", one line per equation.
    // ---------------------------------------------------------------------------------------

    /** What the reference computed: every quantity [T][H] and the softmax [T][V]. */
    record Expected(Map<Quantity, double[][]> values, double[][] probabilities) {
    }

    static Expected reference(Model model, int[] tokens) {
        ModelSpec spec = model.spec();
        Weights w = model.weights();
        CellKind cell = spec.cell();
        int h = spec.hiddenSize();
        int steps = tokens.length;
        Map<Quantity, double[][]> out = new EnumMap<>(Quantity.class);
        double[][] probabilities = new double[steps][];
        double[] c = new double[h]; // c<t-1>
        double[] a = new double[h]; // a<t-1>
        for (int t = 0; t < steps; t++) {
            double[] x = row(w.embedding, tokens[t]);
            double[] next = new double[h];
            double[] nextA;
            switch (cell) {
                case RNN -> {
                    // a<t> = tanh(W_ih x + b_ih + W_hh a<t-1> + b_hh)
                    for (int j = 0; j < h; j++) {
                        next[j] = Math.tanh(input(w, 0, h, j, x) + recurrent(w, 0, h, j, a));
                    }
                    nextA = next;
                }
                case GRU, GRU_SIMPLE -> {
                    boolean simple = cell == CellKind.GRU_SIMPLE;
                    int zBlock = simple ? 0 : 1;
                    int nBlock = simple ? 1 : 2;
                    double[] r = new double[h];
                    double[] z = new double[h];
                    double[] u = new double[h];
                    double[] candidate = new double[h];
                    for (int j = 0; j < h; j++) {
                        // Γr = σ(W_ir x + b_ir + W_hr c<t-1> + b_hr); the simplified GRU has Γr ≡ 1
                        r[j] = simple ? 1.0 : sigmoid(input(w, 0, h, j, x) + recurrent(w, 0, h, j, c));
                        // z = σ(W_iz x + b_iz + W_hz c<t-1> + b_hz);  Γu = 1 − z
                        z[j] = sigmoid(input(w, zBlock, h, j, x) + recurrent(w, zBlock, h, j, c));
                        u[j] = 1.0 - z[j];
                    }
                    double[] resetC = new double[h];
                    for (int k = 0; k < h; k++) {
                        resetC[k] = r[k] * c[k];
                    }
                    for (int j = 0; j < h; j++) {
                        double pre;
                        if (!simple && spec.gruReset() == GruReset.BEFORE) {
                            // c̃ = tanh(W_in x + b_in + W_hn (Γr ⊙ c<t-1>) + b_hn)
                            pre = input(w, nBlock, h, j, x) + recurrent(w, nBlock, h, j, resetC);
                        } else {
                            // c̃ = tanh(W_in x + b_in + Γr ⊙ (W_hn c<t-1> + b_hn))
                            pre = input(w, nBlock, h, j, x) + r[j] * recurrent(w, nBlock, h, j, c);
                        }
                        candidate[j] = Math.tanh(pre);
                        // c<t> = Γu ⊙ c̃ + (1 − Γu) ⊙ c<t-1>
                        next[j] = u[j] * candidate[j] + (1.0 - u[j]) * c[j];
                    }
                    put(out, Quantity.UPDATE_GATE, t, steps, u);
                    if (!simple) {
                        put(out, Quantity.RELEVANCE_GATE, t, steps, r);
                    }
                    put(out, Quantity.CANDIDATE, t, steps, candidate);
                    put(out, Quantity.MEMORY_CELL, t, steps, next);
                    nextA = next; // a<t> = c<t>
                }
                case LSTM, PEEPHOLE_LSTM -> {
                    boolean peephole = cell == CellKind.PEEPHOLE_LSTM;
                    double[] u = new double[h];
                    double[] f = new double[h];
                    double[] candidate = new double[h];
                    double[] o = new double[h];
                    nextA = new double[h];
                    for (int j = 0; j < h; j++) {
                        // Γu = σ(W_ii x + b_ii + W_hi a<t-1> + b_hi [+ p_u ⊙ c<t-1>])
                        u[j] = sigmoid(input(w, 0, h, j, x) + recurrent(w, 0, h, j, a)
                                + (peephole ? w.peepholeU.data[j] * c[j] : 0.0));
                        // Γf = σ(W_if x + b_if + W_hf a<t-1> + b_hf [+ p_f ⊙ c<t-1>])
                        f[j] = sigmoid(input(w, 1, h, j, x) + recurrent(w, 1, h, j, a)
                                + (peephole ? w.peepholeF.data[j] * c[j] : 0.0));
                        // c̃ = tanh(W_ig x + b_ig + W_hg a<t-1> + b_hg)
                        candidate[j] = Math.tanh(input(w, 2, h, j, x) + recurrent(w, 2, h, j, a));
                        // c<t> = Γu ⊙ c̃ + Γf ⊙ c<t-1>
                        next[j] = u[j] * candidate[j] + f[j] * c[j];
                        // Γo = σ(W_io x + b_io + W_ho a<t-1> + b_ho [+ p_o ⊙ c<t>])   — the new cell
                        o[j] = sigmoid(input(w, 3, h, j, x) + recurrent(w, 3, h, j, a)
                                + (peephole ? w.peepholeO.data[j] * next[j] : 0.0));
                        // a<t> = Γo ⊙ tanh(c<t>)
                        nextA[j] = o[j] * Math.tanh(next[j]);
                    }
                    put(out, Quantity.UPDATE_GATE, t, steps, u);
                    put(out, Quantity.FORGET_GATE, t, steps, f);
                    put(out, Quantity.OUTPUT_GATE, t, steps, o);
                    put(out, Quantity.CANDIDATE, t, steps, candidate);
                    put(out, Quantity.MEMORY_CELL, t, steps, next);
                }
                default -> throw new AssertionError("no reference for " + cell);
            }
            put(out, Quantity.ACTIVATION, t, steps, nextA);
            probabilities[t] = softmax(w, nextA);
            c = next;
            a = nextA;
        }
        return new Expected(out, probabilities);
    }

    /** (W_i·)_j x + (b_i·)_j for gate block {@code block} (PyTorch's row block·H + j). */
    private static double input(Weights w, int block, int h, int j, double[] x) {
        int row = block * h + j;
        double sum = w.biasIh.data[row];
        for (int k = 0; k < x.length; k++) {
            sum += w.weightIh.get(row, k) * x[k];
        }
        return sum;
    }

    /** (W_h·)_j s + (b_h·)_j for gate block {@code block}. */
    private static double recurrent(Weights w, int block, int h, int j, double[] s) {
        int row = block * h + j;
        double sum = w.biasHh.data[row];
        for (int k = 0; k < h; k++) {
            sum += w.weightHh.get(row, k) * s[k];
        }
        return sum;
    }

    /** softmax(head.weight a + head.bias) */
    private static double[] softmax(Weights w, double[] a) {
        int v = w.headWeight.numRows;
        double[] logits = new double[v];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < v; i++) {
            double sum = w.headBias.data[i];
            for (int k = 0; k < a.length; k++) {
                sum += w.headWeight.get(i, k) * a[k];
            }
            logits[i] = sum;
            max = Math.max(max, sum);
        }
        double total = 0;
        for (int i = 0; i < v; i++) {
            logits[i] = Math.exp(logits[i] - max);
            total += logits[i];
        }
        for (int i = 0; i < v; i++) {
            logits[i] /= total;
        }
        return logits;
    }

    private static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    private static double[] row(DMatrixRMaj m, int r) {
        double[] out = new double[m.numCols];
        for (int k = 0; k < out.length; k++) {
            out[k] = m.get(r, k);
        }
        return out;
    }

    private static void put(Map<Quantity, double[][]> out, Quantity q, int t, int steps, double[] values) {
        out.computeIfAbsent(q, k -> new double[steps][])[t] = values.clone();
    }

    // ---------------------------------------------------------------------------------------
    // Random models
    // ---------------------------------------------------------------------------------------

    private static final int VOCAB = 7;
    private static final int EMBED = 5; // D ≠ H, so a transposed weight block cannot go unnoticed
    private static final int HIDDEN = 4;
    private static final int STEPS = 30;

    static Stream<Arguments> cells() {
        return Stream.of(
                Arguments.of(CellKind.GRU, GruReset.BEFORE),
                Arguments.of(CellKind.GRU_SIMPLE, GruReset.AFTER),
                Arguments.of(CellKind.PEEPHOLE_LSTM, GruReset.AFTER),
                Arguments.of(CellKind.GRU, GruReset.AFTER),
                Arguments.of(CellKind.LSTM, GruReset.AFTER),
                Arguments.of(CellKind.RNN, GruReset.AFTER));
    }

    static Stream<Arguments> grus() {
        return Stream.of(
                Arguments.of(CellKind.GRU, GruReset.BEFORE),
                Arguments.of(CellKind.GRU, GruReset.AFTER),
                Arguments.of(CellKind.GRU_SIMPLE, GruReset.AFTER));
    }

    private static int[] randomTokens(long seed, int vocab, int steps) {
        Random random = new Random(seed);
        int[] tokens = new int[steps];
        for (int t = 0; t < steps; t++) {
            tokens[t] = random.nextInt(vocab);
        }
        return tokens;
    }

    private static String describe(Model model) {
        ModelSpec s = model.spec();
        return s.cell().id() + (s.cell() == CellKind.GRU ? " (reset " + s.gruReset().id() + ")" : "");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cells")
    void traceFollowsTheEquationsOfTheDesign(CellKind cell, GruReset reset) {
        for (long seed = 1; seed <= 3; seed++) {
            Model model = TestModels.random(cell, reset, VOCAB, EMBED, HIDDEN, seed);
            int[] tokens = randomTokens(100 + seed, VOCAB, STEPS);
            Trace trace = Tracer.trace(model, tokens);
            Expected expected = reference(model, tokens);
            String where = describe(model) + ", seed " + seed;
            for (Quantity q : Quantity.values()) {
                assertEquals(expected.values().containsKey(q), trace.has(q),
                        where + ": whether the trace has " + q.key() + " (" + q.symbol() + ")");
            }
            assertMatches(where, expected, trace, TOLERANCE);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("grus")
    void gruUpdateGateIsOneMinusPyTorchsZ(CellKind cell, GruReset reset) {
        Model model = TestModels.random(cell, reset, VOCAB, EMBED, HIDDEN, 7);
        Weights w = model.weights();
        int[] tokens = randomTokens(77, VOCAB, STEPS);
        Trace trace = Tracer.trace(model, tokens);
        double[][] u = trace.values(Quantity.UPDATE_GATE);
        double[][] c = trace.values(Quantity.MEMORY_CELL);
        int zBlock = cell == CellKind.GRU_SIMPLE ? 0 : 1;
        double farthestFromZ = 0;
        for (int t = 0; t < tokens.length; t++) {
            // PyTorch's z from the engine's own c<t-1>, so that only the relation Γu = 1 − z is tested here.
            double[] x = row(w.embedding, tokens[t]);
            double[] previous = t == 0 ? new double[HIDDEN] : c[t - 1];
            for (int j = 0; j < HIDDEN; j++) {
                double z = sigmoid(input(w, zBlock, HIDDEN, j, x) + recurrent(w, zBlock, HIDDEN, j, previous));
                // Summation order aside, Γu is 1 − z to the last bits: 1e-14, not the 1e-12 above.
                assertEquals(1.0 - z, u[t][j], 1e-14,
                        describe(model) + ", step " + t + ", unit " + j + ": Γu must be 1 − z (z = " + z + ")");
                farthestFromZ = Math.max(farthestFromZ, Math.abs(u[t][j] - z));
            }
        }
        // Γu = z (PyTorch's keep gate shown as the write gate) would have failed above:
        // the weights make z differ from 1 − z by this much somewhere.
        assertTrue(farthestFromZ > 0.1, describe(model) + ": test weights too weak, max |Γu − z| = " + farthestFromZ);
    }

    @Test
    void resetBeforeAndResetAfterAreDifferentFunctionsOfTheSameWeights() {
        Model after = TestModels.random(CellKind.GRU, GruReset.AFTER, VOCAB, EMBED, HIDDEN, 11);
        assertEquals(GruReset.AFTER, after.spec().gruReset());
        Model before = withReset(after, GruReset.BEFORE);
        int[] tokens = randomTokens(111, VOCAB, STEPS);
        Trace traceAfter = Tracer.trace(after, tokens);
        Trace traceBefore = Tracer.trace(before, tokens);
        assertMatches("gru (reset after)", reference(after, tokens), traceAfter, TOLERANCE);
        assertMatches("gru (reset before)", reference(before, tokens), traceBefore, TOLERANCE);

        // From the zero state both see c<0> = 0: Γr and Γu agree at the first step, c̃ does not
        // (b_hn is scaled by Γr after, not before).
        assertArrayEquals("Γr at step 0", traceAfter.step(Quantity.RELEVANCE_GATE, 0),
                traceBefore.step(Quantity.RELEVANCE_GATE, 0));
        assertArrayEquals("Γu at step 0", traceAfter.step(Quantity.UPDATE_GATE, 0),
                traceBefore.step(Quantity.UPDATE_GATE, 0));
        double largest = 0;
        for (int t = 0; t < tokens.length; t++) {
            for (int j = 0; j < HIDDEN; j++) {
                largest = Math.max(largest, Math.abs(traceAfter.value(Quantity.MEMORY_CELL, t, j)
                        - traceBefore.value(Quantity.MEMORY_CELL, t, j)));
            }
        }
        assertTrue(largest > 0.01, "reset before and after gave the same c (max |difference| " + largest + ")");
    }

    private static void assertArrayEquals(String what, double[] expected, double[] found) {
        for (int j = 0; j < expected.length; j++) {
            assertEquals(expected[j], found[j], 1e-15, what + ", unit " + j);
        }
    }

    /** The same weights under the other Γr placement. */
    private static Model withReset(Model model, GruReset reset) {
        ModelSpec spec = model.spec().withGruReset(reset);
        Weights weights = new Weights(spec);
        List<Weights.Parameter> from = model.weights().parameters();
        List<Weights.Parameter> to = weights.parameters();
        for (int i = 0; i < from.size(); i++) {
            to.get(i).values().setTo(from.get(i).values());
        }
        return new Model(spec, model.vocabulary(), weights);
    }

    private static void assertMatches(String where, Expected expected, Trace trace, double rel) {
        int steps = trace.length();
        for (int t = 0; t < steps; t++) {
            String step = where + ", step " + t;
            for (Map.Entry<Quantity, double[][]> e : expected.values().entrySet()) {
                Quantity q = e.getKey();
                double[] want = e.getValue()[t];
                for (int j = 0; j < want.length; j++) {
                    double found = trace.value(q, t, j);
                    double tolerance = rel * Math.max(1.0, Math.abs(want[j]));
                    if (!(Math.abs(found - want[j]) <= tolerance)) {
                        fail(step + ", unit " + j + ", " + q.key() + " (" + q.symbol() + "): reference " + want[j]
                                + ", engine " + found + " (|diff| " + Math.abs(found - want[j]) + ")");
                    }
                }
            }
            double[] want = expected.probabilities()[t];
            for (int i = 0; i < want.length; i++) {
                double found = trace.probability(t, i);
                if (!(Math.abs(found - want[i]) <= rel * Math.abs(want[i]))) {
                    fail(step + ", probability of token " + i + ": reference " + want[i] + ", engine " + found);
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------
    // One unit, worked by hand (H = D = 1; vocabulary <unk>, x with x = 1; the text "x x")
    // ---------------------------------------------------------------------------------------

    private static final int[] X_X = {1, 1};

    private static Model oneUnit(CellKind cell, GruReset reset) {
        ModelSpec spec = new ModelSpec(cell, reset, 2, 1, 1);
        Weights w = new Weights(spec);
        w.embedding.set(1, 0, 1.0); // x = 1 for token "x"
        return new Model(spec, new Vocabulary(List.of(Vocabulary.UNKNOWN, "x")), w);
    }

    /**
     * GRU rows r, z, n; every weight zero except b_iz = ln 3, W_in = 1, W_hn = 2, b_hn = 1.
     * <pre>
     * Γr = σ(0) = 0.5 and z = σ(ln 3) = 3/4, so Γu = 1 − z = 0.25 at every step.
     *
     * reset after:  c̃ = tanh(W_in x + b_in + Γr (W_hn c + b_hn)) = tanh(1 + 0.5 (2c + 1)) = tanh(1.5 + c)
     *   t=0  c̃ = tanh(1.5)            = 0.905148253645   c = 0.25 · 0.905148253645             = 0.226287063411
     *   t=1  c̃ = tanh(1.726287063411) = 0.938615627903   c = 0.25 · 0.938615627903 + 0.75 · c  = 0.404369204534
     * reset before: c̃ = tanh(W_in x + b_in + W_hn (Γr c) + b_hn) = tanh(1 + 2 (0.5 c) + 1) = tanh(2 + c)
     *   t=0  c̃ = tanh(2)              = 0.964027580076   c = 0.25 · 0.964027580076             = 0.241006895019
     *   t=1  c̃ = tanh(2.241006895019) = 0.977631772356   c = 0.25 · 0.977631772356 + 0.75 · c  = 0.425163114353
     * </pre>
     * Same weights, same text: c differs by 0.015 at the first step already, because b_hn is
     * halved by Γr after but not before. Taking Γu = z by mistake would give c = 0.678861190234
     * (after) at t=0.
     */
    @Test
    void gruResetBeforeAndAfterDifferByHand() {
        Model blank = oneUnit(CellKind.GRU, GruReset.AFTER);
        Weights w = blank.weights();
        w.biasIh.set(0, 1, Math.log(3)); // b_iz
        w.weightIh.set(2, 0, 1.0);       // W_in
        w.weightHh.set(2, 0, 2.0);       // W_hn
        w.biasHh.set(0, 2, 1.0);         // b_hn
        Model after = blank.withWeights(w);
        Model before = withReset(after, GruReset.BEFORE);

        Trace a = Tracer.trace(after, X_X);
        assertHand(a, Quantity.RELEVANCE_GATE, 0.5, 0.5);
        assertHand(a, Quantity.UPDATE_GATE, 0.25, 0.25);
        assertHand(a, Quantity.CANDIDATE, 0.905148253645, 0.938615627903);
        assertHand(a, Quantity.MEMORY_CELL, 0.226287063411, 0.404369204534);
        assertHand(a, Quantity.ACTIVATION, 0.226287063411, 0.404369204534);

        Trace b = Tracer.trace(before, X_X);
        assertHand(b, Quantity.RELEVANCE_GATE, 0.5, 0.5);
        assertHand(b, Quantity.UPDATE_GATE, 0.25, 0.25);
        assertHand(b, Quantity.CANDIDATE, 0.964027580076, 0.977631772356);
        assertHand(b, Quantity.MEMORY_CELL, 0.241006895019, 0.425163114353);
        assertHand(b, Quantity.ACTIVATION, 0.241006895019, 0.425163114353);
    }

    /**
     * Peephole LSTM rows i, f, g, o; every weight zero except W_ig = 1 and the peepholes
     * p_u = 1, p_f = −1, p_o = 2.
     * <pre>
     * t=0 (c&lt;-1&gt; = 0):  Γu = σ(0) = 0.5, Γf = σ(0) = 0.5, c̃ = tanh(1) = 0.761594155956
     *      c = 0.5 · 0.761594155956                          = 0.380797077978
     *      Γo = σ(p_o c&lt;t&gt;)   = σ(0.761594155956)           = 0.681699742195
     *         (peeking at c&lt;t-1&gt; as the lecture draws it: σ(0) = 0.5)
     *      a = Γo tanh(c) = 0.681699742195 · 0.363399484389 = 0.247729334822   (lecture's peek: 0.181699742195)
     * t=1:  Γu = σ(p_u c&lt;t-1&gt;) = σ(0.380797077978)  = 0.594065334057
     *      Γf = σ(p_f c&lt;t-1&gt;) = σ(−0.380797077978) = 0.405934665943, c̃ = 0.761594155956
     *      c = 0.594065334057 · 0.761594155956 + 0.405934665943 · 0.380797077978 = 0.607015421315
     *      Γo = σ(2 · 0.607015421315) = σ(1.21403084263)    = 0.771011383022
     *         (peeking at c&lt;t-1&gt;: σ(0.761594155956) = 0.681699742195)
     *      a = 0.771011383022 · tanh(0.607015421315) = 0.771011383022 · 0.542022766045 = 0.417905722478
     * </pre>
     */
    @Test
    void peepholeOutputGatePeeksAtTheNewMemoryCellByHand() {
        Model blank = oneUnit(CellKind.PEEPHOLE_LSTM, GruReset.AFTER);
        Weights w = blank.weights();
        w.weightIh.set(2, 0, 1.0); // W_ig
        w.peepholeU.set(0, 0, 1.0);
        w.peepholeF.set(0, 0, -1.0);
        w.peepholeO.set(0, 0, 2.0);
        Model model = blank.withWeights(w);

        Trace trace = Tracer.trace(model, X_X);
        assertHand(trace, Quantity.UPDATE_GATE, 0.5, 0.594065334057);
        assertHand(trace, Quantity.FORGET_GATE, 0.5, 0.405934665943);
        assertHand(trace, Quantity.CANDIDATE, 0.761594155956, 0.761594155956);
        assertHand(trace, Quantity.MEMORY_CELL, 0.380797077978, 0.607015421315);
        assertHand(trace, Quantity.OUTPUT_GATE, 0.681699742195, 0.771011383022);
        assertHand(trace, Quantity.ACTIVATION, 0.247729334822, 0.417905722478);
    }

    private static void assertHand(Trace trace, Quantity q, double... expected) {
        assertEquals(expected.length, trace.length());
        for (int t = 0; t < expected.length; t++) {
            assertEquals(expected[t], trace.value(q, t, 0), HAND_TOLERANCE,
                    trace.cell().id() + (trace.cell() == CellKind.GRU ? " (reset " + trace.gruReset().id() + ")" : "")
                            + ", step " + t + ", " + q.key() + " (" + q.symbol() + ")");
        }
    }
}
