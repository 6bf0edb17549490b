package org.gatescope.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gatescope.engine.Network;
import org.gatescope.engine.NetworkTrace;
import org.gatescope.engine.cell.NetworkTracer;
import org.gatescope.io.ModelFileException;
import org.gatescope.io.VocabularyFiles;
import org.gatescope.text.FrameworkTokenizer;
import org.gatescope.text.NumberRows;

/**
 * The input of a model trained elsewhere, in one of three forms: text read through its vocabulary
 * ({@code --text}/{@code --text-file} with {@code --vocab}), token ids ({@code --ids 1,5,9}: embedding
 * rows, or the hot positions of a one-hot input), or numeric rows ({@code --input-csv FILE}, no header,
 * one row per step).
 */
final class NetworkInput {

    /** A trace and the words the vocabulary did not know (left out, as the model's own tokenizer leaves them). */
    record Traced(NetworkTrace trace, List<String> unknownWords) {
    }

    private NetworkInput() {
    }

    static Traced trace(String command, Options options, InputStream stdin, Network network) throws Exception {
        boolean text = options.has("text") || options.has("text-file");
        boolean ids = options.has("ids");
        boolean csv = options.has("input-csv");
        if ((text ? 1 : 0) + (ids ? 1 : 0) + (csv ? 1 : 0) != 1) {
            throw new UsageException(command + ": give the input one way: --text/--text-file (with --vocab), --ids or --input-csv");
        }
        try {
            if (ids) {
                int[] values = ids(command, options.get("ids"));
                List<String> tokens = new ArrayList<>();
                for (int id : values) {
                    tokens.add(label(network, id));
                }
                return new Traced(NetworkTracer.trace(network, values, tokens, new int[0]), List.of());
            }
            if (csv) {
                return new Traced(NetworkTracer.trace(network, rows(command, options.get("input-csv"))), List.of());
            }
            if (!options.has("vocab")) {
                throw new UsageException(command + ": this model came without a vocabulary: give --vocab FILE"
                        + " (its tokenizer JSON, word index or vocab.txt), or the input as --ids");
            }
            FrameworkTokenizer tokenizer = VocabularyFiles.read(Path.of(options.get("vocab")));
            FrameworkTokenizer.Encoding encoding = tokenizer.encode(TextInput.read(command, options, stdin));
            if (encoding.ids().length == 0) {
                throw new UsageException(command + ": none of the text's words is in the vocabulary"
                        + (encoding.unknown().isEmpty() ? "" : " (" + String.join(", ", encoding.unknown()) + ")"));
            }
            return new Traced(NetworkTracer.trace(network, encoding.ids(), encoding.pieces(), new int[0]),
                    encoding.unknown());
        } catch (IllegalArgumentException e) {
            throw new UsageException(command + ": " + e.getMessage());
        } catch (ModelFileException e) {
            throw new UsageException(command + ": " + e.getMessage());
        }
    }

    private static String label(Network network, int id) {
        List<String> labels = network.outputLabels();
        return id >= 0 && id < labels.size() && !labels.get(id).isEmpty() ? labels.get(id) : "#" + id;
    }

    private static int[] ids(String command, String list) throws UsageException {
        String[] parts = list.split(",");
        int[] ids = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                ids[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new UsageException(command + ": --ids takes whole numbers separated by commas; \""
                        + parts[i].trim() + "\" is not one");
            }
        }
        return ids;
    }

    private static double[][] rows(String command, String file) throws UsageException {
        List<String> lines;
        try {
            Path path = Path.of(file);
            if (Files.size(path) > TextInput.MAX_BYTES) {
                throw new UsageException(command + ": " + file + " is larger than " + TextInput.MAX_BYTES / (1 << 20) + " MB");
            }
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageException(command + ": input file " + file + " does not exist");
        } catch (IOException e) {
            throw new UsageException(command + ": cannot read " + file + ": " + e.getMessage());
        }
        double[][] rows;
        try {
            rows = NumberRows.parse(String.join("\n", lines));
        } catch (IllegalArgumentException e) {
            throw new UsageException(command + ": " + file + " " + e.getMessage());
        }
        if (rows.length == 0) {
            throw new UsageException(command + ": " + file + " holds no rows");
        }
        return rows;
    }
}
