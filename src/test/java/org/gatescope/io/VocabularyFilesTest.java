package org.gatescope.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gatescope.text.FrameworkTokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The vocabularies models trained elsewhere come with, read in every form people keep them. */
class VocabularyFilesTest {

    private static final Path SHARED = Path.of("../shared/realmodels");

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "05-hamlet-nextword-lstm2.word_index.json|false|the i you and that",
            "06-pizza-nextword-lstm.tokenizer.json|false|the a its and in",
            "08-hamlet-char-gru.vocab.json|true|' ( . ! ,"})
    void publishedVocabulariesGiveTheReferenceTokensTheirIds(String file, boolean characters, String tokens)
            throws Exception {
        Path path = SHARED.resolve(file);
        assumeTrue(Files.isRegularFile(path), "the shared real models are not on this machine");
        FrameworkTokenizer tokenizer = VocabularyFiles.read(path);
        assertEquals(characters, tokenizer.characters());
        List<String> expected = characters ? List.of(" ", "(", ".", "!", ",") : List.of(tokens.split(" "));
        int[] ids = {1, 5, 9, 2, 7};
        for (int i = 0; i < ids.length; i++) {
            assertEquals(expected.get(i), tokenizer.tokens().get(ids[i]), file + " id " + ids[i]);
        }
    }

    @Test
    void aKerasTokenizerSplitsAsKerasDoesAndLeavesOutWhatItDoesNotKnow() throws Exception {
        Path file = Files.writeString(dir.resolve("tokenizer.json"), """
                {"class_name": "Tokenizer", "config": {"lower": true, "split": " ", "char_level": false,
                 "oov_token": null, "num_words": null, "filters": "!\\"#$%&()*+,-./:;<=>?@[\\\\]^_`{|}~\\t\\n",
                 "word_index": "{\\"the\\": 1, \\"cat\\": 2, \\"was\\": 3}"}}""");
        FrameworkTokenizer tokenizer = VocabularyFiles.read(file);
        FrameworkTokenizer.Encoding encoding = tokenizer.encode("The CAT, which... was!");
        assertArrayEquals(new int[] {1, 2, 3}, encoding.ids());
        assertEquals(List.of("which"), encoding.unknown());
    }

    @Test
    void anOovTokenStandsInForUnknownWords() throws Exception {
        Path file = Files.writeString(dir.resolve("t.json"), """
                {"class_name": "Tokenizer", "config": {"oov_token": "<OOV>",
                 "word_index": {"<OOV>": 1, "the": 2, "cat": 3}}}""");
        assertArrayEquals(new int[] {2, 1, 3}, VocabularyFiles.read(file).encode("the big cat").ids());
    }

    @Test
    void tokenListsAndVocabTxtAreReadByPosition() throws Exception {
        FrameworkTokenizer fromArray = VocabularyFiles.read(Files.writeString(dir.resolve("a.json"), "[\"<pad>\", \"the\", \"cat\"]"));
        assertEquals(List.of("<pad>", "the", "cat"), fromArray.tokens());
        assertFalse(fromArray.characters());
        FrameworkTokenizer fromText = VocabularyFiles.read(Files.writeString(dir.resolve("vocab.txt"), "a\nb\nc\n"));
        assertTrue(fromText.characters(), "single characters make a character vocabulary");
        assertArrayEquals(new int[] {2, 0, 1}, fromText.encode("cab").ids());
    }

    @Test
    void brokenVocabulariesAreRefusedInOneLine() throws Exception {
        assertRefused(Files.writeString(dir.resolve("neg.json"), "{\"the\": -1}"), "whole numbers");
        assertRefused(Files.writeString(dir.resolve("x.json"), "{\"size\": \"big\"}"), "without a vocabulary");
        assertRefused(Files.write(dir.resolve("empty.json"), new byte[0]), "empty");
        assertRefused(Files.write(dir.resolve("bin.txt"), new byte[] {(byte) 0xff, (byte) 0xfe, 0}), "UTF-8");
    }

    private static void assertRefused(Path file, String expected) {
        ModelFileException e = assertThrows(ModelFileException.class, () -> VocabularyFiles.read(file));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
