package org.gatescope.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gatescope.text.UnknownWord;
import org.gatescope.text.Vocabulary;

/**
 * What a cell did on one sentence, token by token: every gate (Γu always in the lecture's
 * sense), c̃, c, a, the gates' pre-activations and the head's next-token softmax.
 *
 * <p>Immutable: built once by {@link org.gatescope.engine.cell.Tracer Tracer} and safe to hand to
 * any thread. Accessors that return arrays return copies; the indexed accessors read without copying.
 */
public final class Trace {

    /** One next-token prediction. */
    public record Prediction(String token, int index, double probability) {
    }

    private final CellKind cell;
    private final GruReset gruReset;
    private final int hidden;
    private final List<String> tokens;
    private final int[] tokenIds;
    private final int[] unknownPositions;
    private final List<String> vocabulary;
    private final List<Quantity> quantities;
    private final Map<Quantity, double[]> values;
    private final Map<Quantity, double[]> preActivations;
    private final double[] probabilities;
    private final int[] numberUnits;

    public Trace(CellKind cell, GruReset gruReset, int hidden, List<String> tokens, int[] tokenIds, int[] unknownPositions,
          List<String> vocabulary, List<Quantity> quantities, Map<Quantity, double[]> values,
          Map<Quantity, double[]> preActivations, double[] probabilities, int[] numberUnits) {
        this.cell = cell;
        this.gruReset = gruReset;
        this.hidden = hidden;
        this.tokens = List.copyOf(tokens);
        this.tokenIds = tokenIds.clone();
        this.unknownPositions = unknownPositions.clone();
        this.vocabulary = List.copyOf(vocabulary);
        this.quantities = List.copyOf(quantities);
        this.values = Collections.unmodifiableMap(new EnumMap<>(values));
        this.preActivations = Collections.unmodifiableMap(new EnumMap<>(preActivations));
        this.probabilities = probabilities;
        this.numberUnits = numberUnits.clone();
    }

    public CellKind cell() {
        return cell;
    }

    /** Where Γr is applied; meaningful for {@link CellKind#GRU} only. */
    public GruReset gruReset() {
        return gruReset;
    }

    /** H, the number of units. */
    public int hidden() {
        return hidden;
    }

    /** T, the number of tokens. */
    public int length() {
        return tokens.size();
    }

    public List<String> tokens() {
        return tokens;
    }

    public int tokenId(int t) {
        return tokenIds[t];
    }

    /** Positions of tokens the vocabulary lacks, read as {@code <unk>}. */
    /** The vocabulary index of every token (a copy). */
    public int[] tokenIds() {
        return tokenIds.clone();
    }

    public int[] unknownPositions() {
        return unknownPositions.clone();
    }

    public boolean isUnknown(int t) {
        return Arrays.binarySearch(unknownPositions, t) >= 0;
    }

    /**
     * Each unknown word with what the model read in its place ({@code <unk>} or its signature token),
     * in text order; a trace of ids has none.
     */
    public List<UnknownWord> unknownWords() {
        List<UnknownWord> words = new ArrayList<>(unknownPositions.length);
        for (int t : unknownPositions) {
            words.add(UnknownWord.read(t, tokens.get(t), readAs(t)));
        }
        return List.copyOf(words);
    }

    /** The vocabulary token the model read at step {@code t}: the word itself, {@code <unk>} or a signature token. */
    public String readAs(int t) {
        int id = tokenIds[t];
        return id >= 0 && id < vocabulary.size() ? vocabulary.get(id) : isUnknown(t) ? Vocabulary.UNKNOWN : tokens.get(t);
    }

    public List<String> vocabulary() {
        return vocabulary;
    }

    /** The quantities this cell has, in display order. */
    public List<Quantity> quantities() {
        return quantities;
    }

    public boolean has(Quantity quantity) {
        return values.containsKey(quantity);
    }

    /** The value of {@code quantity} for {@code unit} after token {@code t}. */
    public double value(Quantity quantity, int t, int unit) {
        return require(values, quantity)[t * hidden + unit];
    }

    /** [T][H] copy of {@code quantity}. */
    public double[][] values(Quantity quantity) {
        return rows(require(values, quantity), length(), hidden);
    }

    /** All H units of {@code quantity} after token t (a copy). */
    public double[] step(Quantity quantity, int t) {
        return Arrays.copyOfRange(require(values, quantity), t * hidden, (t + 1) * hidden);
    }

    public boolean hasPreActivation(Quantity quantity) {
        return preActivations.containsKey(quantity);
    }

    /**
     * The pre-activation of {@code quantity} (before σ or tanh). For GRUs, Γu's is that of
     * PyTorch's z: Γu = 1 − σ(pre-activation).
     */
    public double preActivation(Quantity quantity, int t, int unit) {
        return require(preActivations, quantity)[t * hidden + unit];
    }

    public double[][] preActivations(Quantity quantity) {
        return rows(require(preActivations, quantity), length(), hidden);
    }

    /** V, the vocabulary size. */
    public int vocabularySize() {
        return vocabulary.size();
    }

    /** p(next token = vocabulary[index]) after token t. */
    public double probability(int t, int index) {
        return probabilities[t * vocabulary.size() + index];
    }

    /** p(next token = {@code token}) after token t, or NaN if the vocabulary lacks it. */
    public double probability(int t, String token) {
        int index = vocabulary.indexOf(token);
        return index < 0 ? Double.NaN : probability(t, index);
    }

    /** The softmax after token t over the whole vocabulary (a copy). */
    public double[] probabilitiesAt(int t) {
        int v = vocabulary.size();
        return Arrays.copyOfRange(probabilities, t * v, (t + 1) * v);
    }

    /** [T][V] copy of the softmax. */
    public double[][] probabilities() {
        return rows(probabilities, length(), vocabulary.size());
    }

    /** The k most probable next tokens after token t, most probable first. */
    public List<Prediction> topPredictions(int t, int k) {
        int v = vocabulary.size();
        List<Prediction> all = new ArrayList<>(v);
        for (int i = 0; i < v; i++) {
            all.add(new Prediction(vocabulary.get(i), i, probabilities[t * v + i]));
        }
        all.sort(Comparator.comparingDouble(Prediction::probability).reversed());
        return List.copyOf(all.subList(0, Math.min(k, v)));
    }

    /** The model's number units (those that carry the subject's number), best first; may be empty. */
    public int[] numberUnits() {
        return numberUnits.clone();
    }

    private double[] require(Map<Quantity, double[]> map, Quantity quantity) {
        double[] array = map.get(quantity);
        if (array == null) {
            throw new IllegalArgumentException(cell.id() + " has no " + quantity.key());
        }
        return array;
    }

    private static double[][] rows(double[] flat, int rows, int cols) {
        double[][] out = new double[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = Arrays.copyOfRange(flat, r * cols, (r + 1) * cols);
        }
        return out;
    }
}
