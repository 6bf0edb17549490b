package org.gatescope.io;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.gatescope.text.FrameworkTokenizer;

/**
 * Reads the vocabulary a model trained elsewhere came with, in the forms people keep it:
 * <ul>
 *   <li>a Keras {@code Tokenizer.to_json()} file, whose {@code word_index} is itself a JSON string,
 *       with the tokenizer's lower-casing, filters, split, character level, OOV token and num_words;</li>
 *   <li>a {@code {token: id}} object, alone or under {@code word_index}, {@code char_indices},
 *       {@code stoi}, {@code char2idx}, {@code token_to_id} or {@code vocab};</li>
 *   <li>a JSON array of tokens (id = position), alone or as the one array inside an object;</li>
 *   <li>a {@code vocab.txt}, one token a line.</li>
 * </ul>
 * Character level is what the file says, or else a vocabulary of single characters.
 */
public final class VocabularyFiles {

    static final long MAX_BYTES = 64L << 20;
    private static final List<String> MAP_KEYS = List.of("word_index", "char_indices", "stoi", "char2idx",
            "token_to_id", "vocab");

    private VocabularyFiles() {
    }

    public static FrameworkTokenizer read(Path path) throws ModelFileException {
        String text = text(path);
        if (path.getFileName().toString().endsWith(".txt")) {
            List<String> lines = new ArrayList<>(Arrays.asList(text.split("\r?\n", -1)));
            if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
                lines.remove(lines.size() - 1);
            }
            return tokenizer(path, lines, null);
        }
        Object json;
        try {
            json = Json.parse(text);
        } catch (JsonException e) {
            throw new ModelFileException(path, "is not valid JSON: " + e.getMessage(), e);
        }
        return fromJson(path, json);
    }

    private static FrameworkTokenizer fromJson(Path path, Object json) throws ModelFileException {
        if (json instanceof List<?> list) {
            return tokenizer(path, strings(path, list), null);
        }
        if (!(json instanceof Map<?, ?> object)) {
            throw new ModelFileException(path, "holds neither a token list nor a token-to-id object");
        }
        if ("Tokenizer".equals(object.get("class_name")) && object.get("config") instanceof Map<?, ?> config) {
            return kerasTokenizer(path, config);
        }
        for (String key : MAP_KEYS) {
            if (object.get(key) instanceof Map<?, ?> ids) {
                return tokenizer(path, byId(path, ids), null);
            }
        }
        List<List<?>> arrays = new ArrayList<>();
        for (Object value : object.values()) {
            if (value instanceof List<?> array) {
                arrays.add(array);
            }
        }
        if (arrays.size() == 1) {
            return tokenizer(path, strings(path, arrays.get(0)), null);
        }
        if (!object.isEmpty() && object.values().stream().allMatch(Number.class::isInstance)) {
            return tokenizer(path, byId(path, object), null);
        }
        throw new ModelFileException(path, "is a JSON object without a vocabulary GateScope recognises ("
                + "a Keras Tokenizer, a {token: id} object, or one token array)");
    }

    private static FrameworkTokenizer kerasTokenizer(Path path, Map<?, ?> config) throws ModelFileException {
        Object wordIndex = config.get("word_index");
        if (wordIndex instanceof String nested) { // Keras writes the dictionaries as JSON strings inside JSON
            try {
                wordIndex = Json.parse(nested);
            } catch (JsonException e) {
                throw new ModelFileException(path, "word_index is not valid JSON: " + e.getMessage(), e);
            }
        }
        if (!(wordIndex instanceof Map<?, ?> ids)) {
            throw new ModelFileException(path, "is a Keras Tokenizer without a word_index");
        }
        List<String> tokens = byId(path, ids);
        boolean characters = Boolean.TRUE.equals(config.get("char_level"));
        boolean lower = !Boolean.FALSE.equals(config.get("lower"));
        String filters = config.get("filters") instanceof String f ? f : FrameworkTokenizer.KERAS_FILTERS;
        String split = config.get("split") instanceof String s ? s : " ";
        int oov = -1;
        if (config.get("oov_token") instanceof String oovToken) {
            oov = tokens.indexOf(oovToken);
        }
        int numWords = config.get("num_words") instanceof Number n ? n.intValue() : 0;
        return new FrameworkTokenizer(tokens, characters, lower, filters, split, oov, numWords);
    }

    /** A plain vocabulary: lower-casing only if no token has a capital letter; Keras's filters for words. */
    private static FrameworkTokenizer tokenizer(Path path, List<String> tokens, Boolean characters)
            throws ModelFileException {
        if (tokens.stream().allMatch(t -> t == null || t.isEmpty())) {
            throw new ModelFileException(path, "holds no tokens");
        }
        boolean chars = characters != null ? characters
                : tokens.stream().allMatch(t -> t == null || t.codePointCount(0, t.length()) == 1);
        boolean lower = tokens.stream().noneMatch(t -> t != null && !t.equals(t.toLowerCase(java.util.Locale.ROOT)));
        return new FrameworkTokenizer(tokens, chars, lower, chars ? "" : FrameworkTokenizer.KERAS_FILTERS, " ", -1, 0);
    }

    private static List<String> byId(Path path, Map<?, ?> ids) throws ModelFileException {
        int size = 0;
        for (Map.Entry<?, ?> e : ids.entrySet()) {
            if (!(e.getValue() instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.longValue() < 0) {
                throw new ModelFileException(path, "gives token \"" + e.getKey() + "\" the id " + e.getValue()
                        + "; ids are whole numbers from 0");
            }
            if (n.longValue() > 10_000_000) {
                throw new ModelFileException(path, "gives token \"" + e.getKey() + "\" the id " + n.longValue()
                        + ", more than any vocabulary GateScope opens");
            }
            size = Math.max(size, n.intValue() + 1);
        }
        List<String> tokens = new ArrayList<>(java.util.Collections.nCopies(size, (String) null));
        for (Map.Entry<?, ?> e : ids.entrySet()) {
            int id = ((Number) e.getValue()).intValue();
            if (tokens.get(id) == null) {
                tokens.set(id, String.valueOf(e.getKey()));
            }
        }
        return tokens;
    }

    private static List<String> strings(Path path, List<?> list) throws ModelFileException {
        List<String> tokens = new ArrayList<>(list.size());
        for (Object item : list) {
            if (!(item instanceof String s)) {
                throw new ModelFileException(path, "lists " + item + " among its tokens; tokens are strings");
            }
            tokens.add(s);
        }
        return tokens;
    }

    private static String text(Path path) throws ModelFileException {
        if (Files.isDirectory(path)) {
            throw new ModelFileException(path, "is a directory, not a vocabulary file");
        }
        try {
            long size = Files.size(path);
            if (size == 0) {
                throw new ModelFileException(path, "is empty (0 bytes)");
            }
            if (size > MAX_BYTES) {
                throw new ModelFileException(path, "is " + size + " bytes, larger than a vocabulary GateScope opens");
            }
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(path))).toString();
        } catch (NoSuchFileException e) {
            throw new ModelFileException(path, "file not found", e);
        } catch (CharacterCodingException e) {
            throw new ModelFileException(path, "is not UTF-8 text", e);
        } catch (IOException e) {
            throw new ModelFileException(path, "cannot read: " + IoErrors.reason(e), e);
        }
    }
}
