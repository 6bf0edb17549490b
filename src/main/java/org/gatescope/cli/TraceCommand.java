package org.gatescope.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gatescope.engine.Model;
import org.gatescope.engine.Network;
import org.gatescope.engine.NetworkTrace;
import org.gatescope.engine.Trace;
import org.gatescope.engine.analysis.MemoryAccount;
import org.gatescope.engine.analysis.MemoryReach;
import org.gatescope.engine.analysis.NetworkOutputs;
import org.gatescope.engine.analysis.NetworkReach;
import org.gatescope.engine.intervention.GateClamp;
import org.gatescope.engine.intervention.GateClamps;
import org.gatescope.engine.cell.Tracer;
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
                + " [--head softmax|sigmoid|none] [--format json|csv] [--probs] [--reach [--layer N[b]]]"
                + " [--clamp GATE:UNITS:FROM-TO=VALUE]... [--memory FROM] [--out FILE]";
    }

    @Override
    public int run(String[] args, InputStream in, PrintStream out, PrintStream err) throws Exception {
        Options options = Options.parse(name(), args, 0,
                Set.of("model", "text", "text-file", "format", "out", "vocab", "ids", "input-csv", "layer", "head",
                        "clamp", "memory"),
                Set.of("probs", "reach"), Set.of("clamp"));
        if (options.has("layer") && !options.has("reach")) {
            throw new UsageException(name() + ": --layer chooses the layer --reach is taken on; every layer is traced");
        }
        String format = options.choice("format", "json", Set.of("json", "csv"));
        GateClamps clamps = clampsOf(name(), options);
        if (options.has("memory") && format.equals("csv")) {
            throw new UsageException(name() + ": --memory is written into JSON only (use --format json)");
        }
        if (!clamps.isEmpty() && options.has("reach")) {
            throw new UsageException(name() + ": --reach is the gradient of the model as it runs; it is not taken"
                    + " through clamped gates (drop --clamp or --reach)");
        }
        boolean probs = options.has("probs");
        if (options.has("reach") && format.equals("csv")) {
            throw new UsageException(name() + ": --reach is written into JSON only (use --format json)");
        }
        String modelName = options.require("model");
        Trace trace;
        MemoryReach reach = null;
        MemoryAccount memory = null;
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
                if (!clamps.isEmpty()) {
                    trace = Tracer.trace(model, trace.tokens(), null, checked(name(), clamps, model, trace.length()));
                    network = NetworkTrace.of(Network.of(model), trace);
                }
                reach = options.has("reach") ? networkReach(Network.of(model), network, options.get("layer")) : null;
            } else if (options.has("layer")) {
                throw new UsageException(name() + ": " + modelName + " has one layer; --layer is for models trained elsewhere");
            } else {
                List<String> tokens = firstPartThatFits(TextInput.tokens(name(), TextInput.read(name(), options, in),
                        "trace"), model, err);
                trace = Tracer.trace(model, tokens, null,
                        clamps.isEmpty() ? null : checked(name(), clamps, model, tokens.size()));
                reportUnknownWords(trace.unknownWords(), err);
                reach = options.has("reach") ? MemoryReach.defaultTarget(model, tokens) : null;
                network = NetworkTrace.of(Network.of(model), trace);
            }
            memory = options.has("memory") ? memoryOf(options, trace) : null;
        } else {
            Network imported = ImportedModelOptions.read(name(), options, modelName);
            if (!clamps.isEmpty() || options.has("memory")) {
                throw new UsageException(name() + ": --clamp and --memory need a GateScope model (bundled, trained or"
                        + " imported with gatescope import); " + modelName + " is traced as it is");
            }
            NetworkInput.Traced traced = NetworkInput.trace(name(), options, in, imported);
            network = traced.trace();
            trace = network.lastForward();
            if (options.has("reach")) {
                reach = networkReach(imported, network, options.get("layer"));
            }
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
        MemoryAccount finalMemory = memory;
        Trace finalTrace = trace;
        NetworkTrace finalNetwork = network;
        OutputTarget.write(name(), options.get("out"), out, writer -> {
            if (format.equals("csv")) {
                TraceCsv.write(finalTrace, writer, probs);
            } else {
                TraceJson.write(finalTrace, finalReach, finalNetwork, clamps, finalMemory, writer, probs);
            }
        });
        return 0;
    }

    /**
     * The reach of a network's default output (the token read last, predicted after the one before it, for a
     * next-token model; the model's choice otherwise) on the layer direction {@code layer} names.
     */
    private MemoryReach networkReach(Network network, NetworkTrace traced, String layer) throws UsageException {
        int direction = LayerOption.direction(name(), traced, layer);
        int steps = traced.length();
        int step = network.readout() == Network.Readout.EVERY_STEP && NetworkOutputs.predictsInput(network)
                && steps >= 2 ? steps - 2 : steps - 1;
        return NetworkReach.atStep(network, traced, direction, step);
    }

    /** Every {@code --clamp}, in the order given (the later wins where two overlap). */
    static GateClamps clampsOf(String command, Options options) throws UsageException {
        List<GateClamp> clamps = new ArrayList<>();
        for (String spec : options.all("clamp")) {
            try {
                clamps.add(GateClamp.parse(spec));
            } catch (IllegalArgumentException e) {
                throw new UsageException(command + ": --clamp " + spec + ": " + e.getMessage());
            }
        }
        return new GateClamps(clamps);
    }

    /** {@code clamps}, refused with the first one's reason if it does not fit the model or the text. */
    static GateClamps checked(String command, GateClamps clamps, Model model, int steps) throws UsageException {
        for (GateClamp clamp : clamps.clamps()) {
            try {
                clamp.check(model.cell(), model.hiddenSize(), steps);
            } catch (IllegalArgumentException e) {
                throw new UsageException(command + ": --clamp " + clamp.spec() + ": " + e.getMessage());
            }
        }
        return clamps;
    }

    private MemoryAccount memoryOf(Options options, Trace trace) throws UsageException {
        int from = options.intValue("memory", 0, Integer.MIN_VALUE, Integer.MAX_VALUE);
        if (!MemoryAccount.accountable(trace.cell())) {
            throw new UsageException(name() + ": --memory: the vanilla RNN has no memory cell to account for");
        }
        if (from < 0 || from >= trace.length()) {
            throw new UsageException(name() + ": --memory " + from + " lies outside the text's " + trace.length()
                    + " tokens (positions 0 to " + (trace.length() - 1) + ")");
        }
        return new MemoryAccount(trace, from);
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
