package org.gatescope.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the sentence field of a model trained elsewhere takes without a vocabulary, and where a vocabulary is found. */
class ImportedInputTest {

    @TempDir
    Path folder;

    @Test
    void idsAreWholeNumbersSeparatedByCommasSpacesOrSemicolons() {
        assertArrayEquals(new int[] {1, 5, 9, 2}, ImportedInput.ids(" 1, 5 9;2 "));
        IllegalArgumentException words = assertThrows(IllegalArgumentException.class,
                () -> ImportedInput.ids("the cats"));
        assertTrue(words.getMessage().startsWith("this model has no vocabulary: type token ids"), words.getMessage());
    }

    @Test
    void rowsAreOnePerLineOrSemicolon() {
        double[][] rows = ImportedInput.rows("0.5, 1\n2 3; -1e-3,\t4");
        assertEquals(3, rows.length);
        assertArrayEquals(new double[] {0.5, 1}, rows[0]);
        assertArrayEquals(new double[] {2, 3}, rows[1]);
        assertArrayEquals(new double[] {-1e-3, 4}, rows[2]);
        IllegalArgumentException notANumber = assertThrows(IllegalArgumentException.class,
                () -> ImportedInput.rows("1, 2; 3, x"));
        assertTrue(notANumber.getMessage().startsWith("row 2: \u201Cx\u201D is not a number"), notANumber.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ImportedInput.rows("1, NaN"));
    }

    @Test
    void aVocabularyBesideTheModelIsFoundByItsStemOrTheFolderNames() throws Exception {
        Path model = Files.writeString(folder.resolve("hamlet.h5"), "x");
        assertNull(ModelCatalog.ImportedFiles.vocabularyBeside(model));
        Files.writeString(folder.resolve("hamlet.expected.json"), "{}");
        assertNull(ModelCatalog.ImportedFiles.vocabularyBeside(model), "a reference output is no vocabulary");
        Path folderVocabulary = Files.writeString(folder.resolve("vocab.txt"), "a\nb\n");
        assertEquals(folderVocabulary, ModelCatalog.ImportedFiles.vocabularyBeside(model));
        Path own = Files.writeString(folder.resolve("hamlet.word_index.json"), "{\"a\": 1}");
        assertEquals(own, ModelCatalog.ImportedFiles.vocabularyBeside(model), "the model's own comes first");
    }
}
