package org.gatescope.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.gatescope.text.Tokenizer;

/** The text a command works on: {@code --text "…"} or {@code --text-file FILE} ({@code -}: stdin). */
final class TextInput {

    /** Texts beyond this are refused before they are read: far more than any trace can show. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private TextInput() {
    }

    static String read(String command, Options options, InputStream stdin) throws UsageException {
        boolean inline = options.has("text");
        boolean file = options.has("text-file");
        if (inline == file) {
            throw new UsageException(command + ": give the text with either --text \"...\" or --text-file FILE");
        }
        if (inline) {
            return options.get("text");
        }
        String name = options.get("text-file");
        try {
            byte[] bytes;
            if (name.equals("-")) {
                bytes = readLimited(stdin, command);
            } else {
                Path path = Path.of(name);
                if (Files.isDirectory(path)) {
                    throw new UsageException(command + ": " + name + " is a directory, not a text file");
                }
                if (Files.size(path) > MAX_BYTES) {
                    throw new UsageException(command + ": " + name + " is " + Files.size(path) / (1024 * 1024)
                            + " MB; texts up to " + MAX_BYTES / (1024 * 1024) + " MB are accepted");
                }
                bytes = Files.readAllBytes(path);
            }
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new UsageException(command + ": text file " + name + " does not exist");
        } catch (CharacterCodingException e) {
            throw new UsageException(command + ": " + name + " is not UTF-8 text");
        } catch (IOException e) {
            throw new UsageException(command + ": cannot read " + name + ": " + e.getMessage());
        }
    }

    /**
     * The tokens of {@code text}, which a command that draws or traces needs at least one of.
     *
     * @param purpose what the text is for, as in "give a sentence to {@code purpose}"
     * @throws UsageException if the text has no tokens
     */
    static List<String> tokens(String command, String text, String purpose) throws UsageException {
        List<String> tokens = Tokenizer.tokenize(text);
        if (tokens.isEmpty()) {
            throw new UsageException(command + ": the text is empty: give a sentence to " + purpose);
        }
        return tokens;
    }

    private static byte[] readLimited(InputStream in, String command) throws IOException, UsageException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        int n;
        while ((n = in.read(buffer)) > 0) {
            out.write(buffer, 0, n);
            if (out.size() > MAX_BYTES) {
                throw new UsageException(command + ": standard input holds more than "
                        + MAX_BYTES / (1024 * 1024) + " MB of text");
            }
        }
        return out.toByteArray();
    }
}
