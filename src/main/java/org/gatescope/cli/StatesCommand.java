package org.gatescope.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.Trace;
import org.gatescope.engine.analysis.AnalysisException;
import org.gatescope.engine.analysis.Pca;
import org.gatescope.engine.analysis.StateSpace;
import org.gatescope.io.AnalysisJson;
import org.gatescope.io.IoErrors;
import org.gatescope.io.PcaBasisFile;

/**
 * {@code states}: the text's trajectory through state space, a&lt;t&gt; or c&lt;t&gt; of a layer projected on
 * its top principal components (EJML's SVD), as the trajectory window draws it; the basis fitted on the text
 * itself, on a corpus, or read from a file saved earlier.
 */
final class StatesCommand implements Command {

    @Override
    public String name() {
        return "states";
    }

    @Override
    public String summary() {
        return "project a text's states on their principal components (PCA, JSON)";
    }

    @Override
    public String usage() {
        return "states --model M (--text \"...\" | --text-file FILE|- | --ids … | --input-csv FILE) [--vocab FILE]"
                + " [--layer N[b]] [--quantity a|c] [--pca K] [--fit-on text|agreement|FILE | --basis FILE]"
                + " [--save-basis FILE] [--format json] [--out FILE]";
    }

    @Override
    public int run(String[] args, InputStream in, PrintStream out, PrintStream err) throws Exception {
        Set<String> allowed = new HashSet<>(AnalysisInput.OPTIONS);
        allowed.addAll(Set.of("pca", "fit-on", "basis", "save-basis", "format", "out"));
        Options options = Options.parse(name(), args, 0, allowed, Set.of());
        options.choice("format", "json", Set.of("json"));
        if (options.has("basis") && options.has("fit-on")) {
            throw new UsageException(name() + ": give --basis FILE (a saved basis) or --fit-on, not both");
        }
        AnalysisInput input = AnalysisInput.open(name(), options);
        Trace trace = input.text(in);
        try {
            PcaBasisFile.Basis basis;
            if (options.has("basis")) {
                if (options.has("pca")) {
                    throw new UsageException(name() + ": --pca is the saved basis' own with --basis; leave it out");
                }
                basis = readBasis(options.get("basis"));
            } else {
                int k = options.intValue("pca", 2, 1, trace.hidden());
                basis = fit(options.get("fit-on", "text"), input, trace, k);
            }
            Quantity quantity = input.quantity();
            if (options.has("basis")) {
                Quantity saved = Quantity.fromKey(basis.quantity()).orElse(quantity);
                if (options.has("quantity") && saved != quantity) {
                    throw new UsageException(name() + ": the basis was fitted on " + saved.key() + ", not "
                            + quantity.key() + " (leave out --quantity)");
                }
                quantity = saved;
            }
            double[][] points = StateSpace.path(basis.pca(), trace, quantity);
            if (options.has("save-basis")) {
                save(basis, options.get("save-basis"));
                err.println("wrote " + options.get("save-basis") + " (" + basis.pca().size() + " components of "
                        + basis.pca().hidden() + " units, fitted on " + basis.fittedOn() + ")");
            }
            OutputTarget.write(name(), options.get("out"), out, writer -> AnalysisJson.states(
                    basis.pca().explainedVarianceRatio(), basis.pca().components(), points, writer));
        } catch (AnalysisException e) {
            throw new UsageException(name() + ": " + e.getMessage());
        }
        return 0;
    }

    private PcaBasisFile.Basis fit(String fitOn, AnalysisInput input, Trace trace, int k) throws Exception {
        String quantity = input.quantity().key();
        if (fitOn.equals("text")) {
            return new PcaBasisFile.Basis(Pca.fit(StateSpace.states(trace, input.quantity()), k), quantity,
                    input.layerLabel(), "the text's " + trace.length() + " tokens");
        }
        List<List<String>> sentences;
        String description;
        if (fitOn.equals("agreement")) {
            sentences = StateSpace.corpusSentences();
            description = StateSpace.CORPUS_DESCRIPTION;
        } else {
            Path file = Path.of(fitOn);
            if (!Files.isRegularFile(file)) {
                throw new UsageException(name() + ": --fit-on must be text, agreement or a text file; " + fitOn
                        + " is none of them");
            }
            try {
                sentences = StateSpace.sentencesOf(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UsageException(name() + ": cannot read " + fitOn + ": " + IoErrors.reason(e));
            }
            description = file.getFileName() + ", " + sentences.size() + " lines";
        }
        Pca pca = StateSpace.fit(input.corpus("fit a basis on a corpus"), sentences, input.quantity(), k);
        return new PcaBasisFile.Basis(pca, quantity, input.layerLabel(), description);
    }

    private PcaBasisFile.Basis readBasis(String file) throws UsageException {
        try {
            return PcaBasisFile.read(Path.of(file));
        } catch (IOException e) {
            throw new UsageException(name() + ": " + (e.getMessage() == null ? "cannot read " + file : e.getMessage()));
        }
    }

    private void save(PcaBasisFile.Basis basis, String file) throws UsageException {
        try {
            PcaBasisFile.write(basis, Path.of(file));
        } catch (IOException e) {
            throw new UsageException(name() + ": cannot write " + file + ": " + IoErrors.reason(e));
        }
    }
}
