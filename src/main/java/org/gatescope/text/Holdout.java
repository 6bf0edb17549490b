package org.gatescope.text;

/**
 * Which words each construction keeps out of training: about one noun (and one lexical verb) in
 * {@link #ONE_IN} never agrees in that construction in any training sentence, and evaluation's
 * held-out sentences of the construction agree on those words only. The words still occur in
 * other constructions, so the model knows them, but has never seen them agree in this one.
 * A fixed hash of the construction's id and the word decides, the same on every JVM.
 */
public final class Holdout {

    /** One word in this many is held out of each construction. */
    public static final int ONE_IN = 8;

    private Holdout() {
    }

    /** Whether {@code word} (a noun's singular, a verb's base form) is held out of {@code construction}. */
    public static boolean isHeldOut(Construction construction, String word) {
        long hash = 0xCBF29CE484222325L;
        String key = construction.id() + ":" + word;
        for (int i = 0; i < key.length(); i++) {
            hash = (hash ^ key.charAt(i)) * 0x100000001B3L;
        }
        hash ^= hash >>> 29;
        hash *= 0xBF58476D1CE4E5B9L;
        hash ^= hash >>> 32;
        return Math.floorMod(hash, ONE_IN) == 0;
    }
}
