package org.gatescope.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.gatescope.text.AgreementCorpus;
import org.gatescope.text.Construction;
import org.gatescope.text.Lexicon;
import org.gatescope.text.Vocabulary;

/**
 * The lecture's idealised picture as two hand-set models (not trained): an LSTM and a
 * reset-before GRU that store "the subject is singular" at the subject noun, keep it unchanged
 * through the relative clause and use it at the main verb, on every sentence of the agreement
 * grammar. They share the trained models' vocabulary ({@link AgreementCorpus#vocabulary()}), so
 * the window can put a trained model beside its textbook counterpart token for token.
 *
 * <p>Three input features per token (D = 3) and two units (H = 2):
 *
 * <pre>
 *   x[0] singular noun   1 for "cat", "mouse", …            (the noun's number, singular side)
 *   x[1] plural noun     1 for "cats", "mice", …            (the noun's number, plural side)
 *   x[2] noun            1 for every noun, "fish" included  (where a number may be written)
 *   every other token, "&lt;unk&gt;" included, is the zero vector
 *
 *   unit 0, the number unit: c = +1 singular, −1 plural, written at the subject and held
 *   unit 1, "a noun has been read": c = +1 from the subject on; it shuts both update gates
 * </pre>
 *
 * In the lecture's sense (Γu is the write gate) the two cells compute, for both units,
 *
 * <pre>
 *   Γu = σ(10·noun − 5 − 20·a₁&lt;t-1&gt;)      open (σ(5) = 0.993) at the first noun only: before it the bias
 *                                        keeps it shut, after it the latch unit pushes it to σ(−10) or less
 *   c̃₀ = tanh(10·singular − 10·plural)   +1, −1, or exactly 0 for a word without number
 *   c̃₁ = tanh(10·noun)                   +1 at a noun, exactly 0 elsewhere
 *   LSTM: Γf = σ(10) = 0.99995, Γo = σ(10), both constant
 *   GRU:  Γr = σ(−5) = 0.007, constant; W_hn = 0, so c̃ reads the word alone (c&lt;t-1&gt; is irrelevant to it)
 *   head: logit(was) = logit(is) = logit(has) = +10·a₀, logit(were) = logit(are) = logit(have) = −10·a₀,
 *         every other logit 0 (uniform over the rest of the vocabulary)
 * </pre>
 *
 * PyTorch's GRU row z is the keep gate, z = 1 − Γu = σ(−pre), so the GRU's z rows hold the
 * negated Γu weights. All biases are in {@code bias_ih}; {@code bias_hh} is zero. Every value
 * is an integer, exact in F32, so the model files hold exactly these functions.
 * {@code assets/models/README.md}, section "Textbook models", explains each value.
 */
public final class TextbookModels {

    /** The unit whose memory cell holds the subject's number: c ≈ +1 singular, ≈ −1 plural. */
    public static final int NUMBER_UNIT = 0;
    /** The unit whose memory cell latches "a noun has been read" (≈ +1 from the subject on). */
    public static final int NOUN_SEEN_UNIT = 1;
    public static final int HIDDEN = 2;

    /** Input feature: a singular noun. */
    public static final int SINGULAR_NOUN = 0;
    /** Input feature: a plural noun. */
    public static final int PLURAL_NOUN = 1;
    /** Input feature: any noun, numbered or not ("fish"). */
    public static final int NOUN = 2;
    public static final int EMBED = 3;

    /** Γu's weight on the noun feature: a noun opens the update gate (10 − 5 = 5, σ = 0.993). */
    static final double UPDATE_AT_NOUN = 10;
    /** Γu's bias: shut (σ(−5) = 0.007) on every word that is not a noun. */
    static final double UPDATE_BIAS = -5;
    /**
     * Γu's weight on the latch unit's a&lt;t-1&gt;: once a noun has been read, no later noun opens the
     * gate (LSTM: 5 − 20·tanh(1) = −10.2, GRU: 5 − 20·0.99 = −14.9; non-nouns lower still).
     */
    static final double UPDATE_SHUT_BY_LATCH = -20;
    /** c̃'s weight on a feature: tanh(10) = 1 − 4·10⁻⁹, a clean ±1. */
    static final double CANDIDATE_WEIGHT = 10;
    /** The LSTM's Γf and Γo bias: σ(10) = 0.99995, so c loses 0.3% over 60 tokens. */
    static final double ALWAYS_OPEN_BIAS = 10;
    /** The GRU's Γr bias: σ(−5) = 0.007, matching W_hn = 0 (c&lt;t-1&gt; plays no part in c̃). */
    static final double RELEVANCE_BIAS = -5;
    /** The head's weight from a₀ to each main verb: ±10, so p(was)/(p(was)+p(were)) = σ(20·a₀). */
    static final double HEAD_WEIGHT = 10;

