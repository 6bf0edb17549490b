package org.gatescope.text;

import java.util.List;
import java.util.Random;

/**
 * A pasted text as hostile as people's clipboards hold: scripts mixed (Latin, Cyrillic, Arabic,
 * Japanese without spaces), emoji with skin tones, flags and joiners, control and direction
 * characters, a broken surrogate, mis-cased and punctuated words, unknown words of every signature.
 */
public final class HostileText {

    private static final List<String> PIECES = List.of(
            "The keys to the cabinet are on the table. ", "Cat, CATS! ", "日本語のテキストです。", "Привет, мир! ",
            "مرحبا بالعالم ", "👍🏽 🇫🇷 👨\u200D👩\u200D👧 ❤️ ", "\u0000\u0007\u001B[31m\u202E\u200B\uFEFF\uD800 ",
            "naïve café 3.5 1,000 ", "The authors of the book were famous. ", "zxqv blorfed running quickly Paris ",
            "\t\r\n", "The cat, which already ate ..., was full. ");

    private HostileText() {
    }

    /** About {@code chars} characters of it, the same for a seed. */
    public static String of(int chars, long seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder(chars + 64);
        while (text.length() < chars) {
            text.append(PIECES.get(random.nextInt(PIECES.size())));
        }
        return text.toString();
    }
}
