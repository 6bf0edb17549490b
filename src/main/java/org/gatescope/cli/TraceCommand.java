package org.gatescope.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.nio.file.Path;
import org.gatescope.engine.Model;
import org.gatescope.engine.Network;
import org.gatescope.engine.NetworkTrace;
import org.gatescope.engine.Trace;
import org.gatescope.engine.analysis.MemoryReach;
import org.gatescope.engine.cell.Tracer;
import org.gatescope.io.ImportedModels;
import org.gatescope.io.ModelLibrary;
import org.gatescope.io.TraceCsv;
import org.gatescope.io.TraceJson;
import org.gatescope.text.UnknownWord;

/** {@code trace}: every gate, c̃, c and a per token, as JSON or CSV. */
final class TraceCommand implements Command {

    /** How many distinct unknown words the message on stderr names. */
    static final int LISTED_UNKNOWN_WORDS = 12;

    @Override
    public String name() {
        return "trace";
    }

    @Override
    public String summary() {
        return "print every gate, c̃, c and a of a model on a text (JSON or CSV)";
    }

    @Override
    public String usage() {
        return "trace --model M (--text \"...\" | --text-file FILE|- | --ids 1,5,9 | --input-csv FILE) [--vocab FILE]"
                + " [--format json|csv] [--probs] [--reach] [--out FILE]";
    }

    @Override
    public int run(String[] args, InputStream in, PrintStream out, PrintStream err) throws Exception {
        Options options = Options.parse(name(), args, 0,
                Set.of("model", "text", "text-file", "format", "out", "vocab", "ids", "input-csv"), Set.of("probs", "reach"));
        String format = options.choice("format", "json", Set.of("json", "csv"));
        boolean probs = options.has("probs");
        if (options.has("reach") && format.equals("csv")) {
            throw new UsageException(name() + ": --reach is written into JSON only (use --format json)");
        }
        String modelName = options.require("model");
        Trace trace;
        MemoryReach reach = null;
        NetworkTrace network;
        if (ModelLibrary.isGateScopeModel(modelName)) {
            Model model = ModelLibrary.loadTested(modelName);
            if (options.has("vocab") || options.has("input-csv")) {
                throw new UsageException(name() + ": " + modelName + " is a GateScope model with its own vocabulary;"
                        + " give it --text or --ids");
            }
            if (options.has("ids")) {
                network = NetworkInput.trace(name(), options, in, Network.of(model)).trace();
                trace = Tracer.trace(model, idsOf(network));
            } else {
                List<String> tokens = firstPartThatFits(TextInput.tokens(name(), TextInput.read(name(), options, in), "trace"),
                        model, err);
                trace = Tracer.trace(model, tokens);
                reportUnknownWords(trace.unknownWords(), err);
                reach = options.has("reach") ? MemoryReach.defaultTarget(model, tokens) : null;
                network = NetworkTrace.of(Network.of(model), trace);
            }
        } else {
            Network imported = ImportedModels.read(Path.of(modelName), options.has("vocab") ? Path.of(options.get("vocab")) : null);
            if (options.has("reach")) {
                throw new UsageException(name() + ": --reach needs a GateScope next-token model; " + modelName
                        + " is traced without it");
            }
            NetworkInput.Traced traced = NetworkInput.trace(name(), options, in, imported);
            network = traced.trace();
            trace = network.lastForward();
            if (probs && trace.vocabularySize() == 0) {
                throw new UsageException(name() + ": --probs needs a head that predicts labelled tokens;"
                        + " this model's output is in \"output\"");
            }
            if (!traced.unknownWords().isEmpty()) {
                err.println(name() + ": left out words the vocabulary does not know: "
                        + String.join(", ", traced.unknownWords()));
            }
        }
        MemoryReach finalReach = reach;
        NetworkTrace finalNetwork = network;
        OutputTarget.write(name(), options.get("out"), out, writer -> {
            if (format.equals("csv")) {
                TraceCsv.write(trace, writer, probs);
            } else {
                TraceJson.write(trace, finalReach, finalNetwork, writer, probs);
            }
        });
        return 0;
    }

    /**
     * The text's tokens, or as many of its first ones as this JVM can trace: a long paste is traced
     * in part, with a message saying so, rather than refused.
     */
    private List<String> firstPartThatFits(List<String> tokens, Model model, PrintStream err) {
        long fit = Tracer.tokensThatFit(model.spec());
        if (tokens.size() <= fit) {
            return tokens;
        }
        if (fit < 1) {
            Tracer.requireFitsInMemory(model.spec(), tokens.size()); // not even one token: the engine's refusal
        }
        err.printf(Locale.ROOT, "%s: the text has %,d tokens, more than fit in memory: traced the first %,d"
                + " (give Java more memory with -Xmx to trace more)%n", name(), tokens.size(), fit);
        return tokens.subList(0, (int) fit);
    }

    /** "trace: 3 unknown words: keys → <unk-s>, cabinet → <unk>, …", each distinct word once (all in the JSON). */
    private void reportUnknownWords(List<UnknownWord> unknown, PrintStream err) {
        if (unknown.isEmpty()) {
            return;
        }
        Map<String, String> distinct = new LinkedHashMap<>();
        for (UnknownWord word : unknown) {
            distinct.putIfAbsent(word.word(), word.readAs());
        }
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s: %,d unknown %s", name(), unknown.size(),
                unknown.size() == 1 ? "word" : "words"));
        if (distinct.size() < unknown.size()) {
            line.append(String.format(Locale.ROOT, " (%,d distinct)", distinct.size()));
        }
        line.append(", read as their signature or <unk>: ");
        int shown = 0;
        for (Map.Entry<String, String> word : distinct.entrySet()) {
            if (shown == LISTED_UNKNOWN_WORDS) {
                line.append(String.format(Locale.ROOT, ", \u2026 and %,d more (all in \"unknown_words\" of the JSON)",
                        distinct.size() - shown));
                break;
            }
            line.append(shown == 0 ? "" : ", ").append(word.getKey()).append(" \u2192 ").append(word.getValue());
            shown++;
        }
        err.println(line);
    }

    private static int[] idsOf(NetworkTrace network) {
        return network.layers().get(0).trace().tokenIds();
    }
}
