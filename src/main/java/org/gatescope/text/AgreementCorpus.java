package org.gatescope.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Seeded subject–verb agreement sentences for training a next-token model to choose "was" or
 * "were" after a relative clause, and the evaluation sets that test it.
 *
 * <p>Training distribution: subjects singular or plural with equal odds; 20% of sentences have
 * no clause ("the cats were happy ."); the others have a relative clause with 0, 1, 2 or 3
 * attractors (35/30/20/15%), a quarter of them object-gap ("which the cat saw ..."); main verbs
 * was/were 50%, is/are 25%, has/have been 25%.
 *
 * <p>Every set is a pure function of its seed: one {@link java.util.Random} (whose algorithm
 * the JDK specifies) per set, seeded from the seed and a per-set salt, so the sets draw
 * different streams and the same seed gives the same list on any JVM. Sentences are split
 * into two halves by a fixed hash of their tokens: {@link #training} keeps only the training
 * half, every evaluation set only the other, so no evaluation sentence is ever a training
 * sentence, whatever the seeds.
 */
public final class AgreementCorpus {

    /** The slide's sentence, in every model's vocabulary. */
    public static final String LECTURE_SENTENCE = "The cat, which already ate ..., was full.";

    public static final int MAX_TRAINING_ATTRACTORS = 3;
    /** ", which already ate the fish near the dogs with the cat under the men often ,". */
    public static final int MAX_TRAINING_CLAUSE_LENGTH = 17;
    /** {@link #longClauses} clauses have between these many tokens, both included. */
    public static final int LONG_CLAUSE_MIN_LENGTH = 2 * MAX_TRAINING_CLAUSE_LENGTH;
    public static final int LONG_CLAUSE_MAX_LENGTH = 3 * MAX_TRAINING_CLAUSE_LENGTH;

    private static final long TRAINING_SALT = 1;
    private static final long HELD_OUT_SALT = 2;
    private static final long LONG_SALT = 3;
    private static final long OPPOSITE_SALT = 4;

    private static final List<String> VOCABULARY = vocabularyInOrder();

    private AgreementCorpus() {
    }

    /**
     * Every token any set can contain, {@code <unk>} first, in a fixed order, so models trained
     * on different days share their vocabulary. All of it occurs in the training set.
     */
    public static List<String> vocabulary() {
        return VOCABULARY;
    }

    /** {@code count} sentences of the training distribution; a longer list starts with the shorter one. */
    public static List<AgreementSentence> training(long seed, int count) {
        return draw(seed, TRAINING_SALT, count, false, SentenceGenerator::training);
    }

    /** The training distribution, other sentences: none of them is in any training set. */
    public static List<AgreementSentence> heldOut(long seed, int count) {
        return draw(seed, HELD_OUT_SALT, count, true, SentenceGenerator::training);
    }

    /**
     * Sentences whose clause is {@link #LONG_CLAUSE_MIN_LENGTH}..{@link #LONG_CLAUSE_MAX_LENGTH}
     * tokens (at least twice the longest training clause), long by a chain of prepositional
     * phrases and adverbs, each with attractors of both numbers. Only words seen in training.
     */
    public static List<AgreementSentence> longClauses(long seed, int count) {
        return draw(seed, LONG_SALT, count, true,
                generator -> generator.longClause(LONG_CLAUSE_MIN_LENGTH, LONG_CLAUSE_MAX_LENGTH));
    }

    /**
     * The hard cases: training-shaped clauses with {@code minimum}..3 attractors (uniformly), at
     * least {@code minimum} of the other number than the subject ("the cat , which chased the
     * dogs near the foxes , was").
     *
     * @param minimum 1..{@link #MAX_TRAINING_ATTRACTORS}
     */
    public static List<AgreementSentence> withOppositeAttractors(long seed, int count, int minimum) {
        if (minimum < 1 || minimum > MAX_TRAINING_ATTRACTORS) {
            throw new IllegalArgumentException("minimum opposite attractors must be 1.." + MAX_TRAINING_ATTRACTORS
                    + ", not " + minimum);
        }
        return draw(seed, OPPOSITE_SALT, count, true, generator -> generator.withOppositeAttractors(minimum));
    }

    /**
     * The annotation of a sentence of the grammar, such as the lecture's or one a user typed.
     *
     * @param tokens lower-words tokens ({@link Tokenizer#tokenize}); the final "." may be left out
     * @throws IllegalArgumentException naming the first token that breaks the grammar, an
     *     unknown word, or a main verb that does not agree with the subject
     */
    public static AgreementSentence annotate(List<String> tokens) {
        return AgreementParser.parse(tokens);
    }

    private static List<AgreementSentence> draw(long seed, long salt, int count, boolean heldOutHalf,
                                                Function<SentenceGenerator, List<String>> write) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        SentenceGenerator generator = new SentenceGenerator(new Random(mix(seed + salt * 0x9E3779B97F4A7C15L)));
        List<AgreementSentence> sentences = new ArrayList<>(count);
        while (sentences.size() < count) {
            List<String> tokens = write.apply(generator);
            if (inHeldOutHalf(tokens) == heldOutHalf) {
                sentences.add(AgreementParser.parse(tokens));
            }
        }
        return List.copyOf(sentences);
    }

    /** FNV-1a over the tokens, finished by {@link #mix}: fixed forever, unlike a JVM's hashing. */
    static boolean inHeldOutHalf(List<String> tokens) {
        long hash = 0xCBF29CE484222325L;
        for (String token : tokens) {
            for (int i = 0; i < token.length(); i++) {
                hash = (hash ^ token.charAt(i)) * 0x100000001B3L;
            }
            hash = (hash ^ ' ') * 0x100000001B3L;
        }
        return mix(hash) < 0;
    }

    /** SplitMix64's finaliser: nearby seeds give unrelated streams. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static List<String> vocabularyInOrder() {
        List<String> tokens = new ArrayList<>();
        tokens.add(Vocabulary.UNKNOWN);
        tokens.addAll(Lexicon.words());
        return List.copyOf(tokens);
    }
}
