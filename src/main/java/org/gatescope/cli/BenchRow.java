package org.gatescope.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One line of {@code bench}'s output: the case, the cell, the shape fields in a fixed order and
 * the measured value last, e.g. {@code lm-train gru H=64 D=32 V=5000 batch=32 T=20 threads=2
 * tokens_per_s=9000}. The PyTorch reference script prints the same lines, which is how the two are
 * matched for the ratios. A training row of GateScope's also names the precision of its products,
 * {@code precision=float64} or {@code float32} (decision 0023), just before the value; PyTorch's rows
 * (float32, its default) name none, and the two match whatever GateScope's precision.
 *
 * @param fields the shape fields in output order (H, D, V, batch, T, threads: those the case has)
 * @param precision the products' precision ({@code float64}, {@code float32}), or null where the row has none
 * @param unit {@code us_per_token} (lower is faster) or {@code tokens_per_s} (higher is faster)
 */
record BenchRow(String kind, String cell, Map<String, Integer> fields, String precision, String unit, double value) {

    static final String MICROS_PER_TOKEN = "us_per_token";
    static final String TOKENS_PER_SECOND = "tokens_per_s";

    BenchRow {
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    static BenchRow trace(String cell, int hidden, int embed, double micros) {
        return new BenchRow("trace", cell, ordered("H", hidden, "D", embed), null, MICROS_PER_TOKEN, micros);
    }

    static BenchRow train(String cell, int hidden, int embed, int batch, int steps, int threads, String precision,
                          double rate) {
        return new BenchRow("train", cell, ordered("H", hidden, "D", embed, "batch", batch, "T", steps,
                "threads", threads), precision, TOKENS_PER_SECOND, rate);
    }

    static BenchRow languageModelTrain(String cell, int hidden, int embed, int vocab, int batch, int steps,
                                       int threads, String precision, double rate) {
        return new BenchRow("lm-train", cell, ordered("H", hidden, "D", embed, "V", vocab, "batch", batch, "T", steps,
                "threads", threads), precision, TOKENS_PER_SECOND, rate);
    }

    static BenchRow languageModelTrace(String cell, int hidden, int embed, int vocab, double micros) {
        return new BenchRow("lm-trace", cell, ordered("H", hidden, "D", embed, "V", vocab, "threads", 1), null,
                MICROS_PER_TOKEN, micros);
    }

    private static Map<String, Integer> ordered(Object... pairs) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return map;
    }

    /** The line: two decimals for µs, whole tokens per second. */
    String format() {
        StringBuilder line = new StringBuilder(kind).append(' ').append(cell).append(shape());
        line.append(' ').append(unit).append('=');
        line.append(unit.equals(MICROS_PER_TOKEN) ? String.format(Locale.ROOT, "%.2f", value)
                : String.format(Locale.ROOT, "%.0f", value));
        return line.toString();
    }

    /** The row a line holds, or empty if it is not one (a warning the script printed, say). */
    static Optional<BenchRow> parse(String line) {
        String[] words = line.trim().split("\\s+");
        if (words.length < 3) {
            return Optional.empty();
        }
        Map<String, Integer> fields = new LinkedHashMap<>();
        String precision = null;
        try {
            for (int i = 2; i < words.length - 1; i++) {
                String[] pair = words[i].split("=", 2);
                if (pair.length != 2) {
                    return Optional.empty();
                }
                if (pair[0].equals("precision")) {
                    precision = pair[1];
                } else {
                    fields.put(pair[0], Integer.parseInt(pair[1]));
                }
            }
            String[] last = words[words.length - 1].split("=", 2);
            if (last.length != 2 || !(last[0].equals(MICROS_PER_TOKEN) || last[0].equals(TOKENS_PER_SECOND))) {
                return Optional.empty();
            }
            return Optional.of(new BenchRow(words[0], words[1], fields, precision, last[0],
                    Double.parseDouble(last[1])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** " H=64 D=32 …" and, if the row has one, " precision=…". */
    private String shape() {
        StringBuilder text = new StringBuilder();
        fields.forEach((name, v) -> text.append(' ').append(name).append('=').append(v));
        if (precision != null) {
            text.append(" precision=").append(precision);
        }
        return text.toString();
    }

    /** Case, cell and shape (not precision): what a GateScope row and a PyTorch row must share to be compared. */
    String key() {
        return kind + " " + cell + " " + fields;
    }

    /** How many times faster than {@code other} (of the same key) this row is. */
    double speedupOver(BenchRow other) {
        return unit.equals(MICROS_PER_TOKEN) ? other.value / value : value / other.value;
    }

    /**
     * One line per GateScope row that has a PyTorch row of the same case and shape:
     * {@code ratio lm-train gru H=64 D=32 V=5000 batch=32 T=20 threads=1 gatescope/torch=1.23}
     * (how many times faster GateScope is; above 1 is faster).
     */
    static List<String> ratios(List<BenchRow> ours, List<BenchRow> reference) {
        Map<String, BenchRow> byKey = new LinkedHashMap<>();
        for (BenchRow row : reference) {
            byKey.put(row.key(), row);
        }
        List<String> lines = new ArrayList<>();
        for (BenchRow row : ours) {
            BenchRow theirs = byKey.get(row.key());
            if (theirs != null && theirs.value > 0 && row.value > 0) {
                StringBuilder line = new StringBuilder("ratio ").append(row.kind).append(' ').append(row.cell)
                        .append(row.shape());
                line.append(String.format(Locale.ROOT, " gatescope/torch=%.2f", row.speedupOver(theirs)));
                lines.add(line.toString());
            }
        }
        return lines;
    }
}
