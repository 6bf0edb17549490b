package org.gatescope.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.gatescope.engine.analysis.AnalysisException;
import org.gatescope.engine.analysis.ProbeStudy;
import org.gatescope.io.AnalysisJson;
import org.gatescope.io.IoErrors;
import org.gatescope.text.TokenLabels;

/**
 * {@code probe}: a linear probe (diagnostic classifier) of a property from a layer's states, fitted on
 * training sentences and scored on held-out ones per position, with the units it weighs most and how the
 * number units found by ablation compare; the probe window's numbers.
 */
final class ProbeCommand implements Command {

    @Override
    public String name() {
        return "probe";
    }

    @Override
    public String summary() {
        return "fit a linear probe of the subject's number (or your token labels) on a layer's states (JSON)";
    }

    @Override
    public String usage() {
        return "probe --model M [--property number | --labels FILE.tsv] [--vocab FILE] [--layer N[b]] [--quantity a|c]"
                + " [--format json] [--out FILE]";
    }

    @Override
    public int run(String[] args, InputStream in, PrintStream out, PrintStream err) throws Exception {
        Options options = Options.parse(name(), args, 0,
                Set.of("model", "vocab", "layer", "quantity", "property", "labels", "format", "out"), Set.of());
        options.choice("format", "json", Set.of("json"));
        if (options.has("property") && options.has("labels")) {
            throw new UsageException(name() + ": give --property number or --labels FILE, not both");
        }
        options.choice("property", ProbeStudy.NUMBER, Set.of(ProbeStudy.NUMBER));
        AnalysisInput input = AnalysisInput.open(name(), options);
        try {
            ProbeStudy.Dataset data = options.has("labels") ? labels(options.get("labels")) : ProbeStudy.number();
            int[] numberUnits = input.own() == null ? new int[0] : input.own().numberUnits();
            ProbeStudy.Report report = ProbeStudy.run(input.corpus("read the probe's sentences"), input.quantity(),
                    data, numberUnits);
            OutputTarget.write(name(), options.get("out"), out, writer -> AnalysisJson.probe(report,
                    input.layerLabel(), writer));
        } catch (AnalysisException e) {
            throw new UsageException(name() + ": " + e.getMessage());
        }
        return 0;
    }

    private ProbeStudy.Dataset labels(String file) throws UsageException {
        Path path = Path.of(file);
        String text;
        try {
            if (Files.isDirectory(path)) {
                throw new UsageException(name() + ": " + file + " is a directory, not a label file");
            }
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException(name() + ": cannot read " + file + ": " + IoErrors.reason(e));
        }
        try {
            return ProbeStudy.fromLabels(String.valueOf(path.getFileName()), TokenLabels.parse(text));
        } catch (TokenLabels.FormatException e) {
            throw new UsageException(name() + ": " + path.getFileName() + " " + e.getMessage());
        }
    }
}
