package org.gatescope.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Seeded subject–verb agreement sentences of every classic {@link Construction}, for training a
 * next-token model to choose the verb's number, and the evaluation sets that test it.
 *
 * <p>Training distribution: the constructions in the mix of {@link SentenceGenerator}, subjects
 * singular or plural with equal odds, attractors of either number, the words drawn from the
 * {@link EnglishLexicon} most frequent first. Each construction holds some of its subjects and
 * verbs out of training ({@link Holdout}); {@link #heldOut} agrees on exactly those.
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
    /**
     * The longest clause of training: ", which often ate the fish next door to the dogs next door to
     * the cat next door to the foxes often ," (the lecture's shape, three five-token phrases).
     */
    public static final int MAX_TRAINING_CLAUSE_LENGTH = 23;
    /** {@link #longClauses} clauses have between these many tokens, both included. */
    public static final int LONG_CLAUSE_MIN_LENGTH = 2 * MAX_TRAINING_CLAUSE_LENGTH;
    public static final int LONG_CLAUSE_MAX_LENGTH = 3 * MAX_TRAINING_CLAUSE_LENGTH;

    private static final long TRAINING_SALT = 1;
    private static final long HELD_OUT_SALT = 2;
    private static final long LONG_SALT = 3;
    private static final long OPPOSITE_SALT = 4;
    private static final long UNSEEN_SALT = 5;
    private static final String UNSEEN_NOUNS = "unseen-nouns.tsv";

    private static final List<String> VOCABULARY = vocabularyInOrder();

    private AgreementCorpus() {
    }

    /**
     * Every token a model reads: {@code <unk>} and the signature tokens first, then every
     * single-word form of the {@link EnglishLexicon} in its order ("in front of" is read as its
     * three words), then any token of the grammar the lexicon lacks. The same on every day, so
     * models trained on different days share it.
     */
    public static List<String> vocabulary() {
        return VOCABULARY;
    }

    /** {@code count} sentences of the training distribution; a longer list starts with the shorter one. */
    public static List<AgreementSentence> training(long seed, int count) {
        return draw(seed, TRAINING_SALT, count, false, false, SentenceGenerator::training);
    }

    /**
     * The training mix of constructions, other sentences, agreeing on each construction's held-out
     * words: none of them is in any training set, and no training sentence of the construction has
     * its subject (or lexical verb) agree.
     */
    public static List<AgreementSentence> heldOut(long seed, int count) {
        return draw(seed, HELD_OUT_SALT, count, true, true, SentenceGenerator::training);
    }

    /** {@link #heldOut} sentences of one construction only. */
    public static List<AgreementSentence> heldOut(Construction construction, long seed, int count) {
        return draw(seed, HELD_OUT_SALT * 31 + construction.ordinal(), count, true, true,
                generator -> generator.sentence(construction));
    }

    /**
     * Sentences whose clause is {@link #LONG_CLAUSE_MIN_LENGTH}..{@link #LONG_CLAUSE_MAX_LENGTH}
     * tokens (at least twice the longest training clause), long by a chain of prepositional
     * phrases and adverbs, each with attractors of both numbers. Only words seen in training.
     */
    public static List<AgreementSentence> longClauses(long seed, int count) {
        return draw(seed, LONG_SALT, count, true, false,
                generator -> generator.longClause(LONG_CLAUSE_MIN_LENGTH, LONG_CLAUSE_MAX_LENGTH));
    }

    /**
     * The hard cases: lecture-shaped clauses with {@code minimum}..3 attractors (uniformly), at
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
        return draw(seed, OPPOSITE_SALT, count, true, false, generator -> generator.withOppositeAttractors(minimum));
    }

    /**
     * Held-out sentences of every construction whose subject is a person or an animal the
     * vocabulary does not hold ("the mechanics", from {@code unseen-nouns.tsv}): a model reads it
     * as its signature ({@code <unk>}, {@code <unk-s>}), as it would a word a user types.
     */
    public static List<AgreementSentence> unseenSubjects(long seed, int count) {
        List<Lexicon.NounPair> unseen = UnseenNouns.LIST;
        java.util.Random pick = new java.util.Random(mix(seed + UNSEEN_SALT * 0x9E3779B97F4A7C15L) ^ 1);
        List<AgreementSentence> sentences = new ArrayList<>(count);
        for (AgreementSentence s : draw(seed, UNSEEN_SALT, count, true, true, generator -> {
            AgreementSentence sentence;
            do {
                sentence = generator.training();
            } while (pairOf(sentence.tokens().get(sentence.subjectIndex())) == null);
            return sentence;
        })) {
            List<String> tokens = new ArrayList<>(s.tokens());
            tokens.set(s.subjectIndex(), unseen.get(pick.nextInt(unseen.size())).form(s.pluralSubject()));
            sentences.add(new AgreementSentence(tokens, s.subjectIndex(), s.verbIndex(), s.pluralSubject(), s.verb(),
                    s.wrongVerb(), s.attractors(), s.oppositeAttractors(), s.clauseLength(), s.construction()));
        }
        return List.copyOf(sentences);
    }

    /** The nouns of {@code unseen-nouns.tsv}: people and animals no model's vocabulary holds. */
    public static List<Lexicon.NounPair> unseenNouns() {
        return UnseenNouns.LIST;
    }

    private static Lexicon.NounPair pairOf(String form) {
        for (Lexicon.NounPair pair : Lexicon.ANIMATE_NOUNS) {
            if (pair.singular().equals(form) || pair.plural().equals(form)) {
                return pair;
            }
        }
        return null;
    }

    private static final class UnseenNouns {
        static final List<Lexicon.NounPair> LIST = read();

        private static List<Lexicon.NounPair> read() {
            try (java.io.InputStream in = AgreementCorpus.class.getResourceAsStream(UNSEEN_NOUNS)) {
                if (in == null) {
                    throw new IllegalStateException(UNSEEN_NOUNS + " is missing from the build");
                }
                List<Lexicon.NounPair> nouns = new ArrayList<>();
                for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                        .split("\n")) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        String[] f = line.split("\t");
                        nouns.add(new Lexicon.NounPair(f[0], f[1]));
                    }
                }
                return List.copyOf(nouns);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
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
                                                boolean heldOutWords,
                                                Function<SentenceGenerator, AgreementSentence> write) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        SentenceGenerator generator = new SentenceGenerator(new Random(mix(seed + salt * 0x9E3779B97F4A7C15L)),
                heldOutWords);
        List<AgreementSentence> sentences = new ArrayList<>(count);
        while (sentences.size() < count) {
            AgreementSentence sentence = write.apply(generator);
            if (inHeldOutHalf(sentence.tokens()) == heldOutHalf) {
                sentences.add(sentence);
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
        java.util.LinkedHashSet<String> tokens = new java.util.LinkedHashSet<>();
        tokens.add(Vocabulary.UNKNOWN);
        tokens.addAll(UnknownWordSignature.tokens());
        for (String form : EnglishLexicon.bundled().forms()) {
            if (!form.contains(" ")) {
                tokens.add(form);
            }
        }
        tokens.addAll(Lexicon.words());
        return List.copyOf(tokens);
    }
}