    private static final String SEE_ALSO = " See assets/models/README.md, section \"Textbook models\".";

    private TextbookModels() {
    }

    /** The hand-set LSTM (PyTorch rows i, f, g, o). */
    public static Model lstm() {
        ModelSpec spec = ModelSpec.of(CellKind.LSTM, vocabulary().size(), EMBED, HIDDEN);
        Weights weights = new Weights(spec);
        setEmbedding(weights);
        // Block 0, i = Γu: open at the first noun only.
        setUpdateGate(weights, 0, 1);
        // Block 1, f = Γf: always keep c<t-1>.
        for (int unit = 0; unit < HIDDEN; unit++) {
            weights.biasIh.set(0, row(1, unit), ALWAYS_OPEN_BIAS);
        }
        // Block 2, g = c̃: the number, and "a noun".
        setCandidate(weights, 2);
        // Block 3, o = Γo: always show c.
        for (int unit = 0; unit < HIDDEN; unit++) {
            weights.biasIh.set(0, row(3, unit), ALWAYS_OPEN_BIAS);
        }
        setHead(weights);
        return new Model(spec, vocabulary(), Model.LOWER_WORDS, weights, metadata(CellKind.LSTM,
                "Textbook LSTM, hand-set, not trained: unit 0 writes the subject's number at the first noun"
                        + " (c = +1 singular, -1 plural) and keeps it (Γu = 0, Γf = 1) through the clause to"
                        + " the verb, which the head reads from it; unit 1 latches \"a noun has been read\" and"
                        + " shuts both update gates after the subject." + SEE_ALSO));
    }

    /** The hand-set GRU, reset before (the lecture's: c̃ = tanh(W_in x + b_in + W_hn (Γr ⊙ c&lt;t-1&gt;) + b_hn)). */
    public static Model gru() {
        ModelSpec spec = new ModelSpec(CellKind.GRU, GruReset.BEFORE, vocabulary().size(), EMBED, HIDDEN);
        Weights weights = new Weights(spec);
        setEmbedding(weights);
        // Block 0, r = Γr: shut, and irrelevant anyway since W_hn = 0.
        for (int unit = 0; unit < HIDDEN; unit++) {
            weights.biasIh.set(0, row(0, unit), RELEVANCE_BIAS);
        }
        // Block 1, z = 1 − Γu: the keep gate, so the negated Γu weights.
        setUpdateGate(weights, 1, -1);
        // Block 2, n = c̃: the number, and "a noun".
        setCandidate(weights, 2);
        setHead(weights);
        return new Model(spec, vocabulary(), Model.LOWER_WORDS, weights, metadata(CellKind.GRU,
                "Textbook GRU (reset before, the lecture's), hand-set, not trained: unit 0 writes the"
                        + " subject's number at the first noun (c = +1 singular, -1 plural) and keeps it"
                        + " (Γu = 0) through the clause to the verb, which the head reads from it; unit 1"
                        + " latches \"a noun has been read\" and shuts both update gates after the subject."
                        + SEE_ALSO));
    }

    /** {@link #lstm()} or {@link #gru()}. */
    public static Model of(CellKind cell) {
        return switch (cell) {
            case LSTM -> lstm();
            case GRU -> gru();
            default -> throw new IllegalArgumentException("there is no textbook " + cell.displayName()
                    + "; textbook models: lstm, gru");
        };
    }

    /** The bundled name of the textbook model of {@code cell}: {@code lstm_textbook}, {@code gru_textbook}. */
    public static String bundledName(CellKind cell) {
        if (!cells().contains(cell)) {
            throw new IllegalArgumentException("there is no textbook " + cell.displayName()
                    + "; textbook models: lstm, gru");
        }
        return cell.id() + "_textbook";
    }

    /** The cells that have a textbook model, in the order they are bundled. */
    public static List<CellKind> cells() {
        return List.of(CellKind.LSTM, CellKind.GRU);
    }

    private static Vocabulary vocabulary() {
        return new Vocabulary(AgreementCorpus.vocabulary());
    }

