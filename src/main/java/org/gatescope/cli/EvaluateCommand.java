package org.gatescope.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.gatescope.engine.Model;
import org.gatescope.engine.analysis.AgreementEvaluation;
import org.gatescope.engine.analysis.AgreementProbe;
import org.gatescope.engine.analysis.AgreementScorer;
import org.gatescope.io.JsonWriter;
import org.gatescope.io.ModelLibrary;
import org.gatescope.text.Tokenizer;

/**
 * {@code evaluate}: agreement accuracy, on the built-in held-out sets with a breakdown, or
 * on the user's own probes ({@code prefix<TAB>good<TAB>bad} per line).
 */
final class EvaluateCommand implements Command {

    /** One line of a probe file, as written. */
    private record ProbeLine(String prefix, String good, String bad) {
    }

    @Override
    public String name() {
        return "evaluate";
    }

    @Override
    public String summary() {
        return "agreement accuracy: built-in held-out sets with a breakdown, or your own probes";
    }

    @Override
    public String usage() {
        return "evaluate --model M [--file PROBES.tsv] [--format text|json]";
    }

    @Override
    public int run(String[] args, InputStream in, PrintStream out, PrintStream err) throws Exception {
        Options options = Options.parse(name(), args, 0, Set.of("model", "file", "format"), Set.of());
        String format = options.choice("format", "text", Set.of("text", "json"));
        String file = options.get("file");
        List<ProbeLine> lines = file == null ? null : readProbes(file);
        Model model = ModelLibrary.load(options.require("model"));
        if (lines == null) {
            printBreakdown(options.require("model"), AgreementEvaluation.evaluate(model), format, out);
        } else {
            scoreProbes(model, file, lines, format, out);
        }
        return 0;
    }

    private void printBreakdown(String name, List<AgreementEvaluation.Row> rows, String format, PrintStream out)
            throws IOException {
        if (format.equals("json")) {
            StringBuilder json = new StringBuilder();
            JsonWriter writer = new JsonWriter(json, true);
            writer.beginObject().name("model").value(name).name("accuracy").value(rows.get(0).accuracy());
            writer.name("breakdown").beginArray();
            for (AgreementEvaluation.Row row : rows) {
                writer.beginObject().name("group").value(row.group()).name("label").value(row.label())
                        .name("count").value(row.count());
                if (!Double.isNaN(row.accuracy())) {
                    writer.name("accuracy").value(row.accuracy());
                }
                writer.endObject();
            }
            writer.endArray().endObject();
            out.println(json);
            return;
        }
        out.printf("agreement of %s: p(correct verb) > p(wrong verb) at the verb%n", name);
        String group = "";
        for (AgreementEvaluation.Row row : rows) {
            if (!row.group().equals(group)) {
                group = row.group();
                out.println(group);
            }
            out.printf(Locale.ROOT, "  %-42s %6s  (%d sentences)%n", row.label(),
                    Double.isNaN(row.accuracy()) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * row.accuracy()),
                    row.count());
        }
    }

    private void scoreProbes(Model model, String file, List<ProbeLine> lines, String format, PrintStream out)
            throws UsageException, IOException {
        List<AgreementProbe> probes = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            ProbeLine line = lines.get(i);
            List<String> prefix = Tokenizer.tokenize(line.prefix());
            int[] ids = new int[prefix.size()];
            for (int t = 0; t < ids.length; t++) {
                ids[t] = model.vocabulary().indexOf(prefix.get(t));
            }
            probes.add(new AgreementProbe(ids, ids.length - 1, verb(model, file, i, line.good()),
                    verb(model, file, i, line.bad())));
        }
        List<AgreementProbe.Score> scores = AgreementScorer.score(model.spec(), model.weights(), probes);
        double accuracy = AgreementScorer.accuracy(scores);
        if (format.equals("json")) {
            StringBuilder json = new StringBuilder();
            JsonWriter writer = new JsonWriter(json, true);
            writer.beginObject().name("accuracy").value(accuracy).name("probes").beginArray();
            for (int i = 0; i < lines.size(); i++) {
                writer.beginObject().name("prefix").value(lines.get(i).prefix())
                        .name("good").value(lines.get(i).good()).name("bad").value(lines.get(i).bad())
                        .name("p_good").value(scores.get(i).good()).name("p_bad").value(scores.get(i).bad())
                        .endObject();
            }
            writer.endArray().endObject();
            out.println(json);
            return;
        }
        for (int i = 0; i < lines.size(); i++) {
            AgreementProbe.Score score = scores.get(i);
            out.printf(Locale.ROOT, "%s  p(%s)=%.4f  p(%s)=%.4f  %s%n", score.passed() ? "pass" : "FAIL",
                    lines.get(i).good(), score.good(), lines.get(i).bad(), score.bad(), lines.get(i).prefix());
        }
        out.printf(Locale.ROOT, "accuracy %.1f%% (%d of %d probes)%n", 100 * accuracy,
                scores.stream().filter(AgreementProbe.Score::passed).count(), scores.size());
    }

    private int verb(Model model, String file, int line, String word) throws UsageException {
        String token = word.strip().toLowerCase(Locale.ROOT);
        if (!model.vocabulary().contains(token)) {
            throw new UsageException(name() + ": " + file + " line " + (line + 1) + ": '" + word
                    + "' is not in the model's vocabulary, so it has no probability to compare");
        }
        return model.vocabulary().indexOf(token);
    }

    private List<ProbeLine> readProbes(String file) throws UsageException {
        List<String> raw;
        try {
            raw = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageException(name() + ": probe file " + file + " does not exist");
        } catch (IOException e) {
            throw new UsageException(name() + ": cannot read " + file + ": " + e.getMessage());
        }
        List<ProbeLine> lines = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String line = raw.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length != 3) {
                throw new UsageException(name() + ": " + file + " line " + (i + 1)
                        + ": expected prefix<TAB>good<TAB>bad, found " + fields.length + " field(s)");
            }
            if (Tokenizer.tokenize(fields[0]).isEmpty()) {
                throw new UsageException(name() + ": " + file + " line " + (i + 1) + ": the prefix is empty");
            }
            lines.add(new ProbeLine(fields[0], fields[1].strip(), fields[2].strip()));
        }
        if (lines.isEmpty()) {
            throw new UsageException(name() + ": " + file + " holds no probes");
        }
        return lines;
    }
}
