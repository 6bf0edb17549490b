package org.gatescope.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    @Test
    void lectureSentenceSplitsWordsPunctuationAndEllipsis() {
        assertEquals(List.of("the", "cat", ",", "which", "already", "ate", "...", ",", "was", "full", "."),
                Tokenizer.tokenize("The cat, which already ate ..., was full."));
    }

    @Test
    void ellipsisGluedToWordsIsStillOneToken() {
        assertEquals(List.of("ate", "...", ","), Tokenizer.tokenize("ate...,"));
    }

    @Test
    void unicodeEllipsisBecomesThreeDots() {
        assertEquals(List.of("ate", "...", "was"), Tokenizer.tokenize("ate… was"));
    }

    @Test
    void fourDotsAreAnEllipsisAndAFullStop() {
        assertEquals(List.of("...", "."), Tokenizer.tokenize("...."));
    }

    @Test
    void twoDotsAreTwoFullStops() {
        assertEquals(List.of(".", "."), Tokenizer.tokenize(".."));
    }

    @Test
    void apostropheBetweenLettersStaysInsideTheWord() {
        assertEquals(List.of("don't", "we", "'", "ll", "go"), Tokenizer.tokenize("Don't we' ll go"));
    }

    @Test
    void apostropheAtAWordsEdgeIsPunctuation() {
        assertEquals(List.of("'", "tis", "the", "cats", "'", "bowl"), Tokenizer.tokenize("'Tis the cats' bowl"));
    }

    @Test
    void typographicApostropheInsideAWordReadsAsAsciiApostrophe() {
        assertEquals(List.of("don't", "’"), Tokenizer.tokenize("Don’t ’"));
    }

    @Test
    void hyphenatedWordIsOneToken() {
        assertEquals(List.of("a", "well-known", "cat"), Tokenizer.tokenize("a well-known cat"));
    }

    @Test
    void doubleHyphenSeparatesWords() {
        assertEquals(List.of("cat", "-", "-", "dog", "-"), Tokenizer.tokenize("cat--dog -"));
    }

    @Test
    void everyOtherPunctuationMarkIsItsOwnToken() {
        assertEquals(List.of("what", "?", "!", "(", "yes", ")", ";", "\"", "no", "\""),
                Tokenizer.tokenize("What?!(yes); \"no\""));
    }

    @Test
    void textIsLowerCased() {
        assertEquals(List.of("the", "cats", "über"), Tokenizer.tokenize("THE Cats ÜBER"));
    }

    @Test
    void anyWhitespaceSeparates() {
        assertEquals(List.of("the", "cat", "was"), Tokenizer.tokenize(" the\tcat\u00a0\n\r\u2003was  "));
    }

    @Test
    void byteOrderMarkAndZeroWidthSpacesAreIgnored() {
        assertEquals(List.of("the", "cat"), Tokenizer.tokenize("\ufeffthe\u200b cat"));
    }

    @Test
    void blankTextHasNoTokens() {
        assertEquals(List.of(), Tokenizer.tokenize(""));
        assertEquals(List.of(), Tokenizer.tokenize(" \n\t "));
    }

    @Test
    void digitsAreWordCharacters() {
        assertEquals(List.of("in", "2024", "3", ".", "5", "cats"), Tokenizer.tokenize("In 2024 3.5 cats"));
    }

    @Test
    void combiningMarksAndAstralCharactersStayWhole() {
        String decomposedNaive = "nai\u0308ve";
        assertEquals(List.of(decomposedNaive, "🐈", "𝒞at"), Tokenizer.tokenize(decomposedNaive + " 🐈 𝒞at"));
    }

    @Test
    void spansPointIntoTheOriginalText() {
        String text = "The CAT… ate...!";
        List<TokenSpan> spans = Tokenizer.spans(text);
        assertEquals(List.of(
                new TokenSpan("the", 0, 3),
                new TokenSpan("cat", 4, 7),
                new TokenSpan("...", 7, 8),
                new TokenSpan("ate", 9, 12),
                new TokenSpan("...", 12, 15),
                new TokenSpan("!", 15, 16)), spans);
    }

    @Test
    void spansCoverTheOriginalCharactersEvenWhenLowerCasingChangesLength() {
        String text = "İstanbul cat";
        List<TokenSpan> spans = Tokenizer.spans(text);
        assertEquals("İstanbul", text.substring(spans.get(0).start(), spans.get(0).end()));
        assertEquals(new TokenSpan("cat", 9, 12), spans.get(1));
    }

    @Test
    void millionCharacterTextsTokenizeInLinearTime() {
        String sentence = "The cat, which already ate ..., was full. ";
        String text = sentence.repeat(1_000_000 / sentence.length() + 1);
        List<String> tokens = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> Tokenizer.tokenize(text));
        assertTrue(tokens.size() > 250_000);
    }

    @Test
    void pathologicalMillionCharacterInputsStayFast() {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertEquals(1, Tokenizer.tokenize("a-".repeat(500_000) + "a").size());
            assertEquals(333_334, Tokenizer.tokenize(".".repeat(1_000_000)).size());
            assertEquals(1_000_000, Tokenizer.tokenize("'".repeat(1_000_000)).size());
            assertEquals(1, Tokenizer.tokenize("x".repeat(1_000_000)).size());
        });
    }

    @Test
    void miscasedAndPunctuatedWordsReadAsTheWordAndItsMark() {
        assertEquals(List.of("cat", ","), Tokenizer.tokenize("Cat,"));
        assertEquals(List.of("cats", "!"), Tokenizer.tokenize("CATS!"));
        assertEquals(List.of("\"", "the", "keys", "\"", "?", "!"), Tokenizer.tokenize("\"tHe KeYs\"?!"));
        assertEquals(List.of("(", "cats", ")", ";", "dogs", "."), Tokenizer.tokenize("(Cats); DOGS."));
    }

    @Test
    void anEmojiWithItsSkinToneVariationOrJoinersIsOneToken() {
        assertEquals(List.of("👍🏽", "❤️", "🇫🇷", "👨\u200D👩\u200D👧", "cat"),
                Tokenizer.tokenize("👍🏽 ❤️🇫🇷👨\u200D👩\u200D👧 cat"));
        assertEquals(List.of("1️⃣"), Tokenizer.tokenize("1\uFE0F\u20E3"));
    }

    @Test
    void controlsDirectionMarksBrokenSurrogatesAndStrayMarksSeparateWords() {
        assertEquals(List.of("the", "cat", "was", "full"),
                Tokenizer.tokenize("the\u0000cat\u202Ewas\uD800 \u0301full\u001B"));
    }
}