    /** x&lt;t&gt;: the three features of each word; the zero vector for words that are no noun. */
    private static void setEmbedding(Weights weights) {
        List<String> tokens = AgreementCorpus.vocabulary();
        // "three" and "that" are nouns too, but before a noun they are its determiner: no number to store.
        java.util.Set<String> determiners = new java.util.HashSet<>(Lexicon.SINGULAR_DETERMINERS);
        determiners.addAll(Lexicon.PLURAL_DETERMINERS);
        for (int v = 0; v < tokens.size(); v++) {
            String word = tokens.get(v);
            if (determiners.contains(word)) {
                continue;
            }
            if (Lexicon.isNumberedNoun(word)) {
                weights.embedding.set(v, Lexicon.isPluralNoun(word) ? PLURAL_NOUN : SINGULAR_NOUN, 1);
                weights.embedding.set(v, NOUN, 1);
            } else if (Lexicon.isNeutralNoun(word)) {
                weights.embedding.set(v, NOUN, 1);
            }
        }
    }

    /**
     * Γu = σ(10·noun − 5 − 20·a₁&lt;t-1&gt;) for both units, written into block {@code block} times
     * {@code sign} (+1 for the LSTM's i, −1 for the GRU's z = 1 − Γu).
     */
    private static void setUpdateGate(Weights weights, int block, double sign) {
        for (int unit = 0; unit < HIDDEN; unit++) {
            weights.weightIh.set(row(block, unit), NOUN, sign * UPDATE_AT_NOUN);
            weights.biasIh.set(0, row(block, unit), sign * UPDATE_BIAS);
            weights.weightHh.set(row(block, unit), NOUN_SEEN_UNIT, sign * UPDATE_SHUT_BY_LATCH);
        }
    }

    /** c̃₀ = tanh(10·singular − 10·plural), c̃₁ = tanh(10·noun). */
    private static void setCandidate(Weights weights, int block) {
        weights.weightIh.set(row(block, NUMBER_UNIT), SINGULAR_NOUN, CANDIDATE_WEIGHT);
        weights.weightIh.set(row(block, NUMBER_UNIT), PLURAL_NOUN, -CANDIDATE_WEIGHT);
        weights.weightIh.set(row(block, NOUN_SEEN_UNIT), NOUN, CANDIDATE_WEIGHT);
    }

    /**
     * Singular verbs +10·a₀, plural ones −10·a₀ (was/were, is/are, has/have and every lexical verb
     * of the grammar, laughs/laugh); everything else 0.
     */
    private static void setHead(Weights weights) {
        Vocabulary vocabulary = vocabulary();
        DMatrixRMaj head = weights.headWeight;
        List<Lexicon.VerbPair> pairs = new java.util.ArrayList<>(Lexicon.MAIN_VERBS);
        for (List<Lexicon.LexicalVerb> verbs : List.of(Lexicon.INTRANSITIVE_VERBS, Lexicon.TRANSITIVE_VERBS)) {
            verbs.forEach(verb -> pairs.add(verb.pair()));
        }
        for (Lexicon.VerbPair verb : pairs) {
            head.set(vocabulary.indexOf(verb.singular()), NUMBER_UNIT, HEAD_WEIGHT);
            head.set(vocabulary.indexOf(verb.plural()), NUMBER_UNIT, -HEAD_WEIGHT);
        }
    }

    /**
     * The constructions these models are meant for: those whose verb agrees with the sentence's
     * first noun, which is what they store. In "the mechanics said the author laughs" and "the
     * author that the guards like" the verb agrees with a later noun, which the latch keeps out.
     */
    public static final List<Construction> COVERED = java.util.Arrays.stream(Construction.values())
            .filter(c -> c != Construction.SENTENTIAL_COMPLEMENT && c != Construction.WITHIN_OBJECT_RELATIVE)
            .toList();

    /** {@link #COVERED} in words, as {@code info} shows it. */
    public static String coverage() {
        return "agreement with the first noun of the sentence: "
                + String.join(", ", COVERED.stream().map(Construction::id).toList())
                + "; not sentential-complement or within-object-relative (the verb agrees with a later noun)";
    }

    private static int row(int block, int unit) {
        return block * HIDDEN + unit;
    }

    private static Map<String, String> metadata(CellKind cell, String description) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("description", description);
        metadata.put("covers", coverage());
        metadata.put(Model.NUMBER_UNITS_KEY, Integer.toString(NUMBER_UNIT));
        metadata.put("made_with", "gatescope textbook --cell " + cell.id() + " --out " + cell.id()
                + "_textbook.safetensors");
        return metadata;
    }
}
